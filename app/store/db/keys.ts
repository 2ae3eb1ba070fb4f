/**
 * Every key of the store database, in one place (docs/store.md "On disk"). Changing any of them
 * breaks existing data directories.
 *
 *   "L"                                  latest committed version: be64
 *   "P"                                  oldest retained version: be64 (absent: nothing pruned yet)
 *   "C" ‖ be64(v)                         CommitInfo of version v (cosmos.store.v1beta1.CommitInfo)
 *   "M" ‖ utf8(key)                       node-local metadata (setMeta)
 *   "R" ‖ store ‖ be64(v)                 root of a store's tree at v: empty (empty tree) or
 *                                          be64(rootVersion) ‖ be32(rootNonce) ‖ rootHash(32)
 *   "N" ‖ store ‖ be64(v) ‖ be32(nonce)   tree node created in version v (nodeCodec.ts)
 *   "O" ‖ store ‖ be64(v)                 nodes orphaned by version v: (be64 version ‖ be32 nonce)*
 *   "F" ‖ store ‖ key                     latest committed value of key (flat index)
 *   "S"                                  state sync restore in progress: be64(height); with no "L",
 *                                          load() wipes the half-imported database
 * where store = uvarint(len(name)) ‖ name, so one store's range never contains another's.
 * Big-endian versions keep each store's nodes in version order (LSM-friendly appends).
 */

import { putUvarint, utf8, uvarintSize } from "../bytes.js";

export const LATEST_KEY = Uint8Array.of(0x4c);
export const PRUNED_KEY = Uint8Array.of(0x50);
export const RESTORING_KEY = Uint8Array.of(0x53);
const COMMIT = 0x43;
const META = 0x4d;
export const TAG = { root: 0x52, node: 0x4e, orphans: 0x4f, flat: 0x46 } as const;

export function writeBe64(buf: Uint8Array, offset: number, n: number): void {
  const hi = Math.floor(n / 0x100000000);
  const lo = n >>> 0;
  buf[offset] = hi >>> 24;
  buf[offset + 1] = (hi >>> 16) & 0xff;
  buf[offset + 2] = (hi >>> 8) & 0xff;
  buf[offset + 3] = hi & 0xff;
  buf[offset + 4] = lo >>> 24;
  buf[offset + 5] = (lo >>> 16) & 0xff;
  buf[offset + 6] = (lo >>> 8) & 0xff;
  buf[offset + 7] = lo & 0xff;
}

export function readBe64(buf: Uint8Array, offset: number): number {
  const hi = ((buf[offset]! << 24) >>> 0) + (buf[offset + 1]! << 16) + (buf[offset + 2]! << 8) + buf[offset + 3]!;
  const lo = ((buf[offset + 4]! << 24) >>> 0) + (buf[offset + 5]! << 16) + (buf[offset + 6]! << 8) + buf[offset + 7]!;
  return hi * 0x100000000 + lo;
}

export function writeBe32(buf: Uint8Array, offset: number, n: number): void {
  buf[offset] = n >>> 24;
  buf[offset + 1] = (n >>> 16) & 0xff;
  buf[offset + 2] = (n >>> 8) & 0xff;
  buf[offset + 3] = n & 0xff;
}

export function readBe32(buf: Uint8Array, offset: number): number {
  return ((buf[offset]! << 24) >>> 0) + (buf[offset + 1]! << 16) + (buf[offset + 2]! << 8) + buf[offset + 3]!;
}

export function be64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  writeBe64(out, 0, n);
  return out;
}

/** tag ‖ uvarint(len(name)) ‖ name */
export function storePrefix(tag: number, name: string): Uint8Array {
  const nameBytes = utf8(name);
  const out = new Uint8Array(1 + uvarintSize(nameBytes.length) + nameBytes.length);
  out[0] = tag;
  out.set(nameBytes, putUvarint(out, 1, nameBytes.length));
  return out;
}

/** prefix ‖ be64(version) */
export function versionKey(prefix: Uint8Array, version: number): Uint8Array {
  const out = new Uint8Array(prefix.length + 8);
  out.set(prefix, 0);
  writeBe64(out, prefix.length, version);
  return out;
}

/** prefix ‖ be64(version) ‖ be32(nonce) */
export function nodeKey(prefix: Uint8Array, version: number, nonce: number): Uint8Array {
  const out = new Uint8Array(prefix.length + 12);
  out.set(prefix, 0);
  writeBe64(out, prefix.length, version);
  writeBe32(out, prefix.length + 8, nonce);
  return out;
}

/** prefix ‖ key */
export function prefixed(prefix: Uint8Array, key: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + key.length);
  out.set(prefix, 0);
  out.set(key, prefix.length);
  return out;
}

export function commitInfoKey(version: number): Uint8Array {
  return versionKey(Uint8Array.of(COMMIT), version);
}

export function metaKey(key: string): Uint8Array {
  return prefixed(Uint8Array.of(META), utf8(key));
}

export const META_PREFIX = Uint8Array.of(META);

export { prefixEnd } from "../bytes.js";
