import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { modelPairing, modelPointFrom } from "./affineModel.testing.js";
import { PAIRING_G_G } from "./bls.vectors.js";
import { mulScalar, negateAffine, toAffine } from "./curve.js";
import { fp2Eq, fp2Mul, fp2Pow, FP2_ONE } from "./fp2.js";
import {
  cofactorPairingCheck,
  finalExponentiation,
  generatorPairing,
  millerLoop,
  pairing,
  pairingProductIsOne,
} from "./pairing.js";
import { COFACTOR as h, GENERATOR as g, GROUP_ORDER as r, type AffinePoint } from "./params.js";
import { slidingWindowSchedule } from "./window.js";

const times = (k: bigint, p: AffinePoint = g): AffinePoint => toAffine(mulScalar(p, k))!;
const power = (a: ReturnType<typeof pairing>, e: bigint) => fp2Pow(a, slidingWindowSchedule(e, 4), 4);
const scalar = fc.bigInt({ min: 2n, max: r - 1n });

describe("reduced Tate pairing with distortion map", () => {
  it("e(g, g) equals libpbc's and the Appendix B model's value", () => {
    const want = { c0: BigInt(PAIRING_G_G.c0), c1: BigInt(PAIRING_G_G.c1) };
    expect(pairing(g, g)).toEqual(want);
    expect(generatorPairing(g)).toEqual(want);
  });
  it("matches the Appendix B model on another pair", () => {
    const p = times(0xdeadbeefn);
    const o = times(0x1234567n);
    expect(pairing(p, o)).toEqual(modelPairing(p, o));
  });
  it("is non-degenerate and lands in the order-r subgroup of F_{q²}^*", () => {
    const e = pairing(g, g);
    expect(fp2Eq(e, FP2_ONE)).toBe(false);
    expect(power(e, r)).toEqual(FP2_ONE);
  });
  it("is bilinear and symmetric", () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        const p = times(a);
        const o = times(b);
        const e = pairing(p, o);
        expect(e).toEqual(power(pairing(g, g), (a * b) % r));
        expect(pairing(o, p)).toEqual(e);
        expect(generatorPairing(o)).toEqual(pairing(g, o));
      }),
      { numRuns: 2 },
    );
  });
  it("pairingProductIsOne shares one final exponentiation", () => {
    const a = 0xabcdefn;
    const p = times(a);
    const o = times(77n);
    // e(a·g, o) · e(g, −a·o) = 1, and e(o, p) · e(p, −o) = 1.
    expect(pairingProductIsOne([[p, o]], [negateAffine(times(a, o))])).toBe(true);
    expect(pairingProductIsOne([[o, p], [p, negateAffine(o)]], [])).toBe(true);
    expect(pairingProductIsOne([[p, o]], [negateAffine(times(a + 1n, o))])).toBe(false);
  });
  it("cofactorPairingCheck: e(P, h·Q0) = f_{r,P}(ψ(Q0))^(h·(q²−1)/r) for Q0 outside G1", () => {
    const q0 = modelPointFrom(14n); // a point of order h·r
    const hq0 = times(h, q0);
    const p = times(31337n);
    const viaCofactor = finalExponentiation(fp2Pow(millerLoop([[p, q0]], []), slidingWindowSchedule(h, 4), 4));
    expect(viaCofactor).toEqual(pairing(p, hq0));
    // e(31337·g, h·Q0) = e(g, 31337·h·Q0): the check holds with R = −31337·h·Q0 and fails otherwise.
    expect(cofactorPairingCheck(p, q0, negateAffine(times(31337n, hq0)))).toBe(true);
    expect(cofactorPairingCheck(p, q0, negateAffine(times(31338n, hq0)))).toBe(false);
    expect(fp2Eq(fp2Mul(pairing(p, hq0), generatorPairing(negateAffine(times(31337n, hq0)))), FP2_ONE)).toBe(true);
  });
});
