/**
 * Coin lists as messages carry them: unvalidated, possibly unsorted, duplicated, zero, negative, or
 * with an amount field missing (a nil `math.Int` in Go). These functions apply the SDK v0.47 `Coins`
 * methods to such lists exactly as Go does, including its panics:
 * - touching a nil amount is a nil-pointer dereference;
 * - `Coins.IsEqual` panics when two equally long sets differ in a denom.
 * Panics are `ErrPanic` (codespace `undefined`, 111222) carrying Go's panic value.
 */
import type { Coin as ProtoCoin } from "cosmjs-types/cosmos/base/v1beta1/coin";
import { ErrPanic, type TxError } from "../../../baseapp/errors.js";
import { Coins, coin, isValidDenom } from "../../../math/coins.js";
import { unmarshalIntText } from "../../../math/int.js";

export interface MsgCoin {
  readonly denom: string;
  /** Undefined where Go holds a nil Int (amount absent or empty on the wire). */
  readonly amount: bigint | undefined;
}

export const nilPointerPanic = (): TxError => ErrPanic.wrap("runtime error: invalid memory address or nil pointer dereference");

/**
 * Protobuf coins to message coins, as gogoproto unmarshals `cosmos.Int`: "" is a nil Int, anything
 * else must be Go big.Int text within 256 bits.
 * @throws Error with the reference's unmarshal text (the tx decoder reports it as a parse error).
 */
export function msgCoinsFromProto(coins: readonly ProtoCoin[]): MsgCoin[] {
  return coins.map((c) => ({ denom: c.denom, amount: unmarshalIntText(c.amount) }));
}

function isPositive(c: MsgCoin): boolean {
  if (c.amount === undefined) throw nilPointerPanic();
  return c.amount > 0n;
}

/** SDK `Coins.IsValid()` (= `Validate() == nil`) on the list as given. */
export function msgCoinsIsValid(list: readonly MsgCoin[]): boolean {
  let low: string | undefined;
  for (const c of list) {
    if (!isValidDenom(c.denom)) return false;
    if (low !== undefined && c.denom <= low) return false; // unsorted or duplicate
    if (!isPositive(c)) return false;
    low = c.denom;
  }
  return true;
}

/** SDK `Coins.IsAllPositive()`: non-empty and every amount > 0. */
export function msgCoinsIsAllPositive(list: readonly MsgCoin[]): boolean {
  return list.length > 0 && list.every(isPositive);
}

/** SDK `Coins.String()`; a nil amount prints as Go's "<nil>". */
export function msgCoinsString(list: readonly MsgCoin[]): string {
  return list.map((c) => `${c.amount === undefined ? "<nil>" : c.amount.toString()}${c.denom}`).join(",");
}

/** A list that passed `msgCoinsIsValid` as a `Coins` set (same coins, same order). */
export function toCoins(list: readonly MsgCoin[]): Coins {
  return Coins.fromArray(list.map((c) => {
    if (c.amount === undefined) throw nilPointerPanic();
    return coin(c.denom, c.amount);
  }));
}

/**
 * SDK `Coins.IsEqual` (v0.47): different lengths are unequal; otherwise coins are compared pairwise
 * after sorting, and a denom mismatch panics ("invalid coin denominations; a, b").
 */
export function coinsIsEqualGo(a: Coins, b: Coins): boolean {
  if (a.length !== b.length) return false;
  const x = a.toArray();
  const y = b.toArray();
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p.denom !== q.denom) throw ErrPanic.wrap(`invalid coin denominations; ${p.denom}, ${q.denom}`);
    if (p.amount !== q.amount) return false;
  }
  return true;
}
