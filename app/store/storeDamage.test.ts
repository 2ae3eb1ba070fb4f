/**
 * A damaged application database at start: the store refuses to load with a StoreDataError naming
 * the file, never with a state other than one it committed. A torn tail of LevelDB's log (a crash in
 * the middle of a write) is LevelDB's own recovery: the store opens at its last whole commit.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoreDataError } from "./db/storeDb.js";
import { RootMultiStore } from "./rootMultiStore.js";
import { refuseDamagedStore } from "../node/dataDamage.js";

const HEIGHTS = 12;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "store-damage-"));
const source = path.join(root, "source");
let hashes: string[] = [];

function store(dir: string): RootMultiStore {
  const s = new RootMultiStore({ path: dir, sync: false, pruning: { keepRecent: 0, interval: 1 } });
  s.mount("bank", "iavl");
  s.mount("staking", "iavl");
  return s;
}

/** A copy of the source database, damaged by `damage`; the load's outcome. */
async function loadDamaged(name: string, damage: (dir: string) => void): Promise<{ height?: number; appHash?: string; error?: unknown }> {
  const dir = path.join(root, name);
  fs.cpSync(source, dir, { recursive: true });
  damage(dir);
  const s = store(dir);
  try {
    await s.load();
    const last = s.lastCommit();
    // Every key of the latest version reads back (no lazily-found hole).
    for (const n of ["bank", "staking"]) for (const _ of s.committed().getReader(n).iterator()) void _;
    await s.close();
    return { height: last.height, appHash: Buffer.from(last.appHash).toString("hex") };
  } catch (error) {
    return { error };
  }
}

const files = (dir: string, suffix: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith(suffix) && f !== "LOG").sort();

beforeAll(async () => {
  const s = store(source);
  await s.load();
  for (let h = 1; h <= HEIGHTS; h++) {
    for (let i = 0; i < 400; i++) s.working().getStore("bank").set(Buffer.from(`acct-${h}-${i}`), Buffer.alloc(64, h));
    s.working().getStore("staking").set(Buffer.from(`val-${h}`), Buffer.from([h]));
    hashes[h] = Buffer.from((await s.commit()).appHash).toString("hex");
  }
  await s.close();
  // A second open turns LevelDB's log into a table file (.ldb), as any restart of a node does.
  const again = store(source);
  await again.load();
  for (let h = HEIGHTS + 1; h <= HEIGHTS + 3; h++) {
    again.working().getStore("staking").set(Buffer.from(`val-${h}`), Buffer.from([h]));
    hashes[h] = Buffer.from((await again.commit()).appHash).toString("hex");
  }
  await again.close();
  expect(files(source, ".ldb").length).toBeGreaterThan(0);
  expect(files(source, ".log").length).toBeGreaterThan(0);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const LATEST = HEIGHTS + 3;

describe("a damaged application database at start", () => {
  it("opens whole and at its latest commit when nothing is damaged", async () => {
    expect(await loadDamaged("intact", () => {})).toEqual({ height: LATEST, appHash: hashes[LATEST] });
  });

  const refusals: Array<[string, (dir: string) => void, RegExp]> = [
    ["CURRENT holds garbage", (d) => fs.writeFileSync(path.join(d, "CURRENT"), "garbage"), /\/CURRENT: LevelDB cannot open it: Corruption/],
    ["the MANIFEST is missing", (d) => { for (const f of files(d, "")) if (f.startsWith("MANIFEST-")) fs.rmSync(path.join(d, f)); }, /\/MANIFEST-\d+: LevelDB cannot open it/],
    ["the MANIFEST is truncated", (d) => { for (const f of files(d, "")) if (f.startsWith("MANIFEST-")) fs.truncateSync(path.join(d, f), 10); }, /\/MANIFEST-\d+: LevelDB cannot open it: Corruption/],
    ["a table file is missing", (d) => fs.rmSync(path.join(d, files(d, ".ldb")[0]!)), /\/\d+\.ldb: LevelDB cannot open it: Corruption: 1 missing files/],
    ["a table file is truncated", (d) => { const f = path.join(d, files(d, ".ldb")[0]!); fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)); }, /\/\d+\.ldb: its latest committed version does not read back whole: IO error/],
    ["the database path is a file", (d) => { fs.rmSync(d, { recursive: true }); fs.writeFileSync(d, "not a directory"); }, /-a-file: LevelDB cannot open it: EEXIST/],
  ];
  for (const [what, damage, message] of refusals) {
    it(`refuses when ${what}, naming the file`, async () => {
      const { error, height } = await loadDamaged(what.replace(/\W+/g, "-"), damage);
      expect(height, "it must not open").toBeUndefined();
      expect(error).toBeInstanceOf(StoreDataError);
      expect((error as Error).message).toMatch(message);
      // The node's one-line refusal adds the way out.
      const refusal = refuseDamagedStore("/home/op/.stchaind", error);
      expect(refusal.message).toMatch(/The node refuses to start from this application database\. Fix: stop the node, then restore/);
      expect(refusal.message).not.toContain("\n");
    });
  }

  it("refuses while another process holds the database, telling to stop it", async () => {
    const dir = path.join(root, "locked");
    fs.cpSync(source, dir, { recursive: true });
    const holder = store(dir);
    await holder.load();
    try {
      const error = await store(dir).load().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreDataError);
      expect((error as StoreDataError).file).toBe(path.join(dir, "LOCK"));
      expect(refuseDamagedStore("/h", error).message).toMatch(/already running.*Fix: stop the other process/);
    } finally {
      await holder.close();
    }
  });

  it("garbage inside a table block is found when that block is read (LevelDB's block format), not served", async () => {
    // LevelDB verifies no checksum on reads here (classic-level leaves verify_checksums off), so
    // this relies on the compressed block failing to decode; docs/faults.md names the gap.
    const { error } = await loadDamaged("table-garbage", (d) => {
      const f = path.join(d, files(d, ".ldb")[0]!);
      const fd = fs.openSync(f, "r+");
      fs.writeSync(fd, Buffer.alloc(256, 0x55), 0, 256, Math.floor(fs.statSync(f).size / 2));
      fs.closeSync(fd);
    });
    expect(String(error)).toMatch(/Corruption/);
  });

  it("a torn tail of the log (a crash mid-write) opens at an earlier whole commit, never a mix", async () => {
    const { height, appHash, error } = await loadDamaged("torn-log", (d) => {
      const log = path.join(d, files(d, ".log")[0]!);
      fs.truncateSync(log, fs.statSync(log).size - 7);
    });
    expect(error).toBeUndefined();
    expect(height).toBeLessThan(LATEST);
    expect(height).toBeGreaterThanOrEqual(HEIGHTS);
    expect(appHash).toBe(hashes[height!]);
  });
});
