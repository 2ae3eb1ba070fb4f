/**
 * Child process of crash.test.ts: commits the deterministic workload (app/store/testdata/workload.ts)
 * block after block into a RootMultiStore on disk, printing "committed <height>" once each commit
 * has resolved, until it reaches the target height or is killed.
 *
 * Usage: node --import tsx test/store/crashChild.ts <dir> <targetHeight>
 */

import { RootMultiStore } from "../../app/store/rootMultiStore.js";
import { applyWrites, blockWrites, WORKLOAD_STORES } from "../../app/store/testdata/workload.js";

const [dir, target] = [process.argv[2], Number(process.argv[3])];
if (dir === undefined || !Number.isSafeInteger(target)) throw new Error("usage: crashChild.ts <dir> <targetHeight>");

const store = new RootMultiStore({ path: dir, pruning: { keepRecent: 20, interval: 5 }, sync: true });
for (const n of WORKLOAD_STORES) store.mount(n, "iavl");
store.mount("scratch", "transient");
await store.load();
process.stdout.write(`loaded ${store.lastCommit().height}\n`);
for (let h = store.lastCommit().height + 1; h <= target; h++) {
  applyWrites(store.working(), blockWrites(h, 200, 2000));
  store.working().getStore("scratch").set(Uint8Array.of(1), Uint8Array.of(h & 0xff));
  store.setMeta("last-height", Uint8Array.of(h >> 8, h & 0xff));
  const info = await store.commit();
  process.stdout.write(`committed ${info.height}\n`);
}
await store.close();
process.stdout.write("done\n");
