/**
 * One snapshot being restored (SDK `Manager.Restore` / `RestoreChunk` + `rootmulti.Restore`): the
 * chunks arrive in order, are inflated as one zlib stream, split into items, and fed to the store's
 * restore (store and IAVL items) or read as the app-meta extension. After the last chunk the stream
 * must be exhausted, the metadata complete, and the rebuilt app hash the trusted one.
 *
 * Content errors throw `SnapshotFormatError` (the snapshot is bad: reject it); anything else is a
 * local failure.
 */

import type { SnapshotItem } from "../codec/cosmos/base/snapshots/v1beta1/snapshot_pb.js";
import { SnapshotFormatError, type CommitInfo, type StoreRestore } from "../store/index.js";
import { APP_META_EXTENSION, APP_META_FORMAT, readAppMetaPayload } from "./appMeta.js";
import { exportNodeOf, ItemReader } from "./items.js";
import { ChunkInflater } from "./stream.js";

/** Items applied between two checks of the store's write batch. */
const FLUSH_EVERY_ITEMS = 10_000;

export interface RestoreTargetMeta {
  /** Metadata keys a snapshot may carry. */
  readonly allowed: ReadonlySet<string>;
  /** Keys it must carry (e.g. the chain id). */
  readonly required: readonly string[];
  /**
   * Values it must carry: the metadata is not covered by the app hash, so what the node knows for
   * itself (the chain id of its genesis file) is checked.
   */
  readonly expected?: ReadonlyMap<string, Uint8Array>;
}

export class RestoreSession {
  private readonly inflater = new ChunkInflater();
  private readonly reader = new ItemReader();
  private readonly meta = new Map<string, Uint8Array>();
  private phase: "stores" | "extension" = "stores";
  private extensionSeen = false;
  /** Index of the next chunk to apply. */
  next = 0;

  constructor(
    readonly height: number,
    readonly chunkHashes: readonly Uint8Array[],
    private readonly trustedAppHash: Uint8Array,
    private readonly restore: StoreRestore,
    private readonly metaRules: RestoreTargetMeta,
  ) {}

  get chunkCount(): number {
    return this.chunkHashes.length;
  }

  /** Applies the next chunk (its hash already checked); after the last one, the restored commit. */
  async apply(chunk: Uint8Array): Promise<CommitInfo | undefined> {
    await this.consume(await this.inflater.push(chunk));
    this.next++;
    if (this.next < this.chunkCount) return undefined;
    await this.consume(await this.inflater.end());
    if (this.reader.pending > 0) throw new SnapshotFormatError(`snapshot stream ends inside an item (${this.reader.pending} bytes left)`);
    for (const key of this.metaRules.required) {
      if (!this.meta.has(key)) throw new SnapshotFormatError(`snapshot carries no "${key}" in its ${APP_META_EXTENSION} extension`);
    }
    for (const [key, want] of this.metaRules.expected ?? []) {
      const got = this.meta.get(key);
      if (got === undefined || Buffer.compare(got, want) !== 0) {
        throw new SnapshotFormatError(`snapshot's "${key}" is ${JSON.stringify(new TextDecoder().decode(got))}, this node has ${JSON.stringify(new TextDecoder().decode(want))}`);
      }
    }
    return this.restore.finish(this.meta, this.trustedAppHash);
  }

  async abort(): Promise<void> {
    this.inflater.close();
    await this.restore.abort();
  }

  /** Applies every whole item, writing to disk as batches fill (a chunk holds millions of nodes). */
  private async consume(bytes: Uint8Array): Promise<void> {
    this.reader.append(bytes);
    let n = 0;
    for (let item = this.reader.next(); item !== undefined; item = this.reader.next()) {
      this.item(item);
      if (++n % FLUSH_EVERY_ITEMS === 0) await this.restore.flush();
    }
    await this.restore.flush();
  }

  private item(item: SnapshotItem): void {
    const it = item.item;
    switch (it.case) {
      case "store":
        if (this.phase !== "stores") throw new SnapshotFormatError(`store item "${it.value.name}" after an extension`);
        this.restore.beginStore(it.value.name);
        return;
      case "iavl":
        if (this.phase !== "stores") throw new SnapshotFormatError("IAVL item after an extension");
        if (it.value.height < 0 || it.value.height > 127) throw new SnapshotFormatError(`node height ${it.value.height} cannot exceed 127`);
        this.restore.addNode(exportNodeOf(it.value));
        return;
      case "extension":
        if (it.value.name !== APP_META_EXTENSION) throw new SnapshotFormatError(`unknown snapshot extension "${it.value.name}"`);
        if (it.value.format !== APP_META_FORMAT) {
          throw new SnapshotFormatError(`extension ${APP_META_EXTENSION}: unknown format ${it.value.format} (want ${APP_META_FORMAT})`);
        }
        if (this.extensionSeen) throw new SnapshotFormatError(`extension ${APP_META_EXTENSION} appears twice`);
        this.extensionSeen = true;
        this.phase = "extension";
        return;
      case "extensionPayload":
        if (this.phase !== "extension") throw new SnapshotFormatError("extension payload before any extension item");
        readAppMetaPayload(it.value.payload, this.metaRules.allowed, this.meta);
        return;
      default:
        throw new SnapshotFormatError("unknown snapshot item (store/v2alpha1 kv or schema items are not supported)");
    }
  }
}
