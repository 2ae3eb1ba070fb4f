import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { bigIntToBytes, bytesToBigInt } from "./bytes.js";
import { BlsError } from "./errors.js";
import { fpInv, fpIsOdd, fpMod, fpSqrt, fpSqrtWithParity } from "./fp.js";
import { fp2Conj, fp2Inv, fp2Mul, fp2Pow, fp2PowUnitary, fp2Sqr, FP2_ONE, type Fp2 } from "./fp2.js";
import { COFACTOR, FIELD_PRIME as q, GROUP_ORDER } from "./params.js";
import { slidingWindowSchedule, wnafDigits } from "./window.js";

/** Plain square-and-multiply: an oracle independent of the window code. */
function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % q;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % q;
    b = (b * b) % q;
  }
  return result;
}
/** Schoolbook F_{q²} product, the oracle for the fp2 helpers. */
function fp2MulNaive(a: Fp2, b: Fp2): Fp2 {
  return { c0: fpMod(a.c0 * b.c0 - a.c1 * b.c1), c1: fpMod(a.c0 * b.c1 + a.c1 * b.c0) };
}
const fieldElement = fc.bigInt({ min: 0n, max: q - 1n });
const fp2Element = fc.record({ c0: fieldElement, c1: fieldElement });

describe("parameters (spec-pot §4.1.2)", () => {
  it("q + 1 = h·r, q ≡ 3 (mod 4), r = 2^160 − 2^76 − 1", () => {
    expect(q + 1n).toBe(COFACTOR * GROUP_ORDER);
    expect(q % 4n).toBe(3n);
    expect(GROUP_ORDER).toBe(1461501637330902918203684757158419293741609123839n);
  });
});

describe("F_q", () => {
  it("fpSqrt returns a root of every square and undefined for non-squares", () => {
    fc.assert(
      fc.property(fieldElement, (a) => {
        const square = (a * a) % q;
        const root = fpSqrt(square);
        expect(root === undefined ? -1n : (root * root) % q).toBe(square);
        // −1 is a non-square (q ≡ 3 mod 4), so −a² is one unless a = 0.
        if (a !== 0n) expect(fpSqrt(q - square)).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  });
  it("fpSqrt(0) = 0 (zero counts as a square, as in PBC)", () => {
    expect(fpSqrt(0n)).toBe(0n);
    expect(fpSqrt(q)).toBe(0n);
  });
  it("fpSqrtWithParity picks the requested parity", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: q - 1n }), fc.boolean(), (a, odd) => {
        const root = fpSqrtWithParity((a * a) % q, odd)!;
        expect(fpIsOdd(root)).toBe(odd);
        expect(root === a || root === q - a).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
  it("fpInv is the inverse and refuses zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: q - 1n }), (a) => {
        expect((a * fpInv(a)) % q).toBe(1n);
      }),
      { numRuns: 50 },
    );
    expect(() => fpInv(0n)).toThrow(BlsError);
    expect(() => fpInv(q)).toThrow(/fpInv/);
  });
  it("fpMod maps negatives into [0, q)", () => {
    expect(fpMod(-1n)).toBe(q - 1n);
    expect(fpMod(-q)).toBe(0n);
    expect(fpMod(2n * q + 5n)).toBe(5n);
  });
});

describe("F_q²", () => {
  it("fp2Mul and fp2Sqr agree with the schoolbook product", () => {
    fc.assert(
      fc.property(fp2Element, fp2Element, (a, b) => {
        expect(fp2Mul(a, b)).toEqual(fp2MulNaive(a, b));
        expect(fp2Sqr(a)).toEqual(fp2MulNaive(a, a));
      }),
      { numRuns: 50 },
    );
  });
  it("fp2Inv inverts; conjugation is the q-power Frobenius", () => {
    fc.assert(
      fc.property(fp2Element, (a) => {
        if (a.c0 === 0n && a.c1 === 0n) return;
        expect(fp2Mul(a, fp2Inv(a))).toEqual(FP2_ONE);
      }),
      { numRuns: 30 },
    );
    const a = { c0: 5n, c1: 7n };
    let frob = FP2_ONE;
    for (let e = q, b: Fp2 = a; e > 0n; e >>= 1n, b = fp2MulNaive(b, b)) if (e & 1n) frob = fp2MulNaive(frob, b);
    expect(frob).toEqual(fp2Conj(a));
  });
  it("fp2Pow and fp2PowUnitary match repeated multiplication", () => {
    const a = { c0: 123456789n, c1: 987654321n };
    const exponent = 1000003n;
    let want = FP2_ONE;
    for (let e = exponent, b: Fp2 = a; e > 0n; e >>= 1n, b = fp2MulNaive(b, b)) if (e & 1n) want = fp2MulNaive(want, b);
    expect(fp2Pow(a, slidingWindowSchedule(exponent, 4), 4)).toEqual(want);
    // u = a^(q−1) is unitary; compare u^h both ways.
    const u = fp2Mul(fp2Conj(a), fp2Inv(a));
    expect(fp2PowUnitary(u, COFACTOR)).toEqual(fp2Pow(u, slidingWindowSchedule(COFACTOR, 5), 5));
  });
});

describe("exponent recodings", () => {
  it("slidingWindowSchedule reassembles the exponent", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 300n) - 1n }), fc.integer({ min: 1, max: 6 }), (e, width) => {
        let value = 0n;
        for (const { squarings, digit } of slidingWindowSchedule(e, width)) {
          value = (value << BigInt(squarings)) + BigInt(digit);
          expect(digit === 0 || (digit % 2 === 1 && digit < 1 << width)).toBe(true);
        }
        expect(value).toBe(e);
      }),
      { numRuns: 100 },
    );
    expect(() => slidingWindowSchedule(0n, 4)).toThrow(/slidingWindowSchedule/);
  });
  it("wnafDigits reassembles the scalar with sparse odd digits", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 200n) - 1n }), fc.integer({ min: 2, max: 6 }), (k, width) => {
        const digits = wnafDigits(k, width);
        expect(digits.reduceRight((acc, d) => acc * 2n + BigInt(d), 0n)).toBe(k);
        digits.forEach((d, i) => {
          if (d === 0) return;
          expect(Math.abs(d) % 2).toBe(1);
          expect(Math.abs(d)).toBeLessThan(1 << (width - 1));
          for (let j = i + 1; j < Math.min(i + width, digits.length); j++) expect(digits[j]).toBe(0);
        });
      }),
      { numRuns: 100 },
    );
    expect(() => wnafDigits(-1n, 4)).toThrow(/wnafDigits/);
  });
  it("agrees with plain modular exponentiation through fpSqrt's exponent", () => {
    const a = 0x1234567890abcdefn;
    const root = fpSqrt((a * a) % q)!;
    expect(root).toBe(modPow((a * a) % q, (q + 1n) / 4n));
  });
});

describe("bytes", () => {
  it("round-trips fixed-width big-endian", () => {
    expect(bigIntToBytes(0x0102n, 4)).toEqual(new Uint8Array([0, 0, 1, 2]));
    expect(bytesToBigInt(new Uint8Array([0, 0, 1, 2]))).toBe(0x0102n);
    expect(bytesToBigInt(new Uint8Array())).toBe(0n);
    expect(() => bigIntToBytes(1n << 32n, 4)).toThrow(/bigIntToBytes/);
    expect(() => bigIntToBytes(-1n, 4)).toThrow(/bigIntToBytes/);
  });
});
