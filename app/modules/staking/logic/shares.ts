/**
 * The exchange between a validator's tokens and its delegator shares (spec-staking §1.2 "Share math"),
 * exact as the SDK's `Validator` methods. Pure: staking issues and removes shares with them,
 * distribution values a delegation's stake with them, gov tallies with them.
 */
import { Dec } from "../../../math/dec.js";
import { POWER_REDUCTION } from "../types.js";

/** The two fields of a validator the exchange rate depends on. */
export interface ShareBasis {
  readonly tokens: bigint;
  readonly delegatorShares: Dec;
}

/** `TokensFromShares`: shares × tokens / total shares, rounded (half-even) to 18 decimals. */
export function tokensFromShares(v: ShareBasis, shares: Dec): Dec {
  return shares.mulInt(v.tokens).quo(v.delegatorShares);
}

/** `TokensFromSharesTruncated`: as tokensFromShares with a truncating division. */
export function tokensFromSharesTruncated(v: ShareBasis, shares: Dec): Dec {
  return shares.mulInt(v.tokens).quoTruncate(v.delegatorShares);
}

/** Thrown by `sharesFromTokens` where the SDK returns `ErrInsufficientShares` (no shares to price against). */
export class NoSharesError extends RangeError {
  override readonly name = "NoSharesError";
}

/**
 * `SharesFromTokens`: the shares `amount` tokens are worth, total shares × amount / tokens (rounded).
 * @throws NoSharesError when the validator has no tokens (the SDK's ErrInsufficientShares).
 */
export function sharesFromTokens(v: ShareBasis, amount: bigint): Dec {
  if (v.tokens === 0n) throw new NoSharesError("validator has no tokens");
  return v.delegatorShares.mulInt(amount).quoInt(v.tokens);
}

/** `SharesFromTokensTruncated`: as sharesFromTokens with a truncating division. */
export function sharesFromTokensTruncated(v: ShareBasis, amount: bigint): Dec {
  if (v.tokens === 0n) throw new NoSharesError("validator has no tokens");
  return v.delegatorShares.mulInt(amount).quoTruncate(Dec.fromInt(v.tokens));
}

/** `sdk.TokensToConsensusPower`: trunc(tokens / 10^15). */
export function consensusPower(tokens: bigint): bigint {
  return tokens / POWER_REDUCTION;
}
