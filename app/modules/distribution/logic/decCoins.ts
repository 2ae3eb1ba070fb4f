/**
 * DecCoins operations F1 needs beyond app/math (SDK v0.47 `types/dec_coin.go`). Pure.
 */
import { DecCoins } from "../../../math/coins.js";

/**
 * `DecCoins.Intersect`: per denom of `a`, the smaller of its amount and `b`'s (0 when `b` lacks the
 * denom, which drops it). Withdrawals use it so that no one is paid beyond the outstanding rewards.
 */
export function intersectDecCoins(a: DecCoins, b: DecCoins): DecCoins {
  return DecCoins.fromArray(a.toArray().map((c) => {
    const other = b.amountOf(c.denom);
    return { denom: c.denom, amount: c.amount.lt(other) ? c.amount : other };
  }));
}
