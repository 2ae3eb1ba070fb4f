import { CacheKV } from "./branch/cacheKV.js";
import type { KVStore, MultiStore, StoreName } from "./types.js";
import { EMPTY_READER, WorkingMulti } from "./views.js";

/**
 * A synchronous in-memory multistore for unit tests: every store starts empty on first use, writes
 * land immediately, branches write into it. No Merkle tree and no commit — use RootMultiStore
 * (in memory when given no path) to test hashing and persistence.
 */
export function memoryMultiStore(height = 1): MultiStore {
  const stores = new Map<StoreName, KVStore>();
  return new WorkingMulti(
    () => height,
    (name) => {
      let s = stores.get(name);
      if (s === undefined) {
        s = new CacheKV(EMPTY_READER, undefined);
        stores.set(name, s);
      }
      return s;
    },
  );
}
