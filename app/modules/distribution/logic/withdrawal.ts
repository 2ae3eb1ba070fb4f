/**
 * What a withdrawal pays (spec-staking §2.4 steps 3–5, §2.6, §13 item 6). Pure.
 */
import type { Coins, DecCoins } from "../../../math/coins.js";
import { intersectDecCoins } from "./decCoins.js";

export interface DelegatorPayout {
  /** Taken from the validator's outstanding rewards: `min(raw, outstanding)` per denom. */
  readonly taken: DecCoins;
  /** Whole coins sent to the withdraw address. */
  readonly paid: Coins;
  /** The fractions, for the community pool. */
  readonly toCommunityPool: DecCoins;
}

/** A delegator's withdrawal: never more than outstanding; the integer part is paid, the fraction pooled. */
export function delegatorPayout(raw: DecCoins, outstanding: DecCoins): DelegatorPayout {
  const taken = intersectDecCoins(raw, outstanding);
  const { truncated, change } = taken.truncateDecimal();
  return { taken, paid: truncated, toCommunityPool: change };
}

/** A commission withdrawal: the integer part is paid, the fraction stays as commission. */
export function commissionPayout(commission: DecCoins): { paid: Coins; kept: DecCoins } {
  const { truncated, change } = commission.truncateDecimal();
  return { paid: truncated, kept: change };
}
