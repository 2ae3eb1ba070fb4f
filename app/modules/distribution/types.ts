/**
 * Distribution records as the keeper and the F1 logic see them (spec-staking §2.2): amounts are
 * DecCoins, stakes and fractions Dec, periods and heights bigint (uint64 on the wire).
 */
import type { DecCoins } from "../../math/coins.js";
import type { Dec } from "../../math/dec.js";

/** Per validator and closed period: the cumulative reward per token, and how many records use it. */
export interface HistoricalRewards {
  readonly cumulativeRewardRatio: DecCoins;
  /** uint32; at most 2 before an increment (the reference panics beyond). */
  readonly referenceCount: number;
}

/** Per validator: rewards of the open period and its number. */
export interface CurrentRewards {
  readonly rewards: DecCoins;
  readonly period: bigint;
}

/** Per delegation: where its reward accounting starts. */
export interface StartingInfo {
  readonly previousPeriod: bigint;
  /** Tokens of the delegation at the start, `TokensFromSharesTruncated(shares)`. */
  readonly stake: Dec;
  readonly height: bigint;
}

/** Per validator, height and period: a slash fraction, recorded before the tokens were burned. */
export interface SlashEvent {
  readonly validatorPeriod: bigint;
  readonly fraction: Dec;
}

export interface DistributionParams {
  readonly communityTax: Dec;
  /** Deprecated (ignored since v0.47), kept in state and genesis. */
  readonly baseProposerReward: Dec;
  /** Deprecated, as baseProposerReward. */
  readonly bonusProposerReward: Dec;
  readonly withdrawAddrEnabled: boolean;
}
