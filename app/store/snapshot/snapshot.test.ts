/**
 * Snapshot export / import of the IAVL multistore: a restored store is the same tree, node for node
 * (same root hashes, same node versions, same export sequence), and keeps producing the same app
 * hashes as the original when both go on committing. Golden: the uncompressed item stream of the
 * Cosmos SDK v0.47.17 multistore (`rootmulti.Snapshot`, fixture testdata/multistore-sdk047.json,
 * scripts/iavl-golden/sdk047) is byte for byte what this store exports, and importing Go's stream
 * gives the SDK's app hash.
 */

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeDelimited, encodeIavlItemDelimited, exportNodeOf, iavlItem, ItemReader, storeItem } from "../../snapshots/items.js";
import { fromHex, hexOf } from "../bytes.js";
import { MemoryStoreDb } from "../db/storeDb.js";
import { MutableTree } from "../iavl/tree.js";
import { RootMultiStore } from "../rootMultiStore.js";
import { applyWrites, blockWrites, WORKLOAD_STORES } from "../testdata/workload.js";
import { exportTree, IN_MEMORY, type ExportNode } from "./exportTree.js";
import { SnapshotFormatError, TreeImporter } from "./importTree.js";

function open(names: readonly string[], db = new MemoryStoreDb(), transient: readonly string[] = []): RootMultiStore {
  const store = new RootMultiStore({ db, pruning: { keepRecent: 0, interval: 1 }, sync: false });
  for (const n of names) store.mount(n, "iavl");
  for (const n of transient) store.mount(n, "transient");
  return store;
}

function exportAll(store: RootMultiStore, height: number): { name: string; nodes: ExportNode[] }[] {
  return store.exportVersion(height).map((s) => ({ name: s.name, nodes: [...s.nodes()] }));
}

async function restoreInto(
  target: RootMultiStore,
  height: number,
  stores: readonly { name: string; nodes: Iterable<ExportNode> }[],
  appHash: Uint8Array,
  meta = new Map<string, Uint8Array>(),
) {
  const r = await target.beginRestore(height);
  for (const s of stores) {
    r.beginStore(s.name);
    for (const n of s.nodes) r.addNode(n);
  }
  return r.finish(meta, appHash);
}

const plain = (nodes: readonly ExportNode[]) =>
  nodes.map((n) => ({ key: hexOf(n.key), value: n.value === undefined ? undefined : hexOf(n.value), version: n.version, height: n.height }));

describe("multistore export / import", () => {
  it("restores every tree node for node, and both stores then agree block after block", async () => {
    const source = open(WORKLOAD_STORES);
    await source.load();
    for (let h = 1; h <= 30; h++) {
      applyWrites(source.working(), blockWrites(h, 60, 400));
      await source.commit();
    }
    for (const height of [30, 17]) {
      const exported = exportAll(source, height);
      const appHash = height === 30 ? source.lastCommit().appHash : (await (async () => {
        const probe = open(WORKLOAD_STORES);
        await probe.load();
        for (let h = 1; h <= height; h++) {
          applyWrites(probe.working(), blockWrites(h, 60, 400));
          await probe.commit();
        }
        return probe.lastCommit().appHash;
      })());
      const target = open(WORKLOAD_STORES);
      await target.load();
      const meta = new Map([["chain_id", new TextEncoder().encode("test-1")]]);
      const info = await restoreInto(target, height, exported, appHash, meta);
      expect(info).toEqual({ height, appHash });
      expect(target.lastCommit()).toEqual({ height, appHash });
      expect(new TextDecoder().decode(target.getMeta("chain_id"))).toBe("test-1");
      // Same nodes, same versions, same order.
      expect(exportAll(target, height).map((s) => ({ name: s.name, nodes: plain(s.nodes) }))).toEqual(
        exported.map((s) => ({ name: s.name, nodes: plain(s.nodes) })),
      );
      // Same contents through the ordinary read path, and proofs.
      for (const name of WORKLOAD_STORES) {
        const a = [...source.at(height).getReader(name).iterator()].map((p) => [hexOf(p.key), hexOf(p.value)]);
        const b = [...target.committed().getReader(name).iterator()].map((p) => [hexOf(p.key), hexOf(p.value)]);
        expect(b).toEqual(a);
      }
      if (height === 30) {
        // Both go on: same writes, same app hashes (orphans of imported nodes, new node numbering).
        for (let h = 31; h <= 45; h++) {
          const writes = blockWrites(h, 60, 400);
          applyWrites(source.working(), writes);
          applyWrites(target.working(), writes);
          expect(hexOf((await target.commit()).appHash)).toBe(hexOf((await source.commit()).appHash));
        }
      }
    }
  });

  it("survives a reload after the restore", async () => {
    const source = open(WORKLOAD_STORES);
    await source.load();
    for (let h = 1; h <= 12; h++) {
      applyWrites(source.working(), blockWrites(h));
      await source.commit();
    }
    const db = new MemoryStoreDb();
    const target = open(WORKLOAD_STORES, db);
    await target.load();
    await restoreInto(target, 12, exportAll(source, 12), source.lastCommit().appHash);
    const again = open(WORKLOAD_STORES, db);
    await again.load();
    expect(again.lastCommit()).toEqual(source.lastCommit());
    expect(again.oldestHeight()).toBe(12);
    expect(() => again.at(11)).toThrow(RangeError);
  });

  it("refuses a wrong app hash and leaves the store empty", async () => {
    const source = open(WORKLOAD_STORES);
    await source.load();
    applyWrites(source.working(), blockWrites(1));
    await source.commit();
    const db = new MemoryStoreDb();
    const target = open(WORKLOAD_STORES, db);
    await target.load();
    await expect(restoreInto(target, 1, exportAll(source, 1), new Uint8Array(32))).rejects.toThrow(/not the trusted app hash/);
    expect(target.lastCommit().height).toBe(0);
    expect(db.size()).toBe(0);
    // The store can start over.
    await restoreInto(target, 1, exportAll(source, 1), source.lastCommit().appHash);
    expect(target.lastCommit()).toEqual(source.lastCommit());
  });

  it("refuses a store that is not mounted, stores out of order, and a store with state", async () => {
    const source = open(WORKLOAD_STORES);
    await source.load();
    applyWrites(source.working(), blockWrites(1));
    await source.commit();
    const target = open(WORKLOAD_STORES);
    await target.load();
    const r = await target.beginRestore(1);
    expect(() => r.beginStore("nope")).toThrow(SnapshotFormatError);
    r.beginStore("bank");
    expect(() => r.beginStore("acc")).toThrow(/name order/);
    await r.abort();
    await expect(source.beginRestore(5)).rejects.toThrow(/already holds height 1/);
  });

  it("a version held for a snapshot is not pruned until released", async () => {
    const store = new RootMultiStore({ pruning: { keepRecent: 2, interval: 1 }, sync: false });
    store.mount("acc", "iavl");
    await store.load();
    for (let h = 1; h <= 3; h++) {
      store.working().getStore("acc").set(Uint8Array.of(h), Uint8Array.of(h));
      await store.commit();
    }
    const release = store.holdVersion(3);
    for (let h = 4; h <= 10; h++) {
      store.working().getStore("acc").set(Uint8Array.of(h), Uint8Array.of(h));
      await store.commit();
    }
    expect(store.oldestHeight()).toBeLessThanOrEqual(3);
    expect([...exportAll(store, 3)[0]!.nodes].filter((n) => n.height === 0)).toHaveLength(3);
    release();
    store.working().getStore("acc").set(Uint8Array.of(11), Uint8Array.of(11));
    await store.commit();
    await store.close();
    expect(store.oldestHeight()).toBe(10);
  });
});

describe("tree export / import (random trees)", () => {
  it("rebuilds the same root hash and node versions", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.boolean()), { maxLength: 40 }), { minLength: 1, maxLength: 8 }),
        (versions) => {
          const tree = new MutableTree(undefined);
          for (const ops of versions) {
            for (const [k, del] of ops) {
              const key = Uint8Array.of(k >> 4, k & 15, 7);
              if (del) tree.remove(key);
              else tree.set(key, Uint8Array.of(k, tree.version() & 0xff));
            }
            tree.saveVersion();
          }
          const height = tree.version();
          const nodes = [...exportTree(tree.currentRoot(), IN_MEMORY)];
          const rebuilt: ExportNode[] = [];
          const importer = new TreeImporter("t", height, (n) =>
            rebuilt.push({ key: n.key, value: n.value, version: n.version, height: n.height }),
          );
          for (const n of nodes) importer.add(n);
          const root = importer.finish();
          expect(root === undefined ? undefined : hexOf(Buffer.from(root.hash!, "latin1"))).toBe(
            tree.size() === 0 ? undefined : hexOf(tree.workingHash()),
          );
          expect(plain(rebuilt)).toEqual(plain(nodes));
          expect(root?.size ?? 0).toBe(tree.size());
        },
      ),
      { numRuns: 150 },
    );
  });

  it("refuses malformed node sequences", () => {
    const leaf = (k: number, version = 1): ExportNode => ({ key: Uint8Array.of(k), value: Uint8Array.of(1), version, height: 0 });
    const inner = (k: number, height: number, version = 1): ExportNode => ({ key: Uint8Array.of(k), value: undefined, version, height });
    const run = (nodes: ExportNode[], height = 5) => {
      const imp = new TreeImporter("s", height, () => undefined);
      for (const n of nodes) imp.add(n);
      return imp.finish();
    };
    expect(run([leaf(1), leaf(2), inner(2, 1)])?.size).toBe(2);
    const bad: [string, ExportNode[], RegExp][] = [
      ["inner key not the right subtree's smallest", [leaf(1), leaf(2), inner(9, 1)], /smallest key/],
      ["leaves out of order", [leaf(2), leaf(1), inner(1, 1)], /sort before/],
      ["one child only", [leaf(1), inner(1, 1)], /two children/],
      ["wrong height", [leaf(1), leaf(2), inner(2, 2)], /does not fit/],
      ["two trees", [leaf(1), leaf(2)], /one tree/],
      ["version above the snapshot", [leaf(1, 6)], /version 6/],
      ["version 0", [leaf(1, 0)], /version 0/],
      ["leaf without value", [{ key: Uint8Array.of(1), value: undefined, version: 1, height: 0 }], /without a value/],
      ["empty key", [{ key: new Uint8Array(0), value: Uint8Array.of(1), version: 1, height: 0 }], /empty key/],
      ["height out of range", [{ key: Uint8Array.of(1), value: undefined, version: 1, height: 200 }], /out of range/],
      ["unbalanced", [leaf(1), leaf(2), leaf(3), inner(3, 1), inner(2, 2), leaf(4), inner(4, 3)], /does not fit|unbalanced/],
    ];
    for (const [name, nodes, why] of bad) {
      expect(() => run(nodes), name).toThrow(SnapshotFormatError);
      expect(() => run(nodes), name).toThrow(why);
    }
  });
});

interface GoldenCase {
  readonly name: string;
  readonly initialVersion: number;
  readonly iavlStores: readonly string[];
  readonly transientStores: readonly string[];
  readonly blocks: readonly { height: number; writes: readonly { store: string; key: string; value?: string; delete?: boolean }[]; appHash: string }[];
  readonly snapshots: readonly { height: number; items: string }[];
}

const GOLDEN = JSON.parse(readFileSync(new URL("../testdata/multistore-sdk047.json", import.meta.url), "utf8")) as { cases: GoldenCase[] };

describe.each(GOLDEN.cases.map((c) => ({ ...c, $name: c.name })))("SDK v0.47 snapshot stream: $name", (c) => {
  async function replay(): Promise<RootMultiStore> {
    const store = open(c.iavlStores, new MemoryStoreDb(), c.transientStores);
    await store.load();
    if (c.initialVersion > 1) store.setInitialVersion(c.initialVersion);
    for (const b of c.blocks) {
      const w = store.working();
      for (const x of b.writes) {
        if (x.delete === true) w.getStore(x.store).delete(fromHex(x.key));
        else w.getStore(x.store).set(fromHex(x.key), fromHex(x.value!));
      }
      await store.commit();
    }
    return store;
  }

  it("exports the same item stream as rootmulti.Snapshot", async () => {
    const store = await replay();
    for (const snap of c.snapshots) {
      const parts: Uint8Array[] = [];
      for (const s of store.exportVersion(snap.height)) {
        parts.push(encodeDelimited(storeItem(s.name)));
        for (const n of s.nodes()) {
          const item = encodeIavlItemDelimited(n);
          expect(hexOf(item)).toBe(hexOf(encodeDelimited(iavlItem(n))));
          parts.push(item);
        }
      }
      expect(hexOf(Buffer.concat(parts)), `height ${snap.height}`).toBe(snap.items);
    }
  });

  it("imports Go's stream into the SDK's app hash", async () => {
    for (const snap of c.snapshots) {
      const items = new ItemReader().push(fromHex(snap.items));
      const stores: { name: string; nodes: ExportNode[] }[] = [];
      for (const it of items) {
        if (it.item.case === "store") stores.push({ name: it.item.value.name, nodes: [] });
        else if (it.item.case === "iavl") stores[stores.length - 1]!.nodes.push(exportNodeOf(it.item.value));
        else throw new Error(`unexpected item ${it.item.case}`);
      }
      const want = c.blocks.find((b) => b.height === snap.height)!.appHash;
      const target = open(c.iavlStores, new MemoryStoreDb(), c.transientStores);
      await target.load();
      const info = await restoreInto(target, snap.height, stores, fromHex(want));
      expect(hexOf(info.appHash)).toBe(want);
    }
  });
});
