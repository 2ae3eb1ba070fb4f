/**
 * Byte helpers shared by the store: unsigned byte order, varints, and a string form of a key that
 * sorts like the bytes (for Map keys).
 */

import type { Bytes } from "./types.js";

/** Unsigned lexicographic order of two byte strings: negative, zero or positive. */
export function compareBytes(a: Bytes, b: Bytes): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export function equalBytes(a: Bytes, b: Bytes): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The key as a latin1 string: one char per byte, so JS string order (UTF-16 code units) equals
 * unsigned byte order. Used as a Map key by branches.
 */
export function keyString(key: Bytes): string {
  // fromCharCode over a short array is faster than a Buffer decode for typical 20–40-byte keys.
  if (key.length <= 64) return String.fromCharCode.apply(null, key as unknown as number[]);
  return Buffer.from(key.buffer, key.byteOffset, key.length).toString("latin1");
}

/** Number of bytes of the unsigned varint of n (n a safe non-negative integer). */
export function uvarintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** Writes the unsigned varint of n at offset; returns the offset after it. */
export function putUvarint(buf: Uint8Array, offset: number, n: number): number {
  while (n >= 0x80) {
    buf[offset++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[offset++] = n;
  return offset;
}

/**
 * Writes Go's `binary.PutVarint` (zigzag) of a non-negative n: the uvarint of 2n. Node heights,
 * sizes and versions are never negative.
 */
export function putZigzag(buf: Uint8Array, offset: number, n: number): number {
  return putUvarint(buf, offset, n * 2);
}

/** Reads an unsigned varint; returns [value, next offset]. Throws a RangeError on truncation. */
export function readUvarint(buf: Uint8Array, offset: number): [number, number] {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (offset >= buf.length) throw new RangeError("readUvarint: truncated varint");
    const b = buf[offset++]!;
    result += (b & 0x7f) * scale;
    if (b < 0x80) return [result, offset];
    scale *= 128;
  }
  throw new RangeError("readUvarint: varint longer than 8 bytes");
}

export function hexOf(bytes: Bytes): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("hex");
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new TypeError(`fromHex: not hex: ${hex}`);
  return new Uint8Array(Buffer.from(hex, "hex"));
}

export function utf8(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "utf8"));
}

/** The smallest key greater than every key that starts with `prefix` (undefined: none, all 0xff). */
export function prefixEnd(prefix: Uint8Array): Uint8Array | undefined {
  const end = prefix.slice();
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i] = end[i]! + 1;
      return end.subarray(0, i + 1);
    }
  }
  return undefined;
}

/** The parts joined into one fresh array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
