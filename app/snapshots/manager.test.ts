/**
 * The ABCI snapshot flow between two managers over real multistores: a snapshot written while
 * blocks keep committing (and pruning), listed, served chunk by chunk and restored elsewhere; and
 * every result code of OfferSnapshot / ApplySnapshotChunk for bad offers and bad chunks.
 */

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { create, toBinary } from "@bufbuild/protobuf";
import {
  ResponseApplySnapshotChunk_Result as ApplyResult,
  ResponseOfferSnapshot_Result as OfferResult,
  type Snapshot as AbciSnapshot,
} from "cosmjs-types/tendermint/abci/types";
import { MetadataSchema } from "../codec/cosmos/base/snapshots/v1beta1/snapshot_pb.js";
import { hexOf } from "../store/bytes.js";
import { RootMultiStore } from "../store/rootMultiStore.js";
import { applyWrites, blockWrites, WORKLOAD_STORES } from "../store/testdata/workload.js";
import { encodeDelimited, storeItem } from "./items.js";
import { SnapshotManager } from "./manager.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const CHAIN = new TextEncoder().encode("snap-test-1");
const META_RULES = { allowed: new Set(["chain_id", "last_block_time"]), required: ["chain_id"], expected: new Map([["chain_id", CHAIN]]) };

async function store(keepRecent = 0): Promise<RootMultiStore> {
  const s = new RootMultiStore({ pruning: { keepRecent, interval: 1 }, sync: false });
  for (const n of WORKLOAD_STORES) s.mount(n, "iavl");
  await s.load();
  return s;
}

async function manager(s: RootMultiStore, interval = 0, keepRecent = 0): Promise<SnapshotManager> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshots-"));
  dirs.push(dir);
  return SnapshotManager.open({ dir, interval, keepRecent, store: s, meta: META_RULES, chunkBytes: 3000 });
}

/** Commits heights from..to with ~200 writes each (several chunks of 3,000 bytes in all). */
async function commit(s: RootMultiStore, m: SnapshotManager | undefined, from: number, to: number, meta = new Map([["chain_id", CHAIN]])): Promise<Map<number, Uint8Array>> {
  const hashes = new Map<number, Uint8Array>();
  for (let h = from; h <= to; h++) {
    applyWrites(s.working(), blockWrites(h, 200, 3000));
    const info = await s.commit();
    hashes.set(h, info.appHash);
    m?.afterCommit(h, meta);
  }
  return hashes;
}

async function chunksOf(m: SnapshotManager, snap: AbciSnapshot): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (let i = 0; i < snap.chunks; i++) out.push((await m.loadSnapshotChunk({ height: snap.height, format: snap.format, chunk: i })).chunk);
  return out;
}

describe("snapshot manager", async () => {
  const source = await store(3);
  const a = await manager(source, 10, 1);
  const hashes = await commit(source, a, 1, 10);
  await a.whenIdle(); // (a snapshot due while another is being written is skipped, as in the SDK)
  for (const [h, x] of await commit(source, a, 11, 20)) hashes.set(h, x);
  // Blocks keep committing (and pruning, 3 versions kept) while the snapshot of 20 is written.
  await commit(source, a, 21, 29);
  await a.whenIdle();
  const [snap] = a.listSnapshots().snapshots;

  it("writes a snapshot every interval and keeps the newest", async () => {
    expect(a.listSnapshots().snapshots).toHaveLength(1);
    expect(snap!.height).toBe(20n);
    expect(snap!.format).toBe(3);
    expect(snap!.chunks).toBeGreaterThan(2);
    // Height 20 was held against pruning (3 versions kept) while 21..29 committed; released after.
    expect(source.oldestHeight()).toBe(20);
    await commit(source, undefined, 30, 30);
    expect(source.oldestHeight()).toBe(28);
  });

  it("serves chunks whose hashes are in the metadata and whose concatenation hashes to the snapshot hash", async () => {
    const chunks = await chunksOf(a, snap!);
    expect(chunks.slice(0, -1).every((c) => c.length === 3000)).toBe(true);
    expect(createHash("sha256").update(Buffer.concat(chunks)).digest().equals(Buffer.from(snap!.hash))).toBe(true);
    expect((await a.loadSnapshotChunk({ height: 20n, format: 3, chunk: snap!.chunks })).chunk).toHaveLength(0);
    expect((await a.loadSnapshotChunk({ height: 10n, format: 3, chunk: 0 })).chunk).toHaveLength(0);
  });

  it("restores it elsewhere to the same app hash", async () => {
    const target = await store();
    const b = await manager(target);
    expect((await b.offerSnapshot({ snapshot: snap!, appHash: hashes.get(20)! })).result).toBe(OfferResult.ACCEPT);
    const restored: number[] = [];
    for (const [i, chunk] of (await chunksOf(a, snap!)).entries()) {
      const res = await b.applySnapshotChunk({ index: i, chunk, sender: "peer" }, (info) => restored.push(info.height));
      expect(res.result).toBe(ApplyResult.ACCEPT);
    }
    expect(restored).toEqual([20]);
    expect(target.lastCommit()).toEqual({ height: 20, appHash: hashes.get(20) });
    expect(new TextDecoder().decode(target.getMeta("chain_id"))).toBe("snap-test-1");
    // It goes on like the source did.
    const replay = await store();
    const want = await commit(replay, undefined, 1, 23);
    const got = await commit(target, undefined, 21, 23);
    expect(hexOf(got.get(23)!)).toBe(hexOf(want.get(23)!));
  });

  it("answers bad offers with REJECT_FORMAT, REJECT or ABORT", async () => {
    const b = await manager(await store());
    const appHash = hashes.get(20)!;
    const offer = (s: Partial<AbciSnapshot>, hash = appHash) => b.offerSnapshot({ snapshot: { ...snap!, ...s }, appHash: hash });
    expect((await offer({ format: 2 })).result).toBe(OfferResult.REJECT_FORMAT);
    expect((await offer({ height: 0n })).result).toBe(OfferResult.REJECT);
    expect((await offer({ chunks: 0 })).result).toBe(OfferResult.REJECT);
    expect((await offer({ chunks: snap!.chunks + 1 })).result).toBe(OfferResult.REJECT);
    expect((await offer({ metadata: Uint8Array.of(0xff, 0xff) })).result).toBe(OfferResult.REJECT);
    expect((await offer({}, appHash.subarray(1))).result).toBe(OfferResult.REJECT);
    expect((await b.offerSnapshot({ snapshot: undefined, appHash })).result).toBe(OfferResult.REJECT);
    // A node that already has state does not restore.
    expect((await a.offerSnapshot({ snapshot: snap!, appHash })).result).toBe(OfferResult.ABORT);
  });

  it("answers bad chunks with ABORT, RETRY, RETRY_SNAPSHOT and REJECT_SNAPSHOT", async () => {
    const target = await store();
    const b = await manager(target);
    const chunks = await chunksOf(a, snap!);
    const noop = () => undefined;
    // No restore in progress.
    expect((await b.applySnapshotChunk({ index: 0, chunk: chunks[0]!, sender: "p" }, noop)).result).toBe(ApplyResult.ABORT);

    expect((await b.offerSnapshot({ snapshot: snap!, appHash: hashes.get(20)! })).result).toBe(OfferResult.ACCEPT);
    // A corrupted chunk: refetch it from someone else.
    const bad = await b.applySnapshotChunk({ index: 0, chunk: Uint8Array.of(1, 2, 3), sender: "liar" }, noop);
    expect(bad).toEqual({ result: ApplyResult.RETRY, refetchChunks: [0], rejectSenders: ["liar"] });
    expect((await b.applySnapshotChunk({ index: 0, chunk: chunks[0]!, sender: "p" }, noop)).result).toBe(ApplyResult.ACCEPT);
    // Out of order: start the snapshot over.
    expect((await b.applySnapshotChunk({ index: 2, chunk: chunks[2]!, sender: "p" }, noop)).result).toBe(ApplyResult.RETRY_SNAPSHOT);

    // A wrong trusted app hash: every chunk is taken, the last one rejects the snapshot and wipes the store.
    expect((await b.offerSnapshot({ snapshot: snap!, appHash: new Uint8Array(32) })).result).toBe(OfferResult.ACCEPT);
    const results = [];
    for (const [i, chunk] of chunks.entries()) results.push(await b.applySnapshotChunk({ index: i, chunk, sender: "p" }, noop));
    expect(results.slice(0, -1).every((r) => r.result === ApplyResult.ACCEPT)).toBe(true);
    expect(results.at(-1)).toEqual({ result: ApplyResult.REJECT_SNAPSHOT, refetchChunks: [], rejectSenders: ["p"] });
    expect(target.lastCommit().height).toBe(0);

    // Malformed content behind correct chunk hashes.
    const junk = zlib.deflateSync(Buffer.concat([encodeDelimited(storeItem("acc")), Buffer.from([0x05, 0xff, 0xff, 0xff, 0xff, 0xff])]));
    const junkSnap = { height: 20n, format: 3, chunks: 1, hash: createHash("sha256").update(junk).digest(), metadata: toBinary(MetadataSchema, create(MetadataSchema, { chunkHashes: [createHash("sha256").update(junk).digest()] })) };
    expect((await b.offerSnapshot({ snapshot: junkSnap, appHash: hashes.get(20)! })).result).toBe(OfferResult.ACCEPT);
    expect((await b.applySnapshotChunk({ index: 0, chunk: junk, sender: "p" }, noop)).result).toBe(ApplyResult.REJECT_SNAPSHOT);

    // And then the good one restores.
    expect((await b.offerSnapshot({ snapshot: snap!, appHash: hashes.get(20)! })).result).toBe(OfferResult.ACCEPT);
    for (const [i, chunk] of chunks.entries()) expect((await b.applySnapshotChunk({ index: i, chunk, sender: "p" }, noop)).result).toBe(ApplyResult.ACCEPT);
    expect(target.lastCommit().height).toBe(20);
  });

  it("rejects a snapshot of another chain", async () => {
    const other = await store();
    const o = await manager(other, 5);
    const otherHashes = await commit(other, o, 1, 5, new Map([["chain_id", new TextEncoder().encode("other-chain")]]));
    await o.whenIdle();
    const [s] = o.listSnapshots().snapshots;
    const b = await manager(await store());
    expect((await b.offerSnapshot({ snapshot: s!, appHash: otherHashes.get(5)! })).result).toBe(OfferResult.ACCEPT);
    const chunks = await chunksOf(o, s!);
    let last;
    for (const [i, chunk] of chunks.entries()) last = await b.applySnapshotChunk({ index: i, chunk, sender: "p" }, () => undefined);
    expect(last?.result).toBe(ApplyResult.REJECT_SNAPSHOT);
  });

  it("drops a half-written snapshot directory when it opens", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshots-"));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, "30", "3"), { recursive: true });
    fs.writeFileSync(path.join(dir, "30", "3", "0"), "partial");
    const m = await SnapshotManager.open({ dir, interval: 0, keepRecent: 0, store: source, meta: META_RULES });
    expect(m.listSnapshots().snapshots).toEqual([]);
    expect(fs.existsSync(path.join(dir, "30", "3"))).toBe(false);
  });
});

describe("stopping while a snapshot is written", () => {
  it("drops the snapshot and removes its files", async () => {
    const s = await store();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshots-"));
    dirs.push(dir);
    const m = await SnapshotManager.open({ dir, interval: 5, keepRecent: 0, store: s, meta: META_RULES, chunkBytes: 3000 });
    for (let h = 1; h <= 5; h++) {
      applyWrites(s.working(), blockWrites(h, 3000, 30_000));
      await s.commit();
    }
    m.afterCommit(5, new Map([["chain_id", CHAIN]]));
    await m.close();
    expect(m.listSnapshots().snapshots).toEqual([]);
    expect(fs.existsSync(path.join(dir, "5", "3"))).toBe(false);
    m.afterCommit(10, new Map([["chain_id", CHAIN]]));
    await m.whenIdle();
    expect(m.listSnapshots().snapshots).toEqual([]);
  });
});
