/**
 * Public surface of the state layer (docs/store.md). Baseapp builds a RootMultiStore, mounts the
 * module stores by name, loads it, and wraps the stores it hands to modules in GasKVStore.
 */

export * from "./types.js";
export { RootMultiStore, DEFAULT_PRUNING, type PruningOptions, type RootMultiStoreOptions } from "./rootMultiStore.js";
export { GasKVStore, GAS_DESC } from "./gas.js";
export { CacheKV } from "./branch/cacheKV.js";
export { BranchMulti } from "./branch/branchMulti.js";
export { appHashOf, storeProof, type StoreRoot } from "./commitInfo.js";
export { PROOF_OP_IAVL, PROOF_OP_SIMPLE, encodeKvPairs } from "./query.js";
export { LevelStoreDb, MemoryStoreDb, StoreDataError, type StoreDb, type WriteBatch } from "./db/storeDb.js";
export type { InitialVersionHashing } from "./iavl/tree.js";
export { exportTree, type ExportNode } from "./snapshot/exportTree.js";
export { SnapshotFormatError } from "./snapshot/importTree.js";
export { StoreRestore } from "./snapshot/restore.js";
