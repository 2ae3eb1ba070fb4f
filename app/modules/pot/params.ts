/**
 * pot params (spec-pot §3), stored at 0x20 as plain protobuf. Validation is the reference's plus the
 * R: rules it lacks (§3 QUIRK): at least one valve, each basis-point share in [0, 10000], every valve
 * coin in `reward_denom`, start < end.
 */
import { create } from "@bufbuild/protobuf";
import { CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { type MiningRewardParam, MiningRewardParamSchema, type Params as ParamsProto, ParamsSchema } from "../../codec/stratos/pot/v1/pot_pb.js";
import { goTrimSpace, isValidDenom } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { unmarshalIntText } from "../../math/int.js";
import type { MiningValve } from "./logic/valves.js";
import {
  ErrCommunityTax, ErrInitialTotalSupply, ErrInvalidDenom, ErrMatureEpoch, ErrMiningRewardParams,
} from "./errors.js";
import type { TxError } from "../../baseapp/errors.js";

export interface PotParams {
  readonly bondDenom: string;
  readonly rewardDenom: string;
  readonly matureEpoch: bigint;
  /** Valves with their denoms (validation checks they are the reward denom). */
  readonly miningRewardParams: readonly PotValve[];
  readonly communityTax: Dec;
  readonly initialTotalSupply: { readonly denom: string; readonly amount: bigint };
  /** Beyond the reference: volume reports need distinct keys registered to active meta nodes. */
  readonly requireRegisteredBlsKeys: boolean;
}

export interface PotValve extends MiningValve {
  readonly startDenom: string;
  readonly endDenom: string;
  readonly rewardDenom: string;
}

const STOS = 10n ** 18n;
const valve = (start: bigint, end: bigint, reward: bigint, chain: bigint, res: bigint, meta: bigint): PotValve => ({
  totalMinedValveStart: start, totalMinedValveEnd: end, miningReward: reward,
  blockChainPercentageInBp: chain, resourceNodePercentageInBp: res, metaNodePercentageInBp: meta,
  startDenom: "wei", endDenom: "wei", rewardDenom: "wei",
});

/** The reference's defaults (§3). */
export const DEFAULT_POT_PARAMS: PotParams = {
  bondDenom: "wei",
  rewardDenom: "wei",
  matureEpoch: 2016n,
  miningRewardParams: [
    valve(0n, 16_819_200n * STOS, 80n * STOS, 2000n, 6000n, 2000n),
    valve(16_819_200n * STOS, 25_228_800n * STOS, 40n * STOS, 2000n, 6200n, 1800n),
    valve(25_228_800n * STOS, 29_433_600n * STOS, 20n * STOS, 2000n, 6400n, 1600n),
    valve(29_433_600n * STOS, 31_536_000n * STOS, 10n * STOS, 2000n, 6600n, 1400n),
    valve(31_536_000n * STOS, 32_587_200n * STOS, 5n * STOS, 2000n, 6800n, 1200n),
    valve(32_587_200n * STOS, 40_000_000n * STOS, 25n * STOS / 10n, 2000n, 7000n, 1000n),
  ],
  communityTax: Dec.parse("0.02"),
  initialTotalSupply: { denom: "wei", amount: 100_000_000n * STOS },
  requireRegisteredBlsKeys: false,
};

/** Go's zero params (nothing stored). */
export const ZERO_POT_PARAMS: PotParams = {
  bondDenom: "", rewardDenom: "", matureEpoch: 0n, miningRewardParams: [], communityTax: Dec.ZERO,
  initialTotalSupply: { denom: "", amount: 0n }, requireRegisteredBlsKeys: false,
};

const validDenom = (d: string): boolean => goTrimSpace(d) !== "" && isValidDenom(d);

/** `Params.Validate` + R: (§3). Returns the error (registered, wrapping the detail) or undefined. */
export function validatePotParams(p: PotParams): TxError | undefined {
  if (!validDenom(p.bondDenom)) return ErrInvalidDenom.wrap(`invalid bond denom "${p.bondDenom}"`);
  if (!validDenom(p.rewardDenom)) return ErrInvalidDenom.wrap(`invalid reward denom "${p.rewardDenom}"`);
  if (p.matureEpoch <= 0n) return ErrMatureEpoch.wrap(`mature epoch must be positive: ${p.matureEpoch}`);
  if (p.miningRewardParams.length === 0) return ErrMiningRewardParams.wrap("at least one mining reward param is required");
  for (const [i, v] of p.miningRewardParams.entries()) {
    const shares = [v.blockChainPercentageInBp, v.resourceNodePercentageInBp, v.metaNodePercentageInBp];
    if (shares.some((bp) => bp < 0n || bp > 10000n)) return ErrMiningRewardParams.wrap(`mining_reward_params[${i}]: each share must be 0…10000 bp`);
    if (shares.reduce((a, b) => a + b, 0n) !== 10000n) return ErrMiningRewardParams.wrap(`mining_reward_params[${i}]: the shares must add up to 10000 bp`);
    if (v.startDenom !== p.rewardDenom || v.endDenom !== p.rewardDenom || v.rewardDenom !== p.rewardDenom) {
      return ErrMiningRewardParams.wrap(`mining_reward_params[${i}]: every coin must be in the reward denom ${p.rewardDenom}`);
    }
    if (v.totalMinedValveStart >= v.totalMinedValveEnd) return ErrMiningRewardParams.wrap(`mining_reward_params[${i}]: start must be below end`);
    if (v.miningReward < 0n) return ErrMiningRewardParams.wrap(`mining_reward_params[${i}]: negative mining reward`);
  }
  if (p.communityTax.isNegative() || p.communityTax.gt(Dec.ONE)) return ErrCommunityTax.wrap(`community tax must be between 0 and 1: ${p.communityTax}`);
  if (p.initialTotalSupply.amount < 0n) return ErrInitialTotalSupply.wrap(`initial total supply must not be negative: ${p.initialTotalSupply.amount}`);
  return undefined;
}

const amount = (text: string | undefined): bigint => unmarshalIntText(text ?? "") ?? 0n;

export function potParamsFromProto(p: ParamsProto): PotParams {
  return {
    bondDenom: p.bondDenom,
    rewardDenom: p.rewardDenom,
    matureEpoch: p.matureEpoch,
    miningRewardParams: p.miningRewardParams.map((v): PotValve => ({
      totalMinedValveStart: amount(v.totalMinedValveStart?.amount),
      totalMinedValveEnd: amount(v.totalMinedValveEnd?.amount),
      miningReward: amount(v.miningReward?.amount),
      blockChainPercentageInBp: amount(v.blockChainPercentageInBp),
      resourceNodePercentageInBp: amount(v.resourceNodePercentageInBp),
      metaNodePercentageInBp: amount(v.metaNodePercentageInBp),
      startDenom: v.totalMinedValveStart?.denom ?? "",
      endDenom: v.totalMinedValveEnd?.denom ?? "",
      rewardDenom: v.miningReward?.denom ?? "",
    })),
    communityTax: p.communityTax === "" ? Dec.ZERO : Dec.fromProtoString(p.communityTax),
    initialTotalSupply: { denom: p.initialTotalSupply?.denom ?? "", amount: amount(p.initialTotalSupply?.amount) },
    requireRegisteredBlsKeys: p.requireRegisteredBlsKeys,
  };
}

export function valveToProto(v: PotValve): MiningRewardParam {
  return create(MiningRewardParamSchema, {
    totalMinedValveStart: create(CoinSchema, { denom: v.startDenom, amount: v.totalMinedValveStart.toString() }),
    totalMinedValveEnd: create(CoinSchema, { denom: v.endDenom, amount: v.totalMinedValveEnd.toString() }),
    miningReward: create(CoinSchema, { denom: v.rewardDenom, amount: v.miningReward.toString() }),
    blockChainPercentageInBp: v.blockChainPercentageInBp.toString(),
    resourceNodePercentageInBp: v.resourceNodePercentageInBp.toString(),
    metaNodePercentageInBp: v.metaNodePercentageInBp.toString(),
  });
}

export function potParamsToProto(p: PotParams): ParamsProto {
  return create(ParamsSchema, {
    bondDenom: p.bondDenom,
    rewardDenom: p.rewardDenom,
    matureEpoch: p.matureEpoch,
    miningRewardParams: p.miningRewardParams.map(valveToProto),
    communityTax: p.communityTax.toProtoString(),
    initialTotalSupply: create(CoinSchema, { denom: p.initialTotalSupply.denom, amount: p.initialTotalSupply.amount.toString() }),
    requireRegisteredBlsKeys: p.requireRegisteredBlsKeys,
  });
}
