/**
 * Coin denominations (SDK v0.47 `types/coin.go`): 3–128 characters, a letter first, then letters,
 * digits or one of `/ : . _ -`. All valid denoms are ASCII, so JS string order (UTF-16 code units)
 * equals Go's byte order for them.
 */
import { InvalidCoinsError } from "./coinErrors.js";

/** The SDK's default denom regex, anchored (`reDnmString`). */
export const DENOM_REGEX = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;

/** A denom the SDK regex rejects (Go: "invalid denom: X"; panics where the SDK uses mustValidateDenom). */
export class InvalidDenomError extends InvalidCoinsError {
  override readonly name: string = "InvalidDenomError";
}

export function isValidDenom(denom: string): boolean {
  return DENOM_REGEX.test(denom);
}

/** Throws InvalidDenomError unless `denom` matches the SDK denom regex. */
export function validateDenom(denom: string): void {
  if (!DENOM_REGEX.test(denom)) throw new InvalidDenomError(`invalid denom: ${denom}`);
}

/** Go string order for denoms (byte order; equal to code-unit order on ASCII). */
export function compareDenoms(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
