/**
 * `npm run bench:snapshot`: how long a state sync snapshot takes to write and to restore, for a
 * state of N keys in two stores (on-disk stores, no fsync), and whether the event loop stays free
 * while it is written (the count of event-loop turns a busy loop got meanwhile).
 *
 *   npm run bench:snapshot -- [--keys 200000]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { RootMultiStore } from "../../app/store/rootMultiStore.js";
import { SnapshotManager } from "../../app/snapshots/manager.js";

const { values } = parseArgs({ options: { keys: { type: "string", default: "200000" } }, strict: true });
const KEYS = Number(values.keys);
const BLOCKS = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-snapbench-"));
const meta = { allowed: new Set(["chain_id"]), required: ["chain_id"] };

async function open(p: string): Promise<RootMultiStore> {
  const s = new RootMultiStore({ path: p, sync: false });
  for (const n of ["acc", "bank"]) s.mount(n, "iavl");
  await s.load();
  return s;
}

try {
  const source = await open(path.join(dir, "source"));
  let x = 1;
  for (let b = 0; b < BLOCKS; b++) {
    const w = source.working();
    for (let i = 0; i < KEYS / BLOCKS; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      w.getStore(i % 2 ? "acc" : "bank").set(Buffer.from(`key-${x.toString(16)}-${b}-${i}`), Buffer.from(`value-${x}`));
    }
    await source.commit();
  }
  const writer = await SnapshotManager.open({ dir: path.join(dir, "snapshots"), interval: BLOCKS, keepRecent: 0, store: source, meta });
  let turns = 0;
  let writing = true;
  const busy = (async () => {
    while (writing) {
      await new Promise((r) => setImmediate(r));
      turns++;
    }
  })();
  let t = performance.now();
  writer.afterCommit(BLOCKS, new Map([["chain_id", new TextEncoder().encode("bench")]]));
  await writer.whenIdle();
  const writeMs = performance.now() - t;
  writing = false;
  await busy;
  const [snap] = writer.listSnapshots().snapshots;
  if (snap === undefined) throw new Error("no snapshot was written");
  const bytes = Array.from({ length: snap.chunks }, (_, i) => fs.statSync(path.join(dir, "snapshots", String(BLOCKS), "3", String(i))).size).reduce((a, b) => a + b, 0);
  console.log(`${KEYS} keys: snapshot of ${(bytes / 1e6).toFixed(1)} MB in ${snap.chunks} chunk(s) written in ${writeMs.toFixed(0)} ms; the event loop turned ${turns} times meanwhile`);

  const target = await open(path.join(dir, "target"));
  const reader = await SnapshotManager.open({ dir: path.join(dir, "snapshots-target"), interval: 0, keepRecent: 0, store: target, meta });
  t = performance.now();
  await reader.offerSnapshot({ snapshot: snap, appHash: source.lastCommit().appHash });
  for (let i = 0; i < snap.chunks; i++) {
    const chunk = (await writer.loadSnapshotChunk({ height: snap.height, format: snap.format, chunk: i })).chunk;
    const res = await reader.applySnapshotChunk({ index: i, chunk, sender: "" }, () => undefined);
    if (res.result !== 1) throw new Error(`chunk ${i} answered ${res.result}`);
  }
  const same = Buffer.compare(target.lastCommit().appHash, source.lastCommit().appHash) === 0;
  console.log(`restored in ${(performance.now() - t).toFixed(0)} ms (app hash ${same ? "identical" : "DIFFERENT"})`);
  await source.close();
  await target.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
