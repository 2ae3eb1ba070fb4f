/**
 * KVStore / KVReader views of the trees, and the multistore views built from them:
 * - WorkingKV: the mutable working tree of one store (FinalizeBlock writes land here);
 * - TreeReader: one saved version of one store (immutable);
 * - EMPTY_READER: a transient store seen from a committed view (transient data is per block).
 */

import type { BranchMultiStore, Bytes, KVPair, KVReader, KVStore, MultiStore, MultiStoreReader, StoreName } from "./types.js";
import { BranchMulti } from "./branch/branchMulti.js";
import { assertWritable } from "./branch/cacheKV.js";
import type { IavlStore } from "./iavlStore.js";
import { TreeIterator } from "./iavl/iterator.js";
import type { Node } from "./iavl/node.js";

export class WorkingKV implements KVStore {
  constructor(private readonly store: IavlStore) {}

  get(key: Bytes): Bytes | undefined {
    return this.store.read(this.store.tree.currentRoot(), key, "working");
  }

  has(key: Bytes): boolean {
    return this.get(key) !== undefined;
  }

  set(key: Bytes, value: Bytes): void {
    assertWritable(`store ${this.store.name}: set`, key, value);
    this.store.tree.set(key, value);
  }

  delete(key: Bytes): void {
    assertWritable(`store ${this.store.name}: delete`, key);
    this.store.tree.remove(key);
  }

  iterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return new TreeIterator(this.store.tree.snapshotRoot(), start, end, true, this.store);
  }

  reverseIterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return new TreeIterator(this.store.tree.snapshotRoot(), start, end, false, this.store);
  }
}

export class TreeReader implements KVReader {
  constructor(
    private readonly store: IavlStore,
    private readonly root: Node | undefined,
  ) {}

  get(key: Bytes): Bytes | undefined {
    // The flat index holds the last committed version: usable while this root is that version's.
    return this.store.read(this.root, key, this.root === this.store.committed() ? "committed" : "historical");
  }

  has(key: Bytes): boolean {
    return this.get(key) !== undefined;
  }

  iterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return new TreeIterator(this.root, start, end, true, this.store);
  }

  reverseIterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return new TreeIterator(this.root, start, end, false, this.store);
  }
}

function emptyIterator(): IterableIterator<KVPair> {
  return ([] as KVPair[])[Symbol.iterator]();
}

export const EMPTY_READER: KVReader = {
  get: () => undefined,
  has: () => false,
  iterator: emptyIterator,
  reverseIterator: emptyIterator,
};

/** Resolves a store name to a view; throws a RangeError naming an unmounted store. */
export type StoreResolver<T> = (name: StoreName) => T;

export class WorkingMulti implements MultiStore {
  constructor(
    private readonly heightOf: () => number,
    private readonly resolve: StoreResolver<KVStore>,
  ) {}

  get height(): number {
    return this.heightOf();
  }

  getStore(name: StoreName): KVStore {
    return this.resolve(name);
  }

  getReader(name: StoreName): KVReader {
    return this.resolve(name);
  }

  branch(): BranchMultiStore {
    return new BranchMulti(this, this);
  }
}

export class ReaderMulti implements MultiStoreReader {
  private readonly readers = new Map<StoreName, KVReader>();

  constructor(
    readonly height: number,
    private readonly resolve: StoreResolver<KVReader>,
  ) {}

  getReader(name: StoreName): KVReader {
    let r = this.readers.get(name);
    if (r === undefined) {
      r = this.resolve(name);
      this.readers.set(name, r);
    }
    return r;
  }

  branch(): BranchMultiStore {
    return new BranchMulti(this, undefined);
  }
}
