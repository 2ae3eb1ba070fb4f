import { describe, it, expect } from "vitest";
import { Dec } from "../../../math/dec.js";
import { InsufficientBalanceError, InvalidEffectiveTokenError, updateEffectiveDeposit } from "./effectiveDeposit.js";

const STOS = 10n ** 18n;
const RATE = Dec.fromInt(1_000_000n);
const P = { s: 8n * STOS, lt: 2_285_714_285_715n }; // spec-register §11 state P

// spec-register §11 R2–R5, the MsgUpdateEffectiveDeposit steps.
describe("MsgUpdateEffectiveDeposit arithmetic", () => {
  it.each([
    { name: "R2 step 2: activating RES6 (suspended, eff 0, tokens 2 STOS) unsuspends it",
      ozone: P, node: { tokens: 2n * STOS, effectiveTokens: 0n, suspend: true }, eff: 2n * STOS,
      want: { unsuspended: true, delta: 2n * STOS, ozone: { s: 10n * STOS, lt: 4_285_714_285_715n }, change: 2_000_000_000_000n } },
    { name: "R3 step 2: RES1 1 → 1.5 STOS",
      ozone: P, node: { tokens: 3n * STOS / 2n, effectiveTokens: STOS, suspend: false }, eff: 3n * STOS / 2n,
      want: { unsuspended: false, delta: STOS / 2n, ozone: { s: 8_500_000_000_000_000_000n, lt: 2_785_714_285_715n }, change: 500_000_000_000n } },
    { name: "R3 step 3: RES1 1.5 → 1166666666666666667",
      ozone: { s: 8_500_000_000_000_000_000n, lt: 2_785_714_285_715n }, node: { tokens: 3n * STOS / 2n, effectiveTokens: 3n * STOS / 2n, suspend: false },
      eff: 1_166_666_666_666_666_667n,
      want: { unsuspended: false, delta: -333_333_333_333_333_333n, ozone: { s: 8_166_666_666_666_666_667n, lt: 2_452_380_952_381n }, change: 333_333_333_333n } },
    { name: "R3 step 4: back to 1.5 STOS, one noz short",
      ozone: { s: 8_166_666_666_666_666_667n, lt: 2_452_380_952_381n }, node: { tokens: 3n * STOS / 2n, effectiveTokens: 1_166_666_666_666_666_667n, suspend: false },
      eff: 3n * STOS / 2n,
      want: { unsuspended: false, delta: 333_333_333_333_333_333n, ozone: { s: 8_500_000_000_000_000_000n, lt: 2_785_714_285_714n }, change: 333_333_333_333n } },
    { name: "R4 step 3: a refused decrease lowers eff but keeps S and Lt",
      ozone: { s: 13n * STOS, lt: 1_807_733_619_764n }, node: { tokens: 5n * STOS, effectiveTokens: 5n * STOS, suspend: false }, eff: STOS,
      want: { unsuspended: false, delta: -4n * STOS, ozone: { s: 13n * STOS, lt: 1_807_733_619_764n }, change: 0n } },
    { name: "R5 step 2: the suspended RES1 (eff 0) is reactivated",
      ozone: { s: 7n * STOS, lt: 1_285_714_285_715n }, node: { tokens: STOS, effectiveTokens: 0n, suspend: true }, eff: STOS,
      want: { unsuspended: true, delta: STOS, ozone: P, change: 1_000_000_000_000n } },
    { name: "R5 step 3 variant: flag already cleared by pot → same S/Lt, is_unsuspended false",
      ozone: { s: 7n * STOS, lt: 1_285_714_285_715n }, node: { tokens: STOS, effectiveTokens: 0n, suspend: false }, eff: STOS,
      want: { unsuspended: false, delta: STOS, ozone: P, change: 1_000_000_000_000n } },
    { name: "same value again: a no-op that still clears suspend",
      ozone: P, node: { tokens: STOS, effectiveTokens: STOS, suspend: true }, eff: STOS,
      want: { unsuspended: false, delta: 0n, ozone: P, change: 0n } },
  ])("$name", ({ ozone, node, eff, want }) => {
    const r = updateEffectiveDeposit(ozone, node, 0n, eff, RATE);
    const moved = want.ozone.s !== ozone.s;
    const ozoneAction = !moved ? undefined : { op: want.delta > 0n ? "increase" : "decrease", amount: want.delta > 0n ? want.delta : -want.delta };
    expect(r).toEqual({ effectiveTokens: eff, suspend: false, unsuspended: want.unsuspended, delta: want.delta, ozone: want.ozone, ozoneLimitChange: want.change, ozoneAction });
  });

  it("R3 step 5: more than tokens − unbonding → insufficient balance (E 17 inside E 55)", () => {
    const node = { tokens: 3n * STOS / 2n, effectiveTokens: 3n * STOS / 2n, suspend: false };
    expect(() => updateEffectiveDeposit(P, node, 0n, 2n * STOS, RATE)).toThrow(InsufficientBalanceError);
  });
  it("unbonding balance counts against tokens; an all-unbonding node is refused", () => {
    const node = { tokens: 2n * STOS, effectiveTokens: 0n, suspend: false };
    expect(updateEffectiveDeposit(P, node, STOS, STOS, RATE).effectiveTokens).toBe(STOS);
    expect(() => updateEffectiveDeposit(P, node, STOS, STOS + 1n, RATE)).toThrow(InsufficientBalanceError);
    expect(() => updateEffectiveDeposit(P, node, 2n * STOS, 1n, RATE)).toThrow(/insufficient balance/);
  });
  it("effective tokens ≤ 0 → E 63", () => {
    const node = { tokens: STOS, effectiveTokens: 0n, suspend: true };
    expect(() => updateEffectiveDeposit(P, node, 0n, 0n, RATE)).toThrow(InvalidEffectiveTokenError);
    expect(() => updateEffectiveDeposit(P, node, 0n, -1n, RATE)).toThrow(InvalidEffectiveTokenError);
  });
});
