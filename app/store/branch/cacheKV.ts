/**
 * A cache-wrapped view of a parent store (Cosmos SDK cachekv): writes stay pending in the branch
 * until `write()` flushes them into the parent in key byte order, or `discard()` drops them.
 *
 * Reads see the branch's own writes first. Iterators merge the branch's pending entries with the
 * parent's iterator in key byte order (pending deletes hide parent pairs). An iterator is a
 * snapshot: it sees the branch and its parents as they were when it was created; writes made
 * while it is open (to the branch or below) do not show up in it and do not disturb it.
 *
 * Pending keys are a Map (latin1 key string → entry) plus a sorted key list that absorbs keys
 * added since the last iteration in one merge, so write-then-iterate patterns stay linear.
 */

import type { BranchKVStore, Bytes, KVPair, KVReader, KVStore } from "../types.js";
import { keyString } from "../bytes.js";
import { MergeIterator, type Entry } from "./mergeIterator.js";

function lowerBound(keys: readonly string[], s: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[o++] = a[i++]!;
  while (j < b.length) out[o++] = b[j++]!;
  return out;
}

export function assertWritable(fn: string, key: Bytes, value?: Bytes): void {
  if (key.length === 0) throw new TypeError(`${fn}: empty key`);
  if (value !== undefined && value.length === 0) {
    throw new TypeError(`${fn}: empty value for key ${Buffer.from(key).toString("hex")} (ICS23 cannot prove it)`);
  }
}

export class CacheKV implements BranchKVStore {
  private readonly pending = new Map<string, Entry>();
  /** Sorted strings of pending keys, except those in `added`. */
  private sortedKeys: string[] = [];
  /** Keys first written since the last sort. */
  private added: string[] = [];

  /**
   * @param parent what reads fall through to
   * @param target where `write()` flushes (the same object as parent), or undefined when the
   *   parent is read-only: `write()` then throws.
   */
  constructor(
    private readonly parent: KVReader,
    private readonly target: KVStore | undefined,
  ) {}

  get(key: Bytes): Bytes | undefined {
    return this.lookup(keyString(key), key);
  }

  /** get() with the key string computed once for the whole chain of nested branches. */
  lookup(s: string, key: Bytes): Bytes | undefined {
    const e = this.pending.get(s);
    if (e !== undefined) return e.value;
    const p = this.parent;
    return p instanceof CacheKV ? p.lookup(s, key) : p.get(key);
  }

  has(key: Bytes): boolean {
    return this.get(key) !== undefined;
  }

  set(key: Bytes, value: Bytes): void {
    assertWritable("CacheKV.set", key, value);
    this.put(keyString(key), { key, value });
  }

  delete(key: Bytes): void {
    assertWritable("CacheKV.delete", key);
    this.put(keyString(key), { key, value: undefined });
  }

  private put(s: string, e: Entry): void {
    if (!this.pending.has(s)) this.added.push(s);
    this.pending.set(s, e);
  }

  iterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    const entries = this.range(start, end);
    return new MergeIterator(this.parent.iterator(start, end), entries, true);
  }

  reverseIterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    const entries = this.range(start, end);
    entries.reverse();
    return new MergeIterator(this.parent.reverseIterator(start, end), entries, false);
  }

  /** Pending entries in [start, end), ascending: a snapshot (entries are never mutated). */
  private range(start: Bytes | undefined, end: Bytes | undefined): Entry[] {
    const keys = this.sorted();
    const lo = start === undefined ? 0 : lowerBound(keys, keyString(start));
    const hi = end === undefined ? keys.length : lowerBound(keys, keyString(end));
    const out: Entry[] = [];
    for (let i = lo; i < hi; i++) out.push(this.pending.get(keys[i]!)!);
    return out;
  }

  private sorted(): string[] {
    if (this.added.length > 0) {
      this.added.sort();
      this.sortedKeys = this.sortedKeys.length === 0 ? this.added : mergeSorted(this.sortedKeys, this.added);
      this.added = [];
    }
    return this.sortedKeys;
  }

  /** Number of pending writes (deletes included). */
  pendingCount(): number {
    return this.pending.size;
  }

  write(): void {
    const target = this.target;
    if (target === undefined) throw new TypeError("CacheKV.write: the parent is a read-only view");
    const keys = this.sorted();
    if (target instanceof CacheKV) {
      for (const s of keys) target.put(s, this.pending.get(s)!);
    } else {
      for (const s of keys) {
        const e = this.pending.get(s)!;
        if (e.value === undefined) target.delete(e.key);
        else target.set(e.key, e.value);
      }
    }
    this.discard();
  }

  discard(): void {
    this.pending.clear();
    this.sortedKeys = [];
    this.added = [];
  }
}
