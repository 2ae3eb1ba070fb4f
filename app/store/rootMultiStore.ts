/**
 * The root multistore (CommitMultiStore): one IAVL tree per mounted "iavl" store, scratch
 * "transient" stores, the app hash (commitInfo.ts), one atomic batch per commit, pruning.
 *
 * Crash safety: everything a commit changes — the new nodes of every tree, each store's root
 * record, orphan lists, flat-index updates, the CommitInfo, the latest height and staged metadata —
 * goes into ONE LevelDB batch, which LevelDB applies atomically (its log record is all or nothing
 * on recovery). `load()` trusts only "L" (latest height), written in that same batch, so after a
 * crash it finds exactly the last committed version. Pruning deletes in later batches of their
 * own, each also carrying the new "oldest retained" marker.
 */

import type {
  Bytes,
  CommitInfo,
  CommitMultiStore,
  KVReader,
  KVStore,
  MultiStore,
  MultiStoreReader,
  StoreKind,
  StoreName,
  StoreQueryResult,
  SubspaceQueryResult,
} from "./types.js";
import { CacheKV } from "./branch/cacheKV.js";
import { appHashOf, decodeCommitRoots, encodeCommitRoots, type StoreRoot } from "./commitInfo.js";
import { be64, commitInfoKey, LATEST_KEY, META_PREFIX, metaKey, PRUNED_KEY, readBe64, RESTORING_KEY } from "./db/keys.js";
import { LevelStoreDb, MemoryStoreDb, storeDataError, type StoreDb } from "./db/storeDb.js";
import { IavlStore } from "./iavlStore.js";
import type { SavedVersion } from "./iavl/tree.js";
import { pruneBatch, pruneTarget } from "./pruning.js";
import { exportTree, type ExportNode } from "./snapshot/exportTree.js";
import { StoreRestore } from "./snapshot/restore.js";
import { queryKey, querySubspace } from "./query.js";
import {
  DEFAULT_MAX_LOADED_NODES,
  DEFAULT_PRUNING,
  DEFAULT_TRIM_DEPTH,
  type RootMultiStoreOptions,
} from "./storeOptions.js";

export { DEFAULT_PRUNING, type PruningOptions, type RootMultiStoreOptions } from "./storeOptions.js";
import { EMPTY_READER, ReaderMulti, TreeReader, WorkingKV, WorkingMulti } from "./views.js";

const EMPTY = new Uint8Array(0);

export class RootMultiStore implements CommitMultiStore {
  private readonly kinds = new Map<StoreName, StoreKind>();
  private readonly trees = new Map<StoreName, IavlStore>();
  private readonly workingKVs = new Map<StoreName, KVStore>();
  private readonly transients = new Map<StoreName, CacheKV>();
  private db: StoreDb | undefined;
  private last: CommitInfo = { height: 0, appHash: EMPTY };
  private lastRoots: StoreRoot[] = [];
  private oldest = 0;
  private initialVersion = 0;
  private readonly meta = new Map<string, Bytes>();
  private readonly stagedMeta = new Map<string, Bytes>();
  private pruningTask: Promise<void> = Promise.resolve();
  /** Versions a snapshot export is reading (holdVersion): pruning stops below the lowest. */
  private readonly holds = new Map<number, number>();
  private committing = false;
  private failure: unknown = undefined;
  /** Estimate of tree nodes held in memory, besides those loaded from disk since the last trim. */
  private residentNodes = 0;
  private committedView: ReaderMulti | undefined;
  private lastTiming = { saveMs: 0, writeMs: 0, ops: 0 };
  private readonly workingView: WorkingMulti;

  constructor(private readonly opts: RootMultiStoreOptions = {}) {
    this.workingView = new WorkingMulti(
      () => this.workingVersion(),
      (name) => this.workingStore(name),
    );
  }

  mount(name: StoreName, kind: StoreKind): void {
    if (this.db !== undefined) throw new Error(`mount(${name}): the store is already loaded`);
    if (name.length === 0 || name.includes("/")) throw new RangeError(`mount: bad store name "${name}"`);
    if (this.kinds.has(name)) throw new Error(`mount: store ${name} mounted twice`);
    this.kinds.set(name, kind);
  }

  async load(): Promise<void> {
    if (this.db !== undefined) throw new Error("load: already loaded");
    const db = this.opts.db ?? (this.opts.path !== undefined ? await LevelStoreDb.open(this.opts.path) : new MemoryStoreDb());
    this.db = db;
    try {
      // A state sync restore that never finished leaves nodes but no latest height: start empty.
      if (db.getSync(LATEST_KEY) === undefined && db.getSync(RESTORING_KEY) !== undefined) await db.clear();
      await this.attach(db);
    } catch (e) {
      // A database that opens but whose latest version does not read back whole (a lost or damaged
      // table file, a log record skipped by recovery) must not serve a single block.
      if (this.opts.path === undefined) throw e;
      this.db = undefined;
      await db.close().catch(() => undefined);
      throw storeDataError(this.opts.path, e, "its latest committed version does not read back whole");
    }
  }

  /** Builds the in-memory state (trees, heights, metadata) from what the database holds. */
  private async attach(db: StoreDb): Promise<void> {
    const latestRec = db.getSync(LATEST_KEY);
    const latest = latestRec === undefined ? 0 : readBe64(latestRec, 0);
    const prunedRec = db.getSync(PRUNED_KEY);
    this.oldest = prunedRec === undefined ? latest : readBe64(prunedRec, 0);
    this.meta.clear();
    for (const [k, v] of await db.entries(META_PREFIX)) {
      this.meta.set(Buffer.from(k.subarray(META_PREFIX.length)).toString("utf8"), v);
    }
    const treeOpts = { initialVersionHashing: this.opts.initialVersionHashing, flatReads: this.opts.flatReads };
    this.trees.clear();
    this.workingKVs.clear();
    this.transients.clear();
    this.committedView = undefined;
    this.residentNodes = 0;
    this.last = { height: 0, appHash: EMPTY };
    this.lastRoots = [];
    for (const [name, kind] of this.kinds) {
      if (kind === "transient") {
        this.transients.set(name, new CacheKV(EMPTY_READER, undefined));
      } else {
        const store = new IavlStore(db, name, latest, treeOpts);
        this.trees.set(name, store);
        this.workingKVs.set(name, new WorkingKV(store));
      }
    }
    if (latest > 0) {
      this.lastRoots = this.readCommitRoots(latest);
      this.last = { height: latest, appHash: appHashOf(this.lastRoots) };
      for (const r of this.lastRoots) {
        const tree = this.trees.get(r.name);
        const hash = tree?.tree.workingHash();
        if (hash !== undefined && Buffer.compare(hash, r.root) !== 0) {
          throw new Error(`load: store ${r.name} root at ${latest} does not match its commit info`);
        }
      }
    }
  }

  // ------------------------------------------------------------------ state sync snapshots

  /**
   * Keeps `height` (and every later version) from being pruned until the returned release is
   * called: a snapshot export reads it while blocks keep committing.
   */
  holdVersion(height: number): () => void {
    this.assertRetained("holdVersion", height);
    this.holds.set(height, (this.holds.get(height) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.holds.get(height) ?? 1) - 1;
      if (n <= 0) this.holds.delete(height);
      else this.holds.set(height, n);
    };
  }

  /**
   * The IAVL stores of a retained version, in name byte order, each with its nodes in cosmos/iavl's
   * export order. Nodes are read from disk as the walk goes and not kept; the caller must hold the
   * version (holdVersion) while it walks.
   */
  exportVersion(height: number): { readonly name: StoreName; nodes(): Generator<ExportNode> }[] {
    this.assertRetained("exportVersion", height);
    return this.sortedTrees().map((s) => {
      const root = height === this.last.height ? s.committed() : s.rootAt(height);
      return { name: s.name, nodes: () => exportTree(root, s) };
    });
  }

  /**
   * Starts restoring a snapshot of `height` into this store, which must hold no committed version
   * and no uncommitted writes (a node that state syncs never ran InitChain). Wipes the database.
   */
  async beginRestore(height: number): Promise<StoreRestore> {
    const db = this.assertUsable("beginRestore");
    if (this.committing) throw new Error("beginRestore: a commit is in progress");
    if (this.last.height !== 0) throw new Error(`beginRestore: the store already holds height ${this.last.height}`);
    const dirty = this.sortedTrees().find((s) => s.tree.size() > 0);
    if (dirty !== undefined) throw new Error(`beginRestore: store ${dirty.name} has uncommitted writes`);
    const names = this.sortedTrees().map((s) => s.name);
    return StoreRestore.begin({ db, iavlStores: names, attachRestored: () => this.attach(db) }, height);
  }

  lastCommit(): CommitInfo {
    return this.last;
  }

  oldestHeight(): number {
    return this.oldest;
  }

  setInitialVersion(height: number): void {
    if (this.last.height !== 0) throw new Error(`setInitialVersion: height ${this.last.height} already committed`);
    if (!Number.isSafeInteger(height) || height < 1) throw new RangeError(`setInitialVersion: bad height ${height}`);
    this.initialVersion = height;
    for (const s of this.sortedTrees()) s.tree.setInitialVersion(height);
  }

  working(): MultiStore {
    this.assertUsable("working");
    return this.workingView;
  }

  committed(): MultiStoreReader {
    this.assertUsable("committed");
    this.committedView ??= new ReaderMulti(this.last.height, (name) => this.readerAt(name, this.last.height));
    return this.committedView;
  }

  at(height: number): MultiStoreReader {
    if (height === this.last.height) return this.committed();
    this.assertRetained("at", height);
    return new ReaderMulti(height, (name) => this.readerAt(name, height));
  }

  workingHash(): Bytes {
    this.assertUsable("workingHash");
    return appHashOf(this.sortedTrees().map((s) => ({ name: s.name, root: s.tree.workingHash() })));
  }

  setMeta(key: string, value: Bytes): void {
    this.stagedMeta.set(key, value.slice());
  }

  getMeta(key: string): Bytes | undefined {
    return this.stagedMeta.get(key) ?? this.meta.get(key);
  }

  async commit(): Promise<CommitInfo> {
    const db = this.assertUsable("commit");
    if (this.committing) throw new Error("commit: a commit is already in progress");
    this.committing = true;
    try {
      await this.pruningTask;
      const t0 = performance.now(); // det-ok: commit timing for logs and benchmarks
      const version = this.workingVersion();
      const saved: SavedVersion[] = [];
      const roots: StoreRoot[] = [];
      const batch = db.batch();
      for (const s of this.sortedTrees()) {
        const sv = s.saveInto(batch);
        if (sv.version !== version) throw new Error(`commit: store ${s.name} saved ${sv.version}, expected ${version}`);
        saved.push(sv);
        roots.push({ name: s.name, root: sv.hash });
        s.flatReady = false;
        this.residentNodes += sv.newNodes - sv.orphans.length;
      }
      batch.put(commitInfoKey(version), encodeCommitRoots(version, roots));
      batch.put(LATEST_KEY, be64(version));
      if (this.last.height === 0) batch.put(PRUNED_KEY, be64(version));
      for (const [k, v] of this.stagedMeta) batch.put(metaKey(k), v);
      for (const t of this.transients.values()) t.discard();
      const t1 = performance.now(); // det-ok
      const ops = batch.length;
      try {
        await batch.write(this.opts.sync ?? true);
      } catch (e) {
        // The trees have moved on but the disk has not: only a restart (load) is consistent now.
        this.failure = e;
        throw e;
      }
      this.lastTiming = { saveMs: t1 - t0, writeMs: performance.now() - t1, ops }; // det-ok
      this.sortedTrees().forEach((s, i) => {
        s.markCommitted(saved[i]!);
        s.flatReady = true;
      });
      if (this.last.height === 0) this.oldest = version;
      this.last = { height: version, appHash: appHashOf(roots) };
      this.lastRoots = roots;
      for (const [k, v] of this.stagedMeta) this.meta.set(k, v);
      this.stagedMeta.clear();
      this.committedView = undefined;
      this.trimIfOverBudget();
      this.schedulePruning(db);
      return this.last;
    } finally {
      this.committing = false;
    }
  }

  query(name: StoreName, key: Bytes, height: number, prove: boolean): StoreQueryResult {
    const h = this.queryHeight(height);
    const store = this.treeFor("query", name);
    const roots = h === this.last.height ? this.lastRoots : this.readCommitRoots(h);
    return queryKey(store, h === this.last.height ? store.committed() : store.rootAt(h), roots, h, key, prove);
  }

  querySubspace(name: StoreName, prefix: Bytes, height: number): SubspaceQueryResult {
    const h = this.queryHeight(height);
    this.treeFor("querySubspace", name);
    return querySubspace(this.at(h).getReader(name), h, prefix);
  }

  async close(): Promise<void> {
    await this.pruningTask.catch(() => undefined);
    await this.db?.close();
  }

  /**
   * Cuts every tree back to `depth` loaded levels (what the loaded-node budget does after a
   * commit); the rest reloads from disk on demand. Call between commits.
   */
  trimLoadedNodes(depth: number): void {
    let kept = 0;
    for (const s of this.trees.values()) kept += s.trim(depth);
    this.residentNodes = kept;
  }

  /** Turns flat-index reads on or off (the benchmark compares both). */
  setFlatReads(enabled: boolean): void {
    for (const s of this.trees.values()) s.flatReads = enabled;
  }

  /** Wall-clock split of the last commit (hash + encode vs batch write) and its op count. */
  commitTiming(): { saveMs: number; writeMs: number; ops: number } {
    return this.lastTiming;
  }

  /** Counts for tests and the benchmark. */
  stats(): { loadedNodes: number; residentNodes: number } {
    let loaded = 0;
    for (const s of this.trees.values()) loaded += s.loadedNodes;
    return { loadedNodes: loaded, residentNodes: this.residentNodes };
  }

  // ------------------------------------------------------------------ internals

  private workingVersion(): number {
    if (this.last.height === 0) return this.initialVersion > 1 ? this.initialVersion : 1;
    return this.last.height + 1;
  }

  private sortedTrees(): IavlStore[] {
    return [...this.trees.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private assertUsable(fn: string): StoreDb {
    if (this.failure !== undefined) throw new Error(`${fn}: the store failed to commit; restart to reload it`);
    if (this.db === undefined) throw new Error(`${fn}: call load() first`);
    return this.db;
  }

  private assertRetained(fn: string, height: number): void {
    this.assertUsable(fn);
    if (!Number.isSafeInteger(height) || height < this.oldest || height > this.last.height || height < 1) {
      throw new RangeError(`${fn}: height ${height} is not retained (have ${this.oldest}..${this.last.height})`);
    }
  }

  private queryHeight(height: number): number {
    const h = height === 0 ? this.last.height : height;
    if (h === 0) throw new RangeError("query: nothing committed yet");
    this.assertRetained("query", h);
    return h;
  }

  private treeFor(fn: string, name: StoreName): IavlStore {
    const store = this.trees.get(name);
    if (store === undefined) {
      const why = this.kinds.get(name) === "transient" ? "is transient" : "is not mounted";
      throw new RangeError(`${fn}: store ${name} ${why}`);
    }
    return store;
  }

  private workingStore(name: StoreName): KVStore {
    const s = this.workingKVs.get(name) ?? this.transients.get(name);
    if (s === undefined) throw new RangeError(`working: store ${name} is not mounted`);
    return s;
  }

  private readerAt(name: StoreName, height: number): KVReader {
    const tree = this.trees.get(name);
    if (tree !== undefined) {
      return new TreeReader(tree, height === this.last.height ? tree.committed() : tree.rootAt(height));
    }
    if (this.transients.has(name)) return EMPTY_READER;
    throw new RangeError(`store ${name} is not mounted`);
  }

  private readCommitRoots(version: number): StoreRoot[] {
    const rec = this.db?.getSync(commitInfoKey(version));
    if (rec === undefined) throw new Error(`commit info of height ${version} is missing`);
    return decodeCommitRoots(rec);
  }

  private trimIfOverBudget(): void {
    const budget = this.opts.maxLoadedNodes ?? DEFAULT_MAX_LOADED_NODES;
    const { loadedNodes, residentNodes } = this.stats();
    if (loadedNodes + residentNodes <= budget) return;
    this.trimLoadedNodes(this.opts.trimDepth ?? DEFAULT_TRIM_DEPTH);
  }

  /** Deletes versions older than the last `keepRecent`, in a batch of its own, off the commit path. */
  private schedulePruning(db: StoreDb): void {
    let target = pruneTarget(this.last.height, this.oldest, this.opts.pruning ?? DEFAULT_PRUNING);
    if (target === undefined) return;
    if (this.holds.size > 0) target = Math.min(target, Math.min(...this.holds.keys()) - 1);
    if (target < this.oldest) return;
    const batch = pruneBatch(db, this.trees.values(), this.oldest, target);
    this.oldest = target + 1; // at() and query() refuse these versions from now on
    this.pruningTask = batch.write(false).catch((e: unknown) => {
      this.failure = e;
    });
  }
}
