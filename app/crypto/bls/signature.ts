/**
 * BLS keys, signatures and verification as stratos-chain `crypto/bls/{keypair,signature}.go` define
 * them over PBC type A (spec-pot §4.1.2). Multiplicative notation in PBC is point addition here:
 *   pk = sk·g,  σ = sk·H(m),  aggregate = sum,  Verify: e(H(m), Σ pk_i) = e(σ, g).
 */
import { bytesToHex } from "@noble/hashes/utils.js";
import { bigIntToBytes, bytesToBigInt } from "./bytes.js";
import { mulScalar, negateAffine, sumPoints, toAffine, type JacobianPoint } from "./curve.js";
import { decodePoint, encodePoint, tryDecodePoint } from "./encoding.js";
import { BlsError } from "./errors.js";
import { fieldHash, hashToCurveBeforeCofactor, hashToPoint } from "./hashToPoint.js";
import { cofactorPairingCheck } from "./pairing.js";
import { GENERATOR, GROUP_ORDER, type AffinePoint } from "./params.js";

/** A secret key: a scalar in [1, r). */
export type BlsSecretKey = bigint;

function checkSecretKey(sk: BlsSecretKey, fn: string): void {
  if (sk <= 0n || sk >= GROUP_ORDER) throw new BlsError(`${fn}: secret key must be in [1, r), got ${sk}`);
}

/**
 * `NewKeyPairFromBytes(seed)`: sk = PBC field hash of the seed into Z_r (its first 20 bytes, halved
 * while above r). Deterministic: the caller supplies the randomness (the reference's test helper uses
 * a node's ed25519 private key bytes). BlsError if the hash is 0 (a seed starting with 20 zero bytes).
 */
export function blsKeyFromSecret(secret: Uint8Array): BlsSecretKey {
  const sk = fieldHash(secret, GROUP_ORDER);
  if (sk === 0n) throw new BlsError(`blsKeyFromSecret: seed ${bytesToHex(secret) || "(empty)"} gives the zero key`);
  return sk;
}

/** A secret key from stored bytes, as `Sign` reads them (`SetBig(bytes)`, reduced mod r). */
export function blsSecretKeyFromBytes(bytes: Uint8Array): BlsSecretKey {
  const sk = bytesToBigInt(bytes) % GROUP_ORDER;
  checkSecretKey(sk, "blsSecretKeyFromBytes");
  return sk;
}

/**
 * The secret key as the reference's key pair holds it: `privateKeyElement.BigInt().Bytes()`, i.e.
 * minimal big-endian bytes without leading zeros (at most 20, as r has 160 bits). `SetBig` of these
 * gives the key back.
 */
export function blsSecretKeyToBytes(sk: BlsSecretKey): Uint8Array {
  checkSecretKey(sk, "blsSecretKeyToBytes");
  return bigIntToBytes(sk, Math.ceil(sk.toString(16).length / 2));
}

/** The compressed public key sk·g (33 bytes). */
export function blsPublicKey(sk: BlsSecretKey): Uint8Array {
  checkSecretKey(sk, "blsPublicKey");
  return encodeFinite(mulScalar(GENERATOR, sk), "blsPublicKey");
}

/** The compressed signature sk·H(msg) (33 bytes). BlsError if H(msg) is the point at infinity. */
export function blsSign(sk: BlsSecretKey, msg: Uint8Array): Uint8Array {
  checkSecretKey(sk, "blsSign");
  return encodeFinite(mulScalar(hashToPoint(msg), sk), "blsSign");
}

/** Sum of signatures (`AggregateSignatures`). BlsError on an undecodable input or an infinite sum. */
export function blsAggregateSignatures(signatures: readonly Uint8Array[]): Uint8Array {
  return aggregate(signatures, "blsAggregateSignatures");
}

/** Sum of public keys, the key `Verify` checks against. Same failures as blsAggregateSignatures. */
export function blsAggregatePublicKeys(publicKeys: readonly Uint8Array[]): Uint8Array {
  return aggregate(publicKeys, "blsAggregatePublicKeys");
}

function aggregate(encoded: readonly Uint8Array[], fn: string): Uint8Array {
  if (encoded.length === 0) throw new BlsError(`${fn}: nothing to aggregate`);
  return encodeFinite(sumPoints(encoded.map(decodePoint)), fn);
}

function encodeFinite(p: JacobianPoint, fn: string): Uint8Array {
  const affine = toAffine(p);
  if (affine === undefined) throw new BlsError(`${fn}: result is the point at infinity`);
  return encodePoint(affine);
}

/**
 * `Verify(txData, signature, pubKeys...)`: true iff e(H(txData), Σ pk_i) = e(σ, g), checked as
 * e(PK, H) · e(g, −σ) = 1 with one final exponentiation and H's cofactor moved into GT
 * (pairing.ts `cofactorPairingCheck`). Returns false — never throws — for an empty
 * key list (an error in the reference), any encoding that is not a point of order r (see encoding.ts),
 * keys summing to the point at infinity, or a message hashing to infinity. Duplicate keys count as many
 * times as they are listed, as in the reference (spec-pot §4.1 QUIRK).
 */
export function blsVerify(txData: Uint8Array, aggSig: Uint8Array, pubkeys: readonly Uint8Array[]): boolean {
  if (pubkeys.length === 0) return false;
  const sigma = tryDecodePoint(aggSig);
  if (sigma === undefined) return false;
  const keys: AffinePoint[] = [];
  for (const encoded of pubkeys) {
    const key = tryDecodePoint(encoded);
    if (key === undefined) return false;
    keys.push(key);
  }
  const aggregateKey = toAffine(sumPoints(keys));
  if (aggregateKey === undefined) return false;
  // H = h·P0. P0 = (0, 0) (txData of 32 zero bytes) makes H the point at infinity: e(H, PK) = 1 ≠ e(σ, g).
  const messagePointBeforeCofactor = hashToCurveBeforeCofactor(txData);
  if (messagePointBeforeCofactor.y === 0n) return false;
  try {
    // e(H, PK) = e(PK, H) (the pairing is symmetric) and e(σ, g)^(−1) = e(g, −σ).
    return cofactorPairingCheck(aggregateKey, messagePointBeforeCofactor, negateAffine(sigma));
  } catch (e) {
    // Unreachable for the inputs checked above (every line value is non-zero, so the Miller values
    // are invertible); kept so that a degenerate case fails closed instead of escaping.
    if (e instanceof BlsError) return false;
    throw e;
  }
}
