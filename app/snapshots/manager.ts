/**
 * State sync for the app (SDK v0.47 `snapshots.Manager` and baseapp's four ABCI handlers):
 * - after the Commit of every `snapshot-interval`-th height, writes a format-3 snapshot of that
 *   version in the background (one at a time), then keeps the `snapshot-keep-recent` newest;
 * - serves them through ListSnapshots / LoadSnapshotChunk;
 * - restores one through OfferSnapshot / ApplySnapshotChunk, answering every result code:
 *
 * | situation | answer |
 * |---|---|
 * | offer: format other than 3 | REJECT_FORMAT |
 * | offer: bad metadata (height 0, no chunks, chunk hashes ≠ chunks, app hash not 32 bytes) | REJECT |
 * | offer: this node already has state, or the store cannot start a restore | ABORT |
 * | offer: acceptable (a restore in progress is dropped first) | ACCEPT |
 * | chunk: no restore in progress | ABORT |
 * | chunk: SHA-256 differs from the metadata's | RETRY, refetch it, reject its sender |
 * | chunk: not the next index | RETRY_SNAPSHOT (the store is wiped; CometBFT offers it again) |
 * | chunk: content malformed, or the rebuilt app hash is not the trusted one | REJECT_SNAPSHOT, sender rejected, store wiped |
 * | chunk: local failure (disk) | ABORT |
 * | chunk: applied | ACCEPT |
 *
 * Unlike the SDK (which can only ABORT once a restore failed), the store can be wiped and a
 * restore started again, so a bad snapshot is rejected and CometBFT tries the next one.
 */

import { createHash } from "node:crypto";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  ResponseApplySnapshotChunk_Result,
  ResponseOfferSnapshot_Result,
  type RequestApplySnapshotChunk,
  type RequestLoadSnapshotChunk,
  type RequestOfferSnapshot,
  type ResponseApplySnapshotChunk,
  type ResponseListSnapshots,
  type ResponseLoadSnapshotChunk,
  type ResponseOfferSnapshot,
} from "cosmjs-types/tendermint/abci/types";
import { MetadataSchema } from "../codec/cosmos/base/snapshots/v1beta1/snapshot_pb.js";
import { SnapshotFormatError, type CommitInfo, type StoreRestore } from "../store/index.js";
import { appMetaExtension } from "./appMeta.js";
import { SNAPSHOT_FORMAT, writeSnapshot, type ExportedStore } from "./create.js";
import { SnapshotDiskStore } from "./diskStore.js";
import { RestoreSession, type RestoreTargetMeta } from "./restoreSession.js";

/** What the manager needs from the multistore (RootMultiStore). */
export interface SnapshotStore {
  lastCommit(): CommitInfo;
  holdVersion(height: number): () => void;
  exportVersion(height: number): ExportedStore[];
  beginRestore(height: number): Promise<StoreRestore>;
}

export interface SnapshotLogger {
  info(msg: string): void;
  error(msg: string): void;
}

export interface SnapshotManagerOptions {
  /** `<home>/data/snapshots`. */
  readonly dir: string;
  /** Take a snapshot at every height that is a multiple of this (0: never). */
  readonly interval: number;
  /** Snapshots kept (0: all). */
  readonly keepRecent: number;
  readonly store: SnapshotStore;
  readonly meta: RestoreTargetMeta;
  readonly logger?: SnapshotLogger;
  /** Tests only: a chunk size other than the SDK's 10 MB (see stream.ts). */
  readonly chunkBytes?: number;
}

const APP_HASH_BYTES = 32;

export class SnapshotManager {
  private creating: Promise<void> | undefined;
  private closing = false;
  private session: RestoreSession | undefined;
  private readonly logger: SnapshotLogger;

  private constructor(
    private readonly opts: SnapshotManagerOptions,
    private readonly disk: SnapshotDiskStore,
  ) {
    this.logger = opts.logger ?? { info: () => undefined, error: () => undefined };
  }

  static async open(opts: SnapshotManagerOptions): Promise<SnapshotManager> {
    if (!Number.isSafeInteger(opts.interval) || opts.interval < 0) throw new RangeError(`snapshot-interval must be a non-negative integer, got ${opts.interval}`);
    if (!Number.isSafeInteger(opts.keepRecent) || opts.keepRecent < 0) throw new RangeError(`snapshot-keep-recent must be a non-negative integer, got ${opts.keepRecent}`);
    return new SnapshotManager(opts, await SnapshotDiskStore.open(opts.dir));
  }

  /** Blocks CometBFT must keep so a node restoring the oldest snapshot can catch up (SDK rule). */
  retentionBlocks(): number {
    return this.opts.interval * this.opts.keepRecent;
  }

  /**
   * Called right after the Commit of `height`, with the app metadata as of that height. Starts a
   * snapshot when one is due; the version is held against pruning and its roots taken now.
   */
  afterCommit(height: number, meta: ReadonlyMap<string, Uint8Array>): void {
    const interval = this.opts.interval;
    if (interval <= 0 || height <= 0 || height % interval !== 0 || this.closing) return;
    if (this.creating !== undefined) {
      this.logger.error(`snapshot at height ${height} skipped: the previous snapshot is still being written`);
      return;
    }
    const latest = this.disk.latest();
    if (latest !== undefined && latest.height >= BigInt(height)) return;
    const release = this.opts.store.holdVersion(height);
    const stores = this.opts.store.exportVersion(height);
    const extensions = [appMetaExtension(meta)];
    const started = performance.now(); // det-ok: log only
    this.logger.info(`creating state sync snapshot at height ${height}`);
    this.creating = writeSnapshot(this.disk, height, stores, extensions, this.opts.chunkBytes, () => this.closing)
      .then(async (s) => {
        this.logger.info(`snapshot at height ${height}: ${s.chunks} chunk(s), hash ${Buffer.from(s.hash).toString("hex").toUpperCase()}, ${(performance.now() - started).toFixed(0)} ms`); // det-ok: log only
        const pruned = await this.disk.prune(this.opts.keepRecent);
        if (pruned > 0) this.logger.info(`pruned ${pruned} old snapshot(s)`);
      })
      .catch((e: unknown) => this.logger.error(`snapshot at height ${height} failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        release();
        this.creating = undefined;
      });
  }

  /** Stops: a snapshot being written is dropped (its files removed) at its next slice. */
  async close(): Promise<void> {
    this.closing = true;
    await this.whenIdle();
  }

  /** Resolves when no snapshot is being written (tests). */
  async whenIdle(): Promise<void> {
    while (this.creating !== undefined) await this.creating;
  }

  listSnapshots(): ResponseListSnapshots {
    return {
      snapshots: this.disk.list().map((s) => ({
        height: s.height,
        format: s.format,
        chunks: s.chunks,
        hash: s.hash,
        metadata: toBinary(MetadataSchema, s.metadata ?? { $typeName: "cosmos.base.snapshots.v1beta1.Metadata", chunkHashes: [] }),
      })),
    };
  }

  async loadSnapshotChunk(req: RequestLoadSnapshotChunk): Promise<ResponseLoadSnapshotChunk> {
    const chunk = await this.disk.loadChunk(req.height, req.format, req.chunk);
    if (chunk === undefined) this.logger.error(`no snapshot chunk ${req.chunk} of height ${req.height} format ${req.format}`);
    return { chunk: chunk ?? new Uint8Array() };
  }

  async offerSnapshot(req: RequestOfferSnapshot): Promise<ResponseOfferSnapshot> {
    const s = req.snapshot;
    const reject = (why: string, result = ResponseOfferSnapshot_Result.REJECT): ResponseOfferSnapshot => {
      this.logger.error(`snapshot offer rejected: ${why}`);
      return { result };
    };
    if (s === undefined) return reject("no snapshot in the offer");
    if (s.format !== SNAPSHOT_FORMAT) return reject(`format ${s.format} (this app restores format ${SNAPSHOT_FORMAT})`, ResponseOfferSnapshot_Result.REJECT_FORMAT);
    if (s.height <= 0n || s.height > BigInt(Number.MAX_SAFE_INTEGER)) return reject(`height ${s.height}`);
    let chunkHashes: Uint8Array[];
    try {
      chunkHashes = fromBinary(MetadataSchema, s.metadata).chunkHashes;
    } catch (e) {
      return reject(`metadata does not decode: ${(e as Error).message}`);
    }
    if (s.chunks === 0) return reject("no chunks");
    if (chunkHashes.length !== s.chunks) return reject(`${chunkHashes.length} chunk hashes for ${s.chunks} chunks`);
    if (chunkHashes.some((h) => h.length !== 32)) return reject("a chunk hash is not 32 bytes");
    if (req.appHash.length !== APP_HASH_BYTES) return reject(`trusted app hash of ${req.appHash.length} bytes`);

    await this.dropSession();
    const height = Number(s.height);
    let restore: StoreRestore;
    try {
      restore = await this.opts.store.beginRestore(height);
    } catch (e) {
      this.logger.error(`cannot restore a snapshot: ${(e as Error).message}`);
      return { result: ResponseOfferSnapshot_Result.ABORT };
    }
    this.session = new RestoreSession(height, chunkHashes, req.appHash, restore, this.opts.meta);
    this.logger.info(`restoring snapshot at height ${height} (${s.chunks} chunk(s))`);
    return { result: ResponseOfferSnapshot_Result.ACCEPT };
  }

  /**
   * Applies one chunk. `onRestored` runs after the last chunk, once the store holds the snapshot's
   * height (the app reloads its views from it).
   */
  async applySnapshotChunk(req: RequestApplySnapshotChunk, onRestored: (info: CommitInfo) => void): Promise<ResponseApplySnapshotChunk> {
    const R = ResponseApplySnapshotChunk_Result;
    const answer = (result: ResponseApplySnapshotChunk_Result, refetchChunks: number[] = [], rejectSenders: string[] = []): ResponseApplySnapshotChunk => ({
      result,
      refetchChunks,
      rejectSenders: rejectSenders.filter((x) => x !== ""),
    });
    const session = this.session;
    if (session === undefined) {
      this.logger.error(`snapshot chunk ${req.index} arrived with no restore in progress`);
      return answer(R.ABORT);
    }
    if (req.index !== session.next) {
      this.logger.error(`snapshot chunk ${req.index} arrived, expected chunk ${session.next}: restarting the restore`);
      await this.dropSession();
      return answer(R.RETRY_SNAPSHOT);
    }
    const expected = session.chunkHashes[req.index]!;
    const actual = createHash("sha256").update(req.chunk).digest();
    if (!actual.equals(expected)) {
      this.logger.error(`snapshot chunk ${req.index} from ${req.sender || "?"} has hash ${actual.toString("hex")}, expected ${Buffer.from(expected).toString("hex")}: refetching`);
      return answer(R.RETRY, [req.index], [req.sender]);
    }
    try {
      const restored = await session.apply(req.chunk);
      if (restored !== undefined) {
        this.session = undefined;
        this.logger.info(`snapshot restored: height ${restored.height}, app hash ${Buffer.from(restored.appHash).toString("hex").toUpperCase()}`);
        onRestored(restored);
      }
      return answer(R.ACCEPT);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await this.dropSession();
      if (e instanceof SnapshotFormatError) {
        this.logger.error(`snapshot at height ${session.height} rejected at chunk ${req.index}: ${message}`);
        return answer(R.REJECT_SNAPSHOT, [], [req.sender]);
      }
      this.logger.error(`snapshot restore failed at chunk ${req.index}: ${message}`);
      return answer(R.ABORT);
    }
  }

  private async dropSession(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    if (s !== undefined) await s.abort().catch((e: unknown) => this.logger.error(`wiping a dropped restore failed: ${String(e)}`));
  }
}
