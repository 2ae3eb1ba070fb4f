import { secp256k1 as noble } from "@noble/curves/secp256k1.js";
import fc from "fast-check";
import { createPublicKey, verify as nodeVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keccak256, sha256 } from "./hash.js";
import type { Secp256k1Backend } from "./secp256k1Backend.js";
import {
  assertNativeSecp256k1,
  isNativeSecp256k1,
  secp256k1Backend,
  secp256k1FallbackBackend,
  selectSecp256k1Backend,
} from "./secp256k1Default.js";
import { createNativeBackend, loadNativeSecp256k1 } from "./secp256k1Native.js";
import { nobleBackend } from "./secp256k1Noble.js";
import { verifySha256NodeCrypto } from "./secp256k1NodeCrypto.js";
import { SECP256K1_ORDER, isCanonicalLowSSignature, toBytes32 } from "./secp256k1Shape.js";

const native = loadNativeSecp256k1();
if (!native.ok) throw new Error(`native libsecp256k1 must load in tests: ${native.error}`);

const BACKENDS: readonly Secp256k1Backend[] = [
  createNativeBackend(native.lib),
  createNativeBackend(native.lib, 0),
  nobleBackend,
  secp256k1FallbackBackend,
];

/** One verifier per way the chain can check a SHA-256 signature, OpenSSL included. */
const SHA256_VERIFIERS = [
  ...BACKENDS.map((b) => ({ name: b.name, verify: b.verifySha256 })),
  { name: "node:crypto", verify: verifySha256NodeCrypto },
];

const privateKeyArb = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .filter((k) => k.some((b) => b !== 0) && BigInt("0x" + Buffer.from(k).toString("hex")) < SECP256K1_ORDER);

function highS(sig64: Uint8Array): Uint8Array {
  const s = BigInt("0x" + Buffer.from(sig64.subarray(32)).toString("hex"));
  return Uint8Array.from([...sig64.subarray(0, 32), ...toBytes32(SECP256K1_ORDER - s)]);
}

describe("backend selection", () => {
  it("uses the native addon here, never a silent JS fallback", () => {
    expect(isNativeSecp256k1).toBe(true);
    expect(secp256k1Backend.name).toMatch(/^native libsecp256k1/);
    expect(() => assertNativeSecp256k1()).not.toThrow();
  });

  it("a failed load selects the fallback and says so loudly", () => {
    const warnings: string[] = [];
    const chosen = selectSecp256k1Backend({ ok: false, error: "ELIFECYCLE test" }, (m) => warnings.push(m));
    expect(chosen).toBe(secp256k1FallbackBackend);
    expect(warnings.join("")).toMatch(/native libsecp256k1 .* failed to load: ELIFECYCLE test/);
    expect(selectSecp256k1Backend({ ok: true, lib: native.lib }, (m) => warnings.push(m)).name).toMatch(/^native/);
    expect(warnings).toHaveLength(1);
  });
});

describe.each(BACKENDS)("backend $name", (backend) => {
  const priv = toBytes32(0x5eedn);
  const pub = backend.publicKey(priv);
  const msg = new TextEncoder().encode("stratos signed doc");
  const digest = keccak256(msg);
  const { signature } = backend.signDigest(priv, digest);
  const cosmosSig = backend.signDigest(priv, sha256(msg)).signature;

  it("accepts a valid low-S signature", () => {
    expect(isCanonicalLowSSignature(signature)).toBe(true);
    expect(backend.verifyDigest(pub, digest, signature)).toBe(true);
    expect(backend.verifySha256(pub, msg, cosmosSig)).toBe(true);
  });

  it("rejects its high-S twin (digest and SHA-256 paths)", () => {
    expect(backend.verifyDigest(pub, digest, highS(signature))).toBe(false);
    expect(backend.verifySha256(pub, msg, highS(cosmosSig))).toBe(false);
  });

  it("decompresses keys to the same point as noble, and refuses off-curve ones", () => {
    expect(backend.uncompressedPublicKey(pub)).toEqual(noble.Point.fromBytes(pub).toBytes(false));
    expect(backend.uncompressedPublicKey(Uint8Array.from([2, ...new Uint8Array(31), 5]))).toBeUndefined();
    expect(backend.uncompressedPublicKey(new Uint8Array(65))).toBeUndefined();
  });
});

describe("OpenSSL needs our low-S check", () => {
  it("node:crypto alone accepts a high-S signature; verifySha256NodeCrypto does not", () => {
    const priv = toBytes32(0xc0ffeen);
    const pub = noble.getPublicKey(priv, true);
    const msg = new TextEncoder().encode("malleable");
    const high = highS(noble.sign(sha256(msg), priv, { prehash: false }));
    const spki = Buffer.concat([Buffer.from("3036301006072a8648ce3d020106052b8104000a032200", "hex"), pub]);
    const key = createPublicKey({ key: spki, format: "der", type: "spki" });
    expect(nodeVerify("sha256", msg, { key, dsaEncoding: "ieee-p1363" }, high)).toBe(true);
    expect(verifySha256NodeCrypto(pub, msg, high)).toBe(false);
  });
});

describe("all backends agree (fast-check)", () => {
  it("valid signatures verify everywhere; high-S twins and corruptions are refused everywhere", () => {
    fc.assert(
      fc.property(privateKeyArb, fc.uint8Array({ maxLength: 400 }), fc.nat(), (priv, msg, flip) => {
        const pub = noble.getPublicKey(priv, true);
        const kDigest = keccak256(msg);
        const sDigest = sha256(msg);
        const ethSig = noble.sign(kDigest, priv, { prehash: false });
        const cosmosSig = noble.sign(sDigest, priv, { prehash: false });
        const corrupt = Uint8Array.from(ethSig);
        corrupt[flip % 64] ^= 1 << flip % 8;
        for (const b of BACKENDS) {
          expect(b.verifyDigest(pub, kDigest, ethSig)).toBe(true);
          expect(b.verifyDigest(pub, kDigest, highS(ethSig))).toBe(false);
          expect(b.verifyDigest(pub, kDigest, corrupt)).toBe(false);
          expect(b.verifyDigest(pub, sDigest, ethSig)).toBe(false);
        }
        for (const v of SHA256_VERIFIERS) {
          expect(v.verify(pub, msg, cosmosSig)).toBe(true);
          expect(v.verify(pub, msg, highS(cosmosSig))).toBe(false);
          expect(v.verify(pub, msg, ethSig)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("arbitrary keys and signatures get the same answer from every backend", () => {
    const key33 = fc.tuple(fc.constantFrom(2, 3), fc.uint8Array({ minLength: 32, maxLength: 32 })).map(([p, x]) => Uint8Array.from([p, ...x]));
    fc.assert(
      fc.property(key33, fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), (pub, digest, sig) => {
        const answers = BACKENDS.map((b) => b.verifyDigest(pub, digest, sig));
        expect(new Set(answers).size).toBe(1);
        const decompressed = BACKENDS.map((b) => b.uncompressedPublicKey(pub) !== undefined);
        expect(new Set(decompressed).size).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it("native and noble sign identically (RFC 6979, low-S, same recovery id)", () => {
    const [nativeBackend] = BACKENDS;
    fc.assert(
      fc.property(privateKeyArb, fc.uint8Array({ minLength: 32, maxLength: 32 }), (priv, digest) => {
        expect(nativeBackend.signDigest(priv, digest)).toEqual(nobleBackend.signDigest(priv, digest));
        expect(nativeBackend.publicKey(priv)).toEqual(nobleBackend.publicKey(priv));
      }),
      { numRuns: 100 },
    );
  });
});

describe("isCanonicalLowSSignature", () => {
  const r = toBytes32(1n);
  const sig = (s: bigint): Uint8Array => Uint8Array.from([...r, ...toBytes32(s)]);
  const half = SECP256K1_ORDER >> 1n;

  it.each([
    { name: "s = 1", s: 1n, want: true },
    { name: "s = ⌊n/2⌋", s: half, want: true },
    { name: "s = ⌊n/2⌋ + 1", s: half + 1n, want: false },
    { name: "s = n − 1", s: SECP256K1_ORDER - 1n, want: false },
    { name: "s = 0", s: 0n, want: false },
  ])("$name → $want", ({ s, want }) => {
    expect(isCanonicalLowSSignature(sig(s))).toBe(want);
  });

  it("bounds r to [1, n−1] and the length to 64", () => {
    const s = toBytes32(1n);
    expect(isCanonicalLowSSignature(Uint8Array.from([...toBytes32(SECP256K1_ORDER - 1n), ...s]))).toBe(true);
    expect(isCanonicalLowSSignature(Uint8Array.from([...toBytes32(SECP256K1_ORDER), ...s]))).toBe(false);
    expect(isCanonicalLowSSignature(Uint8Array.from([...toBytes32(0n), ...s]))).toBe(false);
    expect(isCanonicalLowSSignature(sig(1n).subarray(0, 63))).toBe(false);
  });
});
