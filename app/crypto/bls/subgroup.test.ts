import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { modelAdd, modelInSubgroup, modelMul, modelPointFrom } from "./affineModel.testing.js";
import { mulScalar, toAffine } from "./curve.js";
import { COFACTOR as h, FIELD_PRIME as q, GENERATOR as g, GROUP_ORDER as r, ORDER_EXP1, ORDER_EXP2 } from "./params.js";
import { isInPrimeOrderSubgroup } from "./subgroup.js";

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

describe("isInPrimeOrderSubgroup", () => {
  it("rests on these facts: the sign variants of r share only the factor 3 with #E = h·r", () => {
    const two2 = 1n << BigInt(ORDER_EXP2);
    const two1 = 1n << BigInt(ORDER_EXP1);
    expect(r).toBe(two2 - two1 - 1n);
    const n = h * r;
    expect(gcd(two2 - two1 + 1n, n)).toBe(1n);
    expect(gcd(two2 + two1 - 1n, n)).toBe(1n);
    expect(gcd(two2 + two1 + 1n, n)).toBe(3n);
    // Cyclic E(F_q): n2 divides gcd(#E, q − 1) = 2 and the only rational 2-torsion point is (0, 0)
    // (x² + 1 has no root because −1 is a non-square), so the group has a single factor.
    expect(gcd(n, q - 1n)).toBe(2n);
  });
  it("accepts multiples of g", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: r - 1n }), (k) => {
        expect(isInPrimeOrderSubgroup(toAffine(mulScalar(g, k))!)).toBe(true);
      }),
      { numRuns: 5 },
    );
    expect(isInPrimeOrderSubgroup(g)).toBe(true);
  });
  it("agrees with the plain [r]P = O test on arbitrary curve points", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: q - 1n }), (start) => {
        const p = modelPointFrom(start);
        expect(isInPrimeOrderSubgroup(p)).toBe(modelInSubgroup(p));
        // h·P always lands in G1 (or at infinity).
        const hp = toAffine(mulScalar(p, h));
        if (hp !== undefined) expect(isInPrimeOrderSubgroup(hp)).toBe(true);
      }),
      { numRuns: 5 },
    );
  });
  it("rejects each small-order torsion point, the order-3 ones included", () => {
    const p = modelPointFrom(14n); // x = 14: the smallest x of a point of full order h·r (a generator of E(F_q))
    expect(p.x).toBe(14n);
    expect(modelMul(h * r, p)).toBeNull();
    for (const order of [2n, 3n, 4n, 6n, 7n, 12n, 21n, 1979n]) {
      const t = modelMul((h * r) / order, p);
      expect(t).not.toBeNull();
      expect(isInPrimeOrderSubgroup(t!)).toBe(false);
    }
    // g + (a point of order 3) has order 3r: not in G1 either.
    const mixed = modelAdd(g, modelMul((h * r) / 3n, p))!;
    expect(isInPrimeOrderSubgroup(mixed)).toBe(false);
    expect(isInPrimeOrderSubgroup({ x: 0n, y: 0n })).toBe(false);
  });
});
