import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { GENERATOR_ENCODED, INVALID_ENCODINGS, NEG_GENERATOR_ENCODED, SIXTEEN_G_ENCODED, TV6 } from "./bls.vectors.js";
import { mulScalar, negateAffine, toAffine } from "./curve.js";
import { decodePoint, encodePoint, tryDecodePoint } from "./encoding.js";
import { BlsError } from "./errors.js";
import { FIELD_PRIME, GENERATOR as g, GROUP_ORDER as r } from "./params.js";

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
  it("never throws from tryDecodePoint on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (bytes) => {
        const p = tryDecodePoint(bytes);
        if (p !== undefined) expect(bytesToHex(encodePoint(p))).toBe(bytesToHex(bytes));
      }),
      { numRuns: 30 },
    );
  });
});
