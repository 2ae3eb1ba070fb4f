/**
 * The reward of one delegation between periods (spec-staking §2.4; SDK v0.47 `keeper/delegation.go`
 * `CalculateDelegationRewards`): `(ratio_end − ratio_start) × stake`, where each slash of the
 * validator since the delegation started closes a segment and shrinks the stake by its fraction.
 * Pure: the keeper supplies the starting info, the slash events and the cumulative ratios.
 */
import { DecCoins } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import type { SlashEvent, StartingInfo } from "../types.js";

/** An F1 consistency check failed: the reference panics here (a bug or corrupted state, never input). */
export class RewardsInvariantError extends Error {
  override readonly name = "RewardsInvariantError";
}

/** How far the accumulated stake may exceed the current one (rounding across slash periods): 3·10^-18. */
export const STAKE_MARGIN = Dec.fromRaw(3n);

/** `calculateDelegationRewardsBetween`: `(end − start).MulDecTruncate(stake)`. */
export function rewardsBetween(startRatio: DecCoins, endRatio: DecCoins, stake: Dec): DecCoins {
  if (stake.isNegative()) throw new RewardsInvariantError("stake should not be negative");
  const { result, negative } = endRatio.safeSub(startRatio);
  if (negative) throw new RewardsInvariantError("negative rewards should not be possible");
  return result.mulDecTruncate(stake);
}

export interface DelegationRewardsInput {
  readonly startingInfo: StartingInfo;
  /** The height being executed (or queried). */
  readonly blockHeight: bigint;
  /** The validator's slash events with `startingInfo.height ≤ height ≤ blockHeight`, in (height, period) order. */
  readonly slashEvents: readonly { readonly height: bigint; readonly event: SlashEvent }[];
  /** Cumulative reward ratio of a closed period (the historical record). */
  readonly ratioAt: (period: bigint) => DecCoins;
  /** The delegation's current value, `TokensFromShares(shares)` (rounded). */
  readonly currentStake: Dec;
  /** The period just closed for this calculation. */
  readonly endingPeriod: bigint;
}

/**
 * `CalculateDelegationRewards`: nothing in the block the delegation (re)started; otherwise the sum
 * over the segments between slashes, then the last segment with the stake clamped to the current
 * stake when rounding made it larger by at most 3·10^-18 (more is an invariant failure).
 */
export function delegationRewards(input: DelegationRewardsInput): DecCoins {
  const { startingInfo, blockHeight, ratioAt, endingPeriod } = input;
  if (startingInfo.height === blockHeight) return DecCoins.EMPTY;
  let startingPeriod = startingInfo.previousPeriod;
  let stake = startingInfo.stake;
  let rewards = DecCoins.EMPTY;
  if (blockHeight > startingInfo.height) {
    for (const { event } of input.slashEvents) {
      const segmentEnd = event.validatorPeriod;
      // A slash recorded earlier in the starting block points at a period the delegation never saw.
      if (segmentEnd <= startingPeriod) continue;
      rewards = rewards.add(rewardsBetween(ratioAt(startingPeriod), ratioAt(segmentEnd), stake));
      stake = stake.mulTruncate(Dec.ONE.sub(event.fraction));
      startingPeriod = segmentEnd;
    }
  }
  if (stake.gt(input.currentStake)) {
    if (!stake.lte(input.currentStake.add(STAKE_MARGIN))) {
      throw new RewardsInvariantError(
        `calculated final stake greater than current stake: final stake ${stake.toString()}, current stake ${input.currentStake.toString()}`,
      );
    }
    stake = input.currentStake;
  }
  if (startingPeriod > endingPeriod) throw new RewardsInvariantError("startingPeriod cannot be greater than endingPeriod");
  return rewards.add(rewardsBetween(ratioAt(startingPeriod), ratioAt(endingPeriod), stake));
}
