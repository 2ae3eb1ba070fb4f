/**
 * SDK `Coin` and `Coins` (v0.47 `types/coin.go`). A `Coins` value here is always what the SDK calls
 * valid: sorted by denom (byte order), unique denoms, every amount positive and within the 256-bit
 * Int range. Constructors sanitize like `NewCoins` (drop zero amounts, sort) and refuse anything else.
 */
import { InsufficientCoinsError, InvalidCoinsError } from "./coinErrors.js";
import { coinListString, validateCoinList, type Coin } from "./coinList.js";
import { compareDenoms, mergeByDenom, validateDenom } from "./denom.js";
import { checkInt } from "./int.js";

export type { Coin } from "./coinList.js";

/**
 * SDK `NewCoin`: a valid denom and a non-negative amount (zero is allowed for a single Coin).
 * Throws InvalidDenomError / InvalidCoinsError / IntOverflowError.
 */
export function coin(denom: string, amount: bigint): Coin {
  validateDenom(denom);
  if (amount < 0n) throw new InvalidCoinsError(`negative coin amount: ${amount}`);
  return Object.freeze({ denom, amount: checkInt(amount, "coin") });
}

/** Sorted merge of two valid sets, summing per denom with `sign` applied to `b`; zero sums dropped. */
function merge(a: readonly Coin[], b: readonly Coin[], sign: 1n | -1n, op: string): Coin[] {
  return mergeByDenom(
    a,
    b,
    (y) => ({ denom: y.denom, amount: sign * y.amount }),
    (x, y) => {
      const sum = checkInt(x.amount + sign * y.amount, op);
      return sum === 0n ? undefined : { denom: x.denom, amount: sum };
    },
  );
}

export class Coins {
  static readonly EMPTY: Coins = new Coins([]);

  private constructor(private readonly coins: readonly Coin[]) {}

  /** SDK `NewCoins`: drops zero amounts, sorts, then requires valid denoms, no duplicates, no negatives. */
  static of(...coins: Coin[]): Coins {
    return Coins.fromArray(coins);
  }

  /** Same as `of`, from an array. Throws InvalidCoinsError (Go panics "invalid coin set …"). */
  static fromArray(coins: readonly Coin[]): Coins {
    const kept = coins.filter((c) => c.amount !== 0n).map((c) => ({ denom: c.denom, amount: c.amount }));
    kept.sort((x, y) => compareDenoms(x.denom, y.denom));
    const problem = validateCoinList(kept);
    if (problem !== undefined) throw new InvalidCoinsError(`invalid coin set ${coinListString(kept)}: ${problem}`);
    for (const c of kept) checkInt(c.amount, "Coins.fromArray");
    return Coins.trusted(kept);
  }

  /** Wraps a list already known to be valid (sorted, unique, positive); freezes it. */
  private static trusted(list: Coin[]): Coins {
    return list.length === 0 ? Coins.EMPTY : new Coins(Object.freeze(list.map((c) => Object.freeze(c))));
  }

  /** Sum per denom (SDK `Add`). Throws IntOverflowError beyond 256 bits. */
  add(o: Coins): Coins {
    if (o.coins.length === 0) return this;
    if (this.coins.length === 0) return o;
    return Coins.trusted(merge(this.coins, o.coins, 1n, "Coins.add"));
  }

  /** Difference (SDK `Sub`); throws InsufficientCoinsError if any denom would go negative. */
  sub(o: Coins): Coins {
    const { result, negative } = this.safeSub(o);
    if (negative) {
      throw new InsufficientCoinsError(`Coins.sub: negative coin amount: ${this.toString()} - ${o.toString()}`);
    }
    return result;
  }

  /**
   * SDK `SafeSub`: `negative` tells whether any denom went below zero. The SDK then returns a list
   * holding negative amounts, which callers only test; here `result` keeps the positive part only.
   */
  safeSub(o: Coins): { result: Coins; negative: boolean } {
    const diff = merge(this.coins, o.coins, -1n, "Coins.sub");
    const negative = diff.some((c) => c.amount < 0n);
    return { result: Coins.trusted(negative ? diff.filter((c) => c.amount > 0n) : diff), negative };
  }

  /** Amount of `denom`, 0 if absent (SDK `AmountOf`; an invalid denom throws InvalidDenomError). */
  amountOf(denom: string): bigint {
    validateDenom(denom);
    let lo = 0;
    let hi = this.coins.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.coins[mid];
      if (c === undefined) break;
      if (c.denom === denom) return c.amount;
      if (c.denom < denom) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0n;
  }

  /** SDK `IsAllGTE`: for every denom of `o`, this holds at least as much. */
  isAllGTE(o: Coins): boolean {
    if (o.coins.length === 0) return true;
    if (this.coins.length === 0) return false;
    return o.coins.every((c) => c.amount <= this.amountOf(c.denom));
  }

  /** SDK `IsAllGT`: non-empty, every denom of `o` present here with a strictly larger amount. */
  isAllGT(o: Coins): boolean {
    if (this.coins.length === 0) return false;
    if (o.coins.length === 0) return true;
    if (o.coins.length > this.coins.length) return false;
    return o.coins.every((c) => this.amountOf(c.denom) > c.amount);
  }

  /** SDK `IsAllLTE` = `o.IsAllGTE(this)`. */
  isAllLTE(o: Coins): boolean {
    return o.isAllGTE(this);
  }

  /** SDK `IsEqual`: same denoms and amounts. */
  equals(o: Coins): boolean {
    return this.coins.length === o.coins.length &&
      this.coins.every((c, i) => c.denom === o.coins[i]?.denom && c.amount === o.coins[i]?.amount);
  }

  /** SDK `IsZero`: no coins (a valid set has no zero amounts). */
  isZero(): boolean { return this.coins.length === 0; }
  /** SDK `Empty`. */
  isEmpty(): boolean { return this.coins.length === 0; }

  denoms(): readonly string[] { return this.coins.map((c) => c.denom); }
  toArray(): readonly Coin[] { return this.coins; }
  get length(): number { return this.coins.length; }

  /** SDK `String()`: "10stos,5wei" in denom order, "" if empty. */
  toString(): string { return coinListString(this.coins); }
}
