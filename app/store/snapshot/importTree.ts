/**
 * Rebuilds one IAVL tree from the exporter's post-order node sequence (exportTree.ts), node for
 * node: each node keeps the version it was exported with, and its hash is recomputed from its
 * content and its children's hashes, so the rebuilt root hash is the exported tree's root hash.
 *
 * cosmos/iavl's importer (v0.20 `import.go`) pairs each inner node with the last one or two nodes
 * on its stack. This one checks more, because the snapshot comes from an untrusted peer and an
 * inner node's key is not part of any hash: an inner node needs two children lower than itself,
 * its height is one more than the taller child's, the children differ by at most one level (AVL),
 * every key of the left subtree sorts before every key of the right one, and the inner key is the
 * smallest key of its right subtree. Anything else is a `SnapshotFormatError`.
 */

import type { Bytes } from "../types.js";
import { compareBytes, equalBytes } from "../bytes.js";
import { ChildRef, innerHash, leafHash, Node } from "../iavl/node.js";
import type { ExportNode } from "./exportTree.js";

/** The snapshot's content is malformed (as opposed to an I/O failure while importing it). */
export class SnapshotFormatError extends Error {
  override readonly name = "SnapshotFormatError";
}

/** Tree heights fit in cosmos/iavl's int8. */
const MAX_HEIGHT = 127;

interface Frame {
  readonly node: Node;
  readonly minKey: Bytes;
  readonly maxKey: Bytes;
}

export class TreeImporter {
  private readonly stack: Frame[] = [];
  /** Next nonce per node version: persisted nodes are identified by (version, nonce). */
  private readonly nonces = new Map<number, number>();
  private count = 0;

  /**
   * @param importHeight the snapshot height: no node may be newer.
   * @param persist receives every rebuilt node (hashed and numbered), children before parents.
   */
  constructor(
    readonly storeName: string,
    private readonly importHeight: number,
    private readonly persist: (node: Node) => void,
  ) {}

  get nodeCount(): number {
    return this.count;
  }

  add(e: ExportNode): void {
    const where = `store ${this.storeName}, node ${this.count + 1}`;
    if (!Number.isSafeInteger(e.height) || e.height < 0 || e.height > MAX_HEIGHT) {
      throw new SnapshotFormatError(`${where}: height ${e.height} is out of range 0..${MAX_HEIGHT}`);
    }
    if (!Number.isSafeInteger(e.version) || e.version < 1 || e.version > this.importHeight) {
      throw new SnapshotFormatError(`${where}: version ${e.version} is not in 1..${this.importHeight}`);
    }
    if (e.key.length === 0) throw new SnapshotFormatError(`${where}: empty key`);
    const frame = e.height === 0 ? this.leaf(e, where) : this.inner(e, where);
    const n = frame.node;
    const nonce = (this.nonces.get(n.version) ?? 0) + 1;
    this.nonces.set(n.version, nonce);
    n.nonce = nonce;
    this.count++;
    this.persist(n);
    this.stack.push(frame);
  }

  /** The root of the rebuilt tree (undefined for an empty tree). */
  finish(): Node | undefined {
    if (this.stack.length > 1) {
      throw new SnapshotFormatError(`store ${this.storeName}: ${this.stack.length} subtrees left over, the export does not form one tree`);
    }
    return this.stack[0]?.node;
  }

  private leaf(e: ExportNode, where: string): Frame {
    if (e.value === undefined || e.value.length === 0) {
      throw new SnapshotFormatError(`${where}: leaf without a value (empty values are not supported)`);
    }
    const n = new Node(e.key, e.value, 0, 1, e.version, 0);
    n.hash = leafHash(e.key, e.value, e.version);
    return { node: n, minKey: e.key, maxKey: e.key };
  }

  private inner(e: ExportNode, where: string): Frame {
    if (e.value !== undefined && e.value.length > 0) throw new SnapshotFormatError(`${where}: inner node with a value`);
    const right = this.stack.pop();
    const left = this.stack.pop();
    if (left === undefined || right === undefined) {
      throw new SnapshotFormatError(`${where}: inner node at height ${e.height} without two children before it`);
    }
    const lh = left.node.height;
    const rh = right.node.height;
    if (lh >= e.height || rh >= e.height || Math.max(lh, rh) + 1 !== e.height) {
      throw new SnapshotFormatError(`${where}: height ${e.height} does not fit children of heights ${lh} and ${rh}`);
    }
    if (Math.abs(lh - rh) > 1) throw new SnapshotFormatError(`${where}: unbalanced children (heights ${lh} and ${rh})`);
    if (compareBytes(left.maxKey, right.minKey) >= 0) {
      throw new SnapshotFormatError(`${where}: keys of the left subtree do not sort before the right subtree's`);
    }
    if (!equalBytes(e.key, right.minKey)) {
      throw new SnapshotFormatError(`${where}: inner key is not the smallest key of its right subtree`);
    }
    const size = left.node.size + right.node.size;
    const n = new Node(e.key, undefined, e.height, size, e.version, 0);
    n.leftRef = new ChildRef(left.node.version, left.node.nonce, left.node.hash!);
    n.rightRef = new ChildRef(right.node.version, right.node.nonce, right.node.hash!);
    n.hash = innerHash(e.height, size, e.version, left.node.hash!, right.node.hash!);
    return { node: n, minKey: left.minKey, maxKey: right.maxKey };
  }
}
