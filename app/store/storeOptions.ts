/** Options of RootMultiStore (rootMultiStore.ts); docs/store.md explains each default. */

import type { StoreDb } from "./db/storeDb.js";
import type { InitialVersionHashing } from "./iavl/tree.js";

export interface PruningOptions {
  /** Versions kept, the last committed included; 0 keeps every version (SDK "nothing"). */
  readonly keepRecent: number;
  /** Prune once every `interval` commits (batches the deletes). */
  readonly interval: number;
}

/** 100 recent heights: queries and proofs at recent heights (relayers, explorers) keep working. */
export const DEFAULT_PRUNING: PruningOptions = { keepRecent: 100, interval: 10 };

export interface RootMultiStoreOptions {
  /** LevelDB directory. Without it (and without `db`) the store lives in memory only. */
  readonly path?: string;
  readonly db?: StoreDb;
  readonly pruning?: PruningOptions;
  /** fsync each commit batch (default true): Commit then survives power loss, not just a crash. */
  readonly sync?: boolean;
  /**
   * Budget of tree nodes kept in memory (default 4,000,000: about 2.4 GB of heap at ~600 bytes
   * per node with small keys and values, under Node's default ~4 GB heap limit). Past it, after a
   * commit, every tree is cut back to its top `trimDepth` levels (default 18) and the rest reloads
   * from disk on demand. Infinity keeps everything.
   */
  readonly maxLoadedNodes?: number;
  readonly trimDepth?: number;
  readonly initialVersionHashing?: InitialVersionHashing;
  /** Use the flat index for latest-version reads of unloaded subtrees (default true). */
  readonly flatReads?: boolean;
}

export const DEFAULT_MAX_LOADED_NODES = 4_000_000;
export const DEFAULT_TRIM_DEPTH = 18;
