/**
 * F_{q²} = F_q[i]/(i² + 1), the field holding GT (spec-pot §4.1.2). An element is c0 + c1·i with
 * c0, c1 in [0, q). Because q ≡ 3 (mod 4), the q-power Frobenius is conjugation: (c0 + c1·i)^q = c0 − c1·i.
 */
import { fpInv } from "./fp.js";
import { FIELD_PRIME } from "./params.js";
import { wnafDigits, type WindowStep } from "./window.js";

const q = FIELD_PRIME;

export interface Fp2 {
  readonly c0: bigint;
  readonly c1: bigint;
}

export const FP2_ONE: Fp2 = { c0: 1n, c1: 0n };

export function fp2Eq(a: Fp2, b: Fp2): boolean {
  return a.c0 === b.c0 && a.c1 === b.c1;
}

/** (a0 + a1 i)(b0 + b1 i) = (a0 b0 − a1 b1) + (a0 b1 + a1 b0) i, one reduction per component. */
export function fp2Mul(a: Fp2, b: Fp2): Fp2 {
  return {
    c0: (a.c0 * b.c0 + a.c1 * (q - b.c1)) % q,
    c1: (a.c0 * b.c1 + a.c1 * b.c0) % q,
  };
}

/** (a0 + a1 i)² = (a0 + a1)(a0 − a1) + 2 a0 a1 i: two products. */
export function fp2Sqr(a: Fp2): Fp2 {
  return {
    c0: ((a.c0 + a.c1) * (a.c0 + q - a.c1)) % q,
    c1: (2n * a.c0 * a.c1) % q,
  };
}

/** Conjugation = the Frobenius a ↦ a^q; the inverse of a unitary element (norm 1). */
export function fp2Conj(a: Fp2): Fp2 {
  return { c0: a.c0, c1: a.c1 === 0n ? 0n : q - a.c1 };
}

/** 1 / a = conj(a) / (a0² + a1²). Zero has no inverse (BlsError from fpInv). */
export function fp2Inv(a: Fp2): Fp2 {
  const normInverse = fpInv((a.c0 * a.c0 + a.c1 * a.c1) % q);
  return { c0: (a.c0 * normInverse) % q, c1: ((q - a.c1) * normInverse) % q };
}

const UNITARY_WINDOW = 4;

/**
 * a^exponent for a unitary a (a^(q+1) = 1, e.g. anything of the form b^(q−1)), using a signed window:
 * the inverse of a unitary element is its conjugate, so negative digits cost nothing.
 */
export function fp2PowUnitary(a: Fp2, exponent: bigint): Fp2 {
  const digits = wnafDigits(exponent, UNITARY_WINDOW);
  const table: Fp2[] = [a];
  const aSquared = fp2Sqr(a);
  for (let k = 1; k < 1 << (UNITARY_WINDOW - 2); k++) table.push(fp2Mul(table[k - 1]!, aSquared));
  let acc = FP2_ONE;
  for (let i = digits.length - 1; i >= 0; i--) {
    acc = fp2Sqr(acc);
    const digit = digits[i]!;
    if (digit > 0) acc = fp2Mul(acc, table[digit >> 1]!);
    else if (digit < 0) acc = fp2Mul(acc, fp2Conj(table[-digit >> 1]!));
  }
  return acc;
}

/** a^exponent for any a, by a sliding window over a precomputed schedule (see window.ts). */
export function fp2Pow(a: Fp2, schedule: readonly WindowStep[], width: number): Fp2 {
  const table: Fp2[] = [a];
  const aSquared = fp2Sqr(a);
  for (let k = 1; k < 1 << (width - 1); k++) table.push(fp2Mul(table[k - 1]!, aSquared));
  let acc: Fp2 | undefined;
  for (const { squarings, digit } of schedule) {
    if (acc !== undefined) for (let s = 0; s < squarings; s++) acc = fp2Sqr(acc);
    if (digit === 0) continue;
    const factor = table[digit >> 1]!;
    acc = acc === undefined ? factor : fp2Mul(acc, factor);
  }
  return acc ?? FP2_ONE;
}
