/**
 * SDK `Coins` methods applied to a raw, possibly invalid list of coins, exactly as Go applies them.
 * The reference sometimes calls them on message input it never validated (spec-sds §4.2: MsgPrepay's
 * `amount`), so unsorted, duplicate, zero or negative entries must behave as in Go there — e.g.
 * `AmountOf` is a binary search that can miss a present denom in an unsorted list.
 */
import { isValidDenom, validateDenom } from "./denom.js";

export interface Coin {
  readonly denom: string;
  readonly amount: bigint;
}

/** SDK `Coins.Validate()` on the list as given: the error text, or undefined when valid. */
export function validateCoinList(list: readonly Coin[]): string | undefined {
  let lowDenom: string | undefined;
  for (const c of list) {
    if (!isValidDenom(c.denom)) return `invalid denom: ${c.denom}`;
    if (lowDenom === undefined) {
      if (c.amount <= 0n) return `coin ${c.amount}${c.denom} amount is not positive`;
    } else {
      if (c.denom < lowDenom) return `denomination ${c.denom} is not sorted`;
      if (c.denom === lowDenom) return `duplicate denomination ${c.denom}`;
      if (c.amount <= 0n) return `coin ${c.denom} amount is not positive`;
    }
    lowDenom = c.denom;
  }
  return undefined;
}

/**
 * SDK `Coins.AmountOf(denom)` on a raw list: validates `denom` (InvalidDenomError, where Go panics),
 * then the SDK's recursive binary search (`Find`), which assumes a sorted list.
 */
export function amountOfCoinList(list: readonly Coin[], denom: string): bigint {
  validateDenom(denom);
  let lo = 0;
  let hi = list.length; // search list[lo, hi)
  for (;;) {
    const n = hi - lo;
    if (n === 0) return 0n;
    if (n === 1) {
      const only = list[lo];
      return only !== undefined && only.denom === denom ? only.amount : 0n;
    }
    const mid = lo + Math.floor(n / 2);
    const c = list[mid];
    if (c === undefined) return 0n;
    if (denom < c.denom) hi = mid;
    else if (denom === c.denom) return c.amount;
    else lo = mid + 1;
  }
}

/** SDK `Coins.String()` on a raw list: `<amount><denom>` joined by ",", "" when empty. */
export function coinListString(list: readonly Coin[]): string {
  return list.map((c) => `${c.amount}${c.denom}`).join(",");
}

/** SDK `Coins.IsZero()`: true for an empty list or one whose every amount is zero. */
export function isZeroCoinList(list: readonly Coin[]): boolean {
  return list.every((c) => c.amount === 0n);
}
