/**
 * Cosmos secp256k1 verification (ECDSA over SHA-256) with OpenSSL through `node:crypto`, ~3,000/s
 * with a cached KeyObject. `crypto.verify` always hashes its input, so it cannot check a Keccak digest;
 * it serves only as the SHA-256 fallback when the native addon is missing (still ~4× noble).
 *
 * OpenSSL accepts high-S signatures; the shared low-S check runs before it (secp256k1Shape.ts).
 */
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { KeyCache } from "./keyCache.js";
import { isCanonicalLowSSignature, isCompressedKeyShape } from "./secp256k1Shape.js";

/** DER SubjectPublicKeyInfo header for a compressed secp256k1 key (id-ecPublicKey, OID 1.3.132.0.10). */
const SPKI_COMPRESSED_PREFIX = Buffer.from("3036301006072a8648ce3d020106052b8104000a032200", "hex");

/** Building a KeyObject costs ~40 % of a verification: keep them. */
const keyObjects = new KeyCache<KeyObject>(16_384);

function toKeyObject(pub33: Uint8Array): KeyObject | undefined {
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_COMPRESSED_PREFIX, pub33]), format: "der", type: "spki" });
  } catch {
    return undefined; // not a point on the curve
  }
}

/** ECDSA over SHA-256(`msg`), `sig64` = r‖s, low-S, 33-byte compressed key. Malformed input → false. */
export function verifySha256NodeCrypto(pub33: Uint8Array, msg: Uint8Array, sig64: Uint8Array): boolean {
  if (!isCompressedKeyShape(pub33) || !isCanonicalLowSSignature(sig64)) return false;
  const key = keyObjects.getOrParse(pub33, toKeyObject);
  if (key === undefined) return false;
  try {
    return verify("sha256", msg, { key, dsaEncoding: "ieee-p1363" }, sig64);
  } catch {
    return false;
  }
}
