/**
 * Store encodings of the distribution records: the generated `cosmos.distribution.v1beta1` messages,
 * Dec fields as raw-integer text, written as the reference writes them (a value that would encode to
 * zero bytes is never written: see the keeper). A record the module did not write fails to decode
 * with an error naming it (that is corrupted state, not bad input).
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import type { DecCoin as DecCoinProto } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import {
  DelegatorStartingInfoSchema, FeePoolSchema, ParamsSchema, ValidatorAccumulatedCommissionSchema, ValidatorCurrentRewardsSchema,
  ValidatorHistoricalRewardsSchema, ValidatorOutstandingRewardsSchema, ValidatorSlashEventSchema, type Params as ParamsProto,
} from "../../codec/cosmos/distribution/v1beta1/distribution_pb.js";
import { DecCoins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import type { CurrentRewards, DistributionParams, HistoricalRewards, SlashEvent, StartingInfo } from "./types.js";

/** DecCoins → protobuf entries (amounts as raw-integer text). */
export function decCoinsToProto(coins: DecCoins): { denom: string; amount: string }[] {
  return coins.toArray().map((c) => ({ denom: c.denom, amount: c.amount.toProtoString() }));
}

/** Protobuf entries → DecCoins (sorted, zero entries dropped; a negative amount throws). */
export function decCoinsFromProto(list: readonly DecCoinProto[]): DecCoins {
  return DecCoins.fromArray(list.map((c) => ({ denom: c.denom, amount: Dec.fromProtoString(c.amount) })));
}

export const encodeFeePool = (pool: DecCoins): Uint8Array =>
  toBinary(FeePoolSchema, create(FeePoolSchema, { communityPool: decCoinsToProto(pool) }));
export const decodeFeePool = (bytes: Uint8Array): DecCoins => decCoinsFromProto(fromBinary(FeePoolSchema, bytes).communityPool);

export const encodeOutstanding = (rewards: DecCoins): Uint8Array =>
  toBinary(ValidatorOutstandingRewardsSchema, create(ValidatorOutstandingRewardsSchema, { rewards: decCoinsToProto(rewards) }));
export const decodeOutstanding = (bytes: Uint8Array): DecCoins =>
  decCoinsFromProto(fromBinary(ValidatorOutstandingRewardsSchema, bytes).rewards);

export const encodeCommission = (commission: DecCoins): Uint8Array =>
  toBinary(ValidatorAccumulatedCommissionSchema, create(ValidatorAccumulatedCommissionSchema, { commission: decCoinsToProto(commission) }));
export const decodeCommission = (bytes: Uint8Array): DecCoins =>
  decCoinsFromProto(fromBinary(ValidatorAccumulatedCommissionSchema, bytes).commission);

export function encodeCurrentRewards(r: CurrentRewards): Uint8Array {
  return toBinary(ValidatorCurrentRewardsSchema, create(ValidatorCurrentRewardsSchema, { rewards: decCoinsToProto(r.rewards), period: r.period }));
}
export function decodeCurrentRewards(bytes: Uint8Array): CurrentRewards {
  const m = fromBinary(ValidatorCurrentRewardsSchema, bytes);
  return { rewards: decCoinsFromProto(m.rewards), period: m.period };
}

export function encodeHistoricalRewards(h: HistoricalRewards): Uint8Array {
  return toBinary(ValidatorHistoricalRewardsSchema, create(ValidatorHistoricalRewardsSchema, {
    cumulativeRewardRatio: decCoinsToProto(h.cumulativeRewardRatio), referenceCount: h.referenceCount,
  }));
}
export function decodeHistoricalRewards(bytes: Uint8Array): HistoricalRewards {
  const m = fromBinary(ValidatorHistoricalRewardsSchema, bytes);
  return { cumulativeRewardRatio: decCoinsFromProto(m.cumulativeRewardRatio), referenceCount: m.referenceCount };
}

export function encodeStartingInfo(s: StartingInfo): Uint8Array {
  return toBinary(DelegatorStartingInfoSchema, create(DelegatorStartingInfoSchema, {
    previousPeriod: s.previousPeriod, stake: s.stake.toProtoString(), height: s.height,
  }));
}
export function decodeStartingInfo(bytes: Uint8Array): StartingInfo {
  const m = fromBinary(DelegatorStartingInfoSchema, bytes);
  return { previousPeriod: m.previousPeriod, stake: Dec.fromProtoString(m.stake), height: m.height };
}

export function encodeSlashEvent(e: SlashEvent): Uint8Array {
  return toBinary(ValidatorSlashEventSchema, create(ValidatorSlashEventSchema, { validatorPeriod: e.validatorPeriod, fraction: e.fraction.toProtoString() }));
}
export function decodeSlashEvent(bytes: Uint8Array): SlashEvent {
  const m = fromBinary(ValidatorSlashEventSchema, bytes);
  return { validatorPeriod: m.validatorPeriod, fraction: Dec.fromProtoString(m.fraction) };
}

export function paramsToProto(p: DistributionParams): ParamsProto {
  return create(ParamsSchema, {
    communityTax: p.communityTax.toProtoString(),
    baseProposerReward: p.baseProposerReward.toProtoString(),
    bonusProposerReward: p.bonusProposerReward.toProtoString(),
    withdrawAddrEnabled: p.withdrawAddrEnabled,
  });
}

/** A Dec field as gogoproto decodes it; "" (a nil Dec in Go) reads as zero (spec-pot §0 R:). */
export function paramsFromProto(p: ParamsProto): DistributionParams {
  return {
    communityTax: Dec.fromProtoString(p.communityTax),
    baseProposerReward: Dec.fromProtoString(p.baseProposerReward),
    bonusProposerReward: Dec.fromProtoString(p.bonusProposerReward),
    withdrawAddrEnabled: p.withdrawAddrEnabled,
  };
}

export const encodeParams = (p: DistributionParams): Uint8Array => toBinary(ParamsSchema, paramsToProto(p));
export const decodeParams = (bytes: Uint8Array): DistributionParams => paramsFromProto(fromBinary(ParamsSchema, bytes));
