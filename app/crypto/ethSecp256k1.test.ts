import { describe, expect, it } from "vitest";
import { formatBech32Address } from "./address.js";
import {
  ethAddressFromPubKey,
  ethPublicKeyFromPrivateKey,
  signEthSecp256k1,
  signEthSecp256k1Digest,
  verifyEthSecp256k1,
  verifyEthSecp256k1Digest,
} from "./ethSecp256k1.js";
import { GO_SECP256K1_VECTORS } from "./goReference.vectors.js";
import { keccak256 } from "./hash.js";
import { InvalidKeyError } from "./keyErrors.js";
import { cosmosAddressFromPubKey } from "./secp256k1.js";
import { SECP256K1_ORDER, toBytes32 } from "./secp256k1Shape.js";
import { PRIVKEY_ONE_VECTOR as V1 } from "./spec.vectors.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const unhex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));

describe("spec-chain §4 vector 1 (private key 0x…01)", () => {
  const pub = ethPublicKeyFromPrivateKey(unhex(V1.privateKey));

  it("compressed public key", () => expect(hex(pub)).toBe(V1.pub33));
  it("eth address", () => expect(hex(ethAddressFromPubKey(pub))).toBe(V1.ethAddress));
  it("st account", () => expect(formatBech32Address(ethAddressFromPubKey(pub), "st")).toBe(V1.account));
  it("stvaloper", () => expect(formatBech32Address(ethAddressFromPubKey(pub), "stvaloper")).toBe(V1.valoper));
  it("control: the Cosmos secp256k1 address differs", () => {
    const cosmos = cosmosAddressFromPubKey(pub);
    expect(hex(cosmos).startsWith(V1.cosmosAddressPrefix)).toBe(true);
    expect(hex(cosmos).endsWith(V1.cosmosAddressSuffix)).toBe(true);
    expect(formatBech32Address(cosmos, "st")).toBe(V1.cosmosAccount);
  });
});

describe("go-ethereum-compatible signatures (Go reference vectors)", () => {
  it.each(GO_SECP256K1_VECTORS)("$name: same 65 bytes r‖s‖v and it verifies", ({ priv, pub33, msgHex, keccak, ethSig65 }) => {
    const msg = unhex(msgHex);
    expect(hex(keccak256(msg))).toBe(keccak);
    expect(hex(ethPublicKeyFromPrivateKey(unhex(priv)))).toBe(pub33);
    expect(hex(signEthSecp256k1(unhex(priv), msg))).toBe(ethSig65);
    expect(hex(signEthSecp256k1Digest(unhex(priv), unhex(keccak)))).toBe(ethSig65);
    expect(verifyEthSecp256k1(unhex(pub33), msg, unhex(ethSig65))).toBe(true);
    expect(verifyEthSecp256k1Digest(unhex(pub33), unhex(keccak), unhex(ethSig65))).toBe(true);
  });
});

describe("verifyEthSecp256k1 rules", () => {
  const { pub33, msgHex, ethSig65 } = GO_SECP256K1_VECTORS[4];
  const pub = unhex(pub33);
  const msg = unhex(msgHex);
  const sig65 = unhex(ethSig65);
  const sig64 = sig65.slice(0, 64);
  const withS = (s: bigint): Uint8Array => Uint8Array.from([...sig64.slice(0, 32), ...toBytes32(s)]);
  const s = BigInt("0x" + hex(sig64.slice(32)));

  it("accepts 64 bytes (no v)", () => expect(verifyEthSecp256k1(pub, msg, sig64)).toBe(true));

  it("ignores v entirely, as the reference drops the 65th byte unchecked", () => {
    for (const v of [0, 1, 27, 28, 255]) {
      const sig = Uint8Array.from([...sig64, v]);
      expect(verifyEthSecp256k1(pub, msg, sig)).toBe(true);
    }
  });

  it("rejects the high-S twin of a valid signature", () => {
    expect(verifyEthSecp256k1(pub, msg, withS(SECP256K1_ORDER - s))).toBe(false);
  });

  it("rejects a wrong message, a wrong key and a SHA-256 digest", () => {
    expect(verifyEthSecp256k1(pub, Uint8Array.from([...msg, 0]), sig65)).toBe(false);
    const other = ethPublicKeyFromPrivateKey(unhex(GO_SECP256K1_VECTORS[0].priv));
    expect(verifyEthSecp256k1(other, msg, sig65)).toBe(false);
    expect(verifyEthSecp256k1Digest(pub, unhex(GO_SECP256K1_VECTORS[4].sha256), sig65)).toBe(false);
  });

  const notOnCurve = unhex("02" + "00".repeat(31) + "05"); // x = 5: x³+7 = 132 is not a square mod p
  const MALFORMED = [
    { name: "signature 0 bytes", pub, sig: new Uint8Array(0) },
    { name: "signature 63 bytes", pub, sig: sig64.slice(0, 63) },
    { name: "signature 66 bytes", pub, sig: Uint8Array.from([...sig65, 0]) },
    { name: "r = 0", pub, sig: Uint8Array.from([...new Uint8Array(32), ...sig64.slice(32)]) },
    { name: "s = 0", pub, sig: withS(0n) },
    { name: "r = n", pub, sig: Uint8Array.from([...toBytes32(SECP256K1_ORDER), ...sig64.slice(32)]) },
    { name: "s = n", pub, sig: withS(SECP256K1_ORDER) },
    { name: "r = 2^256 - 1", pub, sig: Uint8Array.from([...new Uint8Array(32).fill(0xff), ...sig64.slice(32)]) },
    { name: "key 32 bytes", pub: pub.slice(0, 32), sig: sig65 },
    { name: "key 0 bytes", pub: new Uint8Array(0), sig: sig65 },
    { name: "key with prefix 04 (33 bytes)", pub: Uint8Array.from([4, ...pub.slice(1)]), sig: sig65 },
    { name: "key with prefix 00", pub: Uint8Array.from([0, ...pub.slice(1)]), sig: sig65 },
    { name: "key all zero", pub: new Uint8Array(33), sig: sig65 },
    { name: "key x not on the curve", pub: notOnCurve, sig: sig65 },
    { name: "key x = p (out of field)", pub: unhex("02fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f"), sig: sig65 },
  ];
  it.each(MALFORMED)("$name → false, no exception", ({ pub: p, sig }) => {
    expect(verifyEthSecp256k1(p, msg, sig)).toBe(false);
    expect(verifyEthSecp256k1Digest(p, keccak256(msg), sig)).toBe(false);
  });

  it("a digest that is not 32 bytes → false", () => {
    expect(verifyEthSecp256k1Digest(pub, new Uint8Array(31), sig65)).toBe(false);
    expect(verifyEthSecp256k1Digest(pub, new Uint8Array(33), sig65)).toBe(false);
  });
});

describe("key errors", () => {
  it.each([
    { name: "off-curve key", pub: unhex("02" + "00".repeat(31) + "05") },
    { name: "uncompressed-prefix key", pub: unhex("04" + "11".repeat(32)) },
    { name: "20-byte key", pub: new Uint8Array(20) },
  ])("ethAddressFromPubKey: $name → InvalidKeyError", ({ pub }) => {
    expect(() => ethAddressFromPubKey(pub)).toThrow(InvalidKeyError);
  });

  it.each([
    { name: "zero", key: new Uint8Array(32) },
    { name: "n", key: toBytes32(SECP256K1_ORDER) },
    { name: "2^256 - 1", key: new Uint8Array(32).fill(0xff) },
    { name: "31 bytes", key: new Uint8Array(31).fill(1) },
  ])("private key $name → InvalidKeyError", ({ key }) => {
    expect(() => ethPublicKeyFromPrivateKey(key)).toThrow(InvalidKeyError);
    expect(() => signEthSecp256k1(key, new Uint8Array(1))).toThrow(InvalidKeyError);
  });

  it("n − 1 is a valid private key", () => {
    expect(ethPublicKeyFromPrivateKey(toBytes32(SECP256K1_ORDER - 1n))).toHaveLength(33);
  });

  it("signEthSecp256k1Digest refuses a digest that is not 32 bytes", () => {
    expect(() => signEthSecp256k1Digest(unhex(V1.privateKey), new Uint8Array(31))).toThrow(TypeError);
  });
});

describe("non-byte arguments (e.g. a missing proto field) → false, no exception", () => {
  const { pub33, msgHex, ethSig65 } = GO_SECP256K1_VECTORS[1];
  const values: unknown[] = [undefined, null, "00", [0, 1], 42];
  it.each(values)("%j", (bad) => {
    const asBytes = bad as Uint8Array; // simulates an unchecked value from an untyped caller
    expect(verifyEthSecp256k1(asBytes, unhex(msgHex), unhex(ethSig65))).toBe(false);
    expect(verifyEthSecp256k1(unhex(pub33), asBytes, unhex(ethSig65))).toBe(false);
    expect(verifyEthSecp256k1(unhex(pub33), unhex(msgHex), asBytes)).toBe(false);
    expect(verifyEthSecp256k1Digest(unhex(pub33), asBytes, unhex(ethSig65))).toBe(false);
  });
});
