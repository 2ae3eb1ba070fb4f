/**
 * In-order range iteration over one tree root, [start, end), ascending or descending.
 *
 * The iterator holds the root it was created with. Saved versions never change, and the working
 * tree starts a new epoch before handing out a root (MutableTree.snapshotRoot), so writes made
 * after the iterator was created are not seen and cannot disturb it.
 */

import type { Bytes, KVPair } from "../types.js";
import { compareBytes } from "../bytes.js";
import { leftOf, rightOf, type Node, type NodeSource } from "./node.js";

export class TreeIterator implements IterableIterator<KVPair> {
  /** Inner nodes whose far subtree (right when ascending, left when descending) is still to visit. */
  private readonly stack: Node[] = [];
  /** The subtree to descend into first (the root), until the first step. */
  private pending: Node | undefined;
  private done = false;

  constructor(
    root: Node | undefined,
    private readonly start: Bytes | undefined,
    private readonly end: Bytes | undefined,
    private readonly ascending: boolean,
    private readonly src: NodeSource | undefined,
  ) {
    this.pending = root;
    if (root === undefined) this.done = true;
  }

  [Symbol.iterator](): IterableIterator<KVPair> {
    return this;
  }

  next(): IteratorResult<KVPair> {
    while (!this.done) {
      const leaf = this.ascending ? this.nextAscending() : this.nextDescending();
      if (leaf === undefined) break;
      if (this.ascending) {
        if (this.start !== undefined && compareBytes(leaf.key, this.start) < 0) continue;
        if (this.end !== undefined && compareBytes(leaf.key, this.end) >= 0) break;
      } else {
        if (this.end !== undefined && compareBytes(leaf.key, this.end) >= 0) continue;
        if (this.start !== undefined && compareBytes(leaf.key, this.start) < 0) break;
      }
      return { done: false, value: { key: leaf.key, value: leaf.value! } };
    }
    this.done = true;
    this.stack.length = 0;
    this.pending = undefined;
    return { done: true, value: undefined };
  }

  /**
   * Next leaf in ascending order. Going down, a left subtree whose keys all lie below `start` is
   * skipped (every key left of an inner node is smaller than its key); a right subtree is loaded
   * only when the walk reaches it.
   */
  private nextAscending(): Node | undefined {
    let node = this.pending;
    this.pending = undefined;
    if (node === undefined) {
      const parent = this.stack.pop();
      if (parent === undefined) return undefined;
      node = rightOf(parent, this.src);
    }
    while (node.height > 0) {
      if (this.start !== undefined && compareBytes(this.start, node.key) >= 0) {
        node = rightOf(node, this.src);
      } else {
        this.stack.push(node);
        node = leftOf(node, this.src);
      }
    }
    return node;
  }

  /** Mirror of nextAscending: right subtrees whose keys are all ≥ `end` are skipped. */
  private nextDescending(): Node | undefined {
    let node = this.pending;
    this.pending = undefined;
    if (node === undefined) {
      const parent = this.stack.pop();
      if (parent === undefined) return undefined;
      node = leftOf(parent, this.src);
    }
    while (node.height > 0) {
      if (this.end !== undefined && compareBytes(this.end, node.key) <= 0) {
        node = leftOf(node, this.src);
      } else {
        this.stack.push(node);
        node = rightOf(node, this.src);
      }
    }
    return node;
  }
}
