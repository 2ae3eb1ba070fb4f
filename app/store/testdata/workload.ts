/**
 * Test-only: a deterministic multistore workload and a model of what each height must hold.
 * Used by the multistore unit tests and the crash test (test/store/), which must agree on it.
 */

import type { MultiStore } from "../types.js";
import { xorshift32 } from "./xorshift.js";

export const WORKLOAD_STORES = ["acc", "bank", "staking"] as const;

/** xorshift32 over a seed mixed with the height: the writes of height h never depend on history. */
function stream(seed: number): () => number {
  return xorshift32((seed * 2654435761) >>> 0);
}

export interface Write {
  readonly store: string;
  readonly key: Uint8Array;
  /** undefined: delete */
  readonly value: Uint8Array | undefined;
}

/** The writes of block `height`: ~`perBlock` sets and deletes over a small key space. */
export function blockWrites(height: number, perBlock = 40, keySpace = 300): Write[] {
  const next = stream(height);
  const out: Write[] = [];
  for (let i = 0; i < perBlock; i++) {
    const store = WORKLOAD_STORES[next() % WORKLOAD_STORES.length]!;
    const k = next() % keySpace;
    const key = Uint8Array.of(0x01, k >> 8, k & 0xff, ...Array.from({ length: k % 5 }, (_, j) => j));
    if (next() % 4 === 0) out.push({ store, key, value: undefined });
    else out.push({ store, key, value: Uint8Array.of(height & 0xff, (height >> 8) & 0xff, i, k & 0xff) });
  }
  return out;
}

export function applyWrites(ms: MultiStore, writes: readonly Write[]): void {
  for (const w of writes) {
    const kv = ms.getStore(w.store);
    if (w.value === undefined) kv.delete(w.key);
    else kv.set(w.key, w.value);
  }
}

/** store → hex key → hex value, after applying `writes` to `model`. */
export type StateModel = Map<string, Map<string, string>>;

export function applyToModel(model: StateModel, writes: readonly Write[]): StateModel {
  const next: StateModel = new Map([...model].map(([s, m]) => [s, new Map(m)]));
  for (const w of writes) {
    let m = next.get(w.store);
    if (m === undefined) {
      m = new Map();
      next.set(w.store, m);
    }
    const k = Buffer.from(w.key).toString("hex");
    if (w.value === undefined) m.delete(k);
    else m.set(k, Buffer.from(w.value).toString("hex"));
  }
  return next;
}
