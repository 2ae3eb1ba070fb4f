/**
 * Register params (spec-register §3), stored at 0x20 as plain protobuf. Durations are Go
 * `time.Duration`s: signed 64-bit nanosecond counts.
 */
import { create } from "@bufbuild/protobuf";
import { DurationSchema, type Duration } from "@bufbuild/protobuf/wkt";
import { CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { type Params as ParamsProto, ParamsSchema } from "../../codec/stratos/register/v1/register_pb.js";
import { goTrimSpace, isValidDenom } from "../../math/coins.js";
import { NANOS_PER_DAY, NANOS_PER_SECOND } from "./logic/time.js";

export interface RegisterParams {
  readonly bondDenom: string;
  /** `unbonding_threashold_time` (sic): nodes younger than this are paid at creation + threshold + completion. */
  readonly unbondingThresholdNanos: bigint;
  readonly unbondingCompletionNanos: bigint;
  readonly maxEntries: number;
  readonly resourceNodeRegEnabled: boolean;
  readonly resourceNodeMinDeposit: { readonly denom: string; readonly amount: bigint };
  readonly votingPeriodNanos: bigint;
}

/** The reference's defaults (§3; what `stchaind init` writes). */
export const DEFAULT_REGISTER_PARAMS: RegisterParams = {
  bondDenom: "wei",
  unbondingThresholdNanos: 180n * NANOS_PER_DAY,
  unbondingCompletionNanos: 14n * NANOS_PER_DAY,
  maxEntries: 16,
  resourceNodeRegEnabled: true,
  resourceNodeMinDeposit: { denom: "wei", amount: 10n ** 18n },
  votingPeriodNanos: 7n * NANOS_PER_DAY,
};

/** Go's zero Params: what `GetParams` returns when nothing was ever stored. */
export const ZERO_REGISTER_PARAMS: RegisterParams = {
  bondDenom: "",
  unbondingThresholdNanos: 0n,
  unbondingCompletionNanos: 0n,
  maxEntries: 0,
  resourceNodeRegEnabled: false,
  resourceNodeMinDeposit: { denom: "", amount: 0n },
  votingPeriodNanos: 0n,
};

const INT64_MAX = (1n << 63n) - 1n;

/**
 * `Params.Validate` (§3), in the reference's order and with its texts, plus the R: rules the reference
 * lacks: the minimum deposit must be in the bond denom and not negative (QUIRK: otherwise every
 * MsgCreateResourceNode panics or the minimum is void). Returns the first problem, or undefined.
 */
export function validateRegisterParams(p: RegisterParams): string | undefined {
  if (goTrimSpace(p.bondDenom) === "") return "bond denom cannot be blank";
  if (!isValidDenom(p.bondDenom)) return `invalid denom: ${p.bondDenom}`;
  if (p.unbondingThresholdNanos <= 0n) return `unbonding threashold time must be positive: ${p.unbondingThresholdNanos}`;
  if (p.unbondingCompletionNanos <= 0n) return `unbonding completion time must be positive: ${p.unbondingCompletionNanos}`;
  if (p.maxEntries <= 0) return `max entries must be positive: ${p.maxEntries}`;
  if (p.resourceNodeMinDeposit.denom !== p.bondDenom) {
    return `resource node min deposit denom ${p.resourceNodeMinDeposit.denom} must be the bond denom ${p.bondDenom}`;
  }
  if (p.resourceNodeMinDeposit.amount < 0n) return `resource node min deposit must not be negative: ${p.resourceNodeMinDeposit.amount}`;
  if (p.votingPeriodNanos <= 0n) return `voting period must be positive: ${p.votingPeriodNanos}`;
  return undefined;
}

/** A Duration as Go's `time.Duration` (nanoseconds); out of its range → RangeError (gogoproto refuses it). */
export function durationNanos(d: Duration | undefined): bigint {
  if (d === undefined) return 0n;
  const nanos = d.seconds * NANOS_PER_SECOND + BigInt(d.nanos);
  if (nanos > INT64_MAX || nanos < -INT64_MAX - 1n) throw new RangeError(`duration ${d.seconds}s is out of range for time.Duration`);
  return nanos;
}

export function durationOf(nanos: bigint): Duration {
  const seconds = nanos / NANOS_PER_SECOND; // truncation toward zero keeps seconds and nanos of one sign
  return create(DurationSchema, { seconds, nanos: Number(nanos - seconds * NANOS_PER_SECOND) });
}

/** @throws RangeError for a duration out of range or a non-integer minimum deposit amount. */
export function paramsFromProto(p: ParamsProto): RegisterParams {
  const min = p.resourceNodeMinDeposit;
  return {
    bondDenom: p.bondDenom,
    unbondingThresholdNanos: durationNanos(p.unbondingThreasholdTime),
    unbondingCompletionNanos: durationNanos(p.unbondingCompletionTime),
    maxEntries: p.maxEntries,
    resourceNodeRegEnabled: p.resourceNodeRegEnabled,
    resourceNodeMinDeposit: { denom: min?.denom ?? "", amount: parseAmountText(min?.amount ?? "") },
    votingPeriodNanos: durationNanos(p.votingPeriod),
  };
}

/** Non-nullable fields (durations, the coin) are always written, as gogoproto does. */
export function paramsToProto(p: RegisterParams): ParamsProto {
  return create(ParamsSchema, {
    bondDenom: p.bondDenom,
    unbondingThreasholdTime: durationOf(p.unbondingThresholdNanos),
    unbondingCompletionTime: durationOf(p.unbondingCompletionNanos),
    maxEntries: p.maxEntries,
    resourceNodeRegEnabled: p.resourceNodeRegEnabled,
    resourceNodeMinDeposit: create(CoinSchema, { denom: p.resourceNodeMinDeposit.denom, amount: p.resourceNodeMinDeposit.amount.toString() }),
    votingPeriod: durationOf(p.votingPeriodNanos),
  });
}

/** gogoproto `math.Int` text of a non-nullable field: "" is a nil Int, read as 0 (spec-register §10 Q22 R:). */
export function parseAmountText(text: string): bigint {
  if (text === "") return 0n;
  if (!/^[+-]?\d+$/.test(text)) throw new RangeError(`invalid Int text "${text}"`);
  return BigInt(text);
}
