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

/**
 * Sorted merge of two denom-sorted lists (the core of SDK `Coins.Add`/`SafeSub` and their DecCoins
 * twins): entries only in `a` are kept, entries only in `b` go through `onlyB`, and entries in both
 * through `both`, which returns undefined to drop a zero result.
 */
export function mergeByDenom<C extends { readonly denom: string }>(
  a: readonly C[],
  b: readonly C[],
  onlyB: (y: C) => C,
  both: (x: C, y: C) => C | undefined,
): C[] {
  const out: C[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && compareDenoms(x.denom, y.denom) < 0)) {
      out.push(x!);
      i++;
    } else if (x === undefined || compareDenoms(x.denom, y.denom) > 0) {
      out.push(onlyB(y));
      j++;
    } else {
      const merged = both(x, y);
      if (merged !== undefined) out.push(merged);
      i++;
      j++;
    }
  }
  return out;
}
