/**
 * Group law on E: y² = x³ + x over F_q (spec-pot §4.1.2) in Jacobian coordinates
 * (x, y) = (X/Z², Y/Z³), so that additions and doublings need no inversion. Z = 0 is the point at
 * infinity. Formulas: "dbl-2007-bl" (a = 1) and "add-2007-bl" from the Explicit-Formulas Database,
 * written with one `% q` per sum of products (see fp.ts). Variable-time (no secret inputs on the
 * verification path).
 */
import { fpInv } from "./fp.js";
import { FIELD_PRIME, type AffinePoint } from "./params.js";
import { wnafDigits } from "./window.js";

const q = FIELD_PRIME;
const qSquared = q * q;

export interface JacobianPoint {
  readonly X: bigint;
  readonly Y: bigint;
  readonly Z: bigint;
}

export const INFINITY: JacobianPoint = { X: 1n, Y: 1n, Z: 0n };

export function isInfinity(p: JacobianPoint): boolean {
  return p.Z === 0n;
}

export function fromAffine(p: AffinePoint): JacobianPoint {
  return { X: p.x, Y: p.y, Z: 1n };
}

/** True when x, y are canonical field elements and y² = x³ + x. */
export function isOnCurve(p: AffinePoint): boolean {
  if (p.x < 0n || p.x >= q || p.y < 0n || p.y >= q) return false;
  return (p.y * p.y) % q === (p.x * (p.x * p.x + 1n)) % q;
}

export function negateAffine(p: AffinePoint): AffinePoint {
  return { x: p.x, y: p.y === 0n ? 0n : q - p.y };
}

export function jacobianNegate(p: JacobianPoint): JacobianPoint {
  return { X: p.X, Y: p.Y === 0n ? 0n : q - p.Y, Z: p.Z };
}

/** 2P. A point with y = 0 has order 2 and doubles to infinity. */
export function jacobianDouble(p: JacobianPoint): JacobianPoint {
  const { X, Y, Z } = p;
  if (Z === 0n || Y === 0n) return INFINITY;
  const XX = (X * X) % q;
  const YY = (Y * Y) % q;
  const ZZ = (Z * Z) % q;
  const S = 4n * X * YY; // unreduced (< 4q²); YY² below as well: one `%` less each
  const M = (3n * XX + ZZ * ZZ) % q; // 3x² + a with a = 1, scaled by Z⁴
  const X3 = (M * M + 8n * qSquared - 2n * S) % q;
  return {
    X: X3,
    Y: (M * (S + q - X3) + 8n * (qSquared - YY * YY)) % q,
    Z: (2n * Y * Z) % q,
  };
}

/** P1 + P2 for any inputs (infinity, equal or opposite points included). */
export function jacobianAdd(p1: JacobianPoint, p2: JacobianPoint): JacobianPoint {
  if (p1.Z === 0n) return p2;
  if (p2.Z === 0n) return p1;
  const Z1Z1 = (p1.Z * p1.Z) % q;
  const Z2Z2 = (p2.Z * p2.Z) % q;
  const U1 = (p1.X * Z2Z2) % q;
  const U2 = (p2.X * Z1Z1) % q;
  const S1 = (p1.Y * p2.Z * Z2Z2) % q;
  const S2 = (p2.Y * p1.Z * Z1Z1) % q;
  const H = U2 >= U1 ? U2 - U1 : U2 + q - U1;
  const r = S2 >= S1 ? S2 - S1 : S2 + q - S1;
  if (H === 0n) return r === 0n ? jacobianDouble(p1) : INFINITY;
  const HH = (H * H) % q;
  const HHH = (H * HH) % q;
  const V = (U1 * HH) % q;
  const X3 = (r * r + (q - HHH) + 2n * (q - V)) % q;
  return {
    X: X3,
    Y: (r * (V + q - X3) + S1 * (q - HHH)) % q,
    Z: (p1.Z * p2.Z * H) % q,
  };
}

/** The affine form, or undefined for the point at infinity. */
export function toAffine(p: JacobianPoint): AffinePoint | undefined {
  if (p.Z === 0n) return undefined;
  if (p.Z === 1n) return { x: p.X, y: p.Y };
  const zInv = fpInv(p.Z);
  const zInv2 = (zInv * zInv) % q;
  return { x: (p.X * zInv2) % q, y: (p.Y * zInv2 * zInv) % q };
}

const SCALAR_WINDOW = 4;

/** k·P for a scalar k ≥ 0 (width-4 NAF: doublings plus about one addition per five bits). */
export function mulScalar(p: AffinePoint, k: bigint): JacobianPoint {
  const digits = wnafDigits(k, SCALAR_WINDOW);
  const base = fromAffine(p);
  const twice = jacobianDouble(base);
  const table: JacobianPoint[] = [base];
  for (let i = 1; i < 1 << (SCALAR_WINDOW - 2); i++) table.push(jacobianAdd(table[i - 1]!, twice));
  let acc = INFINITY;
  for (let i = digits.length - 1; i >= 0; i--) {
    acc = jacobianDouble(acc);
    const digit = digits[i]!;
    if (digit > 0) acc = jacobianAdd(acc, table[digit >> 1]!);
    else if (digit < 0) acc = jacobianAdd(acc, jacobianNegate(table[-digit >> 1]!));
  }
  return acc;
}

/** Sum of affine points (duplicates and opposite points allowed). */
export function sumPoints(points: readonly AffinePoint[]): JacobianPoint {
  let acc = INFINITY;
  for (const p of points) acc = jacobianAdd(acc, fromAffine(p));
  return acc;
}
