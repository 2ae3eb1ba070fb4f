/**
 * Byte-level checks every secp256k1 verification backend runs first, so that malleable or malformed
 * input is refused identically whichever library does the curve arithmetic (OpenSSL, for one, accepts
 * high-S signatures).
 *
 * Rules (spec-chain §4; go-ethereum `crypto.VerifySignature`, SDK `secp256k1.PubKey.VerifySignature`):
 * - signature = r‖s, 32 bytes each, big-endian, 1 ≤ r < n and 1 ≤ s ≤ ⌊n/2⌋ (low-S);
 * - public key = 33-byte SEC1 compressed point (prefix 02/03). Whether x is on the curve is left to the
 *   backend's parser, which reports `false`.
 */
import { InvalidKeyError } from "./keyErrors.js";

/** Order n of the secp256k1 group. */
export const SECP256K1_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

const ORDER_BYTES = toBytes32(SECP256K1_ORDER);
const HALF_ORDER_BYTES = toBytes32(SECP256K1_ORDER >> 1n);

/** True if `sig` is 64 bytes r‖s with r in [1, n−1] and s in [1, ⌊n/2⌋]. */
export function isCanonicalLowSSignature(sig: Uint8Array): boolean {
  if (sig.length !== 64) return false;
  if (isZero32(sig, 0) || compare32(sig, 0, ORDER_BYTES) >= 0) return false;
  if (isZero32(sig, 32) || compare32(sig, 32, HALF_ORDER_BYTES) > 0) return false;
  return true;
}

/** True if `pub` has the shape of a compressed public key: 33 bytes starting with 0x02 or 0x03. */
export function isCompressedKeyShape(pub: Uint8Array): boolean {
  return pub.length === 33 && (pub[0] === 0x02 || pub[0] === 0x03);
}

/** True if `key` is a usable private key: 32 bytes, 1 ≤ k < n. */
export function isValidPrivateKey(key: Uint8Array): boolean {
  return key.length === 32 && !isZero32(key, 0) && compare32(key, 0, ORDER_BYTES) < 0;
}

/**
 * @throws InvalidKeyError naming `fn` unless `key` is a valid private key (the key itself is not shown).
 */
export function assertSecp256k1PrivateKey(key: Uint8Array, fn: string): void {
  if (!(key instanceof Uint8Array) || !isValidPrivateKey(key)) {
    const shown = key instanceof Uint8Array ? `${key.length} bytes` : typeof key;
    throw new InvalidKeyError(`${fn}: private key must be 32 bytes in [1, n-1], got ${shown}`);
  }
}

/** Big-endian 32-byte encoding of `x` (0 ≤ x < 2^256). */
export function toBytes32(x: bigint): Uint8Array {
  if (x < 0n || x >= 1n << 256n) throw new RangeError(`toBytes32: ${x} does not fit in 32 bytes`);
  return Uint8Array.from(Buffer.from(x.toString(16).padStart(64, "0"), "hex"));
}

/** Compares the 32 bytes of `a` at `offset` with `b` as big-endian numbers: −1, 0 or 1. */
function compare32(a: Uint8Array, offset: number, b: Uint8Array): number {
  for (let i = 0; i < 32; i++) {
    const x = a[offset + i];
    const y = b[i];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function isZero32(a: Uint8Array, offset: number): boolean {
  for (let i = 0; i < 32; i++) if (a[offset + i] !== 0) return false;
  return true;
}
