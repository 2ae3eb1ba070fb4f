/**
 * Period arithmetic of F1 (spec-staking §2.3, §13 item 4; SDK v0.47 `keeper/validator.go`): closing a
 * validator's period adds "rewards of the period per token" to the cumulative ratio. Pure.
 */
import { DecCoins } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";

/**
 * Reward per token of a closing period: `rewards / tokens`, truncated per coin so that no delegator
 * can withdraw more than was allocated. A validator without tokens has no ratio (its period rewards go
 * to the community pool instead, which the keeper does). Note: **tokens**, not shares.
 */
export function periodRatio(rewards: DecCoins, tokens: bigint): DecCoins {
  if (tokens === 0n) return DecCoins.EMPTY;
  return rewards.quoDecTruncate(Dec.fromInt(tokens));
}

/** The cumulative ratio of the period being closed: the previous period's plus this period's. */
export function closedPeriodRatio(previousCumulative: DecCoins, rewards: DecCoins, tokens: bigint): DecCoins {
  return previousCumulative.add(periodRatio(rewards, tokens));
}
