/**
 * Restoring a state sync snapshot into an empty store: the nodes of every IAVL store arrive in the
 * exporter's order (exportTree.ts), are rebuilt by `TreeImporter` and written as the store writes
 * its own versions (db/keys.ts: nodes, flat index); the last batch adds the root records, the
 * CommitInfo, the latest and oldest heights and the app's metadata, so the restored height becomes
 * the store's latest committed version at once, and `load()` after a crash finds either nothing or
 * the whole restore.
 *
 * Until then the marker "S" says a restore is under way: a restart with "S" and no "L" wipes the
 * half-written database (RootMultiStore.load). `abort()` wipes it at once.
 */

import type { Bytes, CommitInfo, StoreName } from "../types.js";
import { equalBytes, hexOf } from "../bytes.js";
import { appHashOf, encodeCommitRoots, type StoreRoot } from "../commitInfo.js";
import { be64, commitInfoKey, LATEST_KEY, metaKey, nodeKey, prefixed, PRUNED_KEY, RESTORING_KEY, storePrefix, TAG, versionKey, writeBe32, writeBe64 } from "../db/keys.js";
import { encodeNode, maxNodeSize } from "../db/nodeCodec.js";
import type { StoreDb, WriteBatch } from "../db/storeDb.js";
import { EMPTY_TREE_HASH, hashBytes, writeHash, type Node } from "../iavl/node.js";
import type { ExportNode } from "./exportTree.js";
import { SnapshotFormatError, TreeImporter } from "./importTree.js";

/** What the restore needs from the multistore it restores into. */
export interface RestoreTarget {
  readonly db: StoreDb;
  /** Names of the mounted IAVL stores, in byte order. */
  readonly iavlStores: readonly StoreName[];
  /** Reloads the in-memory state from the database once the restore is written. */
  attachRestored(): Promise<void>;
}

/** Writes are batched; a batch is written once it holds this many operations. */
const BATCH_OPS = 20_000;

export class StoreRestore {
  private batch: WriteBatch;
  private importer: TreeImporter | undefined;
  private nodePrefix: Uint8Array = new Uint8Array(0);
  private flatPrefix: Uint8Array = new Uint8Array(0);
  private readonly roots = new Map<StoreName, Node | undefined>();
  private done = false;

  private constructor(
    private readonly target: RestoreTarget,
    readonly height: number,
  ) {
    this.batch = target.db.batch();
  }

  /** Wipes the database (it must hold no committed version) and starts a restore of `height`. */
  static async begin(target: RestoreTarget, height: number): Promise<StoreRestore> {
    if (!Number.isSafeInteger(height) || height < 1) throw new SnapshotFormatError(`cannot restore height ${height}`);
    await target.db.clear();
    const restore = new StoreRestore(target, height);
    restore.batch.put(RESTORING_KEY, be64(height));
    return restore;
  }

  /** Starts the nodes of `name`. Stores come in byte order of their names, each at most once. */
  beginStore(name: StoreName): void {
    this.assertOpen();
    this.endStore();
    if (!this.target.iavlStores.includes(name)) throw new SnapshotFormatError(`snapshot holds store "${name}", which this app does not mount`);
    for (const seen of this.roots.keys()) {
      if (seen >= name) throw new SnapshotFormatError(`store "${name}" comes after "${seen}": stores must be in name order, each once`);
    }
    this.nodePrefix = storePrefix(TAG.node, name);
    this.flatPrefix = storePrefix(TAG.flat, name);
    this.importer = new TreeImporter(name, this.height, (n) => this.persist(n));
  }

  addNode(node: ExportNode): void {
    this.assertOpen();
    if (this.importer === undefined) throw new SnapshotFormatError("tree node before any store item");
    this.importer.add(node);
  }

  /** Writes what is batched so far (call between chunks; memory stays bounded by one chunk). */
  async flush(): Promise<void> {
    if (this.batch.length < BATCH_OPS) return;
    const full = this.batch;
    this.batch = this.target.db.batch();
    await full.write(false);
  }

  /**
   * Ends the restore: every mounted store not in the snapshot is empty. When the rebuilt app hash
   * is `expectedAppHash` (the one CometBFT's light client verified), writes roots, CommitInfo,
   * heights and `meta` durably, reloads the multistore and returns the restored commit; otherwise
   * wipes what was written and throws a SnapshotFormatError.
   */
  async finish(meta: ReadonlyMap<string, Bytes>, expectedAppHash: Bytes): Promise<CommitInfo> {
    this.assertOpen();
    this.endStore();
    this.done = true;
    const h = this.height;
    const roots: StoreRoot[] = [];
    for (const name of this.target.iavlStores) {
      const root = this.roots.get(name);
      const rec = new Uint8Array(root === undefined ? 0 : 44);
      if (root !== undefined) {
        writeBe64(rec, 0, root.version);
        writeBe32(rec, 8, root.nonce);
        writeHash(rec, 12, root.hash!);
      }
      this.batch.put(versionKey(storePrefix(TAG.root, name), h), rec);
      roots.push({ name, root: root === undefined ? EMPTY_TREE_HASH : hashBytes(root.hash!) });
    }
    const appHash = appHashOf(roots);
    if (!equalBytes(appHash, expectedAppHash)) {
      await this.abort();
      throw new SnapshotFormatError(
        `restored app hash ${hexOf(appHash).toUpperCase()} is not the trusted app hash ${hexOf(expectedAppHash).toUpperCase()} of height ${h}`,
      );
    }
    this.batch.put(commitInfoKey(h), encodeCommitRoots(h, roots));
    for (const [k, v] of [...meta].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) this.batch.put(metaKey(k), v);
    this.batch.put(LATEST_KEY, be64(h));
    this.batch.put(PRUNED_KEY, be64(h));
    this.batch.del(RESTORING_KEY);
    await this.batch.write(true);
    await this.target.attachRestored();
    return { height: h, appHash };
  }

  /** Drops everything written so far: the store is empty again. */
  async abort(): Promise<void> {
    this.done = true;
    await this.target.db.clear();
  }

  private endStore(): void {
    if (this.importer === undefined) return;
    this.roots.set(this.importer.storeName, this.importer.finish());
    this.importer = undefined;
  }

  private persist(n: Node): void {
    const buf = new Uint8Array(maxNodeSize(n));
    const end = encodeNode(n, buf, 0);
    this.batch.put(nodeKey(this.nodePrefix, n.version, n.nonce), buf.subarray(0, end));
    if (n.height === 0) this.batch.put(prefixed(this.flatPrefix, n.key), n.value!);
  }

  private assertOpen(): void {
    if (this.done) throw new Error("StoreRestore: the restore is already finished or aborted");
  }
}
