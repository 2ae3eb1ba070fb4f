import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { modelAdd, modelMul, modelPointFrom } from "./affineModel.testing.js";
import {
  fromAffine,
  INFINITY,
  isInfinity,
  isOnCurve,
  jacobianAdd,
  jacobianDouble,
  jacobianNegate,
  mulScalar,
  negateAffine,
  sumPoints,
  toAffine,
} from "./curve.js";
import { COFACTOR, FIELD_PRIME as q, GENERATOR as g, GROUP_ORDER as r } from "./params.js";

const scalar = fc.bigInt({ min: 1n, max: r - 1n });

describe("curve group law (Jacobian) against the affine model", () => {
  it("the generator is on the curve and has order r", () => {
    expect(isOnCurve(g)).toBe(true);
    expect(isInfinity(mulScalar(g, r))).toBe(true);
    expect(toAffine(mulScalar(g, r - 1n))).toEqual(negateAffine(g));
  });
  it("mulScalar agrees with the model's double-and-add", () => {
    fc.assert(
      fc.property(scalar, (k) => {
        expect(toAffine(mulScalar(g, k))).toEqual(modelMul(k, g));
      }),
      { numRuns: 5 },
    );
    expect(toAffine(mulScalar(g, 0n))).toBeUndefined();
    expect(toAffine(mulScalar(g, 1n))).toEqual(g);
  });
  it("adds and doubles like the model, including points outside G1", () => {
    const p = modelPointFrom(2n); // order h·r, not in G1
    const o = modelPointFrom(1000n);
    expect(toAffine(jacobianAdd(fromAffine(p), fromAffine(o)))).toEqual(modelAdd(p, o));
    expect(toAffine(jacobianDouble(fromAffine(p)))).toEqual(modelAdd(p, p));
    expect(toAffine(mulScalar(p, COFACTOR))).toEqual(modelMul(COFACTOR, p));
    // Scaled Jacobian inputs (Z ≠ 1) give the same sums.
    const z = 987654321n;
    const scaled = { X: (p.x * z * z) % q, Y: (p.y * z * z * z) % q, Z: z };
    expect(toAffine(jacobianAdd(scaled, fromAffine(o)))).toEqual(modelAdd(p, o));
    expect(toAffine(jacobianAdd(scaled, scaled))).toEqual(modelAdd(p, p));
  });
  it("handles infinity, opposite points and 2-torsion", () => {
    const p = fromAffine(g);
    expect(jacobianAdd(INFINITY, p)).toBe(p);
    expect(jacobianAdd(p, INFINITY)).toBe(p);
    expect(isInfinity(jacobianAdd(p, jacobianNegate(p)))).toBe(true);
    expect(isInfinity(jacobianDouble(fromAffine({ x: 0n, y: 0n })))).toBe(true);
    expect(isInfinity(jacobianDouble(INFINITY))).toBe(true);
    expect(toAffine(INFINITY)).toBeUndefined();
  });
  it("sumPoints sums lists with duplicates and cancelling entries", () => {
    const p2 = toAffine(mulScalar(g, 2n))!;
    expect(toAffine(sumPoints([g, g]))).toEqual(p2);
    expect(toAffine(sumPoints([g, p2, negateAffine(g)]))).toEqual(p2);
    expect(isInfinity(sumPoints([g, negateAffine(g)]))).toBe(true);
    expect(isInfinity(sumPoints([]))).toBe(true);
  });
  it("isOnCurve rejects off-curve and non-canonical coordinates", () => {
    expect(isOnCurve({ x: g.x, y: g.y + 1n })).toBe(false);
    expect(isOnCurve({ x: g.x + q, y: g.y })).toBe(false);
    expect(isOnCurve({ x: 0n, y: 0n })).toBe(true);
  });
});
