/**
 * A cache over every store of a multistore (SDK cachemulti): one CacheKV per store, created on
 * first use. Nests; `write()` flushes into the parent multistore, `discard()` drops everything.
 */

import type { BranchMultiStore, KVReader, KVStore, MultiStore, MultiStoreReader, StoreName } from "../types.js";
import { CacheKV } from "./cacheKV.js";

export class BranchMulti implements BranchMultiStore {
  private readonly stores = new Map<StoreName, CacheKV>();
  readonly height: number;

  /**
   * @param parent the multistore reads fall through to
   * @param writable whether `write()` may flush into it (false for committed/historical views)
   */
  constructor(
    private readonly parent: MultiStoreReader,
    private readonly writable: MultiStore | undefined,
  ) {
    this.height = parent.height;
  }

  getStore(name: StoreName): KVStore {
    let s = this.stores.get(name);
    if (s === undefined) {
      if (this.writable !== undefined) {
        const target = this.writable.getStore(name);
        s = new CacheKV(target, target);
      } else {
        s = new CacheKV(this.parent.getReader(name), undefined);
      }
      this.stores.set(name, s);
    }
    return s;
  }

  getReader(name: StoreName): KVReader {
    return this.getStore(name);
  }

  branch(): BranchMultiStore {
    return new BranchMulti(this, this);
  }

  write(): void {
    // Store order does not change the result; sorted names keep it reproducible anyway.
    for (const name of [...this.stores.keys()].sort()) this.stores.get(name)!.write();
  }

  discard(): void {
    for (const s of this.stores.values()) s.discard();
  }
}
