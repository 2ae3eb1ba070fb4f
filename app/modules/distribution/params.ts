/**
 * Distribution params (spec-staking §2.2, §0.7; SDK v0.47 `x/distribution/types/params.go`).
 */
import { Dec } from "../../math/dec.js";
import type { DistributionParams } from "./types.js";

/** The SDK's `DefaultParams` (community tax 2 %, proposer rewards 0, withdraw addresses enabled). */
export const DEFAULT_DISTRIBUTION_PARAMS: DistributionParams = {
  communityTax: Dec.parse("0.02"),
  baseProposerReward: Dec.ZERO,
  bonusProposerReward: Dec.ZERO,
  withdrawAddrEnabled: true,
};

/** What `GetParams` answers before any params are stored (Go's zero Params). */
export const ZERO_DISTRIBUTION_PARAMS: DistributionParams = {
  communityTax: Dec.ZERO,
  baseProposerReward: Dec.ZERO,
  bonusProposerReward: Dec.ZERO,
  withdrawAddrEnabled: false,
};

/** `Params.ValidateBasic`: the reference's text, or undefined. */
export function validateDistributionParams(p: DistributionParams): string | undefined {
  if (p.communityTax.isNegative() || p.communityTax.gt(Dec.ONE)) {
    return `community tax should be non-negative and less than one: ${p.communityTax.toString()}`;
  }
  return undefined;
}

/** True when a deprecated proposer-reward field is set (MsgUpdateParams refuses that, spec-staking §15 item 9). */
export function usesDeprecatedProposerRewards(p: DistributionParams): boolean {
  return !p.baseProposerReward.isZero() || !p.bonusProposerReward.isZero();
}
