// Dec against an exact rational model. The model is written independently of dec.ts: it works on
// the number line with floor division (dec.ts rounds |x| and restores the sign), so a shared mistake
// is unlikely. A Dec with raw r stands for the rational r / 10^18.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { Dec, DecOverflowError, DivisionByZeroError } from "./dec.js";

const E18 = 10n ** 18n;
const LIMIT = 1n << 315n;
const RUNS = { numRuns: 1500 };

/** ⌊n / d⌋ for d > 0. */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}
/** n / d (d > 0) rounded to the nearest integer, ties to the even neighbour. */
function roundHalfEvenRat(n: bigint, d: bigint): bigint {
  const q = floorDiv(n, d);
  const twiceRem = 2n * (n - q * d);
  if (twiceRem > d) return q + 1n;
  if (twiceRem < d) return q;
  return q % 2n === 0n ? q : q + 1n;
}
/** n / d rounded toward zero, any signs, d ≠ 0. */
function truncRat(n: bigint, d: bigint): bigint {
  const [nn, dd] = d < 0n ? [-n, -d] : [n, d];
  return nn < 0n ? -floorDiv(-nn, dd) : floorDiv(nn, dd);
}
/** ⌈n / d⌉ for d > 0. */
function ceilRat(n: bigint, d: bigint): bigint {
  return -floorDiv(-n, d);
}
const inRange = (x: bigint): boolean => x < LIMIT && x > -LIMIT;

const rawArb = fc.oneof(
  fc.bigInt(-(10n ** 20n), 10n ** 20n),
  fc.bigInt(-(1n << 128n), 1n << 128n),
  fc.bigInt(-(LIMIT - 1n), LIMIT - 1n),
  fc.bigInt(-2000n, 2000n).map((k) => k * 5n * 10n ** 17n), // multiples of one half: ties
  fc.bigInt(-5n, 5n),
);
const decArb = rawArb.map((r) => Dec.fromRaw(r));

function expectModel(f: () => Dec, want: bigint): void {
  if (inRange(want)) expect(f().raw).toBe(want);
  else expect(f).toThrow(DecOverflowError);
}

describe("Dec = exact rational model", () => {
  it("add and sub are exact (or overflow)", () => {
    fc.assert(fc.property(decArb, decArb, (a, b) => {
      expectModel(() => a.add(b), a.raw + b.raw);
      expectModel(() => a.sub(b), a.raw - b.raw);
    }), RUNS);
  });

  it("mul is the half-even rounding of the exact product; mulTruncate its truncation", () => {
    fc.assert(fc.property(decArb, decArb, (a, b) => {
      // exact value a·b = (a.raw·b.raw) / 10^36; in units of 10^-18 that is a.raw·b.raw / 10^18
      expectModel(() => a.mul(b), roundHalfEvenRat(a.raw * b.raw, E18));
      expectModel(() => a.mulTruncate(b), truncRat(a.raw * b.raw, E18));
    }), RUNS);
  });

  it("quo: half-even rounding of the quotient truncated at 36 decimals; quoTruncate truncates", () => {
    fc.assert(fc.property(decArb, decArb, (a, b) => {
      if (b.isZero()) {
        expect(() => a.quo(b)).toThrow(DivisionByZeroError);
        return;
      }
      const truncated36 = truncRat(a.raw * E18 * E18, b.raw);
      const want = roundHalfEvenRat(truncated36, E18);
      expectModel(() => a.quo(b), want);
      expectModel(() => a.quoTruncate(b), truncRat(a.raw * E18, b.raw));
      // Against the exact quotient a.raw·10^18 / b.raw: identical, except when truncating the digits
      // beyond 36 decimals turned a value just above one half into an exact tie (SDK behaviour).
      const exact = roundHalfEvenRat(a.raw * E18 * (b.raw < 0n ? -1n : 1n), b.raw < 0n ? -b.raw : b.raw);
      if (want !== exact) {
        const tieAfterTruncation = truncated36 % E18 === 5n * 10n ** 17n || truncated36 % E18 === -5n * 10n ** 17n;
        expect(tieAfterTruncation && (a.raw * E18 * E18) % b.raw !== 0n).toBe(true);
        expect(want - exact === 1n || want - exact === -1n).toBe(true);
      }
    }), RUNS);
  });

  it("truncateInt, roundInt and ceil match the rational value", () => {
    fc.assert(fc.property(decArb, (a) => {
      expect(a.truncateInt()).toBe(truncRat(a.raw, E18));
      expect(a.roundInt()).toBe(roundHalfEvenRat(a.raw, E18));
      const c = ceilRat(a.raw, E18) * E18;
      if (a.raw > 0n && a.raw % E18 !== 0n && a.raw >= 1n << 314n) expect(() => a.ceil()).toThrow(DecOverflowError);
      else expect(a.ceil().raw).toBe(c);
    }), RUNS);
  });

  it("mulInt is exact, quoInt truncates", () => {
    fc.assert(fc.property(decArb, fc.bigInt(-(1n << 70n), 1n << 70n), (a, n) => {
      expectModel(() => a.mulInt(n), a.raw * n);
      if (n === 0n) expect(() => a.quoInt(n)).toThrow(DivisionByZeroError);
      else expect(a.quoInt(n).raw).toBe(truncRat(a.raw, n));
    }), RUNS);
  });

  it("text forms round-trip", () => {
    fc.assert(fc.property(decArb, (a) => {
      expect(Dec.parse(a.toString()).raw).toBe(a.raw);
      expect(Dec.fromProtoString(a.toProtoString()).raw).toBe(a.raw);
      expect(a.toString()).toMatch(/^-?[0-9]+\.[0-9]{18}$/);
    }), RUNS);
  });

  it("comparisons agree with the rational order", () => {
    fc.assert(fc.property(decArb, decArb, (a, b) => {
      const want = a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0;
      expect(a.cmp(b)).toBe(want);
      expect(a.lt(b)).toBe(want < 0);
      expect(a.gte(b)).toBe(want >= 0);
      expect(a.equals(b)).toBe(want === 0);
    }), RUNS);
  });
});
