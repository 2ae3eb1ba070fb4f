/**
 * libsecp256k1 through the prebuilt N-API addon of `secp256k1@5` (~20 k verifications/s on one core
 * against ~800 for @noble/curves, app/crypto/README.md).
 *
 * The package's main entry silently falls back to a pure-JS `elliptic` build when the addon does not
 * load; `secp256k1/bindings` loads only the addon and throws otherwise. We load that entry directly and
 * report the failure instead of masking it (secp256k1Default.ts decides what to do about it).
 */
import { createRequire } from "node:module";
import { sha256 } from "./hash.js";
import { KeyCache } from "./keyCache.js";
import { assertBytes, type Secp256k1Backend } from "./secp256k1Backend.js";
import { isCanonicalLowSSignature, isCompressedKeyShape } from "./secp256k1Shape.js";

/** The part of the `secp256k1/bindings` API we call (secp256k1@5 `lib/index.js` over the addon). */
export interface NativeSecp256k1 {
  ecdsaVerify(sig: Uint8Array, msg32: Uint8Array, pubkey: Uint8Array): boolean;
  ecdsaSign(msg32: Uint8Array, seckey: Uint8Array): { signature: Uint8Array; recid: number };
  publicKeyCreate(seckey: Uint8Array, compressed: boolean): Uint8Array;
  publicKeyConvert(pubkey: Uint8Array, compressed: boolean): Uint8Array;
}

export type NativeLoadResult = { ok: true; lib: NativeSecp256k1 } | { ok: false; error: string };

/** Loads the addon once. Never throws: a failure is returned with its reason. */
export function loadNativeSecp256k1(): NativeLoadResult {
  try {
    const mod: unknown = createRequire(import.meta.url)("secp256k1/bindings");
    if (!isNativeSecp256k1(mod)) return { ok: false, error: "secp256k1/bindings does not export the expected functions" };
    return { ok: true, lib: mod };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function isNativeSecp256k1(x: unknown): x is NativeSecp256k1 {
  if (typeof x !== "object" || x === null) return false;
  const names = ["ecdsaVerify", "ecdsaSign", "publicKeyCreate", "publicKeyConvert"] as const;
  return names.every((n) => typeof Reflect.get(x, n) === "function");
}

/**
 * Public keys are handed to libsecp256k1 uncompressed: parsing a compressed key costs a square root
 * (~6 µs, ~10 % of a verification), so each key is decompressed once and kept (bounded).
 */
const PARSED_KEY_CACHE_SIZE = 16_384;

/** A backend over `lib`. `keyCacheSize` 0 disables the parsed-key cache (benchmarks compare both). */
export function createNativeBackend(lib: NativeSecp256k1, keyCacheSize: number = PARSED_KEY_CACHE_SIZE): Secp256k1Backend {
  const cache = keyCacheSize > 0 ? new KeyCache<Uint8Array>(keyCacheSize) : undefined;
  const decompress = (pub33: Uint8Array): Uint8Array | undefined => {
    try {
      return lib.publicKeyConvert(pub33, false);
    } catch {
      return undefined; // not a point on the curve
    }
  };
  /** Cached and shared: callers must not mutate the result. */
  const parseKey = (pub33: Uint8Array): Uint8Array | undefined => {
    if (!isCompressedKeyShape(pub33)) return undefined;
    return cache === undefined ? decompress(pub33) : cache.getOrParse(pub33, decompress);
  };
  const verifyDigest = (pub33: Uint8Array, digest32: Uint8Array, sig64: Uint8Array): boolean => {
    if (digest32.length !== 32 || !isCanonicalLowSSignature(sig64)) return false;
    const pub = parseKey(pub33);
    if (pub === undefined) return false;
    try {
      return lib.ecdsaVerify(sig64, digest32, pub);
    } catch {
      return false; // unreachable after the shape checks; kept so a library surprise cannot crash a tx
    }
  };
  return {
    name: keyCacheSize > 0 ? "native libsecp256k1 (secp256k1@5 bindings)" : "native libsecp256k1, no key cache",
    verifyDigest,
    verifySha256: (pub33, msg, sig64) => verifyDigest(pub33, sha256(msg), sig64),
    uncompressedPublicKey(pub33) {
      const pub = parseKey(pub33);
      return pub === undefined ? undefined : Uint8Array.from(pub);
    },
    signDigest(privateKey32, digest32) {
      assertBytes(privateKey32, 32, "signDigest: private key");
      assertBytes(digest32, 32, "signDigest: digest");
      const { signature, recid } = lib.ecdsaSign(digest32, privateKey32);
      return { signature: Uint8Array.from(signature), recovery: recid };
    },
    publicKey(privateKey32) {
      assertBytes(privateKey32, 32, "publicKey: private key");
      return Uint8Array.from(lib.publicKeyCreate(privateKey32, true));
    },
  };
}
