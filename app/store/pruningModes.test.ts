/**
 * The SDK's pruning strategies on the store: which versions remain after each commit, checked
 * against the SDK's rule (committing v queues v−1−keepRecent; the queue is pruned at heights that
 * are multiples of the interval).
 */

import { describe, expect, it } from "vitest";
import { RootMultiStore } from "./rootMultiStore.js";
import { PruningConfigError, pruningOptionsFor } from "./pruningModes.js";

/** The SDK's retained versions after committing 1..last (v0.47 pruning manager, no snapshots). */
function sdkRetained(last: number, keepRecent: number | "all", interval: number): number[] {
  if (keepRecent === "all") return Array.from({ length: last }, (_, i) => i + 1);
  const pruned = new Set<number>();
  const queue: number[] = [];
  for (let v = 1; v <= last; v++) {
    const previous = v - 1;
    if (previous > 0 && keepRecent < previous) queue.push(previous - keepRecent);
    if (v % interval === 0) for (const h of queue.splice(0)) pruned.add(h);
  }
  return Array.from({ length: last }, (_, i) => i + 1).filter((v) => !pruned.has(v));
}

async function retainedAfter(strategy: string, keepRecent: number, interval: number, last: number): Promise<number[]> {
  const store = new RootMultiStore({ pruning: pruningOptionsFor(strategy, keepRecent, interval), sync: false });
  store.mount("acc", "iavl");
  await store.load();
  for (let h = 1; h <= last; h++) {
    store.working().getStore("acc").set(Uint8Array.of(h % 7), Uint8Array.of(h));
    await store.commit();
  }
  await store.close();
  return Array.from({ length: last - store.oldestHeight() + 1 }, (_, i) => store.oldestHeight() + i);
}

describe("pruning strategies on the store", () => {
  const CASES = [
    { name: "everything", strategy: "everything", keepRecent: 0, interval: 0, sdk: [2, 10] as const },
    { name: "custom 5 / 10", strategy: "custom", keepRecent: 5, interval: 10, sdk: [5, 10] as const },
    { name: "custom 2 / 15", strategy: "custom", keepRecent: 2, interval: 15, sdk: [2, 15] as const },
    { name: "custom 30 / 10", strategy: "custom", keepRecent: 30, interval: 10, sdk: [30, 10] as const },
  ];
  it.each(CASES)("$name keeps the versions the SDK keeps", async ({ strategy, keepRecent, interval, sdk }) => {
    for (const last of [9, 10, 15, 20, 41, 60]) {
      expect(await retainedAfter(strategy, keepRecent, interval, last), `after ${last}`).toEqual(sdkRetained(last, sdk[0], sdk[1]));
    }
  });

  it("nothing and default keep every version (default: the last 362880)", async () => {
    expect(await retainedAfter("nothing", 0, 0, 30)).toEqual(sdkRetained(30, "all", 1));
    expect(await retainedAfter("default", 0, 0, 30)).toEqual(sdkRetained(30, 362_880, 10));
    expect(pruningOptionsFor("default", 0, 0)).toEqual({ keepRecent: 362_881, interval: 10 });
  });

  it("refuses what the SDK refuses, naming the key", () => {
    const err = (s: string, k: number, i: number) => {
      try {
        pruningOptionsFor(s, k, i);
      } catch (e) {
        return e instanceof PruningConfigError ? e.key : "other";
      }
      return "none";
    };
    expect(err("custom", 5, 0)).toBe("pruning-interval");
    expect(err("custom", 5, 9)).toBe("pruning-interval");
    expect(err("custom", 1, 10)).toBe("pruning-keep-recent");
    expect(err("sometimes", 5, 10)).toBe("pruning");
    expect(err("custom", 2, 10)).toBe("none");
  });
});
