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
  private buf = new Uint8Array(0);
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

  /** Bytes received but not yet part of a whole item (must be 0 at the end of the stream). */
  get pending(): number {
    return this.buf.length - this.at;
  }

  private append(bytes: Uint8Array): void {
    const rest = this.buf.subarray(this.at);
    const merged = new Uint8Array(rest.length + bytes.length);
    merged.set(rest, 0);
    merged.set(bytes, rest.length);
    this.buf = merged;
    this.at = 0;
  }

  private next(): SnapshotItem | undefined {
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
    try {
      return fromBinary(SnapshotItemSchema, body);
    } catch (e) {
      throw new SnapshotFormatError(`snapshot item does not decode: ${(e as Error).message}`);
    }
  }
}
