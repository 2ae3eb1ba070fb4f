/**
 * Membership of a curve point in the order-r subgroup G1 = E(F_q)[r], the check PBC omits and
 * spec-pot §4.1.2 R: asks for. The plain test [r]P = O costs 160 Jacobian doublings (9 reductions
 * each); this one uses x-coordinates only and costs 160 doublings of 4 reductions.
 *
 * E: y² = x³ + x is also the Montgomery curve B·y² = x³ + A·x² + x with A = 0, B = 1, so
 * x(2P) = (x² − 1)² / (4x(x² + 1)) can be iterated on (X : Z) without y. With r = 2^160 − 2^76 − 1,
 *   [r]P = O  ⇔  [2^160]P = [2^76]P + P.
 * From x-coordinates alone one can only test C ∈ {±(A + B), ±(A − B)} for C = [2^160]P, A = [2^76]P,
 * B = P, through the Montgomery biquadratic relation (for A = 0):
 *   (x_A − x_B)² x_C² − 2 (x_A x_B + 1)(x_A + x_B) x_C + (x_A x_B − 1)² = 0   (projectively below).
 * It holds iff [s]P = O for one of s ∈ {r, 2^160 − 2^76 + 1, 2^160 + 2^76 − 1, 2^160 + 2^76 + 1}.
 * E(F_q) is cyclic of order n = h·r (its only rational 2-torsion point is (0, 0)), and the gcd of the
 * three other values of s with n is 1, 1 and 3 (subgroup.test.ts recomputes them). So apart from G1 the
 * relation also accepts exactly the two points of order 3, whose x is a root of the 3-division polynomial
 * 3x⁴ + 6x² − 1; those are rejected explicitly. Callers never pass the point at infinity.
 */
import { FIELD_PRIME, ORDER_EXP1, ORDER_EXP2, type AffinePoint } from "./params.js";

const q = FIELD_PRIME;

/** True iff the (on-curve, finite) point P has order r. */
export function isInPrimeOrderSubgroup(p: AffinePoint): boolean {
  const xB = p.x;
  // 2-torsion (0, 0) and the order-3 points pass or break the x-only relation; neither is in G1.
  if (p.y === 0n) return false;
  const xx = (xB * xB) % q;
  if ((3n * xx * xx + 6n * xx + q - 1n) % q === 0n) return false;

  let X = xB;
  let Z = 1n;
  let XA = 0n;
  let ZA = 0n;
  for (let k = 1; k <= ORDER_EXP2; k++) {
    // (X : Z) ↦ (2·AA·BB : (AA − BB)(AA + BB)) with AA = (X + Z)², BB = (X − Z)², i.e. x ↦ x(2P)
    // scaled by 2 in both coordinates: (X² − Z²)² / (4XZ(X² + Z²)).
    const AA = ((X + Z) * (X + Z)) % q;
    const D = X >= Z ? X - Z : X + q - Z;
    const BB = (D * D) % q;
    X = (2n * AA * BB) % q;
    Z = ((AA + q - BB) * (AA + BB)) % q;
    if (k === ORDER_EXP1) {
      XA = X;
      ZA = Z;
    }
  }
  const XC = X;
  const ZC = Z;
  const a = XA + q * q - xB * ZA; // x_A − x_B, times ZA (kept non-negative)
  const b = XA * xB + ZA; //         x_A·x_B + 1, times ZA
  const c = XA + xB * ZA; //         x_A + x_B, times ZA
  const d = XA * xB + q * q - ZA; // x_A·x_B − 1, times ZA
  const t0 = (((a * a) % q) * ((XC * XC) % q)) % q;
  const t1 = (((2n * b * c) % q) * ((XC * ZC) % q)) % q;
  const t2 = (((d * d) % q) * ((ZC * ZC) % q)) % q;
  return (t0 + t2 + q - t1) % q === 0n;
}
