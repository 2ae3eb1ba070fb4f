/**
 * The mutable IAVL+ tree: Set/Remove with AVL rebalancing identical to cosmos/iavl
 * (mutable_tree.go `recursiveSet`, `recursiveRemove`, `balance`, `rotateLeft/Right`), so that the
 * same operations give the same root hash as Go.
 *
 * Copy-on-write: a persisted node (or a working node handed out in a snapshot) is never changed;
 * it is copied ("cloned" in Go) with the working version, and a persisted one is recorded as an
 * orphan of the working version. A working node of the current epoch is changed in place, which
 * is equivalent for hashing (every node on a changed path gets the working version either way)
 * and saves most allocations. `snapshotRoot()` starts a new epoch, so a root handed to a reader
 * stays frozen while the tree keeps changing.
 */

import type { Bytes } from "../types.js";
import { compareBytes, keyString } from "../bytes.js";
import {
  copyNode,
  EMPTY_TREE_HASH,
  hashBytes,
  hashSubtree,
  innerHash,
  leafHash,
  leftOf,
  newLeaf,
  Node,
  rightOf,
  type NodeSource,
} from "./node.js";
import { getValue } from "./read.js";
import type { InitialVersionHashing, KeyChange, NodeSink, SavedVersion, TreeOptions } from "./treeTypes.js";

export type { InitialVersionHashing, KeyChange, NodeSink, SavedVersion, TreeOptions } from "./treeTypes.js";

export class MutableTree {
  private root: Node | undefined;
  private lastVersion: number;
  private initialVersion: number;
  private readonly hashing: InitialVersionHashing;
  private epoch = 1;
  private orphans: Node[] = [];
  /** Keys removed in the working version (keys set are found as new leaves at save time). */
  private deleted = new Map<string, Bytes>();
  // Recursion results, kept in fields to avoid allocating tuples on the hot path.
  private updated = false;
  private removed = false;
  private newLeftmostKey: Bytes | undefined = undefined;

  constructor(
    private readonly src: NodeSource | undefined,
    opts: TreeOptions = {},
    root?: Node,
    lastVersion = 0,
  ) {
    this.root = root;
    this.lastVersion = lastVersion;
    this.initialVersion = opts.initialVersion ?? 0;
    this.hashing = opts.initialVersionHashing ?? "iavl-v0";
  }

  /** The version the next saveVersion() will write. */
  workingVersion(): number {
    if (this.lastVersion === 0 && this.initialVersion > 1) return this.initialVersion;
    return this.lastVersion + 1;
  }

  /** Version of the last save (0 before the first). */
  version(): number {
    return this.lastVersion;
  }

  /** Starts the tree at `version` (only before the first save; SDK SetInitialVersion). */
  setInitialVersion(version: number): void {
    if (this.lastVersion !== 0) throw new Error(`setInitialVersion: tree already saved version ${this.lastVersion}`);
    if (this.root !== undefined) throw new Error("setInitialVersion: tree already has unsaved nodes");
    this.initialVersion = version;
  }

  /** Version stamped into (and hashed with) nodes created now. */
  private nodeVersion(): number {
    if (this.lastVersion === 0 && this.hashing === "iavl-v0") return 1;
    return this.workingVersion();
  }

  size(): number {
    return this.root?.size ?? 0;
  }

  get(key: Bytes): Bytes | undefined {
    return getValue(this.root, key, this.src);
  }

  /** Whether key was removed in the working version (and not necessarily set again). */
  wasDeleted(key: Bytes): boolean {
    return this.deleted.size > 0 && this.deleted.has(keyString(key));
  }

  /** The current root, for a point read that completes before the next write. */
  currentRoot(): Node | undefined {
    return this.root;
  }

  /** The current root, frozen: later writes copy instead of changing anything it reaches. */
  snapshotRoot(): Node | undefined {
    this.epoch++;
    return this.root;
  }

  /** Sets key to value (a non-empty value). Returns true when the key already existed. */
  set(key: Bytes, value: Bytes): boolean {
    if (key.length === 0) throw new TypeError("MutableTree.set: empty key");
    if (value.length === 0) throw new TypeError("MutableTree.set: empty value (ICS23 cannot prove it)");
    const version = this.nodeVersion();
    if (this.root === undefined) {
      this.root = newLeaf(key, value, version, this.epoch);
      return false;
    }
    this.updated = false;
    this.root = this.setRec(this.root, key, value, version);
    return this.updated;
  }

  /** Removes key. Returns false (and changes nothing) when it is absent. */
  remove(key: Bytes): boolean {
    if (this.root === undefined) return false;
    this.removed = false;
    this.newLeftmostKey = undefined;
    const newRoot = this.removeRec(this.root, key, this.nodeVersion());
    if (!this.removed) return false;
    this.root = newRoot;
    this.deleted.set(keyString(key), key);
    return true;
  }

  /** Root hash of the tree as it stands (hashes nodes changed since the last call). */
  workingHash(): Bytes {
    return this.root === undefined ? EMPTY_TREE_HASH : hashBytes(hashSubtree(this.root));
  }

  /**
   * Ends the working version: hashes it and numbers its new nodes in one post-order walk (each
   * node is visited once, while its children are still in cache), handing each to `sink` for
   * persistence. The tree stays in memory as the base of the next version.
   */
  saveVersion(sink?: NodeSink): SavedVersion {
    const version = this.workingVersion();
    const changes: KeyChange[] = [];
    for (const key of this.deleted.values()) changes.push({ key, value: undefined });
    let count = 0;
    const visit = (n: Node): void => {
      if (n.height === 0) {
        if (n.hash === undefined) n.hash = leafHash(n.key, n.value!, n.version);
        changes.push({ key: n.key, value: n.value });
      } else {
        const l = n.left;
        const r = n.right;
        if (l !== undefined && l.nonce === 0) visit(l);
        if (r !== undefined && r.nonce === 0) visit(r);
        if (n.hash === undefined) {
          const lh = l !== undefined ? l.hash : n.leftRef?.hash;
          const rh = r !== undefined ? r.hash : n.rightRef?.hash;
          if (lh === undefined || rh === undefined) throw new Error("saveVersion: inner node without child hash");
          n.hash = innerHash(n.height, n.size, n.version, lh, rh);
        }
      }
      n.nonce = ++count;
      if (sink !== undefined) sink(n);
    };
    const root = this.root;
    if (root !== undefined && root.nonce === 0) visit(root);
    const hash = root === undefined ? EMPTY_TREE_HASH : hashBytes(root.hash!);
    const saved: SavedVersion = { version, hash, root, newNodes: count, orphans: this.orphans, changes };
    this.lastVersion = version;
    this.orphans = [];
    this.deleted = new Map();
    this.epoch++;
    return saved;
  }

  /** Go `clone`: a node this version may change. */
  private mutable(node: Node, version: number): Node {
    if (node.nonce === 0 && node.epoch === this.epoch) {
      node.hash = undefined;
      return node;
    }
    if (node.nonce !== 0) this.orphans.push(node);
    return copyNode(node, version, this.epoch);
  }

  /** A node leaves the tree: if it was persisted, it is an orphan of this version. */
  private dropNode(node: Node): void {
    if (node.nonce !== 0) this.orphans.push(node);
  }

  private setRec(node: Node, key: Bytes, value: Bytes, version: number): Node {
    if (node.height === 0) {
      const c = compareBytes(key, node.key);
      if (c === 0) {
        this.updated = true;
        this.dropNode(node);
        return newLeaf(key, value, version, this.epoch);
      }
      const leaf = newLeaf(key, value, version, this.epoch);
      const inner = new Node(c < 0 ? node.key : key, undefined, 1, 2, version, this.epoch);
      inner.left = c < 0 ? leaf : node;
      inner.right = c < 0 ? node : leaf;
      return inner;
    }
    const n = this.mutable(node, version);
    let l: Node;
    let r: Node;
    if (compareBytes(key, n.key) < 0) {
      l = this.setRec(n.left ?? leftOf(n, this.src), key, value, version);
      n.left = l;
      if (this.updated) return n;
      r = n.right ?? rightOf(n, this.src);
    } else {
      r = this.setRec(n.right ?? rightOf(n, this.src), key, value, version);
      n.right = r;
      if (this.updated) return n;
      l = n.left ?? leftOf(n, this.src);
    }
    // resize + balance, with the children already at hand.
    const lh = l.height;
    const rh = r.height;
    n.height = (lh > rh ? lh : rh) + 1;
    n.size = l.size + r.size;
    const b = lh - rh;
    return b > 1 || b < -1 ? this.balance(n, version) : n;
  }

  /**
   * Returns the subtree without `key` (undefined when the subtree was that single leaf). Sets
   * `removed`, and `newLeftmostKey` when the subtree's smallest key changed.
   */
  private removeRec(node: Node, key: Bytes, version: number): Node | undefined {
    if (node.height === 0) {
      if (compareBytes(key, node.key) !== 0) return node;
      this.removed = true;
      this.dropNode(node);
      return undefined;
    }
    if (compareBytes(key, node.key) < 0) {
      const newLeft = this.removeRec(leftOf(node, this.src), key, version);
      if (!this.removed) return node;
      if (newLeft === undefined) {
        // The left leaf went away: the right subtree replaces this node, and its smallest key
        // (this node's key) becomes the new smallest key of the subtree.
        const right = rightOf(node, this.src);
        this.dropNode(node);
        this.newLeftmostKey = node.key;
        return right;
      }
      const n = this.mutable(node, version);
      n.left = newLeft;
      this.resize(n);
      return this.balance(n, version);
    }
    const newRight = this.removeRec(rightOf(node, this.src), key, version);
    if (!this.removed) return node;
    if (newRight === undefined) {
      const left = leftOf(node, this.src);
      this.dropNode(node);
      this.newLeftmostKey = undefined;
      return left;
    }
    const n = this.mutable(node, version);
    n.right = newRight;
    if (this.newLeftmostKey !== undefined) {
      n.key = this.newLeftmostKey;
      this.newLeftmostKey = undefined;
    }
    this.resize(n);
    return this.balance(n, version);
  }

  private resize(n: Node): void {
    const l = leftOf(n, this.src);
    const r = rightOf(n, this.src);
    n.height = (l.height > r.height ? l.height : r.height) + 1;
    n.size = l.size + r.size;
  }

  private balanceOf(n: Node): number {
    return leftOf(n, this.src).height - rightOf(n, this.src).height;
  }

  /** Go `balance`: n is a working node whose height and size are current. */
  private balance(n: Node, version: number): Node {
    const b = this.balanceOf(n);
    if (b > 1) {
      const left = leftOf(n, this.src);
      if (this.balanceOf(left) >= 0) return this.rotateRight(n, version);
      n.left = this.rotateLeft(left, version);
      return this.rotateRight(n, version);
    }
    if (b < -1) {
      const right = rightOf(n, this.src);
      if (this.balanceOf(right) <= 0) return this.rotateLeft(n, version);
      n.right = this.rotateRight(right, version);
      return this.rotateLeft(n, version);
    }
    return n;
  }

  private rotateRight(node: Node, version: number): Node {
    const n = this.mutable(node, version);
    const top = this.mutable(leftOf(n, this.src), version);
    n.left = rightOf(top, this.src);
    top.right = n;
    this.resize(n);
    this.resize(top);
    return top;
  }

  private rotateLeft(node: Node, version: number): Node {
    const n = this.mutable(node, version);
    const top = this.mutable(rightOf(n, this.src), version);
    n.right = leftOf(top, this.src);
    top.left = n;
    this.resize(n);
    this.resize(top);
    return top;
  }
}
