/**
 * RootMultiStore: persistence and reload on classic-level, end-to-end query proofs against the
 * app hash, transient stores, metadata, read-only branches and error cases.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ics23, iavlSpec, tendermintSpec, verifyMembership, verifyNonMembership } from "@confio/ics23";
import { CommitmentProof } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { afterAll, describe, expect, it } from "vitest";
import { hexOf, utf8 } from "./bytes.js";
import { RootMultiStore } from "./rootMultiStore.js";
import { checkExistenceAgainstGoRules, IAVL_RULES, TENDERMINT_RULES } from "./testdata/goIcs23Rules.js";
import { applyToModel, applyWrites, blockWrites, WORKLOAD_STORES, type StateModel } from "./testdata/workload.js";
import type { Bytes, MultiStoreReader, StoreQueryResult } from "./types.js";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "store-test-"));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function open(path?: string, keepRecent = 0): RootMultiStore {
  const store = new RootMultiStore({ path, pruning: { keepRecent, interval: 1 }, sync: false });
  for (const n of WORKLOAD_STORES) store.mount(n, "iavl");
  store.mount("scratch", "transient");
  return store;
}

function contents(view: MultiStoreReader, name: string): Map<string, string> {
  return new Map([...view.getReader(name).iterator()].map((p) => [hexOf(p.key), hexOf(p.value)]));
}

/** Verifies a `/store/<name>/key` answer the way CosmJS ≤0.32 queryStoreVerified did. */
function verifyQuery(res: StoreQueryResult, name: string, appHash: Bytes): void {
  const [iavlOp, simpleOp] = res.proofOps!;
  expect([iavlOp!.type, simpleOp!.type, hexOf(simpleOp!.key)]).toEqual(["ics23:iavl", "ics23:simple", hexOf(utf8(name))]);
  const sub = CommitmentProof.decode(iavlOp!.data);
  const sto = CommitmentProof.decode(simpleOp!.data);
  checkExistenceAgainstGoRules(sto.exist!, TENDERMINT_RULES);
  const storeRoot = sto.exist!.value;
  const conf = (p: CommitmentProof) => ics23.CommitmentProof.decode(CommitmentProof.encode(p).finish());
  if (res.value !== undefined) {
    checkExistenceAgainstGoRules(sub.exist!, IAVL_RULES);
    expect(verifyMembership(conf(sub), iavlSpec, storeRoot, res.key, res.value)).toBe(true);
  } else {
    expect(verifyNonMembership(conf(sub), iavlSpec, storeRoot, res.key)).toBe(true);
  }
  expect(verifyMembership(conf(sto), tendermintSpec, appHash, utf8(name), storeRoot)).toBe(true);
}

describe("RootMultiStore persistence", () => {
  it("reloads every retained version exactly, with verifiable proofs", async () => {
    const dir = tempDir();
    const models: StateModel[] = [new Map()];
    const hashes: string[] = [""];
    const first = open(dir);
    await first.load();
    for (let h = 1; h <= 12; h++) {
      const writes = blockWrites(h);
      applyWrites(first.working(), writes);
      first.working().getStore("scratch").set(utf8("t"), utf8(`${h}`));
      const info = await first.commit();
      expect(info.height).toBe(h);
      models.push(applyToModel(models[h - 1]!, writes));
      hashes.push(hexOf(info.appHash));
    }
    await first.close();

    const again = open(dir);
    await again.load();
    expect({ height: again.lastCommit().height, appHash: hexOf(again.lastCommit().appHash) }).toEqual({ height: 12, appHash: hashes[12] });
    expect(hexOf(again.workingHash())).toBe(hashes[12]);
    for (let h = 1; h <= 12; h++) {
      for (const name of WORKLOAD_STORES) {
        expect(contents(again.at(h), name), `${name}@${h}`).toEqual(models[h]!.get(name) ?? new Map());
      }
      for (const k of [0x00, 0x05, 0x2a, 0x8b]) {
        const key = Uint8Array.of(0x01, 0x00, k, ...Array.from({ length: k % 5 }, (_, j) => j));
        verifyQuery(again.query("bank", key, h, true), "bank", Buffer.from(hashes[h]!, "hex"));
      }
    }
    // The next block continues from the reloaded state.
    applyWrites(again.working(), blockWrites(13));
    expect((await again.commit()).height).toBe(13);
    await again.close();
  });

  it("transient stores: scratch per block, never in the app hash", async () => {
    const withScratch = open();
    await withScratch.load();
    const plain = new RootMultiStore({ pruning: { keepRecent: 0, interval: 1 } });
    for (const n of WORKLOAD_STORES) plain.mount(n, "iavl");
    await plain.load();
    applyWrites(withScratch.working(), blockWrites(1));
    applyWrites(plain.working(), blockWrites(1));
    withScratch.working().getStore("scratch").set(utf8("k"), utf8("v"));
    expect(withScratch.working().getStore("scratch").get(utf8("k"))).toEqual(utf8("v"));
    expect(hexOf((await withScratch.commit()).appHash)).toBe(hexOf((await plain.commit()).appHash));
    expect(withScratch.working().getStore("scratch").get(utf8("k"))).toBeUndefined();
    expect([...withScratch.committed().getReader("scratch").iterator()]).toEqual([]);
    expect(() => withScratch.query("scratch", utf8("k"), 0, false)).toThrow(/transient/);
  });

  it("metadata is staged, then persisted with the next commit", async () => {
    const dir = tempDir();
    const a = open(dir);
    await a.load();
    a.setMeta("chain-id", utf8("stratos-1"));
    expect(a.getMeta("chain-id")).toEqual(utf8("stratos-1"));
    await a.close(); // no commit: nothing persisted
    const b = open(dir);
    await b.load();
    expect(b.getMeta("chain-id")).toBeUndefined();
    b.setMeta("chain-id", utf8("stratos-1"));
    applyWrites(b.working(), blockWrites(1));
    await b.commit();
    await b.close();
    const c = open(dir);
    await c.load();
    expect(c.getMeta("chain-id")).toEqual(utf8("stratos-1"));
    await c.close();
  });

  it("subspace queries list a prefix as kv.Pairs", async () => {
    const store = open();
    await store.load();
    const kv = store.working().getStore("acc");
    kv.set(utf8("ab1"), utf8("x"));
    kv.set(utf8("ab2"), utf8("yy"));
    kv.set(utf8("ac"), utf8("z"));
    await store.commit();
    const res = store.querySubspace("acc", utf8("ab"), 0);
    expect(res.pairs.map((p) => Buffer.from(p.key).toString())).toEqual(["ab1", "ab2"]);
    // Pairs{pairs: [{key "ab1", value "x"}, {key "ab2", value "yy"}]}, hand-encoded.
    expect(hexOf(res.value)).toBe("0a080a036162311201780a090a0361623212027979");
  });
});

describe("RootMultiStore views and errors", () => {
  it("a branch of a committed view is writable but cannot write back", async () => {
    const store = open();
    await store.load();
    applyWrites(store.working(), blockWrites(1));
    await store.commit();
    const check = store.committed().branch();
    check.getStore("acc").set(utf8("new"), utf8("1"));
    const tx = check.branch();
    tx.getStore("acc").set(utf8("tx"), utf8("2"));
    tx.write();
    expect(check.getStore("acc").get(utf8("tx"))).toEqual(utf8("2"));
    expect(() => check.write()).toThrow(/read-only/);
    expect(store.committed().getReader("acc").get(utf8("new"))).toBeUndefined();
  });

  it("refuses bad calls with clear errors", async () => {
    const store = open();
    expect(() => store.working()).toThrow(/load\(\) first/);
    await store.load();
    expect(() => store.mount("late", "iavl")).toThrow(/already loaded/);
    expect(() => store.working().getStore("nope")).toThrow(/not mounted/);
    expect(() => store.query("acc", utf8("k"), 0, false)).toThrow(/nothing committed/);
    applyWrites(store.working(), blockWrites(1));
    const pending = store.commit();
    await expect(store.commit()).rejects.toThrow(/in progress/);
    await pending;
    expect(() => store.at(2)).toThrow(RangeError);
    expect(() => store.query("acc", new Uint8Array(0), 0, false)).toThrow(/zero length/);
    expect(() => store.working().getStore("acc").set(utf8("k"), new Uint8Array(0))).toThrow(/empty value/);
    expect(() => store.setInitialVersion(5)).toThrow(/already committed/);
  });

  it("starts at an initial height", async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.load();
    store.setInitialVersion(7);
    expect(store.working().height).toBe(7);
    applyWrites(store.working(), blockWrites(1));
    expect((await store.commit()).height).toBe(7);
    await store.close();
    const again = open(dir);
    await again.load();
    expect(again.working().height).toBe(8);
    expect(again.oldestHeight()).toBe(7);
    await again.close();
  });
});
