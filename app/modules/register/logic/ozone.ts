/**
 * The ozone economy register owns (spec-register §1, §5.1–§5.2): S = effective total deposit (key
 * 0x10), Lt = remaining ozone limit (key 0x04), rate = deposit→noz rate in wei per noz (key 0x07),
 * Pt = balance of `total_unissued_prepay`. All arithmetic is LegacyDec/Int exactly as the reference
 * (`IncreaseOzoneLimitByAddDeposit`, `DecreaseOzoneLimitBySubtractDeposit`, `IsUnbondable`, pot
 * `GetCurrentNozPrice` / `NozSupply`). A zero rate divides by zero (Go panics): DivisionByZeroError.
 */
import { Dec } from "../../../math/dec.js";
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

/**
 * Increase(Δ): S += Δ always; unless S was 0 before ("S before = 0" rule: the first deposit into an
 * empty economy creates no ozone, spec-register §5.1, §11 R10), Lt = trunc(Lt + Δ/rate).
 */
export function increaseOzoneLimit(state: OzoneLimitState, deposit: bigint, rate: Dec): OzoneLimitChange {
  const s = checkInt(state.s + deposit, "increaseOzoneLimit");
  if (state.s === 0n) return { s, lt: state.lt, ozoneLimitChange: 0n };
  const add = Dec.fromInt(deposit).quo(rate);
  return { s, lt: Dec.fromInt(state.lt).add(add).truncateInt(), ozoneLimitChange: add.truncateInt() };
}

/**
 * Decrease(Δ): S −= Δ always (it may go negative if S was inconsistent); unless S was 0 before,
 * Lt = trunc(Lt − Δ/rate) — truncation toward zero, so Lt drops by ⌈Δ/rate⌉ while the reported
 * change is trunc(Δ/rate) (QUIRK, spec-register §5.1, §11 R3; reproduced).
 */
export function decreaseOzoneLimit(state: OzoneLimitState, deposit: bigint, rate: Dec): OzoneLimitChange {
  const s = checkInt(state.s - deposit, "decreaseOzoneLimit");
  if (state.s === 0n) return { s, lt: state.lt, ozoneLimitChange: 0n };
  const sub = Dec.fromInt(deposit).quo(rate);
  return { s, lt: Dec.fromInt(state.lt).sub(sub).truncateInt(), ozoneLimitChange: sub.truncateInt() };
}

/** IsUnbondable(x): toDec(Lt) ≥ quo(toDec(x), rate) — the remaining limit can absorb the removal. */
export function isUnbondable(lt: bigint, amount: bigint, rate: Dec): boolean {
  return Dec.fromInt(lt).gte(Dec.fromInt(amount).quo(rate));
}

/** Total noz supply trunc(S / rate) (NozSupply.total; the fresh-genesis Lt, spec-register §8.2). */
export function totalNozSupply(s: bigint, rate: Dec): bigint {
  return Dec.fromInt(s).quo(rate).truncateInt();
}

/**
 * Current noz price in wei per noz: quo(toDec(S + Pt), toDec(Lt)) (spec-sds §5). Lt = 0 has no price:
 * DivisionByZeroError (the reference panics; the query maps it to an error).
 */
export function nozPrice(s: bigint, pt: bigint, lt: bigint): Dec {
  return Dec.fromInt(checkInt(s + pt, "nozPrice")).quo(Dec.fromInt(lt));
}

/** NozSupply query: remaining = Lt, total = trunc(S / rate) from the current S. */
export function nozSupply(s: bigint, lt: bigint, rate: Dec): { remaining: bigint; total: bigint } {
  return { remaining: lt, total: totalNozSupply(s, rate) };
}
