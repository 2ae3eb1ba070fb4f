/**
 * Exponent recodings shared by the exponentiations and scalar multiplications of this package.
 * Both are variable-time: the exponents are public (fixed constants, or secret keys used only by the
 * SDS simulator and tests — consensus code never signs).
 */

/** One step of a left-to-right sliding window: square `squarings` times, then multiply by base^digit. */
export interface WindowStep {
  readonly squarings: number;
  /** An odd digit < 2^width, or 0 for trailing squarings with no multiplication. */
  readonly digit: number;
}

/**
 * Left-to-right sliding-window schedule of a positive exponent: the result needs the odd powers
 * base^1, base^3, …, base^(2^width − 1). About bits + bits/(width + 1) multiplications in all.
 */
export function slidingWindowSchedule(exponent: bigint, width: number): WindowStep[] {
  if (exponent <= 0n) throw new RangeError(`slidingWindowSchedule: exponent must be positive, got ${exponent}`);
  const bits = exponent.toString(2);
  const steps: WindowStep[] = [];
  let pending = 0;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === "0") {
      pending++;
      i++;
      continue;
    }
    let end = Math.min(i + width, bits.length) - 1;
    while (bits[end] === "0") end--;
    steps.push({ squarings: pending + end - i + 1, digit: parseInt(bits.slice(i, end + 1), 2) });
    pending = 0;
    i = end + 1;
  }
  if (pending > 0) steps.push({ squarings: pending, digit: 0 });
  return steps;
}

/**
 * Width-w non-adjacent form of a non-negative scalar, least significant digit first: every non-zero
 * digit is odd with |digit| < 2^(w−1), and any w consecutive digits hold at most one non-zero.
 * Used where negation is free (curve points, unitary elements of F_{q²}).
 */
export function wnafDigits(scalar: bigint, width: number): number[] {
  if (scalar < 0n) throw new RangeError(`wnafDigits: scalar must be non-negative, got ${scalar}`);
  const window = 1n << BigInt(width);
  const half = window >> 1n;
  const digits: number[] = [];
  let k = scalar;
  while (k > 0n) {
    let digit = 0n;
    if ((k & 1n) === 1n) {
      digit = k & (window - 1n);
      if (digit >= half) digit -= window;
      k -= digit;
    }
    digits.push(Number(digit));
    k >>= 1n;
  }
  return digits;
}
