/**
 * Branches against a model (fast-check): three nested CacheKVs over an IAVL working store, random
 * sets / deletes / write() / discard() at any level; get and iteration (both directions, random
 * ranges) at every level must match. Iterators are snapshots: writes while one is open do not
 * show up in it.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareBytes, hexOf } from "../bytes.js";
import { RootMultiStore } from "../rootMultiStore.js";
import type { KVStore } from "../types.js";
import { EMPTY_READER } from "../views.js";
import { CacheKV } from "./cacheKV.js";

const LEVELS = 4; // 0 = the IAVL working store, 1..3 = nested branches

type Cmd =
  | { t: "set"; level: number; key: Uint8Array; value: Uint8Array }
  | { t: "del"; level: number; key: Uint8Array }
  | { t: "write"; level: number }
  | { t: "discard"; level: number }
  | { t: "check"; level: number; start?: Uint8Array; end?: Uint8Array };

const keyArb = fc.uint8Array({ minLength: 1, maxLength: 2, max: 5 });
const levelArb = fc.integer({ min: 0, max: LEVELS - 1 });
const branchArb = fc.integer({ min: 1, max: LEVELS - 1 });
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant("set" as const), level: levelArb, key: keyArb, value: fc.uint8Array({ minLength: 1, maxLength: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("del" as const), level: levelArb, key: keyArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("write" as const), level: branchArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("discard" as const), level: branchArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("check" as const),
      level: levelArb,
      start: fc.option(keyArb, { nil: undefined }),
      end: fc.option(keyArb, { nil: undefined }),
    }),
  },
);

/** Model: level 0 is a map; each branch level an overlay (undefined value = delete). */
class Model {
  readonly base = new Map<string, string>();
  readonly overlays = Array.from({ length: LEVELS }, () => new Map<string, string | undefined>());

  view(level: number): Map<string, string> {
    const out = new Map(this.base);
    for (let l = 1; l <= level; l++) {
      for (const [k, v] of this.overlays[l]!) {
        if (v === undefined) out.delete(k);
        else out.set(k, v);
      }
    }
    return out;
  }

  put(level: number, k: string, v: string | undefined): void {
    if (level === 0) {
      if (v === undefined) this.base.delete(k);
      else this.base.set(k, v);
    } else {
      this.overlays[level]!.set(k, v);
    }
  }

  write(level: number): void {
    for (const [k, v] of this.overlays[level]!) this.put(level - 1, k, v);
    this.overlays[level]!.clear();
  }
}

function range(view: Map<string, string>, start?: Uint8Array, end?: Uint8Array): string[] {
  return [...view]
    .map(([k, v]) => [Buffer.from(k, "hex"), v] as const)
    .filter(([k]) => (start === undefined || compareBytes(k, start) >= 0) && (end === undefined || compareBytes(k, end) < 0))
    .sort((a, b) => compareBytes(a[0], b[0]))
    .map(([k, v]) => `${hexOf(k)}=${v}`);
}

const pairs = (it: Iterable<{ key: Uint8Array; value: Uint8Array }>): string[] => [...it].map((p) => `${hexOf(p.key)}=${hexOf(p.value)}`);

async function stack(): Promise<KVStore[]> {
  const root = new RootMultiStore();
  root.mount("s", "iavl");
  await root.load();
  const base = root.working().getStore("s");
  const levels: KVStore[] = [base];
  for (let l = 1; l < LEVELS; l++) levels.push(new CacheKV(levels[l - 1]!, levels[l - 1]!));
  return levels;
}

describe("CacheKV against a model", () => {
  it("nested branches: get, iterate both ways, write, discard", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmdArb, { maxLength: 80 }), async (cmds) => {
        const levels = await stack();
        const model = new Model();
        for (const c of cmds) {
          const kv = levels[c.level]!;
          if (c.t === "set") {
            kv.set(c.key, c.value);
            model.put(c.level, hexOf(c.key), hexOf(c.value));
          } else if (c.t === "del") {
            kv.delete(c.key);
            model.put(c.level, hexOf(c.key), undefined);
          } else if (c.t === "write") {
            (kv as CacheKV).write();
            model.write(c.level);
          } else if (c.t === "discard") {
            (kv as CacheKV).discard();
            model.overlays[c.level]!.clear();
          } else {
            const view = model.view(c.level);
            const want = range(view, c.start, c.end);
            expect(pairs(kv.iterator(c.start, c.end))).toEqual(want);
            expect(pairs(kv.reverseIterator(c.start, c.end))).toEqual([...want].reverse());
            for (let k = 0; k < 6; k++) {
              const key = Uint8Array.of(k);
              const v = kv.get(key);
              expect(v === undefined ? undefined : hexOf(v)).toBe(view.get(hexOf(key)));
              expect(kv.has(key)).toBe(view.has(hexOf(key)));
            }
          }
        }
      }),
      { numRuns: 250 },
    );
  });

  it("an open iterator is a snapshot: later writes at any level do not show up", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cmdArb.filter((c) => c.t === "set" || c.t === "del"), { maxLength: 30 }),
        fc.array(cmdArb.filter((c) => c.t !== "check"), { maxLength: 30 }),
        fc.boolean(),
        async (before, during, ascending) => {
          const levels = await stack();
          const model = new Model();
          for (const c of before) {
            if (c.t === "set") {
              levels[c.level]!.set(c.key, c.value);
              model.put(c.level, hexOf(c.key), hexOf(c.value));
            } else if (c.t === "del") {
              levels[c.level]!.delete(c.key);
              model.put(c.level, hexOf(c.key), undefined);
            }
          }
          const want = range(model.view(LEVELS - 1));
          const top = levels[LEVELS - 1]!;
          const it = ascending ? top.iterator() : top.reverseIterator();
          const first = it.next();
          for (const c of during) {
            const kv = levels[c.level]!;
            if (c.t === "set") kv.set(c.key, c.value);
            else if (c.t === "del") kv.delete(c.key);
            else if (c.t === "write") (kv as CacheKV).write();
            else if (c.t === "discard") (kv as CacheKV).discard();
          }
          const got = first.done === true ? [] : [...pairs([first.value]), ...pairs(it)];
          expect(got).toEqual(ascending ? want : [...want].reverse());
        },
      ),
      { numRuns: 200 },
    );
  });

  it("write() flushes in key byte order and leaves the branch empty but usable", async () => {
    const calls: string[] = [];
    const parent = new CacheKV(EMPTY_READER, undefined);
    const spy: KVStore = {
      get: (k) => parent.get(k),
      has: (k) => parent.has(k),
      iterator: (s, e) => parent.iterator(s, e),
      reverseIterator: (s, e) => parent.reverseIterator(s, e),
      set: (k, v) => void calls.push(`set ${hexOf(k)}=${hexOf(v)}`),
      delete: (k) => void calls.push(`del ${hexOf(k)}`),
    };
    const branch = new CacheKV(spy, spy);
    branch.set(Uint8Array.of(3), Uint8Array.of(1));
    branch.delete(Uint8Array.of(1, 0));
    branch.set(Uint8Array.of(1), Uint8Array.of(2));
    branch.set(Uint8Array.of(0xff), Uint8Array.of(3));
    branch.write();
    expect(calls).toEqual(["set 01=02", "del 0100", "set 03=01", "set ff=03"]);
    expect(branch.pendingCount()).toBe(0);
    branch.set(Uint8Array.of(9), Uint8Array.of(9));
    expect(branch.get(Uint8Array.of(9))).toEqual(Uint8Array.of(9));
  });
});
