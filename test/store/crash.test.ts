/**
 * Crash safety of RootMultiStore.commit (docs/store.md "Crash safety"): a child process commits the
 * deterministic workload to a classic-level directory and is killed with SIGKILL at seeded random
 * points, then restarted, until it has committed 100 versions. After every kill the directory must
 * load exactly one version: at least the last one the child reported as committed (a resolved
 * commit is durable), at most one more (the batch in flight), with the app hash, contents and
 * metadata of that version — never a partial one.
 */

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hexOf } from "../../app/store/bytes.js";
import { RootMultiStore } from "../../app/store/rootMultiStore.js";
import { applyToModel, applyWrites, blockWrites, WORKLOAD_STORES, type StateModel } from "../../app/store/testdata/workload.js";
import { xorshift32 as rng } from "../../app/store/testdata/xorshift.js";

const TARGET = 100;
const REPO = new URL("../../", import.meta.url).pathname;
const CHILD = new URL("./crashChild.ts", import.meta.url).pathname;

const children = new Set<ChildProcess>();
const dir = mkdtempSync(join(tmpdir(), "store-crash-"));
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function openStore(path?: string): RootMultiStore {
  const store = new RootMultiStore({ path, pruning: { keepRecent: 20, interval: 5 }, sync: false });
  for (const n of WORKLOAD_STORES) store.mount(n, "iavl");
  store.mount("scratch", "transient");
  return store;
}

/** App hash and contents of every height 0..TARGET, from an in-memory replay. */
async function expectedStates(): Promise<{ hashes: string[]; models: StateModel[] }> {
  const store = openStore();
  await store.load();
  const hashes = [""];
  const models: StateModel[] = [new Map()];
  for (let h = 1; h <= TARGET; h++) {
    const writes = blockWrites(h, 200, 2000);
    applyWrites(store.working(), writes);
    hashes.push(hexOf((await store.commit()).appHash));
    models.push(applyToModel(models[h - 1]!, writes));
  }
  return { hashes, models };
}


/**
 * Runs the child until it has reported `commits` more commits (then waits `delayMs` and kills it),
 * or until it finishes. Returns the highest height it reported.
 */
function runChild(commits: number | undefined, delayMs: number): Promise<{ reported: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, dir, String(TARGET)], {
      cwd: REPO,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.add(child);
    let reported = 0;
    let seen = 0;
    let finished = false;
    let buffered = "";
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on("data", (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        const m = /^committed (\d+)$/.exec(line);
        if (m !== null) {
          reported = Number(m[1]);
          seen++;
          if (commits !== undefined && seen === commits) setTimeout(() => child.kill("SIGKILL"), delayMs);
        }
        if (line === "done") finished = true;
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (signal !== "SIGKILL" && code !== 0) reject(new Error(`child exited with ${code}: ${stderr}`));
      else resolve({ reported, finished });
    });
  });
}

describe("commit is crash-safe", () => {
  it("SIGKILL at random points never leaves a partial version", async () => {
    const { hashes, models } = await expectedStates();
    const next = rng(0x5eed);
    let committed = 0;
    let kills = 0;
    while (committed < TARGET) {
      const killAfter = kills < 8 ? 1 + (next() % 10) : undefined; // at most 80 commits, then let it finish
      const { reported, finished } = await runChild(killAfter, next() % 12);
      if (killAfter !== undefined) kills++;

      const store = openStore(dir);
      await store.load();
      const h = store.lastCommit().height;
      expect(h, `after kill ${kills}`).toBeGreaterThanOrEqual(Math.max(reported, committed));
      expect(h).toBeLessThanOrEqual(Math.max(reported, committed) + 1);
      expect(hexOf(store.lastCommit().appHash)).toBe(hashes[h]);
      expect(hexOf(store.workingHash())).toBe(hashes[h]);
      const meta = store.getMeta("last-height");
      expect(meta === undefined ? 0 : (meta[0]! << 8) | meta[1]!).toBe(h);
      for (const name of WORKLOAD_STORES) {
        const got = new Map([...store.committed().getReader(name).iterator()].map((p) => [hexOf(p.key), hexOf(p.value)]));
        expect(got, `${name} at ${h}`).toEqual(models[h]!.get(name) ?? new Map());
      }
      for (let v = store.oldestHeight(); v < h; v += 7) expect(store.at(v).height).toBe(v);
      await store.close();
      committed = h;
      if (finished) expect(h).toBe(TARGET);
    }
    expect(kills).toBe(8);
  }, 120_000);
});
