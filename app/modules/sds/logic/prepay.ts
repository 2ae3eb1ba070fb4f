/**
 * Noz bought by a prepay (spec-sds §4.2.2 step 4, §5), from the pre-state S (effective total
 * deposit), Pt (total unissued prepay) and Lt (remaining ozone limit):
 *   purchased = trunc( quo( mul(toDec(Lt), toDec(X)), toDec(S + Pt + X) ) )
 * `quo` rounds half-even at 18 decimals before `trunc`, so the result is occasionally one noz more
 * than ⌊Lt·X / (S+Pt+X)⌋ — do not replace it by an integer floor division.
 */
import { parseCoinNormalized, validateDenom } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import { checkInt } from "../../../math/int.js";

/** Register state a purchase reads (register `GetPrepayParams`). */
export interface PrepayParams {
  /** S: effective total deposit, wei. */
  readonly s: bigint;
  /** Pt: balance of total_unissued_prepay in the register bond denom, wei. */
  readonly pt: bigint;
  /** Lt: remaining ozone limit, noz. */
  readonly lt: bigint;
}

/** The "purchase > Lt" refusal (plain error in the reference, returned by MsgPrepay as sds code 10). */
export class NotEnoughOzoneLimitError extends RangeError {
  override readonly name = "NotEnoughOzoneLimitError";
}

/**
 * The purchase formula and its Dec value before truncation. S + Pt + X = 0 throws DivisionByZeroError
 * (the reference panics; the tx fails).
 */
export function purchaseNoz(p: PrepayParams, x: bigint): { purchased: bigint; exact: Dec } {
  const denominator = checkInt(checkInt(p.s + p.pt, "purchaseNoz") + x, "purchaseNoz");
  const exact = Dec.fromInt(p.lt).mul(Dec.fromInt(x)).quo(Dec.fromInt(denominator));
  return { purchased: exact.truncateInt(), exact };
}

/**
 * MsgPrepay's computation (register `CalculatePurchaseAmount`): the noz bought and the new Lt.
 * Throws NotEnoughOzoneLimitError if purchased > Lt (unreachable while S, Pt ≥ 0).
 */
export function prepay(p: PrepayParams, x: bigint): { purchased: bigint; remainingLt: bigint } {
  const { purchased } = purchaseNoz(p, x);
  if (purchased > p.lt) {
    throw new NotEnoughOzoneLimitError(`prepay: not enough remaining ozone limit to complete prepay (purchase ${purchased} > Lt ${p.lt})`);
  }
  return { purchased, remainingLt: checkInt(p.lt - purchased, "prepay") };
}

/**
 * SimPrepay query (spec-sds §6): parse `amount` normalised ("1.5stos" → 1.5e18 wei), X = its amount if
 * its denom is `bondDenom`, else 0; then the purchase formula — no balance or "> Lt" check.
 * Throws CoinParseError for a bad coin string, InvalidDenomError for an invalid `bondDenom` (the
 * reference's `Coins.AmountOf` panics), DivisionByZeroError when S + Pt + X = 0.
 */
export function simPrepayNoz(p: PrepayParams, amount: string, bondDenom: string): bigint {
  const c = parseCoinNormalized(amount);
  validateDenom(bondDenom);
  return purchaseNoz(p, c.denom === bondDenom ? c.amount : 0n).purchased;
}
