/**
 * Compressed point encoding of PBC (`element_to_bytes_compressed`, spec-pot §4.1.2): x as 32 bytes
 * big-endian, then 0x01 if y is odd, else 0x00.
 *
 * Decoding follows spec-pot §4.1.2 R: and its executable form, Appendix B `decompress` ("the
 * recommended TS behaviour"): PBC's reading of the bytes is kept — x = int(bytes[0..32]) mod q (PBC's
 * `element_from_bytes` reduces), and any non-zero flag byte selects the odd root, a zero flag the even
 * one — plus the three checks PBC omits: exactly 33 bytes, x³ + x a square (a point on the curve), and
 * the point in the order-r subgroup. So an encoding with x ≥ q or a flag of 0x02…0xff decodes, exactly
 * as in the reference, to the point its reduced x and flag name; honest signers never produce them.
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

/** Why an encoding was refused, for error messages (spec-pot Appendix B `decompress`). */
function decodeProblem(bytes: Uint8Array): string | AffinePoint {
  if (bytes.length !== POINT_BYTES) return `length ${bytes.length}, want ${POINT_BYTES}`;
  const x = bytesToBigInt(bytes.subarray(0, FIELD_BYTES)) % FIELD_PRIME; // PBC reduces x mod q
  const odd = bytes[FIELD_BYTES] !== 0; // PBC: any non-zero flag means "odd root"
  const y = fpSqrtWithParity(x * (x * x + 1n), odd);
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
