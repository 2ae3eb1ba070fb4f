/**
 * Merges a branch's pending entries (a sorted snapshot, deletes included) with its parent's
 * iterator: the branch wins on equal keys, a pending delete hides the parent's pair.
 */

import type { Bytes, KVPair } from "../types.js";
import { compareBytes } from "../bytes.js";

/** A pending write of a branch: a value, or undefined for a delete. Never mutated once created. */
export interface Entry {
  readonly key: Bytes;
  readonly value: Bytes | undefined;
}

export class MergeIterator implements IterableIterator<KVPair> {
  private parentNext: KVPair | undefined;
  private index = 0;

  /** `entries` are in iteration order (ascending, or descending when !ascending). */
  constructor(
    private readonly parent: Iterator<KVPair>,
    private readonly entries: readonly Entry[],
    private readonly ascending: boolean,
  ) {
    this.parentNext = this.pullParent();
  }

  [Symbol.iterator](): IterableIterator<KVPair> {
    return this;
  }

  private pullParent(): KVPair | undefined {
    const r = this.parent.next();
    return r.done === true ? undefined : r.value;
  }

  next(): IteratorResult<KVPair> {
    for (;;) {
      const p = this.parentNext;
      const e = this.index < this.entries.length ? this.entries[this.index] : undefined;
      if (p === undefined && e === undefined) return { done: true, value: undefined };
      let order: number;
      if (p === undefined) order = 1;
      else if (e === undefined) order = -1;
      else order = this.ascending ? compareBytes(p.key, e.key) : compareBytes(e.key, p.key);
      if (order < 0) {
        // The parent's pair comes first and the branch has nothing for that key.
        this.parentNext = this.pullParent();
        return { done: false, value: p! };
      }
      // The branch's entry comes first, or shadows the parent's pair for the same key.
      this.index++;
      if (order === 0) this.parentNext = this.pullParent();
      if (e!.value !== undefined) return { done: false, value: { key: e!.key, value: e!.value } };
    }
  }
}
