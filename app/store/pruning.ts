/**
 * Pruning: keep the last `keepRecent` versions (docs/store.md "Pruning").
 *
 * When version v replaces or removes a persisted node, v's orphan list records it: the node is
 * alive up to v-1 only. So once version p leaves the window, the nodes in orphan list p+1 are in
 * no retained version and go, with that list and p's root record and CommitInfo. The deletes and
 * the new oldest-retained marker form one atomic batch, written after the commit that triggered it.
 */

import { be64, commitInfoKey, PRUNED_KEY } from "./db/keys.js";
import type { StoreDb, WriteBatch } from "./db/storeDb.js";
import type { IavlStore } from "./iavlStore.js";
import type { PruningOptions } from "./storeOptions.js";

/** The highest version to prune after committing `last`, or undefined when nothing is due. */
export function pruneTarget(last: number, oldest: number, opts: PruningOptions): number | undefined {
  if (opts.keepRecent <= 0) return undefined;
  const target = last - opts.keepRecent;
  if (target < oldest) return undefined;
  const interval = Math.max(1, opts.interval);
  // Every `interval` heights, or sooner if the backlog already holds `interval` versions.
  if (last % interval !== 0 && target - oldest + 1 < interval) return undefined;
  return target;
}

/** One batch deleting versions from..target of every store and moving the oldest-retained marker. */
export function pruneBatch(db: StoreDb, stores: Iterable<IavlStore>, from: number, target: number): WriteBatch {
  const list = [...stores];
  const batch = db.batch();
  for (let v = from; v <= target; v++) {
    for (const s of list) s.pruneOps(v, batch);
    batch.del(commitInfoKey(v));
  }
  batch.put(PRUNED_KEY, be64(target + 1));
  return batch;
}
