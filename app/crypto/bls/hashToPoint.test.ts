import { describe, it, expect } from "vitest";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { FIELD_HASH, HASH_TO_INFINITY_MSG, HASH_TO_POINT, TV6 } from "./bls.vectors.js";
import { encodePoint } from "./encoding.js";
import { BlsError } from "./errors.js";
import { fieldHash, hashToCurveBeforeCofactor, hashToPoint, hashToPointOrInfinity } from "./hashToPoint.js";
import { FIELD_PRIME as q, GROUP_ORDER as r } from "./params.js";
import { isInPrimeOrderSubgroup } from "./subgroup.js";

const hex = (value: bigint): string => value.toString(16).padStart(64, "0");

describe("fieldHash (pbc_mpz_from_hash)", () => {
  it.each(FIELD_HASH)("$name", ({ input, limit, want }) => {
    expect(fieldHash(hexToBytes(input), limit === "q" ? q : r)).toBe(BigInt(want));
  });
  it("wraps the counter byte after 255 copies (one-byte input into 600 bytes)", () => {
    const limit = (1n << 4800n) - 1n; // c = 600 bytes: "aa 00 aa 01 … aa ff aa 00 …"
    const z = fieldHash(new Uint8Array([0xaa]), limit);
    const bytes = hexToBytes(z.toString(16).padStart(1200, "0"));
    expect(bytes[1]).toBe(0x00);
    expect(bytes[511]).toBe(0xff);
    expect(bytes[513]).toBe(0x00);
  });
});

describe("hashToPoint (element_from_hash on G1)", () => {
  it("TV6: H(txData)", () => {
    const p = hashToPoint(hexToBytes(TV6.txData));
    expect(hex(p.x)).toBe(TV6.hx);
    expect(hex(p.y)).toBe(TV6.hy);
  });
  it.each(HASH_TO_POINT)("$name", ({ msg, x, y, encoded }) => {
    const p = hashToPoint(hexToBytes(msg));
    expect(hex(p.x)).toBe(x);
    expect(hex(p.y)).toBe(y);
    expect(bytesToHex(encodePoint(p))).toBe(encoded);
    expect(isInPrimeOrderSubgroup(p)).toBe(true);
  });
  it("picks the odd root before the cofactor multiplication", () => {
    for (const { msg } of HASH_TO_POINT) expect(hashToCurveBeforeCofactor(hexToBytes(msg)).y & 1n).toBe(1n);
  });
  it("32 zero bytes hash to the point at infinity (x = 0, then h·(0, 0))", () => {
    const msg = hexToBytes(HASH_TO_INFINITY_MSG);
    expect(hashToCurveBeforeCofactor(msg)).toEqual({ x: 0n, y: 0n });
    expect(hashToPointOrInfinity(msg)).toBeUndefined();
    expect(() => hashToPoint(msg)).toThrow(BlsError);
    expect(() => hashToPoint(msg)).toThrow(/hashToPoint/);
  });
});
