/**
 * Cosmos `secp256k1` keys, also accepted by Stratos for tx signing (spec-chain §4 "Also accepted";
 * abci-cosmjs §2.5–2.6; SDK `crypto/keys/secp256k1`):
 * - address = RIPEMD-160(SHA-256(33-byte compressed key));
 * - signature = exactly 64 bytes r‖s over SHA-256(message), low-S required.
 * The same private key has a different address here than as eth_secp256k1.
 */
import { ripemd160, sha256 } from "./hash.js";
import { InvalidKeyError, allBytes, hexForError } from "./keyErrors.js";
import { secp256k1Backend } from "./secp256k1Default.js";
import { assertSecp256k1PrivateKey } from "./secp256k1Shape.js";

/** Key type name (`keys add --algo secp256k1`). */
export const SECP256K1_KEY_TYPE = "secp256k1";

/**
 * The 20-byte Cosmos address of a compressed key. Like the SDK it hashes the bytes without checking the
 * point; only the length is enforced (the SDK panics on any other length).
 * @throws InvalidKeyError unless `pub33` is 33 bytes.
 */
export function cosmosAddressFromPubKey(pub33: Uint8Array): Uint8Array {
  if (pub33.length !== 33) {
    throw new InvalidKeyError(`cosmosAddressFromPubKey: public key must be 33 bytes, got ${pub33.length}: ${hexForError(pub33)}`);
  }
  return ripemd160(sha256(pub33));
}

/** 33-byte compressed public key. @throws InvalidKeyError unless 32 bytes in [1, n−1]. */
export function secp256k1PublicKeyFromPrivateKey(privateKey32: Uint8Array): Uint8Array {
  assertSecp256k1PrivateKey(privateKey32, "secp256k1PublicKeyFromPrivateKey");
  return secp256k1Backend.publicKey(privateKey32);
}

/** 64-byte r‖s signature over SHA-256(`msg`), deterministic (RFC 6979), low-S, as CosmJS signs. */
export function signSecp256k1(privateKey32: Uint8Array, msg: Uint8Array): Uint8Array {
  assertSecp256k1PrivateKey(privateKey32, "signSecp256k1");
  return secp256k1Backend.signDigest(privateKey32, sha256(msg)).signature;
}

/** Verifies a 64-byte r‖s signature over SHA-256(`msg`). Malformed input → false. */
export function verifySecp256k1(pub33: Uint8Array, msg: Uint8Array, sig64: Uint8Array): boolean {
  if (!allBytes(pub33, msg, sig64) || sig64.length !== 64) return false;
  return secp256k1Backend.verifySha256(pub33, msg, sig64);
}

/** As `verifySecp256k1` with the SHA-256 digest already computed. Malformed input → false. */
export function verifySecp256k1Digest(pub33: Uint8Array, digest32: Uint8Array, sig64: Uint8Array): boolean {
  if (!allBytes(pub33, digest32, sig64) || sig64.length !== 64) return false;
  return secp256k1Backend.verifyDigest(pub33, digest32, sig64);
}
