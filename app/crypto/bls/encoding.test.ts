import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { modelDecompress } from "./affineModel.testing.js";
import { GENERATOR_ENCODED, INVALID_ENCODINGS, NEG_GENERATOR_ENCODED, NON_CANONICAL_ENCODINGS, SIXTEEN_G_ENCODED, TV6 } from "./bls.vectors.js";
import { mulScalar, negateAffine, toAffine } from "./curve.js";
import { decodePoint, encodePoint, tryDecodePoint } from "./encoding.js";
import { BlsError } from "./errors.js";
import { FIELD_PRIME, GENERATOR as g, GROUP_ORDER as r } from "./params.js";

/** The canonical form of a 33-byte encoding as PBC reads it: x mod q, flag 0 or 1. */
function canonicalForm(bytes: Uint8Array): string {
  const x = BigInt(`0x${bytesToHex(bytes.subarray(0, 32))}`) % FIELD_PRIME;
  return x.toString(16).padStart(64, "0") + (bytes[32] === 0 ? "00" : "01");
}

describe("encodePoint / decodePoint", () => {
  it("encode the generator and its negation as PBC does", () => {
    expect(bytesToHex(encodePoint(g))).toBe(GENERATOR_ENCODED);
    expect(bytesToHex(encodePoint(negateAffine(g)))).toBe(NEG_GENERATOR_ENCODED);
    expect(decodePoint(hexToBytes(GENERATOR_ENCODED))).toEqual(g);
    expect(decodePoint(hexToBytes(NEG_GENERATOR_ENCODED))).toEqual(negateAffine(g));
  });
  it("decode the TV6 public keys and signature and re-encode them unchanged", () => {
    for (const hex of [...TV6.keys.map((k) => k.pk), TV6.aggregateSignature, TV6.signatureOfKeys1And2, SIXTEEN_G_ENCODED]) {
      expect(bytesToHex(encodePoint(decodePoint(hexToBytes(hex))))).toBe(hex);
    }
    expect(decodePoint(hexToBytes(SIXTEEN_G_ENCODED))).toEqual(toAffine(mulScalar(g, 16n)));
  });
  it("round-trip random points of G1", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: r - 1n }), (k) => {
        const p = toAffine(mulScalar(g, k))!;
        const bytes = encodePoint(p);
        expect(bytes.length).toBe(33);
        expect(bytes[32]).toBe(Number(p.y & 1n));
        expect(decodePoint(bytes)).toEqual(p);
      }),
      { numRuns: 5 },
    );
  });
  it("refuses to encode something that is not a curve point", () => {
    expect(() => encodePoint({ x: g.x, y: g.y + 1n })).toThrow(/encodePoint/);
    expect(() => encodePoint({ x: g.x + FIELD_PRIME, y: g.y })).toThrow(BlsError);
  });
  it.each(INVALID_ENCODINGS)("refuses $name", ({ hex }) => {
    const bytes = hexToBytes(hex);
    expect(tryDecodePoint(bytes)).toBeUndefined();
    expect(() => decodePoint(bytes)).toThrow(BlsError);
    expect(() => decodePoint(bytes)).toThrow(/decodePoint/);
  });
  // spec-pot §4.1.2 R: / Appendix B `decompress`: PBC's reading (x mod q, any non-zero flag = odd root) is
  // kept; only length, curve and subgroup are checked on top of it.
  it.each(NON_CANONICAL_ENCODINGS)("decodes the non-canonical $name like PBC and Appendix B", ({ hex, canonical }) => {
    const p = decodePoint(hexToBytes(hex));
    expect(bytesToHex(encodePoint(p))).toBe(canonical);
    expect(tryDecodePoint(hexToBytes(hex))).toEqual(p);
  });
  it("never throws from tryDecodePoint on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (bytes) => {
        const p = tryDecodePoint(bytes);
        if (p !== undefined) expect(bytesToHex(encodePoint(p))).toBe(canonicalForm(bytes));
      }),
      { numRuns: 30 },
    );
  });
  it("agrees with the Appendix B model on mutated encodings of G1 points (x + q, flag bytes, bit flips)", () => {
    const mutation = fc.oneof(
      fc.constant({ kind: "x+q" as const, value: 0 }),
      fc.record({ kind: fc.constant("flag" as const), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant("flip" as const), value: fc.integer({ min: 0, max: 263 }) }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: r - 1n }), mutation, (k, m) => {
        const bytes = encodePoint(toAffine(mulScalar(g, k))!).slice();
        if (m.kind === "flag") bytes[32] = m.value;
        if (m.kind === "flip") bytes[m.value >> 3] = bytes[m.value >> 3]! ^ (1 << (m.value & 7));
        if (m.kind === "x+q") {
          const x = BigInt(`0x${bytesToHex(bytes.subarray(0, 32))}`) + FIELD_PRIME;
          if (x >= 1n << 256n) return;
          bytes.set(hexToBytes(x.toString(16).padStart(64, "0")), 0);
        }
        const model = modelDecompress(bytes);
        const ours = tryDecodePoint(bytes);
        expect(ours ?? null).toEqual(model);
      }),
      { numRuns: 12 },
    );
  });
});
