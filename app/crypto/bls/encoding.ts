/**
 * Compressed point encoding of PBC (`element_to_bytes_compressed`, spec-pot §4.1.2): x as 32 bytes
 * big-endian, then 0x01 if y is odd, else 0x00.
 *
 * Decoding is strict (spec-pot §4.1.2 R:), where PBC is lenient: PBC reads 33 bytes whatever the
 * slice length, reduces x mod q, takes any non-zero flag as "odd", and checks neither that x³ + x is
 * a square nor subgroup membership. Here only the canonical encoding of a point of order r decodes:
 * exactly 33 bytes, x < q, flag 0x00 or 0x01, x³ + x a square, y ≠ 0, and the point in G1. Honest
 * signers produce nothing else, so accept/reject agrees with PBC on every honestly made input.
 */
import { bytesToHex } from "@noble/hashes/utils.js";
import { bigIntToBytes, bytesToBigInt } from "./bytes.js";
import { isOnCurve } from "./curve.js";
import { BlsError } from "./errors.js";
import { fpSqrtWithParity } from "./fp.js";
import { FIELD_BYTES, FIELD_PRIME, POINT_BYTES, type AffinePoint } from "./params.js";
import { isInPrimeOrderSubgroup } from "./subgroup.js";

/** The 33-byte compressed encoding of a finite curve point (BlsError for anything else). */
export function encodePoint(p: AffinePoint): Uint8Array {
  if (!isOnCurve(p)) throw new BlsError(`encodePoint: (${p.x}, ${p.y}) is not a point of the curve`);
  const out = new Uint8Array(POINT_BYTES);
  out.set(bigIntToBytes(p.x, FIELD_BYTES), 0);
  out[FIELD_BYTES] = (p.y & 1n) === 1n ? 1 : 0;
  return out;
}

/** Why an encoding was refused, for error messages. */
function decodeProblem(bytes: Uint8Array): string | AffinePoint {
  if (bytes.length !== POINT_BYTES) return `length ${bytes.length}, want ${POINT_BYTES}`;
  const flag = bytes[FIELD_BYTES]!;
  if (flag > 1) return `parity byte 0x${flag.toString(16).padStart(2, "0")}, want 0x00 or 0x01`;
  const x = bytesToBigInt(bytes.subarray(0, FIELD_BYTES));
  if (x >= FIELD_PRIME) return "x is not below the field prime";
  const y = fpSqrtWithParity(x * (x * x + 1n), flag === 1);
  if (y === undefined) return "x is not the abscissa of a curve point";
  const point = { x, y };
  if (!isInPrimeOrderSubgroup(point)) return "point is not in the order-r subgroup";
  return point;
}

/** The point of order r that `bytes` encodes, or undefined for anything else. Never throws. */
export function tryDecodePoint(bytes: Uint8Array): AffinePoint | undefined {
  const result = decodeProblem(bytes);
  return typeof result === "string" ? undefined : result;
}

/** The point of order r that `bytes` encodes; BlsError naming the problem otherwise. */
export function decodePoint(bytes: Uint8Array): AffinePoint {
  const result = decodeProblem(bytes);
  if (typeof result === "string") {
    throw new BlsError(`decodePoint: ${result} (input ${bytesToHex(bytes) || "empty"})`);
  }
  return result;
}
