/**
 * Snapshots on disk, under `<home>/data/snapshots` (the SDK's place):
 *
 *   <height>/<format>/<index>      chunk files
 *   <height>/<format>/metadata     cosmos.base.snapshots.v1beta1.Snapshot, written last (rename)
 *
 * A directory without `metadata` is a snapshot that was being written when the node stopped; it
 * is deleted when the store opens. Listing is newest first, as the SDK lists.
 */

import fs from "node:fs";
import path from "node:path";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { SnapshotSchema, type Snapshot } from "../codec/cosmos/base/snapshots/v1beta1/snapshot_pb.js";
import type { WrittenStream } from "./stream.js";

const METADATA = "metadata";

export class SnapshotDiskStore {
  private snapshots: Snapshot[] = [];

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<SnapshotDiskStore> {
    const store = new SnapshotDiskStore(dir);
    await fs.promises.mkdir(dir, { recursive: true });
    for (const h of await fs.promises.readdir(dir)) {
      if (!/^\d+$/.test(h)) continue;
      for (const f of await fs.promises.readdir(path.join(dir, h))) {
        const where = path.join(dir, h, f);
        const meta = await fs.promises.readFile(path.join(where, METADATA)).catch(() => undefined);
        const snapshot = meta === undefined ? undefined : safeDecode(meta);
        if (snapshot === undefined || String(snapshot.height) !== h || String(snapshot.format) !== f) {
          await fs.promises.rm(where, { recursive: true, force: true });
        } else {
          store.snapshots.push(snapshot);
        }
      }
    }
    store.sort();
    return store;
  }

  /** Every complete snapshot, newest first. */
  list(): readonly Snapshot[] {
    return this.snapshots;
  }

  latest(): Snapshot | undefined {
    return this.snapshots[0];
  }

  /** Starts writing the snapshot of (height, format); `complete` makes it visible. */
  writer(height: number, format: number): SnapshotFileWriter {
    return new SnapshotFileWriter(path.join(this.dir, String(height), String(format)), height, format, (s) => {
      this.snapshots = this.snapshots.filter((x) => !(x.height === s.height && x.format === s.format));
      this.snapshots.push(s);
      this.sort();
    });
  }

  /** A chunk of a listed snapshot, or undefined (unknown snapshot or index). */
  async loadChunk(height: bigint, format: number, index: number): Promise<Uint8Array | undefined> {
    const s = this.snapshots.find((x) => x.height === height && x.format === format);
    if (s === undefined || index < 0 || index >= s.chunks) return undefined;
    const file = path.join(this.dir, String(height), String(format), String(index));
    const bytes = await fs.promises.readFile(file).catch(() => undefined);
    return bytes === undefined ? undefined : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** Deletes all but the `keepRecent` newest snapshots (0 keeps all). Returns how many went. */
  async prune(keepRecent: number): Promise<number> {
    if (keepRecent <= 0 || this.snapshots.length <= keepRecent) return 0;
    const gone = this.snapshots.slice(keepRecent);
    this.snapshots = this.snapshots.slice(0, keepRecent);
    for (const s of gone) {
      await fs.promises.rm(path.join(this.dir, String(s.height), String(s.format)), { recursive: true, force: true });
      await fs.promises.rmdir(path.join(this.dir, String(s.height))).catch(() => undefined);
    }
    return gone.length;
  }

  private sort(): void {
    this.snapshots.sort((a, b) => (a.height === b.height ? b.format - a.format : a.height > b.height ? -1 : 1));
  }
}

export class SnapshotFileWriter {
  private created = false;

  constructor(
    private readonly dir: string,
    private readonly height: number,
    private readonly format: number,
    private readonly onComplete: (s: Snapshot) => void,
  ) {}

  async writeChunk(index: number, chunk: Uint8Array): Promise<void> {
    if (!this.created) {
      await fs.promises.rm(this.dir, { recursive: true, force: true });
      await fs.promises.mkdir(this.dir, { recursive: true });
      this.created = true;
    }
    await fs.promises.writeFile(path.join(this.dir, String(index)), chunk);
  }

  async complete(stream: WrittenStream): Promise<Snapshot> {
    const snapshot = create(SnapshotSchema, {
      height: BigInt(this.height),
      format: this.format,
      chunks: stream.chunkHashes.length,
      hash: stream.hash,
      metadata: { chunkHashes: stream.chunkHashes },
    });
    const tmp = path.join(this.dir, `${METADATA}.tmp`);
    await fs.promises.writeFile(tmp, toBinary(SnapshotSchema, snapshot));
    await fs.promises.rename(tmp, path.join(this.dir, METADATA));
    this.onComplete(snapshot);
    return snapshot;
  }

  async abort(): Promise<void> {
    await fs.promises.rm(this.dir, { recursive: true, force: true });
  }
}

function safeDecode(bytes: Uint8Array): Snapshot | undefined {
  try {
    return fromBinary(SnapshotSchema, bytes);
  } catch {
    return undefined;
  }
}
