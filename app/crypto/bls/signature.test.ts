import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { modelPairing } from "./affineModel.testing.js";
import { HASH_TO_INFINITY_MSG, INVALID_ENCODINGS, KEYS, NEG_GENERATOR_ENCODED, SIGNATURES, TV6, TV6_NON_CANONICAL } from "./bls.vectors.js";
import { decodePoint, encodePoint } from "./encoding.js";
import { BlsError } from "./errors.js";
import { fp2Eq } from "./fp2.js";
import { hashToPoint } from "./hashToPoint.js";
import { pairing } from "./pairing.js";
import {
  blsAggregatePublicKeys,
  blsAggregateSignatures,
  blsKeyFromSecret,
  blsPublicKey,
  blsSecretKeyFromBytes,
  blsSecretKeyToBytes,
  blsSign,
  blsVerify,
} from "./signature.js";
import { GENERATOR, GROUP_ORDER as r } from "./params.js";

const txData = hexToBytes(TV6.txData);
const seeds = TV6.keys.map((k) => new Uint8Array(32).fill(k.seedByte));
const pks = TV6.keys.map((k) => hexToBytes(k.pk));
const aggregate = hexToBytes(TV6.aggregateSignature);

describe("TV6 (spec-pot §11.6)", () => {
  it.each(TV6.keys)("key from seed 32 x 0x$seedByte", ({ seedByte, sk, pk }) => {
    const key = blsKeyFromSecret(new Uint8Array(32).fill(seedByte));
    expect(key).toBe(BigInt(`0x${sk}`));
    expect(bytesToHex(blsPublicKey(key))).toBe(pk);
  });
  it("aggregate signature of the three keys", () => {
    const sigs = seeds.map((seed) => blsSign(blsKeyFromSecret(seed), txData));
    expect(bytesToHex(blsAggregateSignatures(sigs))).toBe(TV6.aggregateSignature);
    expect(bytesToHex(blsAggregateSignatures(sigs.slice(0, 2)))).toBe(TV6.signatureOfKeys1And2);
  });
  it("verify(txData, agg, [pk1, pk2, pk3]) = true", () => {
    expect(blsVerify(txData, aggregate, pks)).toBe(true);
    expect(blsVerify(txData, aggregate, [pks[2]!, pks[0]!, pks[1]!])).toBe(true); // order is irrelevant
  });
  it("verify with [pk1, pk2] = false", () => {
    expect(blsVerify(txData, aggregate, pks.slice(0, 2))).toBe(false);
  });
  it("verify with txData's first byte flipped = false", () => {
    const flipped = txData.slice();
    flipped[0] ^= 0xff;
    expect(blsVerify(flipped, aggregate, pks)).toBe(false);
  });
  it("signature of keys 1 + 2 verifies with [pk1, pk2]", () => {
    expect(blsVerify(txData, hexToBytes(TV6.signatureOfKeys1And2), pks.slice(0, 2))).toBe(true);
  });
  it("duplicate-key trick: 2·σ1 verifies with [pk1, pk1] (spec-pot §4.1 QUIRK)", () => {
    const sigma1 = blsSign(blsKeyFromSecret(seeds[0]!), txData);
    expect(blsVerify(txData, blsAggregateSignatures([sigma1, sigma1]), [pks[0]!, pks[0]!])).toBe(true);
    expect(blsVerify(txData, sigma1, [pks[0]!, pks[0]!])).toBe(false);
  });
  it("non-canonical key and signature encodings verify as the Appendix B model says (spec-pot §4.1.2 R:)", () => {
    const nc = TV6_NON_CANONICAL;
    expect(blsVerify(txData, aggregate, [pks[0]!, hexToBytes(nc.pk2XPlusQ), hexToBytes(nc.pk3Parity07)])).toBe(true);
    expect(blsVerify(txData, hexToBytes(nc.aggregateParity02), pks)).toBe(false);
    expect(blsVerify(txData, aggregate, [hexToBytes(nc.pk1Parity05), pks[1]!, pks[2]!])).toBe(false);
  });
  it("the verification equation holds in the Appendix B model too", () => {
    const lhs = modelPairing(hashToPoint(txData), decodePoint(blsAggregatePublicKeys(pks)));
    expect(modelPairing(decodePoint(aggregate), GENERATOR)).toEqual(lhs);
  });
});

describe("extra vectors (Appendix B model, confirmed with libpbc)", () => {
  it.each(KEYS)("key: $name", ({ seed, sk, pk }) => {
    const key = blsKeyFromSecret(hexToBytes(seed));
    expect(key).toBe(BigInt(`0x${sk}`));
    expect(bytesToHex(blsPublicKey(key))).toBe(pk);
  });
  it.each(SIGNATURES)("signature: $name", ({ seed, msg, signature }) => {
    const key = blsKeyFromSecret(hexToBytes(seed));
    expect(bytesToHex(blsSign(key, hexToBytes(msg)))).toBe(signature);
    expect(blsVerify(hexToBytes(msg), hexToBytes(signature), [blsPublicKey(key)])).toBe(true);
  });
});

describe("keys and signing", () => {
  it("secret key bytes round-trip (minimal big-endian bytes, SetBig semantics)", () => {
    const sk = blsKeyFromSecret(seeds[0]!);
    expect(bytesToHex(blsSecretKeyToBytes(sk))).toBe(TV6.keys[0].sk);
    expect(blsSecretKeyFromBytes(blsSecretKeyToBytes(sk))).toBe(sk);
    expect(blsSecretKeyFromBytes(hexToBytes((r + 5n).toString(16)))).toBe(5n); // reduced mod r
    // Minimal bytes, like Go's big.Int.Bytes(): the seed 00..1f gives sk 0x000102…13, stored as 19 bytes.
    const leadingZero = blsKeyFromSecret(hexToBytes(KEYS[3].seed));
    expect(bytesToHex(blsSecretKeyToBytes(leadingZero))).toBe(KEYS[3].sk.slice(2));
    expect(blsSecretKeyFromBytes(blsSecretKeyToBytes(leadingZero))).toBe(leadingZero);
    expect(bytesToHex(blsSecretKeyToBytes(5n))).toBe("05");
  });
  it("refuses zero and out-of-range secret keys", () => {
    expect(() => blsKeyFromSecret(new Uint8Array(32))).toThrow(BlsError);
    expect(() => blsKeyFromSecret(new Uint8Array(32))).toThrow(/blsKeyFromSecret/);
    expect(() => blsSecretKeyFromBytes(hexToBytes(r.toString(16)))).toThrow(/blsSecretKeyFromBytes/);
    expect(() => blsPublicKey(0n)).toThrow(/blsPublicKey/);
    expect(() => blsSign(r, txData)).toThrow(/blsSign/);
    expect(() => blsSecretKeyToBytes(-1n)).toThrow(/blsSecretKeyToBytes/);
  });
  it("signing a message that hashes to infinity is refused", () => {
    expect(() => blsSign(1n, hexToBytes(HASH_TO_INFINITY_MSG))).toThrow(/hashToPoint/);
  });
  it("aggregation refuses empty lists, bad encodings and an infinite sum", () => {
    expect(() => blsAggregateSignatures([])).toThrow(/blsAggregateSignatures: nothing/);
    expect(() => blsAggregatePublicKeys([new Uint8Array(33)])).toThrow(/decodePoint/);
    const g = encodePoint(GENERATOR);
    expect(() => blsAggregatePublicKeys([g, hexToBytes(NEG_GENERATOR_ENCODED)])).toThrow(/point at infinity/);
    expect(bytesToHex(blsAggregatePublicKeys([blsPublicKey(1n), blsPublicKey(2n)]))).toBe(bytesToHex(blsPublicKey(3n)));
  });
});

describe("blsVerify properties", () => {
  const secret = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((s) => s.subarray(0, 20).some((b) => b !== 0));
  const message = fc.uint8Array({ minLength: 32, maxLength: 32 });
  it("sign / aggregate / verify round-trips for 1–4 signers", () => {
    fc.assert(
      fc.property(fc.array(secret, { minLength: 1, maxLength: 4 }), message, (secrets, msg) => {
        const keys = secrets.map(blsKeyFromSecret);
        const publicKeys = keys.map(blsPublicKey);
        const signature = blsAggregateSignatures(keys.map((k) => blsSign(k, msg)));
        expect(blsVerify(msg, signature, publicKeys)).toBe(true);
        // The aggregate public key alone verifies as well (PBC's Verify sums the list first).
        expect(blsVerify(msg, signature, [blsAggregatePublicKeys(publicKeys)])).toBe(true);
      }),
      { numRuns: 4 },
    );
  });
  it("a wrong message, a missing key or an extra key fails", () => {
    fc.assert(
      fc.property(fc.array(secret, { minLength: 2, maxLength: 3 }), message, message, secret, (secrets, msg, other, extra) => {
        const keys = secrets.map(blsKeyFromSecret);
        const publicKeys = keys.map(blsPublicKey);
        const signature = blsAggregateSignatures(keys.map((k) => blsSign(k, msg)));
        if (bytesToHex(other) !== bytesToHex(msg)) expect(blsVerify(other, signature, publicKeys)).toBe(false);
        expect(blsVerify(msg, signature, publicKeys.slice(1))).toBe(false);
        const extraKey = blsPublicKey(blsKeyFromSecret(extra));
        expect(blsVerify(msg, signature, [...publicKeys, extraKey])).toBe(false);
      }),
      { numRuns: 3 },
    );
  });
  it("agrees with the plain check e(H(m), Σ pk) = e(σ, g) computed with two full pairings", () => {
    fc.assert(
      fc.property(fc.array(secret, { minLength: 1, maxLength: 3 }), message, message, fc.boolean(), (secrets, msg, other, honest) => {
        const keys = secrets.map(blsKeyFromSecret);
        const publicKeys = keys.map(blsPublicKey);
        const signature = blsAggregateSignatures(keys.map((k) => blsSign(k, honest ? msg : other)));
        const plain = fp2Eq(
          pairing(hashToPoint(msg), decodePoint(blsAggregatePublicKeys(publicKeys))),
          pairing(decodePoint(signature), GENERATOR),
        );
        expect(blsVerify(msg, signature, publicKeys)).toBe(plain);
      }),
      { numRuns: 4 },
    );
  });
  it("an empty key list is false (an error in the reference), not a throw", () => {
    expect(blsVerify(txData, aggregate, [])).toBe(false);
  });
  it("a message hashing to infinity is false, not a throw", () => {
    expect(blsVerify(hexToBytes(HASH_TO_INFINITY_MSG), aggregate, pks)).toBe(false);
  });
  it("keys summing to infinity are false, not a throw", () => {
    expect(blsVerify(txData, aggregate, [encodePoint(GENERATOR), hexToBytes(NEG_GENERATOR_ENCODED)])).toBe(false);
  });
  it.each(INVALID_ENCODINGS)("a malformed signature ($name) is false, not a throw", ({ hex }) => {
    expect(blsVerify(txData, hexToBytes(hex), pks)).toBe(false);
  });
  it.each(INVALID_ENCODINGS)("a malformed public key ($name) is false, not a throw", ({ hex }) => {
    expect(blsVerify(txData, aggregate, [...pks, hexToBytes(hex)])).toBe(false);
    expect(blsVerify(txData, aggregate, [hexToBytes(hex)])).toBe(false);
  });
  it("random bytes as signature or key are false, not a throw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 34 }), (junk) => {
        expect(blsVerify(txData, junk, pks)).toBe(false);
        expect(blsVerify(txData, aggregate, [pks[0]!, pks[1]!, junk])).toBe(false);
      }),
      { numRuns: 20 },
    );
  });
});
