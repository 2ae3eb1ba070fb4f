/**
 * Coin lists of gov messages as the reference treats them: v1 messages pass them through
 * `sdk.NewCoins` in ValidateBasic (which sorts, drops zeros and panics on anything invalid), v1beta1
 * messages test the list as given; the deposit itself is refused by bank unless the list is valid.
 */
import type { Coin as CoinProto } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { ErrPanic } from "../../baseapp/errors.js";
import { Coins, InvalidCoinsError, coin, type Coin } from "../../math/coins.js";
import { type MsgCoin, msgCoinsFromProto, msgCoinsIsValid, msgCoinsString, nilPointerPanic } from "../bank/logic/msgCoins.js";

export type { MsgCoin };
export { msgCoinsIsValid, msgCoinsString };

/** @throws Error with gogoproto's text for an amount that is not an Int (the tx does not decode). */
export const msgCoins = (list: readonly CoinProto[]): MsgCoin[] => msgCoinsFromProto(list);

/** `sdk.NewCoins(list...)`: the sanitized set, or the reference's panic (code 111222). */
export function newCoinsGo(list: readonly MsgCoin[]): Coins {
  const coins: Coin[] = [];
  for (const c of list) {
    if (c.amount === undefined) throw nilPointerPanic();
    if (c.amount === 0n) continue;
    coins.push({ denom: c.denom, amount: c.amount });
  }
  try {
    return Coins.fromArray(coins);
  } catch (e) {
    if (e instanceof InvalidCoinsError) throw ErrPanic.wrap(e.message);
    throw e;
  }
}

/** A list that passed `msgCoinsIsValid`, as a set (same coins). */
export function validCoins(list: readonly MsgCoin[]): Coins {
  return Coins.fromArray(list.map((c) => {
    if (c.amount === undefined) throw nilPointerPanic();
    return coin(c.denom, c.amount);
  }));
}
