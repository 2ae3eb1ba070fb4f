/**
 * Arithmetic in the base field F_q of PBC type A (spec-pot §4.1.2). Elements are bigints in [0, q).
 *
 * Speed note: on Node 20 a 256×256-bit BigInt product costs ~60 ns and `% q` of the 512-bit result
 * ~230 ns, so the reduction dominates. Hot code (pairing.ts, subgroup.ts, curve.ts) therefore inlines
 * its formulas and reduces once per sum of products ("lazy reduction"), keeping every dividend
 * non-negative (JS `%` keeps the sign of the dividend). The helpers here serve the colder paths.
 */
import { BlsError } from "./errors.js";
import { FIELD_PRIME } from "./params.js";
import { slidingWindowSchedule, type WindowStep } from "./window.js";

const q = FIELD_PRIME;

/** a mod q for any integer a, in [0, q). */
export function fpMod(a: bigint): bigint {
  const m = a % q;
  return m < 0n ? m + q : m;
}

/**
 * Multiplicative inverse by the extended Euclidean algorithm (~30 µs, about four times faster than
 * Fermat's a^(q−2) with BigInt). Zero has no inverse: BlsError.
 */
export function fpInv(a: bigint): bigint {
  let u = fpMod(a);
  if (u === 0n) throw new BlsError("fpInv: zero has no inverse");
  let v = q;
  let x1 = 1n;
  let x2 = 0n;
  while (u !== 1n) {
    const t = v / u;
    const nextU = v - t * u;
    const nextX = x2 - t * x1;
    v = u;
    u = nextU;
    x2 = x1;
    x1 = nextX;
  }
  return x1 < 0n ? x1 + q : x1;
}

/** Sliding-window exponentiation base^exponent for a fixed public exponent ≥ 1. */
function powWithSchedule(base: bigint, schedule: readonly WindowStep[], width: number): bigint {
  const table: bigint[] = [base];
  const baseSquared = (base * base) % q;
  for (let k = 1; k < 1 << (width - 1); k++) table.push((table[k - 1]! * baseSquared) % q);
  let acc = 0n;
  let started = false;
  for (const { squarings, digit } of schedule) {
    if (started) for (let s = 0; s < squarings; s++) acc = (acc * acc) % q;
    if (digit === 0) continue;
    const factor = table[digit >> 1]!;
    acc = started ? (acc * factor) % q : factor;
    started = true;
  }
  return acc;
}

const SQRT_WINDOW = 5;
/** q ≡ 3 (mod 4): a^((q+1)/4) is a square root of a whenever a is a square. */
const SQRT_SCHEDULE = slidingWindowSchedule((q + 1n) / 4n, SQRT_WINDOW);

/**
 * A square root of a (the one equal to a^((q+1)/4)), or undefined when a is not a square.
 * Zero is a square with root zero, as in PBC (`fp_is_sqr` returns 1 for zero).
 */
export function fpSqrt(a: bigint): bigint | undefined {
  const x = fpMod(a);
  if (x === 0n) return 0n;
  const root = powWithSchedule(x, SQRT_SCHEDULE, SQRT_WINDOW);
  return (root * root) % q === x ? root : undefined;
}

/** PBC's sign of an F_q element (`fp_sgn_odd`): the canonical representative is odd. */
export function fpIsOdd(a: bigint): boolean {
  return (a & 1n) === 1n;
}

/** The square root with the requested parity (0 has only itself), or undefined for a non-square. */
export function fpSqrtWithParity(a: bigint, odd: boolean): bigint | undefined {
  const root = fpSqrt(a);
  if (root === undefined || root === 0n) return root;
  return fpIsOdd(root) === odd ? root : q - root;
}
