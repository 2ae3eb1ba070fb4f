import { describe, expect, it } from "vitest";
import { GO_SECP256K1_VECTORS } from "./goReference.vectors.js";
import { sha256 } from "./hash.js";
import { InvalidKeyError } from "./keyErrors.js";
import {
  cosmosAddressFromPubKey,
  secp256k1PublicKeyFromPrivateKey,
  signSecp256k1,
  verifySecp256k1,
  verifySecp256k1Digest,
} from "./secp256k1.js";
import { SECP256K1_ORDER, toBytes32 } from "./secp256k1Shape.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const unhex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));

describe("Cosmos secp256k1 signatures (Go reference vectors, SHA-256)", () => {
  it.each(GO_SECP256K1_VECTORS)("$name: same 64 bytes r‖s and it verifies", ({ priv, pub33, msgHex, sha256: digest, cosmosSig64 }) => {
    const msg = unhex(msgHex);
    expect(hex(sha256(msg))).toBe(digest);
    expect(hex(secp256k1PublicKeyFromPrivateKey(unhex(priv)))).toBe(pub33);
    expect(hex(signSecp256k1(unhex(priv), msg))).toBe(cosmosSig64);
    expect(verifySecp256k1(unhex(pub33), msg, unhex(cosmosSig64))).toBe(true);
    expect(verifySecp256k1Digest(unhex(pub33), unhex(digest), unhex(cosmosSig64))).toBe(true);
  });
});

describe("verifySecp256k1 rules", () => {
  const { pub33, msgHex, cosmosSig64, ethSig65 } = GO_SECP256K1_VECTORS[7];
  const pub = unhex(pub33);
  const msg = unhex(msgHex);
  const sig = unhex(cosmosSig64);
  const s = BigInt("0x" + cosmosSig64.slice(64));

  it("requires exactly 64 bytes (no recovery byte)", () => {
    expect(verifySecp256k1(pub, msg, Uint8Array.from([...sig, 0]))).toBe(false);
    expect(verifySecp256k1(pub, msg, sig.slice(0, 63))).toBe(false);
    expect(verifySecp256k1Digest(pub, sha256(msg), Uint8Array.from([...sig, 0]))).toBe(false);
  });

  it("rejects the high-S twin", () => {
    const high = Uint8Array.from([...sig.slice(0, 32), ...toBytes32(SECP256K1_ORDER - s)]);
    expect(verifySecp256k1(pub, msg, high)).toBe(false);
  });

  it("rejects a Keccak (eth_secp256k1) signature of the same message, a wrong message and a wrong key", () => {
    expect(verifySecp256k1(pub, msg, unhex(ethSig65).slice(0, 64))).toBe(false);
    expect(verifySecp256k1(pub, Uint8Array.from([1, ...msg]), sig)).toBe(false);
    expect(verifySecp256k1(unhex(GO_SECP256K1_VECTORS[0].pub33), msg, sig)).toBe(false);
  });

  it("malformed keys → false", () => {
    expect(verifySecp256k1(new Uint8Array(33), msg, sig)).toBe(false);
    expect(verifySecp256k1(pub.slice(1), msg, sig)).toBe(false);
    expect(verifySecp256k1(unhex("03" + "00".repeat(31) + "05"), msg, sig)).toBe(false);
  });
});

describe("cosmosAddressFromPubKey", () => {
  it("hashes the bytes without a curve check (as the SDK), but needs 33 bytes", () => {
    expect(cosmosAddressFromPubKey(new Uint8Array(33))).toHaveLength(20);
    expect(() => cosmosAddressFromPubKey(new Uint8Array(65))).toThrow(InvalidKeyError);
  });

  it("refuses invalid private keys", () => {
    expect(() => signSecp256k1(new Uint8Array(32), new Uint8Array(0))).toThrow(InvalidKeyError);
    expect(() => secp256k1PublicKeyFromPrivateKey(new Uint8Array(33).fill(1))).toThrow(InvalidKeyError);
  });
});

describe("non-byte arguments → false, no exception", () => {
  const { pub33, msgHex, cosmosSig64 } = GO_SECP256K1_VECTORS[2];
  it.each([undefined, null, "00", 7] as unknown[])("%j", (bad) => {
    const asBytes = bad as Uint8Array; // simulates an unchecked value from an untyped caller
    expect(verifySecp256k1(asBytes, unhex(msgHex), unhex(cosmosSig64))).toBe(false);
    expect(verifySecp256k1(unhex(pub33), asBytes, unhex(cosmosSig64))).toBe(false);
    expect(verifySecp256k1Digest(unhex(pub33), unhex(msgHex), asBytes)).toBe(false);
  });
});
