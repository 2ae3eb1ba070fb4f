/**
 * Store benchmark (`npm run bench:store`). Prints, per tree size:
 *   - sets/s in memory: MutableTree set + hash + save (no I/O);
 *   - sets/s persisted: RootMultiStore working().set + commit() on classic-level (one fsync'd
 *     batch per block), commit time per 1,000 sets, RSS;
 *   - point reads of the last committed version with the tree trimmed (cold): flat index vs
 *     tree walk with lazy node loads.
 * Workload: 50 % inserts / 50 % updates, 27–40-byte keys, 8–16-byte values, blocks of --block sets.
 * Options: --sizes=100000,1000000 --block=2500 --blocks=20 --skip-persisted --skip-memory
 * Figures are wall-clock on a shared machine: run a few times.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MutableTree } from "../../app/store/iavl/tree.js";
import { RootMultiStore } from "../../app/store/rootMultiStore.js";
import { xorshift32 as rng } from "../../app/store/testdata/xorshift.js";

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : hit.slice(name.length + 3);
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const SIZES = arg("sizes", "100000,1000000").split(",").map(Number);
const BLOCK = Number(arg("block", "2500"));
const BLOCKS = Number(arg("blocks", "40"));


class Workload {
  readonly keys: Uint8Array[] = [];
  private readonly next = rng(12345);

  newKey(): Uint8Array {
    const len = 27 + (this.next() % 14);
    const k = new Uint8Array(len);
    k[0] = 0x02; // a module-style prefix byte, like bank balances
    for (let i = 1; i < len; i++) k[i] = this.next() & 0xff;
    this.keys.push(k);
    return k;
  }

  value(): Uint8Array {
    const v = new Uint8Array(8 + (this.next() % 9));
    for (let i = 0; i < v.length; i++) v[i] = this.next() & 0xff;
    return v;
  }

  /** Half inserts, half updates of random existing keys. */
  block(n: number): [Uint8Array, Uint8Array][] {
    const out: [Uint8Array, Uint8Array][] = [];
    for (let i = 0; i < n; i++) {
      const update = i % 2 === 1 && this.keys.length > 0;
      const key = update ? this.keys[this.next() % this.keys.length]! : this.newKey();
      out.push([key, this.value()]);
    }
    return out;
  }
}

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (n: number): string => `${(n / 1048576).toFixed(0)} MB`;
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

function memory(size: number): void {
  const w = new Workload();
  const tree = new MutableTree(undefined);
  let t0 = process.hrtime.bigint();
  for (let done = 0; done < size; done += 50_000) {
    for (let i = 0; i < Math.min(50_000, size - done); i++) tree.set(w.newKey(), w.value());
    tree.saveVersion();
  }
  const preload = ms(t0);
  let setMs = 0;
  let saveMs = 0;
  const perBlock: number[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    const ops = w.block(BLOCK);
    t0 = process.hrtime.bigint();
    for (const [k, v] of ops) tree.set(k, v);
    const s1 = ms(t0);
    t0 = process.hrtime.bigint();
    tree.saveVersion();
    const s2 = ms(t0);
    setMs += s1;
    saveMs += s2;
    perBlock.push(s1 + s2);
  }
  const sets = BLOCK * BLOCKS;
  console.log(
    `memory    ${fmt(size).padStart(9)} keys: ${fmt((sets / (setMs + saveMs)) * 1000).padStart(7)} sets/s` +
      ` (median block ${fmt((BLOCK / median(perBlock)) * 1000)})` +
      ` (set ${((setMs * 1000) / sets).toFixed(1)} µs + hash/save ${((saveMs * 1000) / sets).toFixed(1)} µs per set;` +
      ` preload ${fmt((size / preload) * 1000)} sets/s) RSS ${mb(process.memoryUsage().rss)}` +
      ` heap ${mb(process.memoryUsage().heapUsed)}`,
  );
}

async function persisted(size: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-store-"));
  try {
    const store = new RootMultiStore({ path: dir, pruning: { keepRecent: 100, interval: 10 } });
    store.mount("bank", "iavl");
    await store.load();
    const w = new Workload();
    let t0 = process.hrtime.bigint();
    for (let done = 0; done < size; done += 50_000) {
      const kv = store.working().getStore("bank");
      for (let i = 0; i < Math.min(50_000, size - done); i++) kv.set(w.newKey(), w.value());
      await store.commit();
    }
    const preload = ms(t0);
    let setMs = 0;
    let commitMs = 0;
    let saveMs = 0;
    let writeMs = 0;
    let dbOps = 0;
    const perBlock: number[] = [];
    for (let b = 0; b < BLOCKS; b++) {
      const sets = w.block(BLOCK);
      t0 = process.hrtime.bigint();
      const kv = store.working().getStore("bank");
      for (const [k, v] of sets) kv.set(k, v);
      const s1 = ms(t0);
      setMs += s1;
      t0 = process.hrtime.bigint();
      await store.commit();
      const s2 = ms(t0);
      commitMs += s2;
      perBlock.push(s1 + s2);
      const timing = store.commitTiming();
      saveMs += timing.saveMs;
      writeMs += timing.writeMs;
      dbOps += timing.ops;
    }
    const sets = BLOCK * BLOCKS;
    console.log(
      `persisted ${fmt(size).padStart(9)} keys: ${fmt((sets / (setMs + commitMs)) * 1000).padStart(7)} sets/s` +
        ` (median block ${fmt((BLOCK / median(perBlock)) * 1000)})` +
        ` (commit ${((commitMs / sets) * 1000).toFixed(1)} ms per 1,000 sets, ${(commitMs / BLOCKS).toFixed(1)} ms per` +
        ` ${fmt(BLOCK)}-set block = hash/encode ${(saveMs / BLOCKS).toFixed(1)} + write ${(writeMs / BLOCKS).toFixed(1)} ms,` +
        ` ${fmt(dbOps / BLOCKS)} db ops; preload ${fmt((size / preload) * 1000)} sets/s) RSS ${mb(process.memoryUsage().rss)}`,
    );
    await coldReads(store, w, size);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Point reads of committed keys after cutting the tree back to 8 loaded levels. */
async function coldReads(store: RootMultiStore, w: Workload, size: number): Promise<void> {
  const probe = rng(99);
  const keys = Array.from({ length: 20_000 }, () => w.keys[probe() % w.keys.length]!);
  for (const flatReads of [true, false]) {
    store.trimLoadedNodes(8);
    store.setFlatReads(flatReads);
    const reader = store.committed().getReader("bank");
    const t0 = process.hrtime.bigint();
    let found = 0;
    for (const k of keys) if (reader.get(k) !== undefined) found++;
    const t = ms(t0);
    if (found !== keys.length) throw new Error(`cold reads: found ${found} of ${keys.length}`);
    console.log(
      `cold read ${fmt(size).padStart(9)} keys: ${fmt((keys.length / t) * 1000).padStart(7)} reads/s via ` +
        (flatReads ? "flat index" : "tree walk (lazy node loads)"),
    );
  }
}

console.log(`node ${process.version}, block ${BLOCK} sets × ${BLOCKS} blocks`);
for (const size of SIZES) {
  if (!flag("skip-memory")) memory(size);
  if (!flag("skip-persisted")) await persisted(size);
}
