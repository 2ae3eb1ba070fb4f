import { createHash } from "node:crypto";
import { ClassicLevel } from "classic-level";
import type {
  BranchMultiStore,
  Bytes,
  CommitInfo,
  CommitMultiStore,
  KVPair,
  KVReader,
  KVStore,
  MultiStore,
  MultiStoreReader,
  StoreKind,
  StoreName,
  StoreQueryResult,
} from "../store/types.js";

/**
 * INTERIM store, used only until the IAVL multistore of app/store lands (issue "State").
 * Flat sorted maps per store, a deterministic app hash over the full contents, one atomic LevelDB
 * batch per commit, only the latest version retained, no proofs. Small devnet states only.
 */

const hex = (b: Bytes): string => Buffer.from(b).toString("hex");
const unhex = (h: string): Bytes => new Uint8Array(Buffer.from(h, "hex"));

function inRange(h: string, start?: Bytes, end?: Bytes): boolean {
  return (start === undefined || h >= hex(start)) && (end === undefined || h < hex(end));
}

class MapReader implements KVReader {
  constructor(private readonly data: Map<string, Bytes>) {}
  get(key: Bytes): Bytes | undefined {
    return this.data.get(hex(key));
  }
  has(key: Bytes): boolean {
    return this.data.has(hex(key));
  }
  iterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return sortedPairs(this.data, start, end, false);
  }
  reverseIterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return sortedPairs(this.data, start, end, true);
  }
}

function sortedPairs(data: Map<string, Bytes>, start: Bytes | undefined, end: Bytes | undefined, reverse: boolean): IterableIterator<KVPair> {
  // Lowercase hex of equal-prefix byte strings sorts exactly like the bytes.
  const keys = [...data.keys()].filter((h) => inRange(h, start, end)).sort();
  if (reverse) keys.reverse();
  return keys.map((h) => ({ key: unhex(h), value: data.get(h)! }))[Symbol.iterator]();
}

/** Cache over a parent reader: dirty map (null = deleted), merged iteration. */
class CacheKV implements KVStore {
  readonly dirty = new Map<string, Bytes | null>();
  constructor(private readonly parent: KVReader) {}
  get(key: Bytes): Bytes | undefined {
    const h = hex(key);
    if (this.dirty.has(h)) return this.dirty.get(h) ?? undefined;
    return this.parent.get(key);
  }
  has(key: Bytes): boolean {
    return this.get(key) !== undefined;
  }
  set(key: Bytes, value: Bytes): void {
    if (value.length === 0) throw new RangeError("store: zero-length values are not allowed");
    this.dirty.set(hex(key), value);
  }
  delete(key: Bytes): void {
    this.dirty.set(hex(key), null);
  }
  iterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return this.merged(start, end, false);
  }
  reverseIterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return this.merged(start, end, true);
  }
  private merged(start: Bytes | undefined, end: Bytes | undefined, reverse: boolean): IterableIterator<KVPair> {
    const all = new Map<string, Bytes>();
    for (const { key, value } of this.parent.iterator(start, end)) all.set(hex(key), value);
    for (const [h, v] of this.dirty) {
      if (!inRange(h, start, end)) continue;
      if (v === null) all.delete(h);
      else all.set(h, v);
    }
    return sortedPairs(all, undefined, undefined, reverse);
  }
}

class CacheMultiStore implements BranchMultiStore {
  private readonly stores = new Map<StoreName, CacheKV>();
  constructor(
    private readonly parent: MultiStoreReader,
    private readonly writeInto: ((name: StoreName) => KVStore) | undefined,
  ) {}
  get height(): number {
    return this.parent.height;
  }
  getStore(name: StoreName): KVStore {
    let s = this.stores.get(name);
    if (!s) {
      s = new CacheKV(this.parent.getReader(name));
      this.stores.set(name, s);
    }
    return s;
  }
  getReader(name: StoreName): KVReader {
    return this.getStore(name);
  }
  branch(): BranchMultiStore {
    return new CacheMultiStore(this, (name) => this.getStore(name));
  }
  write(): void {
    if (!this.writeInto) throw new Error("store: cannot write a branch of an immutable view");
    for (const name of [...this.stores.keys()].sort()) {
      const target = this.writeInto(name);
      const dirty = this.stores.get(name)!.dirty;
      for (const h of [...dirty.keys()].sort()) {
        const v = dirty.get(h);
        if (v) target.set(unhex(h), v);
        else target.delete(unhex(h));
      }
      dirty.clear();
    }
  }
}

export class InterimMultiStore implements CommitMultiStore {
  private readonly kinds = new Map<StoreName, StoreKind>();
  private readonly committedData = new Map<StoreName, Map<string, Bytes>>();
  private workingView: CacheMultiStore | undefined;
  private last: CommitInfo = { height: 0, appHash: new Uint8Array() };
  private readonly meta = new Map<string, Bytes>();
  private readonly stagedMeta = new Map<string, Bytes>();
  private readonly db: ClassicLevel<string, Uint8Array>;

  constructor(dir: string) {
    this.db = new ClassicLevel<string, Uint8Array>(dir, { keyEncoding: "utf8", valueEncoding: "view" });
  }

  mount(name: StoreName, kind: StoreKind): void {
    if (this.kinds.has(name)) throw new Error(`store: ${name} mounted twice`);
    this.kinds.set(name, kind);
    this.committedData.set(name, new Map());
  }

  async load(): Promise<void> {
    await this.db.open();
    for await (const [k, v] of this.db.iterator()) {
      const [tag, name, rest] = splitKey(k);
      if (tag === "s" && this.kinds.get(name) === "iavl") this.committedData.get(name)?.set(rest, v);
      else if (tag === "m") this.meta.set(name, v);
    }
    const height = this.meta.get("height");
    if (height) this.last = { height: Number(new TextDecoder().decode(height)), appHash: this.meta.get("apphash") ?? new Uint8Array() };
  }

  lastCommit(): CommitInfo {
    return this.last;
  }

  committed(): MultiStoreReader {
    const readers = this.committedData;
    const height = this.last.height;
    const view: MultiStoreReader = {
      height,
      getReader: (name) => new MapReader(readers.get(name) ?? failUnmounted(name)),
      branch: () => new CacheMultiStore(view, undefined),
    };
    return view;
  }

  at(height: number): MultiStoreReader {
    if (height !== this.last.height) throw new RangeError(`store: version ${height} is not retained (interim store keeps only ${this.last.height})`);
    return this.committed();
  }

  working(): MultiStore {
    if (!this.workingView) {
      const base = this.committed();
      this.workingView = new CacheMultiStore({ ...base, height: this.last.height + 1 }, undefined);
    }
    return this.workingView;
  }

  workingHash(): Bytes {
    const outer = createHash("sha256");
    for (const name of [...this.kinds.keys()].sort()) {
      if (this.kinds.get(name) !== "iavl") continue;
      const store = this.working().getReader(name);
      const inner = createHash("sha256");
      for (const { key, value } of store.iterator()) {
        inner.update(lenPrefix(key)).update(lenPrefix(value));
      }
      outer.update(lenPrefix(new TextEncoder().encode(name))).update(inner.digest());
    }
    return new Uint8Array(outer.digest());
  }

  async commit(): Promise<CommitInfo> {
    const appHash = this.workingHash();
    const height = this.last.height + 1;
    const batch = this.db.batch();
    const view = this.working() as CacheMultiStore;
    for (const name of [...this.kinds.keys()].sort()) {
      const cache = view.getStore(name) as CacheKV;
      if (this.kinds.get(name) !== "iavl") continue;
      for (const [h, v] of cache.dirty) {
        if (v) batch.put(`s/${name}/${h}`, v);
        else batch.del(`s/${name}/${h}`);
      }
    }
    for (const [k, v] of this.stagedMeta) batch.put(`m/${k}/`, v);
    batch.put("m/height/", new TextEncoder().encode(String(height)));
    batch.put("m/apphash/", appHash);
    await batch.write();
    for (const name of this.kinds.keys()) {
      const cache = view.getStore(name) as CacheKV;
      if (this.kinds.get(name) !== "iavl") continue;
      const data = this.committedData.get(name)!;
      for (const [h, v] of cache.dirty) {
        if (v) data.set(h, v);
        else data.delete(h);
      }
    }
    for (const [k, v] of this.stagedMeta) this.meta.set(k, v);
    this.stagedMeta.clear();
    this.workingView = undefined;
    this.last = { height, appHash };
    return this.last;
  }

  setMeta(key: string, value: Bytes): void {
    this.stagedMeta.set(key, value);
  }

  getMeta(key: string): Bytes | undefined {
    return this.stagedMeta.get(key) ?? this.meta.get(key);
  }

  query(name: StoreName, key: Bytes, height: number, prove: boolean): StoreQueryResult {
    if (prove) throw new RangeError("store: proofs need the IAVL store");
    return { height, key, value: this.at(height).getReader(name).get(key) };
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

function failUnmounted(name: string): never {
  throw new Error(`store: ${name} is not mounted`);
}

function splitKey(k: string): [string, string, string] {
  const a = k.indexOf("/");
  const b = k.indexOf("/", a + 1);
  return [k.slice(0, a), k.slice(a + 1, b), k.slice(b + 1)];
}

function lenPrefix(b: Bytes): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}
