/**
 * ed25519: CometBFT consensus keys (`stvalcons`) and SDS node P2P keys (`stsds`), spec-chain §2.
 *
 * Verification follows ZIP-215, the rule of both CometBFT (curve25519-voi `VerifyOptionsZIP_215`) and the
 * SDK's ed25519 keys (`ed25519consensus.Verify`): canonical S < L, any decodable A and R encoding, the
 * cofactored equation [8][S]B = [8]R + [8][k]A.
 *
 * Speed: OpenSSL (`node:crypto`, cached KeyObject) verifies ~9 k/s against ~850/s for @noble/curves
 * (README.md), but it applies the stricter RFC 8032 rule (cofactorless, canonical encodings). Everything
 * OpenSSL accepts, ZIP-215 accepts too, so OpenSSL answers "valid" and only its "invalid" is re-checked
 * with noble in ZIP-215 mode. Honest signatures take the fast path; forged ones pay the slow check.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { sha256 } from "./hash.js";
import { InvalidKeyError, allBytes, hexForError } from "./keyErrors.js";
import { KeyCache } from "./keyCache.js";

export const ED25519_PUBLIC_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

/** DER SubjectPublicKeyInfo header for an Ed25519 key (OID 1.3.101.112). */
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

const keyObjects = new KeyCache<KeyObject>(4_096);

function toKeyObject(pub32: Uint8Array): KeyObject | undefined {
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, pub32]), format: "der", type: "spki" });
  } catch {
    return undefined; // OpenSSL refuses the encoding; ZIP-215 may still accept it
  }
}

/** RFC 8032 verification by OpenSSL. A subset of ZIP-215: `true` here is `true` there. */
export function verifyEd25519OpenSsl(pub32: Uint8Array, msg: Uint8Array, sig64: Uint8Array): boolean {
  if (pub32.length !== ED25519_PUBLIC_KEY_LENGTH || sig64.length !== ED25519_SIGNATURE_LENGTH) return false;
  const key = keyObjects.getOrParse(pub32, toKeyObject);
  if (key === undefined) return false;
  try {
    return verify(null, msg, key, sig64);
  } catch {
    return false;
  }
}

/** ZIP-215 verification by @noble/curves (the reference rule, ~1 ms). */
export function verifyEd25519Zip215Noble(pub32: Uint8Array, msg: Uint8Array, sig64: Uint8Array): boolean {
  if (pub32.length !== ED25519_PUBLIC_KEY_LENGTH || sig64.length !== ED25519_SIGNATURE_LENGTH) return false;
  try {
    return ed25519.verify(sig64, msg, pub32, { zip215: true });
  } catch {
    return false;
  }
}

/** ZIP-215 ed25519 verification (CometBFT / SDK semantics). Malformed input → false. */
export function verifyEd25519(pub32: Uint8Array, msg: Uint8Array, sig64: Uint8Array): boolean {
  if (!allBytes(pub32, msg, sig64)) return false;
  return verifyEd25519OpenSsl(pub32, msg, sig64) || verifyEd25519Zip215Noble(pub32, msg, sig64);
}

/**
 * Address of an ed25519 key: SHA-256(key)[0:20] (CometBFT `tmhash.SumTruncated`), used for both
 * `stvalcons` and `stsds`.
 * @throws InvalidKeyError unless `pub32` is 32 bytes (the reference panics).
 */
export function ed25519Address(pub32: Uint8Array): Uint8Array {
  if (pub32.length !== ED25519_PUBLIC_KEY_LENGTH) {
    throw new InvalidKeyError(`ed25519Address: public key must be 32 bytes, got ${pub32.length}: ${hexForError(pub32)}`);
  }
  return sha256(pub32).slice(0, 20);
}

/** Public key of a 32-byte ed25519 seed (the first half of Go's 64-byte private key). */
export function ed25519PublicKey(seed32: Uint8Array): Uint8Array {
  if (seed32.length !== 32) throw new InvalidKeyError(`ed25519PublicKey: seed must be 32 bytes, got ${seed32.length}`);
  return ed25519.getPublicKey(seed32);
}

/** RFC 8032 signature of `msg` with a 32-byte seed (tools and tests; the chain never signs). */
export function signEd25519(seed32: Uint8Array, msg: Uint8Array): Uint8Array {
  if (seed32.length !== 32) throw new InvalidKeyError(`signEd25519: seed must be 32 bytes, got ${seed32.length}`);
  return ed25519.sign(msg, seed32);
}
