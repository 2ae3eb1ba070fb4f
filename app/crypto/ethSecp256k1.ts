/**
 * `eth_secp256k1`, the Stratos account key (spec-chain §4; reference `crypto/ethsecp256k1`):
 * - public key: 33-byte compressed point; address = last 20 bytes of Keccak-256(X‖Y) (the Ethereum address);
 * - signature: go-ethereum's 65 bytes r‖s‖v (v ∈ {0,1}) over Keccak-256(message), low-S;
 * - verification: a 65-byte signature loses its last byte (v is not checked), 64 bytes are taken as is,
 *   then ECDSA over Keccak-256(message) with low-S required. Any other length fails.
 */
import { keccak256 } from "./hash.js";
import { InvalidKeyError, allBytes, hexForError } from "./keyErrors.js";
import { secp256k1Backend } from "./secp256k1Default.js";
import { assertSecp256k1PrivateKey } from "./secp256k1Shape.js";

/** Key type name (`keys add --algo`, amino `stratos/PubKeyEthSecp256k1`). */
export const ETH_SECP256K1_KEY_TYPE = "eth_secp256k1";

/**
 * The 20-byte address of a compressed eth_secp256k1 key.
 * @throws InvalidKeyError if `pub33` is not a 33-byte compressed curve point (the reference then yields
 * an empty address, which never matches a signer: the ante handler's "pubKey does not match signer address").
 */
export function ethAddressFromPubKey(pub33: Uint8Array): Uint8Array {
  const uncompressed = secp256k1Backend.uncompressedPublicKey(pub33);
  if (uncompressed === undefined) {
    throw new InvalidKeyError(`ethAddressFromPubKey: not a compressed secp256k1 public key: ${hexForError(pub33)}`);
  }
  return keccak256(uncompressed.subarray(1)).slice(12);
}

/** 33-byte compressed public key of a private key. @throws InvalidKeyError unless 32 bytes in [1, n−1]. */
export function ethPublicKeyFromPrivateKey(privateKey32: Uint8Array): Uint8Array {
  assertSecp256k1PrivateKey(privateKey32, "ethPublicKeyFromPrivateKey");
  return secp256k1Backend.publicKey(privateKey32);
}

/**
 * go-ethereum `crypto.Sign` over Keccak-256(`msg`): 65 bytes r‖s‖v, deterministic (RFC 6979), low-S.
 * (The reference signer skips the hash when `msg` is already 32 bytes; we always hash, as its verifier
 * does. Use `signEthSecp256k1Digest` to sign a digest.)
 */
export function signEthSecp256k1(privateKey32: Uint8Array, msg: Uint8Array): Uint8Array {
  return signEthSecp256k1Digest(privateKey32, keccak256(msg));
}

/** 65-byte r‖s‖v signature of a 32-byte digest. @throws InvalidKeyError, TypeError on a bad digest length. */
export function signEthSecp256k1Digest(privateKey32: Uint8Array, digest32: Uint8Array): Uint8Array {
  assertSecp256k1PrivateKey(privateKey32, "signEthSecp256k1Digest");
  const { signature, recovery } = secp256k1Backend.signDigest(privateKey32, digest32);
  const out = new Uint8Array(65);
  out.set(signature, 0);
  out[64] = recovery;
  return out;
}

/** Verifies an eth_secp256k1 signature (64 or 65 bytes) over Keccak-256(`msg`). Malformed input → false. */
export function verifyEthSecp256k1(pub33: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean {
  if (!allBytes(pub33, msg, sig) || (sig.length !== 64 && sig.length !== 65)) return false;
  return verifyEthSecp256k1Digest(pub33, keccak256(msg), sig);
}

/** As `verifyEthSecp256k1` with the Keccak-256 digest already computed. Malformed input → false. */
export function verifyEthSecp256k1Digest(pub33: Uint8Array, digest32: Uint8Array, sig: Uint8Array): boolean {
  if (!allBytes(pub33, digest32, sig)) return false;
  if (sig.length === 65) sig = sig.subarray(0, 64);
  else if (sig.length !== 64) return false;
  return secp256k1Backend.verifyDigest(pub33, digest32, sig);
}
