/**
 * AllocateTokens arithmetic (spec-staking §2.5, §13 item 3; SDK v0.47 `keeper/allocation.go`): every
 * vote of the last commit — signed or absent — gets a share of the collected fees pro rata to its
 * power, truncated twice; the validator keeps commission (rounded Mul) and the rest goes to its
 * delegators; the community pool gets the tax and all the truncation dust. Pure: the keeper moves
 * the coins and records the results.
 */
import { DecCoins } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";

/** `QuoTruncate(Dec(power), Dec(totalPower))`: a vote's share of the total power. */
export function powerFraction(power: bigint, totalPower: bigint): Dec {
  return Dec.fromInt(power).quoTruncate(Dec.fromInt(totalPower));
}

/** What the validators share: `fees × (1 − community_tax)`, truncated per coin. */
export function feeMultiplier(fees: DecCoins, communityTax: Dec): DecCoins {
  return fees.mulDecTruncate(Dec.ONE.sub(communityTax));
}

/** One validator's reward: `feeMultiplier × fraction`, truncated per coin. */
export function validatorReward(multiplier: DecCoins, fraction: Dec): DecCoins {
  return multiplier.mulDecTruncate(fraction);
}

/**
 * `AllocateTokensToValidator`'s split: commission = tokens × rate (rounded half-even, zero entries
 * dropped), the delegators' part = tokens − commission.
 */
export function splitCommission(tokens: DecCoins, rate: Dec): { commission: DecCoins; shared: DecCoins } {
  const commission = tokens.mulDec(rate);
  return { commission, shared: tokens.sub(commission) };
}

export interface VotePower {
  readonly power: bigint;
}

export interface Allocation {
  /** Per vote, in vote order: its reward. */
  readonly rewards: readonly DecCoins[];
  /** What the community pool receives: the tax and every truncation remainder. */
  readonly communityPool: DecCoins;
}

/**
 * The whole split of `fees` over `votes`. With a total power of 0 every fee goes to the community
 * pool (the reference's early return).
 */
export function allocate(fees: DecCoins, communityTax: Dec, votes: readonly VotePower[]): Allocation {
  const totalPower = votes.reduce((sum, v) => sum + v.power, 0n);
  if (totalPower === 0n) return { rewards: [], communityPool: fees };
  const multiplier = feeMultiplier(fees, communityTax);
  let remaining = fees;
  const rewards = votes.map((v) => {
    const reward = validatorReward(multiplier, powerFraction(v.power, totalPower));
    remaining = remaining.sub(reward);
    return reward;
  });
  return { rewards, communityPool: remaining };
}
