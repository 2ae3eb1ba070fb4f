/**
 * Staking params (spec-staking §0.7, §1.4 MsgUpdateParams), stored at 0x51 as plain protobuf. The
 * unbonding time is a Go `time.Duration` (nanoseconds).
 */
import { create } from "@bufbuild/protobuf";
import { type Params as ParamsProto, ParamsSchema } from "../../codec/cosmos/staking/v1beta1/staking_pb.js";
import { goTrimSpace, isValidDenom } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { durationNanos, durationOf } from "../register/params.js";
import { NANOS_PER_SECOND } from "../register/logic/time.js";
import type { StakingParams } from "./types.js";

/** stratos-1's values (spec-staking §0.7): 21 days, 100 validators, 7 entries, 10 000 historical entries, wei. */
export const DEFAULT_STAKING_PARAMS: StakingParams = {
  unbondingTime: 1_814_400n * NANOS_PER_SECOND,
  maxValidators: 100,
  maxEntries: 7,
  historicalEntries: 10_000,
  bondDenom: "wei",
  minCommissionRate: Dec.ZERO,
};

/** Go's zero Params: what `GetParams` reads before genesis stored any. */
export const ZERO_STAKING_PARAMS: StakingParams = {
  unbondingTime: 0n,
  maxValidators: 0,
  maxEntries: 0,
  historicalEntries: 0,
  bondDenom: "",
  minCommissionRate: Dec.ZERO,
};

/** `Params.Validate`: the reference's checks, order and texts (plain Go errors). Undefined when valid. */
export function validateStakingParams(p: StakingParams): string | undefined {
  if (p.unbondingTime <= 0n) return `unbonding time must be positive: ${p.unbondingTime}`;
  if (p.maxValidators === 0) return `max validators must be positive: ${p.maxValidators}`;
  if (p.maxEntries === 0) return `max entries must be positive: ${p.maxEntries}`;
  if (goTrimSpace(p.bondDenom) === "") return "bond denom cannot be blank";
  if (!isValidDenom(p.bondDenom)) return `invalid denom: ${p.bondDenom}`;
  if (p.minCommissionRate.isNegative()) return `minimum commission rate cannot be negative: ${p.minCommissionRate.toString()}`;
  if (p.minCommissionRate.gt(Dec.ONE)) return `minimum commission rate cannot be greater than 100%: ${p.minCommissionRate.toString()}`;
  return undefined;
}

/** @throws RangeError for a duration out of range, DecParseError for a bad rate. */
export function paramsFromProto(p: ParamsProto): StakingParams {
  return {
    unbondingTime: durationNanos(p.unbondingTime),
    maxValidators: p.maxValidators,
    maxEntries: p.maxEntries,
    historicalEntries: p.historicalEntries,
    bondDenom: p.bondDenom,
    minCommissionRate: Dec.fromProtoString(p.minCommissionRate),
  };
}

/** The non-nullable duration and rate are always written, as gogoproto does. */
export function paramsToProto(p: StakingParams): ParamsProto {
  return create(ParamsSchema, {
    unbondingTime: durationOf(p.unbondingTime),
    maxValidators: p.maxValidators,
    maxEntries: p.maxEntries,
    historicalEntries: p.historicalEntries,
    bondDenom: p.bondDenom,
    minCommissionRate: p.minCommissionRate.toProtoString(),
  });
}

/** Genesis / REST JSON of the params (`"1814400s"`, Dec as "0.000000000000000000"). */
export function paramsJson(p: StakingParams): Record<string, unknown> {
  return {
    unbonding_time: durationText(p.unbondingTime),
    max_validators: p.maxValidators,
    max_entries: p.maxEntries,
    historical_entries: p.historicalEntries,
    bond_denom: p.bondDenom,
    min_commission_rate: p.minCommissionRate.toString(),
  };
}

/** jsonpb Duration text: whole seconds, or 3, 6 or 9 fractional digits ("1814400s", "1.500s"). */
export function durationText(nanos: bigint): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const seconds = abs / NANOS_PER_SECOND;
  const frac = abs % NANOS_PER_SECOND;
  let digits = frac.toString().padStart(9, "0");
  while (digits.endsWith("000")) digits = digits.slice(0, -3);
  const fracText = digits === "" ? "" : `.${digits}`;
  return `${negative ? "-" : ""}${seconds}${fracText}s`;
}
