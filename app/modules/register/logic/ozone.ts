/**
 * The ozone economy register owns (spec-register §1, §5.1–§5.2): S = effective total deposit (key
 * 0x10), Lt = remaining ozone limit (key 0x04), rate = deposit→noz rate in wei per noz (key 0x07),
 * Pt = balance of `total_unissued_prepay`. All arithmetic is LegacyDec/Int exactly as the reference
 * (`IncreaseOzoneLimitByAddDeposit`, `DecreaseOzoneLimitBySubtractDeposit`, `IsUnbondable`, pot
 * `GetCurrentNozPrice` / `NozSupply`). This file is the only implementation: pot, sds and register's
 * keeper import from here (spec-sds §9.2).
 *
 * One error contract for every function here: where the reference's sdkmath panics, the math layer's
 * error is thrown unchanged — DivisionByZeroError for a zero divisor (its message names the function
 * and the divisor), IntOverflowError / DecOverflowError beyond 256 bits. Callers map them at their
 * boundary (pot: `withReferencePanics` → sdk/111222; queries: an error response).
 */
import { Dec, DivisionByZeroError } from "../../../math/dec.js";
import { checkInt } from "../../../math/int.js";

/** The two stored quantities deposit changes move. */
export interface OzoneLimitState {
  /** S: effective total deposit, wei. */
  readonly s: bigint;
  /** Lt: remaining ozone limit, noz. */
  readonly lt: bigint;
}

export interface OzoneLimitChange extends OzoneLimitState {
  /** What the reference returns and reports in events ("ozone_limit_changes"): trunc(Δ / rate). */
  readonly ozoneLimitChange: bigint;
}

/** quo(toDec(wei), rate). A zero rate is a Go division panic; say which function hit it. */
function weiToNoz(fn: string, wei: bigint, rate: Dec): Dec {
  if (rate.isZero()) throw new DivisionByZeroError(`${fn}: deposit→noz rate is zero`);
  return Dec.fromInt(wei).quo(rate);
}

/**
 * Increase(Δ): S += Δ always; unless S was 0 before ("S before = 0" rule: the first deposit into an
 * empty economy creates no ozone, spec-register §5.1, §11 R10), Lt = trunc(Lt + Δ/rate).
 * @throws DivisionByZeroError if S before ≠ 0 and the rate is zero; IntOverflowError/DecOverflowError
 */
export function increaseOzoneLimit(state: OzoneLimitState, deposit: bigint, rate: Dec): OzoneLimitChange {
  const s = checkInt(state.s + deposit, "increaseOzoneLimit");
  if (state.s === 0n) return { s, lt: state.lt, ozoneLimitChange: 0n };
  const add = weiToNoz("increaseOzoneLimit", deposit, rate);
  return { s, lt: Dec.fromInt(state.lt).add(add).truncateInt(), ozoneLimitChange: add.truncateInt() };
}

/**
 * Decrease(Δ): S −= Δ always (it may go negative if S was inconsistent); unless S was 0 before,
 * Lt = trunc(Lt − Δ/rate) — truncation toward zero, so Lt drops by ⌈Δ/rate⌉ while the reported
 * change is trunc(Δ/rate) (QUIRK, spec-register §5.1, §11 R3; reproduced). No IsUnbondable guard
 * here: callers that need one check it first; pot's suspension has none, so Lt may go negative.
 * @throws DivisionByZeroError if S before ≠ 0 and the rate is zero; IntOverflowError/DecOverflowError
 */
export function decreaseOzoneLimit(state: OzoneLimitState, deposit: bigint, rate: Dec): OzoneLimitChange {
  const s = checkInt(state.s - deposit, "decreaseOzoneLimit");
  if (state.s === 0n) return { s, lt: state.lt, ozoneLimitChange: 0n };
  const sub = weiToNoz("decreaseOzoneLimit", deposit, rate);
  return { s, lt: Dec.fromInt(state.lt).sub(sub).truncateInt(), ozoneLimitChange: sub.truncateInt() };
}

/**
 * IsUnbondable(x): toDec(Lt) ≥ quo(toDec(x), rate) — the remaining limit can absorb the removal.
 * @throws DivisionByZeroError if the rate is zero
 */
export function isUnbondable(lt: bigint, amount: bigint, rate: Dec): boolean {
  return Dec.fromInt(lt).gte(weiToNoz("isUnbondable", amount, rate));
}

/**
 * Total noz supply trunc(S / rate): NozSupply.total, the fresh-genesis Lt (spec-register §8.2) and
 * the bound of pot's supply check (spec-pot §5.3 step 2).
 * @throws DivisionByZeroError if the rate is zero (whatever S is)
 */
export function totalNozSupply(s: bigint, rate: Dec): bigint {
  return weiToNoz("totalNozSupply", s, rate).truncateInt();
}

/**
 * Current noz price in wei per noz: quo(toDec(S + Pt), toDec(Lt)) (spec-sds §5). Lt = 0 has no price
 * (the reference panics; the query maps the error to a response).
 * @throws DivisionByZeroError if Lt = 0; IntOverflowError if S + Pt passes 256 bits
 */
export function nozPrice(s: bigint, pt: bigint, lt: bigint): Dec {
  const value = Dec.fromInt(checkInt(s + pt, "nozPrice"));
  if (lt === 0n) throw new DivisionByZeroError("nozPrice: remaining ozone limit is zero");
  return value.quo(Dec.fromInt(lt));
}

/**
 * NozSupply query: remaining = Lt, total = trunc(S / rate) from the current S.
 * @throws DivisionByZeroError if the rate is zero
 */
export function nozSupply(s: bigint, lt: bigint, rate: Dec): { remaining: bigint; total: bigint } {
  return { remaining: lt, total: totalNozSupply(s, rate) };
}
