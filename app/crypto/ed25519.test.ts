import { ed25519 as nobleEd25519 } from "@noble/curves/ed25519.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ed25519Address,
  ed25519PublicKey,
  signEd25519,
  verifyEd25519,
  verifyEd25519OpenSsl,
  verifyEd25519Zip215Noble,
} from "./ed25519.js";
import { GO_ED25519_VECTORS } from "./goReference.vectors.js";
import { InvalidKeyError } from "./keyErrors.js";

const unhex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));

describe("ZIP-215 verification against Go's ed25519consensus (SDK and CometBFT rule)", () => {
  it.each(GO_ED25519_VECTORS)("$name", ({ pub, msgHex, sig, zip215, stdlib }) => {
    const [p, m, s] = [unhex(pub), unhex(msgHex), unhex(sig)];
    expect(verifyEd25519(p, m, s)).toBe(zip215);
    expect(verifyEd25519Zip215Noble(p, m, s)).toBe(zip215);
    // The OpenSSL fast path may only say "valid" where ZIP-215 does (it is stricter).
    if (verifyEd25519OpenSsl(p, m, s)) expect(zip215).toBe(true);
    // Go's crypto/ed25519 is likewise stricter than ZIP-215.
    if (stdlib) expect(zip215).toBe(true);
  });

  it("the vectors include cases only ZIP-215 accepts, so the fallback is exercised", () => {
    const zipOnly = GO_ED25519_VECTORS.filter((v) => v.zip215 && !verifyEd25519OpenSsl(unhex(v.pub), unhex(v.msgHex), unhex(v.sig)));
    expect(zipOnly.length).toBeGreaterThan(100);
  });
});

describe("honest signatures", () => {
  it("sign → verify on both paths; any change to message or signature fails", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 300 }), fc.nat(), (seed, msg, flip) => {
        const pub = ed25519PublicKey(seed);
        const sig = signEd25519(seed, msg);
        expect(sig).toEqual(nobleEd25519.sign(msg, seed));
        expect(verifyEd25519(pub, msg, sig)).toBe(true);
        expect(verifyEd25519OpenSsl(pub, msg, sig)).toBe(true);
        const bad = Uint8Array.from(sig);
        bad[flip % 64] ^= 1 << flip % 8;
        expect(verifyEd25519(pub, msg, bad)).toBe(false);
        expect(verifyEd25519(pub, Uint8Array.from([...msg, 1]), sig)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe("malformed input → false", () => {
  const seed = new Uint8Array(32).fill(7);
  const pub = ed25519PublicKey(seed);
  const msg = new TextEncoder().encode("m");
  const sig = signEd25519(seed, msg);
  it.each([
    { name: "31-byte key", p: pub.slice(0, 31), s: sig },
    { name: "33-byte key", p: Uint8Array.from([...pub, 0]), s: sig },
    { name: "63-byte signature", p: pub, s: sig.slice(0, 63) },
    { name: "65-byte signature", p: pub, s: Uint8Array.from([...sig, 0]) },
    { name: "key not on the curve", p: unhex("02" + "00".repeat(31)), s: sig },
  ])("$name", ({ p, s }) => {
    expect(verifyEd25519(p, msg, s)).toBe(false);
  });
});

describe("ed25519Address", () => {
  it("is SHA-256(key)[0:20] and needs 32 bytes", () => {
    expect(Buffer.from(ed25519Address(new Uint8Array(32).fill(1))).toString("hex")).toBe("72cd6e8422c407fb6d098690f1130b7ded7ec2f7");
    expect(() => ed25519Address(new Uint8Array(33))).toThrow(InvalidKeyError);
    expect(() => signEd25519(new Uint8Array(31), new Uint8Array(0))).toThrow(InvalidKeyError);
    expect(() => ed25519PublicKey(new Uint8Array(64))).toThrow(InvalidKeyError);
  });
});

describe("non-byte arguments → false, no exception", () => {
  const seed = new Uint8Array(32).fill(3);
  const msg = new Uint8Array(4);
  it.each([undefined, null, "00", 7] as unknown[])("%j", (bad) => {
    const asBytes = bad as Uint8Array; // simulates an unchecked value from an untyped caller
    expect(verifyEd25519(asBytes, msg, signEd25519(seed, msg))).toBe(false);
    expect(verifyEd25519(ed25519PublicKey(seed), asBytes, signEd25519(seed, msg))).toBe(false);
    expect(verifyEd25519(ed25519PublicKey(seed), msg, asBytes)).toBe(false);
  });
});
