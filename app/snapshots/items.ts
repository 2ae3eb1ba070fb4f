/**
 * The items of a format-3 snapshot stream (SDK v0.47 `snapshots/stream.go`, `rootmulti.Snapshot`):
 * `cosmos.base.snapshots.v1beta1.SnapshotItem` messages, each preceded by its length as a uvarint
 * (gogoproto's delimited writer). Per IAVL store, in name byte order: a `store` item, then its
 * nodes as `iavl` items in export order; then, per extension in name order, an `extension` item
 * and its `extension_payload` items.
 */

import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  SnapshotItemSchema,
  type SnapshotItem,
} from "../codec/cosmos/base/snapshots/v1beta1/snapshot_pb.js";
import { putUvarint, uvarintSize } from "../store/bytes.js";
import { SnapshotFormatError, type ExportNode } from "../store/index.js";

/** The SDK's limit on one item (it has no key or value size limit, so it picks one). */
export const MAX_ITEM_BYTES = 64_000_000;

export function storeItem(name: string): SnapshotItem {
  return create(SnapshotItemSchema, { item: { case: "store", value: { name } } });
}

export function iavlItem(n: ExportNode): SnapshotItem {
  return create(SnapshotItemSchema, {
    item: { case: "iavl", value: { key: n.key, value: n.value ?? new Uint8Array(0), version: BigInt(n.version), height: n.height } },
  });
}

export function extensionItem(name: string, format: number): SnapshotItem {
  return create(SnapshotItemSchema, { item: { case: "extension", value: { name, format } } });
}

export function payloadItem(payload: Uint8Array): SnapshotItem {
  return create(SnapshotItemSchema, { item: { case: "extensionPayload", value: { payload } } });
}

/**
 * `encodeDelimited(iavlItem(n))` written by hand: a snapshot holds one such item per tree node, and
 * the generic encoder costs several times more. Same bytes (fields in number order, proto3 defaults
 * omitted), pinned by the SDK golden in store/snapshot/snapshot.test.ts.
 */
export function encodeIavlItemDelimited(n: ExportNode): Uint8Array {
  const value = n.value ?? EMPTY;
  const inner =
    field(n.key.length) + (value.length > 0 ? field(value.length) : 0) + (n.version > 0 ? 1 + uvarintSize(n.version) : 0) + (n.height > 0 ? 1 + uvarintSize(n.height) : 0);
  const item = 1 + uvarintSize(inner) + inner;
  const out = new Uint8Array(uvarintSize(item) + item);
  let o = putUvarint(out, 0, item);
  out[o++] = 0x12; // SnapshotItem.iavl (2, LEN)
  o = putUvarint(out, o, inner);
  if (n.key.length > 0) {
    out[o++] = 0x0a; // key (1, LEN)
    o = putUvarint(out, o, n.key.length);
    out.set(n.key, o);
    o += n.key.length;
  }
  if (value.length > 0) {
    out[o++] = 0x12; // value (2, LEN)
    o = putUvarint(out, o, value.length);
    out.set(value, o);
    o += value.length;
  }
  if (n.version > 0) {
    out[o++] = 0x18; // version (3, VARINT)
    o = putUvarint(out, o, n.version);
  }
  if (n.height > 0) {
    out[o++] = 0x20; // height (4, VARINT)
    putUvarint(out, o, n.height);
  }
  return out;
}

const EMPTY = new Uint8Array(0);

/** Size of a LEN field with a one-byte tag (0 when the payload is empty: omitted). */
function field(len: number): number {
  return len === 0 ? 0 : 1 + uvarintSize(len) + len;
}

/** uvarint(len) ‖ message. */
export function encodeDelimited(item: SnapshotItem): Uint8Array {
  const body = toBinary(SnapshotItemSchema, item);
  const out = new Uint8Array(uvarintSize(body.length) + body.length);
  out.set(body, putUvarint(out, 0, body.length));
  return out;
}

/** An IAVL item as the importer takes it (the version must fit a JS safe integer). */
export function exportNodeOf(item: { key: Uint8Array; value: Uint8Array; version: bigint; height: number }): ExportNode {
  if (item.version < 0n || item.version > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new SnapshotFormatError(`IAVL item version ${item.version} is out of range`);
  }
  return { key: item.key, value: item.height === 0 ? item.value : undefined, version: Number(item.version), height: item.height };
}

/**
 * Splits a byte stream (pushed piece by piece, as chunks are inflated) into delimited items.
 * Malformed lengths or messages throw `SnapshotFormatError`.
 */
export class ItemReader {
  private buf: Uint8Array = new Uint8Array(0);
  private at = 0;

  push(bytes: Uint8Array): SnapshotItem[] {
    this.append(bytes);
    const out: SnapshotItem[] = [];
    for (;;) {
      const item = this.next();
      if (item === undefined) break;
      out.push(item);
    }
    return out;
  }

  /** Adds bytes; take the items with `next()` one at a time (a restore writes as it goes). */
  append(bytes: Uint8Array): void {
    if (this.at === this.buf.length) {
      this.buf = bytes;
      this.at = 0;
      return;
    }
    const rest = this.buf.subarray(this.at);
    const merged = new Uint8Array(rest.length + bytes.length);
    merged.set(rest, 0);
    merged.set(bytes, rest.length);
    this.buf = merged;
    this.at = 0;
  }

  /** Bytes received but not yet part of a whole item (must be 0 at the end of the stream). */
  get pending(): number {
    return this.buf.length - this.at;
  }

  /** The next whole item, or undefined when more bytes are needed. */
  next(): SnapshotItem | undefined {
    let len = 0;
    let shift = 1;
    let o = this.at;
    for (let i = 0; ; i++) {
      if (o >= this.buf.length) return undefined;
      if (i >= 9) throw new SnapshotFormatError("snapshot item length is not a valid varint");
      const b = this.buf[o++]!;
      len += (b & 0x7f) * shift;
      shift *= 128;
      if (b < 0x80) break;
    }
    if (len > MAX_ITEM_BYTES) throw new SnapshotFormatError(`snapshot item of ${len} bytes exceeds the ${MAX_ITEM_BYTES}-byte limit`);
    if (o + len > this.buf.length) return undefined;
    const body = this.buf.subarray(o, o + len);
    this.at = o + len;
    const fast = decodeIavlItem(body);
    if (fast !== undefined) return fast;
    try {
      return fromBinary(SnapshotItemSchema, body);
    } catch (e) {
      throw new SnapshotFormatError(`snapshot item does not decode: ${(e as Error).message}`);
    }
  }
}

/**
 * The common case decoded by hand: an IAVL item with only its four known fields, each in its wire
 * type, varints within 2^53. Anything else returns undefined and goes through the generic decoder.
 */
export function decodeIavlItem(b: Uint8Array): SnapshotItem | undefined {
  if (b.length < 2 || b[0] !== 0x12) return undefined;
  const r = { at: 1 };
  const innerLen = readVarint(b, r);
  if (innerLen === undefined || r.at + innerLen !== b.length) return undefined;
  let key: Uint8Array = EMPTY;
  let value: Uint8Array = EMPTY;
  let version = 0;
  let height = 0;
  while (r.at < b.length) {
    const tag = b[r.at++]!;
    if (tag === 0x0a || tag === 0x12) {
      const n = readVarint(b, r);
      if (n === undefined || r.at + n > b.length) return undefined;
      const bytes = b.slice(r.at, r.at + n);
      r.at += n;
      if (tag === 0x0a) key = bytes;
      else value = bytes;
    } else if (tag === 0x18 || tag === 0x20) {
      const v = readVarint(b, r);
      if (v === undefined || (tag === 0x20 && v > 0x7fffffff)) return undefined;
      if (tag === 0x18) version = v;
      else height = v;
    } else {
      return undefined;
    }
  }
  // Plain objects of the generated types (what create() returns, without its per-call cost).
  return {
    $typeName: "cosmos.base.snapshots.v1beta1.SnapshotItem",
    item: { case: "iavl", value: { $typeName: "cosmos.base.snapshots.v1beta1.SnapshotIAVLItem", key, value, version: BigInt(version), height } },
  };
}

/** A uvarint below 2^53 at r.at (advancing it); undefined when longer or cut. */
function readVarint(b: Uint8Array, r: { at: number }): number | undefined {
  let n = 0;
  let mul = 1;
  for (let i = 0; i < 8; i++) {
    if (r.at >= b.length) return undefined;
    const byte = b[r.at++]!;
    n += (byte & 0x7f) * mul;
    if (byte < 0x80) return Number.isSafeInteger(n) ? n : undefined;
    mul *= 128;
  }
  return undefined;
}
