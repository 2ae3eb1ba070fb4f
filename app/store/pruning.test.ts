/**
 * Pruning (keep the last N versions, delete exactly the nodes no retained version reaches) and
 * lazy loading (a trimmed tree behaves exactly like a fully loaded one).
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hexOf } from "./bytes.js";
import { nodeKey, readBe32, readBe64, storePrefix, TAG, versionKey } from "./db/keys.js";
import { decodeNode } from "./db/nodeCodec.js";
import { MemoryStoreDb } from "./db/storeDb.js";
import { hashString } from "./iavl/node.js";
import { RootMultiStore, type RootMultiStoreOptions } from "./rootMultiStore.js";
import { applyToModel, applyWrites, blockWrites, WORKLOAD_STORES, type StateModel } from "./testdata/workload.js";

function open(opts: RootMultiStoreOptions): RootMultiStore {
  const store = new RootMultiStore(opts);
  for (const n of WORKLOAD_STORES) store.mount(n, "iavl");
  return store;
}

/** Every node key reachable from the root records of `versions`, read straight from the db. */
function reachable(db: MemoryStoreDb, name: string, versions: readonly number[]): Set<string> {
  const nodes = storePrefix(TAG.node, name);
  const seen = new Set<string>();
  const walk = (version: number, nonce: number, hash: string): void => {
    const key = nodeKey(nodes, version, nonce);
    if (seen.has(hexOf(key))) return;
    seen.add(hexOf(key));
    const bytes = db.getSync(key);
    if (bytes === undefined) throw new Error(`node ${version}/${nonce} of ${name} is missing`);
    const n = decodeNode(version, nonce, hash, bytes);
    if (n.leftRef !== undefined) walk(n.leftRef.version, n.leftRef.nonce, n.leftRef.hash);
    if (n.rightRef !== undefined) walk(n.rightRef.version, n.rightRef.nonce, n.rightRef.hash);
  };
  for (const v of versions) {
    const rec = db.getSync(versionKey(storePrefix(TAG.root, name), v));
    if (rec === undefined) throw new Error(`root record ${name}@${v} is missing`);
    if (rec.length > 0) walk(readBe64(rec, 0), readBe32(rec, 8), hashString(rec.subarray(12, 44)));
  }
  return seen;
}

describe("pruning", () => {
  it("keeps exactly the last N versions and the nodes they reach", async () => {
    const db = new MemoryStoreDb();
    const store = open({ db, pruning: { keepRecent: 4, interval: 3 } });
    await store.load();
    const hashes = new Map<number, string>();
    for (let h = 1; h <= 40; h++) {
      applyWrites(store.working(), blockWrites(h, 30, 60));
      hashes.set(h, hexOf((await store.commit()).appHash));
      const oldest = store.oldestHeight();
      expect(oldest).toBeGreaterThanOrEqual(Math.max(1, h - 4 - 3));
      for (let v = oldest; v <= h; v++) expect(store.at(v).height).toBe(v);
      if (oldest > 1) expect(() => store.at(oldest - 1)).toThrow(RangeError);
    }
    await store.close(); // waits for the last pruning batch
    const retained = Array.from({ length: 40 - store.oldestHeight() + 1 }, (_, i) => store.oldestHeight() + i);
    expect(retained.length).toBeLessThanOrEqual(4 + 3);
    for (const name of WORKLOAD_STORES) {
      const want = reachable(db, name, retained);
      expect(db.countPrefix(storePrefix(TAG.node, name)), `node records of ${name}`).toBe(want.size);
      expect(db.countPrefix(storePrefix(TAG.root, name))).toBe(retained.length);
    }

    // A reload serves every retained version with the same app hash as before.
    const again = open({ db, pruning: { keepRecent: 4, interval: 3 } });
    await again.load();
    for (const v of retained) {
      const res = again.query("acc", Uint8Array.of(1, 0, 7, 0, 1), v, true);
      expect(res.height).toBe(v);
    }
    expect(hexOf(again.lastCommit().appHash)).toBe(hashes.get(40));
  });

  it("keepRecent 0 keeps everything", async () => {
    const store = open({ pruning: { keepRecent: 0, interval: 1 } });
    await store.load();
    for (let h = 1; h <= 15; h++) {
      applyWrites(store.working(), blockWrites(h, 20, 40));
      await store.commit();
    }
    expect(store.oldestHeight()).toBe(1);
    expect(store.at(1).height).toBe(1);
  });
});

describe("lazy loading", () => {
  it.each([
    { flatReads: true, $name: "flat index reads" },
    { flatReads: false, $name: "tree-walk reads" },
  ])("a tree trimmed after every commit matches a loaded one ($name)", async ({ flatReads }) => {
    const loaded = open({ pruning: { keepRecent: 0, interval: 1 } });
    const trimmed = open({ pruning: { keepRecent: 0, interval: 1 }, maxLoadedNodes: 1, trimDepth: 2, flatReads });
    await loaded.load();
    await trimmed.load();
    let model: StateModel = new Map();
    for (let h = 1; h <= 25; h++) {
      const writes = blockWrites(h, 50, 400);
      applyWrites(loaded.working(), writes);
      applyWrites(trimmed.working(), writes);
      model = applyToModel(model, writes);
      // Reads through the working tree reach unloaded subtrees too.
      for (const w of writes.slice(0, 10)) {
        expect(trimmed.working().getStore(w.store).get(w.key)).toEqual(loaded.working().getStore(w.store).get(w.key));
      }
      expect(hexOf(trimmed.workingHash())).toBe(hexOf(loaded.workingHash()));
      expect(hexOf((await trimmed.commit()).appHash)).toBe(hexOf((await loaded.commit()).appHash));
      for (const name of WORKLOAD_STORES) {
        const got = new Map([...trimmed.committed().getReader(name).reverseIterator()].map((p) => [hexOf(p.key), hexOf(p.value)]));
        expect(got).toEqual(model.get(name) ?? new Map());
        for (const [k, v] of model.get(name) ?? new Map<string, string>()) {
          expect(hexOf(trimmed.committed().getReader(name).get(Buffer.from(k, "hex"))!)).toBe(v);
        }
      }
      const probe = Uint8Array.of(1, 0, h, ...Array.from({ length: h % 5 }, (_, j) => j));
      const a = loaded.query("bank", probe, h - (h % 3), true);
      const b = trimmed.query("bank", probe, h - (h % 3), true);
      expect(b.proofOps!.map((op) => hexOf(op.data))).toEqual(a.proofOps!.map((op) => hexOf(op.data)));
    }
    expect(trimmed.stats().loadedNodes).toBeGreaterThan(0);
  });

  it("working-tree reads through a trimmed tree see this block's deletes and sets (flat index on)", async () => {
    const keyArb = fc.integer({ min: 0, max: 63 });
    const opArb = fc.tuple(fc.boolean(), keyArb, fc.integer({ min: 1, max: 255 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(opArb, { maxLength: 40 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 3 }), async (blocks, depth) => {
        const loaded = new RootMultiStore();
        const trimmed = new RootMultiStore({ maxLoadedNodes: 1, trimDepth: depth });
        for (const s of [loaded, trimmed]) {
          s.mount("a", "iavl");
          await s.load();
          for (let i = 0; i < 64; i += 2) s.working().getStore("a").set(Uint8Array.of(i), Uint8Array.of(i));
          await s.commit();
        }
        for (const ops of blocks) {
          for (const [del, k, v] of ops) {
            for (const s of [loaded, trimmed]) {
              if (del) s.working().getStore("a").delete(Uint8Array.of(k));
              else s.working().getStore("a").set(Uint8Array.of(k), Uint8Array.of(v));
            }
            for (let probe = 0; probe < 64; probe++) {
              expect(trimmed.working().getStore("a").get(Uint8Array.of(probe))).toEqual(loaded.working().getStore("a").get(Uint8Array.of(probe)));
            }
          }
          expect(hexOf((await trimmed.commit()).appHash)).toBe(hexOf((await loaded.commit()).appHash));
        }
      }),
      { numRuns: 60 },
    );
  });
});
