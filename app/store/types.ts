/**
 * The store contract between app/store (implementations) and app/baseapp (its only user).
 *
 * Keys and values are bytes. Iteration is always in unsigned byte order of the keys, over the
 * half-open range [start, end); `undefined` bounds mean "from the first" / "to the last".
 * Zero-length values are rejected by every committed store (ICS23 cannot prove them).
 *
 * Heights are JS numbers: block heights stay far below 2^53. Gas is bigint (limits are uint64).
 */

export type Bytes = Uint8Array;

/** Read access to one key space. */
export interface KVReader {
  get(key: Bytes): Bytes | undefined;
  has(key: Bytes): boolean;
  /** Ascending iteration over [start, end). */
  iterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair>;
  /** Descending iteration over [start, end). */
  reverseIterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair>;
}

/** Read-write access to one key space. */
export interface KVStore extends KVReader {
  set(key: Bytes, value: Bytes): void;
  delete(key: Bytes): void;
}

export interface KVPair {
  readonly key: Bytes;
  readonly value: Bytes;
}

/** A cache-wrapped view of a parent store: reads see own writes, `write()` flushes into the parent. */
export interface BranchKVStore extends KVStore {
  /** Flush every pending write into the parent, in key byte order. The branch stays usable. */
  write(): void;
  /** Drop every pending write. */
  discard(): void;
}

/** Names of the module stores (the reference's store keys: "acc", "bank", "register", …). */
export type StoreName = string;

export type StoreKind =
  /** Merkle-committed (IAVL) store, part of the app hash. */
  | "iavl"
  /** Per-block scratch space: not committed, not in the app hash, emptied at every Commit. */
  | "transient";

/** Read-only access to every mounted store at one version. */
export interface MultiStoreReader {
  /** The version (block height) this view reads; the working version for a working view. */
  readonly height: number;
  getReader(name: StoreName): KVReader;
  /**
   * A writable cache over this view (CheckTx state, Simulate, queries over committed state).
   * Its `write()` into an immutable view throws; nested branches of it write into it as usual.
   */
  branch(): BranchMultiStore;
}

/** Read-write access to every mounted store. */
export interface MultiStore extends MultiStoreReader {
  getStore(name: StoreName): KVStore;
  /** A nested cache over this multistore (tx branch, message branch, simulate, check state). */
  branch(): BranchMultiStore;
}

export interface BranchMultiStore extends MultiStore {
  /** Flush every store's pending writes into the parent multistore. */
  write(): void;
  /** Drop every pending write of every store. */
  discard(): void;
}

export interface CommitInfo {
  readonly height: number;
  /** The app hash: root of the simple Merkle tree over (store name → store root), spec store-perf §1.0. */
  readonly appHash: Bytes;
}

/** Result of a `/store/<name>/subspace` query: every pair under the prefix, in key order. */
export interface SubspaceQueryResult {
  readonly height: number;
  readonly pairs: readonly KVPair[];
  /** The ABCI response value: cosmos.base.kv.v1beta1.Pairs protobuf of `pairs`. */
  readonly value: Bytes;
}

/** Result of a store query (ABCI Query path `/store/<name>/key` or `/subspace`). */
export interface StoreQueryResult {
  readonly height: number;
  readonly key: Bytes;
  /** Undefined when absent (the ABCI response then carries an empty value). */
  readonly value: Bytes | undefined;
  /** ICS23 proof ops (ics23:iavl then ics23:simple), present only when asked to prove. */
  readonly proofOps?: readonly ProofOp[];
}

export interface ProofOp {
  readonly type: string;
  readonly key: Bytes;
  readonly data: Bytes;
}

/**
 * The root multistore. Lifecycle, driven by baseapp:
 *   mount*(…) → load() → [per block: working() writes … → workingHash() → commit()]*
 * `working()` is the state FinalizeBlock writes into (the next version). Reads for queries and
 * CheckTx use `committed()` / `at(height)`, which never see uncommitted writes.
 */
export interface CommitMultiStore {
  mount(name: StoreName, kind: StoreKind): void;
  /** Open the database and load the latest committed version (0 for a fresh store). */
  load(): Promise<void>;
  lastCommit(): CommitInfo;
  /** Mutable view of the next version. */
  working(): MultiStore;
  /** Immutable view of the last committed version. */
  committed(): MultiStoreReader;
  /** Immutable view of a retained earlier version; throws a RangeError if pruned or in the future. */
  at(height: number): MultiStoreReader;
  /** App hash of the working version as it stands (hashes changed trees; no I/O). */
  workingHash(): Bytes;
  /**
   * Persist the working version atomically: every changed node of every tree, the commit info,
   * the height and the staged metadata in one batch. Resolves only once durable.
   */
  commit(): Promise<CommitInfo>;
  /** Node-local metadata (e.g. chain id), persisted atomically with the next commit. */
  setMeta(key: string, value: Bytes): void;
  getMeta(key: string): Bytes | undefined;
  /**
   * `/store/<name>/key` query at a retained height (0 = the last committed), with ICS23 proofs when
   * `prove`. Throws a RangeError for an unknown or transient store, or a pruned or future height.
   */
  query(name: StoreName, key: Bytes, height: number, prove: boolean): StoreQueryResult;
  /** `/store/<name>/subspace`: every pair under a non-empty prefix at a retained height. */
  querySubspace(name: StoreName, prefix: Bytes, height: number): SubspaceQueryResult;
  close(): Promise<void>;
}

/**
 * Gas metering hook for store access (Cosmos SDK `store/types/gas.go`). The tx pipeline wraps each
 * store it hands to a module with `GasKVStore` (app/store/gas.ts) and its meter.
 */
export interface GasMeter {
  /** Throws the pipeline's out-of-gas error when the limit is exceeded. */
  consumeGas(amount: bigint, descriptor: string): void;
  gasConsumed(): bigint;
  limit(): bigint;
}

/** SDK `KVGasConfig()` defaults. */
export interface KVGasConfig {
  readonly hasCost: bigint;
  readonly deleteCost: bigint;
  readonly readCostFlat: bigint;
  readonly readCostPerByte: bigint;
  readonly writeCostFlat: bigint;
  readonly writeCostPerByte: bigint;
  readonly iterNextCostFlat: bigint;
}

export const DEFAULT_KV_GAS_CONFIG: KVGasConfig = {
  hasCost: 1000n,
  deleteCost: 1000n,
  readCostFlat: 1000n,
  readCostPerByte: 3n,
  writeCostFlat: 2000n,
  writeCostPerByte: 30n,
  iterNextCostFlat: 30n,
};

/** SDK `TransientGasConfig()`. */
export const TRANSIENT_KV_GAS_CONFIG: KVGasConfig = {
  hasCost: 100n,
  deleteCost: 100n,
  readCostFlat: 100n,
  readCostPerByte: 0n,
  writeCostFlat: 200n,
  writeCostPerByte: 3n,
  iterNextCostFlat: 3n,
};
