/**
 * Point reads over one tree root (working or saved): get, index lookups used by non-existence
 * proofs (cosmos/iavl `GetWithIndex` / `GetByIndex`), and the path to a leaf.
 */

import type { Bytes } from "../types.js";
import { compareBytes, equalBytes } from "../bytes.js";
import { leftOf, rightOf, type Node, type NodeSource } from "./node.js";

export function getValue(root: Node | undefined, key: Bytes, src: NodeSource | undefined): Bytes | undefined {
  if (root === undefined) return undefined;
  let node = root;
  while (node.height > 0) {
    node = compareBytes(key, node.key) < 0 ? leftOf(node, src) : rightOf(node, src);
  }
  return equalBytes(node.key, key) ? node.value : undefined;
}

/**
 * Index of `key` among the tree's keys and its value when present; when absent, the index it
 * would be inserted at (the number of keys smaller than it).
 */
export function getWithIndex(
  root: Node | undefined,
  key: Bytes,
  src: NodeSource | undefined,
): { index: number; value: Bytes | undefined } {
  let index = 0;
  if (root === undefined) return { index, value: undefined };
  let node = root;
  while (node.height > 0) {
    if (compareBytes(key, node.key) < 0) {
      node = leftOf(node, src);
    } else {
      const right = rightOf(node, src);
      index += node.size - right.size;
      node = right;
    }
  }
  const c = compareBytes(node.key, key);
  if (c < 0) return { index: index + 1, value: undefined };
  if (c > 0) return { index, value: undefined };
  return { index, value: node.value };
}

/** The leaf at `index` in key order, or undefined past the end. */
export function getByIndex(root: Node | undefined, index: number, src: NodeSource | undefined): Node | undefined {
  if (root === undefined || index < 0 || index >= root.size) return undefined;
  let node = root;
  while (node.height > 0) {
    const left = leftOf(node, src);
    if (index < left.size) {
      node = left;
    } else {
      index -= left.size;
      node = rightOf(node, src);
    }
  }
  return node;
}

/** One inner node on the path to a leaf and the hash of the sibling not on the path. */
export interface PathStep {
  readonly node: Node;
  /** Sibling hash (latin1 string) when the path goes right (sibling on the left), else undefined. */
  readonly leftHash: string | undefined;
  /** Sibling hash when the path goes left. */
  readonly rightHash: string | undefined;
}

/** Root-to-leaf path to `key`, which must exist; hashes must be computed. */
export function pathToLeaf(root: Node, key: Bytes, src: NodeSource | undefined): { path: PathStep[]; leaf: Node } {
  const path: PathStep[] = [];
  let node = root;
  while (node.height > 0) {
    if (compareBytes(key, node.key) < 0) {
      const right = rightOf(node, src);
      path.push({ node, leftHash: undefined, rightHash: right.hash });
      node = leftOf(node, src);
    } else {
      const left = leftOf(node, src);
      path.push({ node, leftHash: left.hash, rightHash: undefined });
      node = rightOf(node, src);
    }
  }
  if (!equalBytes(node.key, key)) throw new RangeError("pathToLeaf: key is not in the tree");
  return { path, leaf: node };
}
