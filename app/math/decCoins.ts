/**
 * SDK `DecCoin` / `DecCoins` (v0.47 `types/dec_coin.go`), as far as the modules need them. Like
 * `Coins`, a `DecCoins` value is always valid: sorted by denom, unique, every amount positive.
 * Where the SDK would produce negative entries (negative multipliers) this throws instead.
 */
import { InsufficientCoinsError, InvalidCoinsError } from "./coinErrors.js";
import { coin, Coins, type Coin } from "./coinSet.js";
import { Dec, DivisionByZeroError } from "./dec.js";
import { compareDenoms, isValidDenom, mergeByDenom, validateDenom } from "./denom.js";

export interface DecCoin {
  readonly denom: string;
  readonly amount: Dec;
}

/** SDK `NewDecCoinFromDec`: valid denom, non-negative amount (zero allowed for a single DecCoin). */
export function decCoin(denom: string, amount: Dec): DecCoin {
  validateDenom(denom);
  if (amount.isNegative()) throw new InvalidCoinsError(`negative decimal coin amount: ${amount.toString()}`);
  return Object.freeze({ denom, amount });
}

const decCoinString = (c: DecCoin): string => `${c.amount.toString()}${c.denom}`;

/** SDK `DecCoins.Validate()` text for a sorted list, or undefined. */
function validateDecCoinList(list: readonly DecCoin[]): string | undefined {
  let low: string | undefined;
  for (const c of list) {
    if (low !== undefined && c.denom === low) return `duplicate denomination ${c.denom}`;
    if (!isValidDenom(c.denom)) return `invalid denom: ${c.denom}`;
    if (!c.amount.isPositive()) return low === undefined ? `coin ${decCoinString(c)} amount is not positive` : `coin ${c.denom} amount is not positive`;
    low = c.denom;
  }
  return undefined;
}

function merge(a: readonly DecCoin[], b: readonly DecCoin[], negate: boolean): DecCoin[] {
  return mergeByDenom(
    a,
    b,
    (y) => ({ denom: y.denom, amount: negate ? y.amount.neg() : y.amount }),
    (x, y) => {
      const sum = negate ? x.amount.sub(y.amount) : x.amount.add(y.amount);
      return sum.isZero() ? undefined : { denom: x.denom, amount: sum };
    },
  );
}

export class DecCoins {
  static readonly EMPTY: DecCoins = new DecCoins([]);

  private constructor(private readonly coins: readonly DecCoin[]) {}

  /** SDK `NewDecCoins`: drops zero amounts, sorts, validates. Throws InvalidCoinsError. */
  static of(...coins: DecCoin[]): DecCoins {
    return DecCoins.fromArray(coins);
  }

  static fromArray(coins: readonly DecCoin[]): DecCoins {
    const kept = coins.filter((c) => !c.amount.isZero()).map((c) => ({ denom: c.denom, amount: c.amount }));
    kept.sort((x, y) => compareDenoms(x.denom, y.denom));
    const problem = validateDecCoinList(kept);
    if (problem !== undefined) throw new InvalidCoinsError(`invalid coin set ${kept.map(decCoinString).join(",")}: ${problem}`);
    return DecCoins.trusted(kept);
  }

  /** SDK `NewDecCoinsFromCoins`: each amount as an integral Dec. */
  static fromCoins(coins: Coins): DecCoins {
    return DecCoins.trusted(coins.toArray().map((c) => ({ denom: c.denom, amount: Dec.fromInt(c.amount) })));
  }

  private static trusted(list: DecCoin[]): DecCoins {
    return list.length === 0 ? DecCoins.EMPTY : new DecCoins(Object.freeze(list.map((c) => Object.freeze(c))));
  }

  add(o: DecCoins): DecCoins {
    return DecCoins.trusted(merge(this.coins, o.coins, false));
  }

  /** SDK `Sub`: throws InsufficientCoinsError if any denom would go negative. */
  sub(o: DecCoins): DecCoins {
    const { result, negative } = this.safeSub(o);
    if (negative) throw new InsufficientCoinsError(`DecCoins.sub: negative coin amount: ${this.toString()} - ${o.toString()}`);
    return result;
  }

  /** SDK `SafeSub`; as for Coins, `result` keeps only the positive part when `negative`. */
  safeSub(o: DecCoins): { result: DecCoins; negative: boolean } {
    const diff = merge(this.coins, o.coins, true);
    const negative = diff.some((c) => c.amount.isNegative());
    return { result: DecCoins.trusted(negative ? diff.filter((c) => c.amount.isPositive()) : diff), negative };
  }

  /** Every amount × d, rounded half-even; zero products dropped (SDK `MulDec`). d < 0 throws. */
  mulDec(d: Dec): DecCoins {
    return this.scale(d, "DecCoins.mulDec", (a) => a.mul(d));
  }

  /** Like mulDec with truncation (SDK `MulDecTruncate`). */
  mulDecTruncate(d: Dec): DecCoins {
    return this.scale(d, "DecCoins.mulDecTruncate", (a) => a.mulTruncate(d));
  }

  /** Every amount / d with Dec.quo (SDK `QuoDec`); d = 0 throws DivisionByZeroError. */
  quoDec(d: Dec): DecCoins {
    if (d.isZero()) throw new DivisionByZeroError(`DecCoins.quoDec: invalid zero decimal (${this.toString()} / 0)`);
    return this.scale(d, "DecCoins.quoDec", (a) => a.quo(d));
  }

  /** Every amount / d with Dec.quoTruncate (SDK `QuoDecTruncate`). */
  quoDecTruncate(d: Dec): DecCoins {
    if (d.isZero()) throw new DivisionByZeroError(`DecCoins.quoDecTruncate: invalid zero decimal (${this.toString()} / 0)`);
    return this.scale(d, "DecCoins.quoDecTruncate", (a) => a.quoTruncate(d));
  }

  private scale(d: Dec, op: string, f: (a: Dec) => Dec): DecCoins {
    if (d.isNegative() && this.coins.length > 0) {
      throw new InvalidCoinsError(`${op}: negative factor ${d.toString()} would make the amounts negative`);
    }
    const out: DecCoin[] = [];
    for (const c of this.coins) {
      const amount = f(c.amount);
      if (!amount.isZero()) out.push({ denom: c.denom, amount });
    }
    return DecCoins.trusted(out);
  }

  /** Integral parts as Coins and the fractional change; zero entries are left out of both (SDK). */
  truncateDecimal(): { truncated: Coins; change: DecCoins } {
    const whole: Coin[] = [];
    const change: DecCoin[] = [];
    for (const c of this.coins) {
      const t = c.amount.truncateInt();
      const rest = c.amount.sub(Dec.fromInt(t));
      if (t !== 0n) whole.push(coin(c.denom, t));
      if (!rest.isZero()) change.push({ denom: c.denom, amount: rest });
    }
    return { truncated: Coins.fromArray(whole), change: DecCoins.trusted(change) };
  }

  /** Amount of `denom`, zero if absent (an invalid denom throws InvalidDenomError, as Go panics). */
  amountOf(denom: string): Dec {
    validateDenom(denom);
    return this.coins.find((c) => c.denom === denom)?.amount ?? Dec.ZERO;
  }

  equals(o: DecCoins): boolean {
    return this.coins.length === o.coins.length &&
      this.coins.every((c, i) => c.denom === o.coins[i]?.denom && o.coins[i]?.amount.equals(c.amount) === true);
  }

  isZero(): boolean { return this.coins.length === 0; }
  isEmpty(): boolean { return this.coins.length === 0; }
  toArray(): readonly DecCoin[] { return this.coins; }
  get length(): number { return this.coins.length; }

  /** SDK `String()`: "1.500000000000000000stos,0.250000000000000000wei", "" if empty. */
  toString(): string { return this.coins.map(decCoinString).join(","); }
}
