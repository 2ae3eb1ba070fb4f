/**
 * PBC's `element_from_hash` for F_q, Z_r and curve points, as Stratos uses them (spec-pot §4.1.2):
 * the field hash `pbc_mpz_from_hash`, then the try-and-increment map `curve_from_hash`.
 */
import { bytesToHex } from "@noble/hashes/utils.js";
import { bytesToBigInt } from "./bytes.js";
import { mulScalar, toAffine } from "./curve.js";
import { BlsError } from "./errors.js";
import { fpSqrt } from "./fp.js";
import { COFACTOR, FIELD_PRIME, type AffinePoint } from "./params.js";

const q = FIELD_PRIME;

/**
 * `pbc_mpz_from_hash(z, limit, data)`: take c = ⌈bits(limit)/8⌉ bytes — the first c bytes of `data`, or
 * `data ‖ 0x00 ‖ data ‖ 0x01 ‖ data ‖ …` cut at c bytes when data is shorter — read them big-endian,
 * halve (shift right) while the value exceeds `limit`, and reduce mod limit (the caller's
 * `element_set_mpz`). With limit q and 32-byte input the buffer is the input itself.
 */
export function fieldHash(data: Uint8Array, limit: bigint): bigint {
  const count = Math.ceil(limit.toString(2).length / 8);
  const buffer = new Uint8Array(count);
  let filled = 0;
  let counter = 0;
  for (;;) {
    const n = Math.min(data.length, count - filled);
    buffer.set(data.subarray(0, n), filled);
    filled += n;
    if (filled === count) break;
    buffer[filled++] = counter & 0xff; // an unsigned char in PBC: wraps after 255 copies
    counter++;
    if (filled === count) break;
  }
  let z = bytesToBigInt(buffer);
  while (z > limit) z >>= 1n;
  return z % limit;
}

/**
 * The point `curve_from_hash` finds before the cofactor multiplication: x = fieldHash(msg, q); while
 * x³ + x is not a square, x ← x² + 1; y = the odd square root (PBC negates y when its sign is −1,
 * i.e. when the canonical y is even and non-zero).
 */
export function hashToCurveBeforeCofactor(msg: Uint8Array): AffinePoint {
  let x = fieldHash(msg, q);
  for (;;) {
    const root = fpSqrt(x * (x * x + 1n));
    if (root !== undefined) return { x, y: root !== 0n && (root & 1n) === 0n ? q - root : root };
    x = (x * x + 1n) % q;
  }
}

/**
 * H(msg) = h·P0, or undefined when that is the point at infinity (P0 of order dividing h: for instance
 * 32 zero bytes hash to x = 0, the 2-torsion point (0, 0), and h is even). Never undefined in practice
 * for a Keccak-256 output.
 */
export function hashToPointOrInfinity(msg: Uint8Array): AffinePoint | undefined {
  return toAffine(mulScalar(hashToCurveBeforeCofactor(msg), COFACTOR));
}

/** H(msg) in G1, as PBC's `element_from_hash` on a G1 element. BlsError if it is the point at infinity. */
export function hashToPoint(msg: Uint8Array): AffinePoint {
  const point = hashToPointOrInfinity(msg);
  if (point === undefined) throw new BlsError(`hashToPoint: message ${bytesToHex(msg) || "(empty)"} hashes to the point at infinity`);
  return point;
}
