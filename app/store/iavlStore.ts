/**
 * One mounted IAVL store: its working tree, the root of its last committed version, lazy loading
 * of persisted nodes, the flat latest-value index, and the batch operations that persist or prune
 * a version (key layout: db/keys.ts; node encoding: db/nodeCodec.ts).
 */

import type { Bytes } from "./types.js";
import { compareBytes, equalBytes } from "./bytes.js";
import { decodeNode, encodeNode, maxNodeSize } from "./db/nodeCodec.js";
import {
  nodeKey,
  prefixed,
  readBe32,
  readBe64,
  storePrefix,
  TAG,
  versionKey,
  writeBe32,
  writeBe64,
} from "./db/keys.js";
import type { StoreDb, WriteBatch } from "./db/storeDb.js";
import { hashString, leftOf, rightOf, writeHash, type Node, type NodeSource } from "./iavl/node.js";
import { MutableTree, type SavedVersion, type TreeOptions } from "./iavl/tree.js";

export interface IavlStoreOptions extends TreeOptions {
  /** Serve latest-version reads that reach an unloaded subtree from the flat index (default true). */
  readonly flatReads?: boolean;
}

const ORPHAN_ENTRY = 12;
const ARENA_BYTES = 256 * 1024;
/** Historical roots kept loaded for at(height) queries, per store. */
const HISTORICAL_ROOTS = 4;

export class IavlStore implements NodeSource {
  readonly tree: MutableTree;
  private committedRoot: Node | undefined;
  private committedVersion: number;
  /** True while the flat index holds exactly `committedVersion` (false during a commit write). */
  flatReady = false;
  /** Nodes loaded from disk since the last trim (drives cache trimming). */
  loadedNodes = 0;
  private readonly nodePrefix: Uint8Array;
  private readonly rootPrefix: Uint8Array;
  private readonly orphanPrefix: Uint8Array;
  private readonly flatPrefix: Uint8Array;
  /** Whether latest-version reads may use the flat index (see read()). */
  flatReads: boolean;
  private readonly historical = new Map<number, Node | undefined>();

  constructor(
    private readonly db: StoreDb,
    readonly name: string,
    version: number,
    opts: IavlStoreOptions,
  ) {
    this.nodePrefix = storePrefix(TAG.node, name);
    this.rootPrefix = storePrefix(TAG.root, name);
    this.orphanPrefix = storePrefix(TAG.orphans, name);
    this.flatPrefix = storePrefix(TAG.flat, name);
    this.flatReads = opts.flatReads ?? true;
    const root = version > 0 ? this.readRoot(version) : undefined;
    this.tree = new MutableTree(this, opts, root, version);
    this.committedRoot = root;
    this.committedVersion = version;
    this.flatReady = true;
  }

  /** NodeSource: a persisted node from disk. */
  load(version: number, nonce: number, hash: string): Node {
    const bytes = this.db.getSync(nodeKey(this.nodePrefix, version, nonce));
    if (bytes === undefined) {
      throw new Error(`IavlStore(${this.name}): node ${version}/${nonce} is missing (pruned version read?)`);
    }
    this.loadedNodes++;
    return decodeNode(version, nonce, hash, bytes);
  }

  /** A persisted node from disk, not counted as loaded (the snapshot exporter does not keep it). */
  peek(version: number, nonce: number, hash: string): Node {
    const bytes = this.db.getSync(nodeKey(this.nodePrefix, version, nonce));
    if (bytes === undefined) throw new Error(`IavlStore(${this.name}): node ${version}/${nonce} is missing (pruned version read?)`);
    return decodeNode(version, nonce, hash, bytes);
  }

  lastVersion(): number {
    return this.committedVersion;
  }

  /** Root of the last committed version (hashes computed, never changes). */
  committed(): Node | undefined {
    return this.committedRoot;
  }

  /** Root of a retained version (the caller checks retention); undefined for an empty tree. */
  rootAt(version: number): Node | undefined {
    if (version === this.committedVersion) return this.committedRoot;
    if (this.historical.has(version)) return this.historical.get(version);
    const root = this.readRoot(version);
    if (this.historical.size >= HISTORICAL_ROOTS) {
      const oldest = this.historical.keys().next().value;
      if (oldest !== undefined) this.historical.delete(oldest);
    }
    this.historical.set(version, root);
    return root;
  }

  /** The root record of a version; a store without one (mounted later) was empty then. */
  private readRoot(version: number): Node | undefined {
    const rec = this.db.getSync(versionKey(this.rootPrefix, version));
    if (rec === undefined || rec.length === 0) return undefined;
    if (rec.length !== 44) throw new RangeError(`IavlStore(${this.name}): root record of ${version} has ${rec.length} bytes`);
    return this.load(readBe64(rec, 0), readBe32(rec, 8), hashString(rec.subarray(12, 44)));
  }

  /**
   * Point read under `root`. When the walk reaches a child that is not in memory and `root` is
   * the last committed version ("committed") or the working tree built on it ("working"), the flat
   * index answers instead: an unloaded subtree is persisted, so every key still present in it has
   * its last committed value. A key deleted in the working version may have been the neighbour of
   * such a subtree, so the working tree's deleted set is checked first.
   */
  read(root: Node | undefined, key: Bytes, mode: "working" | "committed" | "historical"): Bytes | undefined {
    if (root === undefined) return undefined;
    const flat = mode !== "historical" && this.flatReads && this.flatReady;
    let node = root;
    while (node.height > 0) {
      const goLeft = compareBytes(key, node.key) < 0;
      const next = goLeft ? node.left : node.right;
      if (next !== undefined) {
        node = next;
      } else if (flat) {
        if (mode === "working" && this.tree.wasDeleted(key)) return undefined;
        return this.db.getSync(prefixed(this.flatPrefix, key));
      } else {
        node = goLeft ? leftOf(node, this) : rightOf(node, this);
      }
    }
    return equalBytes(node.key, key) ? node.value : undefined;
  }

  /**
   * Saves the working version into `batch`: every new node (encoded as saveVersion hands it over,
   * into shared arenas), the root record, the orphan list and the flat-index updates.
   */
  saveInto(batch: WriteBatch): SavedVersion {
    const prefix = this.nodePrefix;
    const keyLen = prefix.length + 12;
    let keys = new Uint8Array(0);
    let keyAt = 0;
    let arena = new Uint8Array(0);
    let at = 0;
    const saved = this.tree.saveVersion((n) => {
      if (keyAt + keyLen > keys.length) {
        keys = new Uint8Array(keyLen * 4096);
        keyAt = 0;
      }
      const room = maxNodeSize(n);
      if (at + room > arena.length) {
        arena = new Uint8Array(Math.max(room, ARENA_BYTES));
        at = 0;
      }
      keys.set(prefix, keyAt);
      writeBe64(keys, keyAt + prefix.length, n.version);
      writeBe32(keys, keyAt + prefix.length + 8, n.nonce);
      const end = encodeNode(n, arena, at);
      batch.put(keys.subarray(keyAt, keyAt + keyLen), arena.subarray(at, end));
      keyAt += keyLen;
      at = end;
    });
    const root = saved.root;
    const rootRec = new Uint8Array(root === undefined ? 0 : 44);
    if (root !== undefined) {
      writeBe64(rootRec, 0, root.version);
      writeBe32(rootRec, 8, root.nonce);
      writeHash(rootRec, 12, root.hash!);
    }
    batch.put(versionKey(this.rootPrefix, saved.version), rootRec);
    if (saved.orphans.length > 0) {
      const rec = new Uint8Array(saved.orphans.length * ORPHAN_ENTRY);
      saved.orphans.forEach((n, i) => {
        writeBe64(rec, i * ORPHAN_ENTRY, n.version);
        writeBe32(rec, i * ORPHAN_ENTRY + 8, n.nonce);
      });
      batch.put(versionKey(this.orphanPrefix, saved.version), rec);
    }
    for (const c of saved.changes) {
      const key = prefixed(this.flatPrefix, c.key);
      if (c.value === undefined) batch.del(key);
      else batch.put(key, c.value);
    }
    return saved;
  }

  /** The batch holding `saved` is durable: it becomes the committed version. */
  markCommitted(saved: SavedVersion): void {
    this.committedRoot = saved.root;
    this.committedVersion = saved.version;
  }

  /**
   * Operations deleting what only `version` still needed: its root record, and the nodes that
   * version+1 orphaned (alive up to `version`, now in no retained version).
   */
  pruneOps(version: number, batch: WriteBatch): void {
    this.historical.delete(version);
    const orphanKey = versionKey(this.orphanPrefix, version + 1);
    const rec = this.db.getSync(orphanKey);
    if (rec !== undefined) {
      for (let o = 0; o + ORPHAN_ENTRY <= rec.length; o += ORPHAN_ENTRY) {
        batch.del(nodeKey(this.nodePrefix, readBe64(rec, o), readBe32(rec, o + 8)));
      }
      batch.del(orphanKey);
    }
    batch.del(versionKey(this.rootPrefix, version));
  }

  /**
   * Drops loaded nodes below `depth` of the committed tree so the heap stays bounded; they are
   * reloaded from disk on demand. Returns how many nodes stay loaded. Only after a commit: every
   * node is then persisted.
   */
  trim(depth: number): number {
    const root = this.committedRoot;
    if (root === undefined) return 0;
    let kept = 0;
    const stack: { node: Node; d: number }[] = [{ node: root, d: 0 }];
    while (stack.length > 0) {
      const { node, d } = stack.pop()!;
      kept++;
      if (node.height === 0) continue;
      if (d >= depth) {
        node.unloadChildren();
        continue;
      }
      if (node.left !== undefined) stack.push({ node: node.left, d: d + 1 });
      if (node.right !== undefined) stack.push({ node: node.right, d: d + 1 });
    }
    this.historical.clear();
    this.loadedNodes = 0;
    return kept;
  }
}
