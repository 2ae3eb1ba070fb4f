/**
 * Writing one snapshot (SDK `Manager.createSnapshot` + `rootmulti.Snapshot`): the IAVL stores of a
 * committed version in name order, each as a store item and its nodes in export order, then the
 * extensions in name order. The walk runs in slices that give the event loop back between them, so
 * blocks keep being executed and committed while a large state is exported; the caller holds the
 * version against pruning for the whole walk.
 */

import type { Snapshot } from "../codec/cosmos/base/snapshots/v1beta1/snapshot_pb.js";
import type { ExportNode } from "../store/index.js";
import type { SnapshotDiskStore } from "./diskStore.js";
import { encodeDelimited, encodeIavlItemDelimited, extensionItem, payloadItem, storeItem } from "./items.js";
import { SnapshotStreamWriter } from "./stream.js";

/** The SDK's current snapshot format: IAVL export nodes in a zlib stream of delimited items. */
export const SNAPSHOT_FORMAT = 3;

export interface ExportedStore {
  readonly name: string;
  nodes(): Iterable<ExportNode>;
}

export interface ExtensionSnapshot {
  readonly name: string;
  readonly format: number;
  readonly payloads: readonly Uint8Array[];
}

/** Bytes of items gathered before they go to the compressor (and the event loop gets a turn). */
const SLICE_BYTES = 256 * 1024;

export async function writeSnapshot(
  disk: SnapshotDiskStore,
  height: number,
  stores: readonly ExportedStore[],
  extensions: readonly ExtensionSnapshot[],
  chunkBytes?: number,
  /** Checked between slices: a snapshot being written when the node stops is dropped. */
  cancelled: () => boolean = () => false,
): Promise<Snapshot> {
  const file = disk.writer(height, SNAPSHOT_FORMAT);
  const stream = new SnapshotStreamWriter((i, chunk) => file.writeChunk(i, chunk), chunkBytes);
  let slice: Uint8Array[] = [];
  let sliceBytes = 0;
  const put = async (item: Uint8Array): Promise<void> => {
    slice.push(item);
    sliceBytes += item.length;
    if (sliceBytes < SLICE_BYTES) return;
    await flush();
  };
  const flush = async (): Promise<void> => {
    if (cancelled()) throw new Error("cancelled: the node is stopping");
    if (sliceBytes === 0) return;
    const bytes = Buffer.concat(slice, sliceBytes);
    slice = [];
    sliceBytes = 0;
    await stream.write(bytes);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  try {
    for (const s of stores) {
      await put(encodeDelimited(storeItem(s.name)));
      for (const n of s.nodes()) await put(encodeIavlItemDelimited(n));
    }
    for (const e of [...extensions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      await put(encodeDelimited(extensionItem(e.name, e.format)));
      for (const p of e.payloads) await put(encodeDelimited(payloadItem(p)));
    }
    await flush();
    return await file.complete(await stream.end());
  } catch (e) {
    await file.abort();
    throw e;
  }
}
