import { describe, it, expect } from "vitest";
import { Dec, DivisionByZeroError } from "../../../math/dec.js";
import { applySlashingSuspension } from "./suspension.js";

const STOS = 10n ** 18n;
const RATE = Dec.fromInt(1_000_000n);
const P = { s: 8n * STOS, lt: 2_285_714_285_715n };

// spec-register §11 R5 (= spec-pot TV5) and spec-pot §4.4 steps 5, 8.
describe("suspension by pot MsgSlashingResourceNode", () => {
  it("R5 step 1 / TV5: suspending RES1 removes its 1 STOS from S and Lt and zeroes eff", () => {
    expect(applySlashingSuspension(P, { suspend: false, effectiveTokens: STOS }, true, RATE))
      .toEqual({ suspend: true, effectiveTokens: 0n, toBeSuspended: true, ozone: { s: 7n * STOS, lt: 1_285_714_285_715n } });
  });
  it("R5 step 3: suspend=false only clears the flag", () => {
    expect(applySlashingSuspension(P, { suspend: true, effectiveTokens: 0n }, false, RATE))
      .toEqual({ suspend: false, effectiveTokens: 0n, toBeSuspended: false, ozone: P });
  });
  it("an already suspended node is not decreased twice", () => {
    expect(applySlashingSuspension(P, { suspend: true, effectiveTokens: STOS }, true, RATE))
      .toEqual({ suspend: true, effectiveTokens: STOS, toBeSuspended: false, ozone: P });
  });
  it("not suspended + suspend=false: nothing changes", () => {
    expect(applySlashingSuspension(P, { suspend: false, effectiveTokens: STOS }, false, RATE))
      .toEqual({ suspend: false, effectiveTokens: STOS, toBeSuspended: false, ozone: P });
  });
  it("no IsUnbondable guard: Lt may go negative", () => {
    const r = applySlashingSuspension({ s: 8n * STOS, lt: 10n }, { suspend: false, effectiveTokens: STOS }, true, RATE);
    expect(r.ozone).toEqual({ s: 7n * STOS, lt: -999_999_999_990n });
  });
  it("a negative effective deposit (genesis only) is removed as |eff|, as the reference's Abs()", () => {
    const r = applySlashingSuspension(P, { suspend: false, effectiveTokens: -STOS }, true, RATE);
    expect(r).toEqual({ suspend: true, effectiveTokens: 0n, toBeSuspended: true, ozone: { s: 7n * STOS, lt: 1_285_714_285_715n } });
  });
  it("a zero rate with S ≠ 0 throws DivisionByZeroError only when the node gets suspended", () => {
    expect(() => applySlashingSuspension(P, { suspend: false, effectiveTokens: STOS }, true, Dec.ZERO)).toThrow(DivisionByZeroError);
    expect(applySlashingSuspension(P, { suspend: true, effectiveTokens: 0n }, true, Dec.ZERO).ozone).toEqual(P);
  });
});
