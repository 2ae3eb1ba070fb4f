/**
 * Export of one IAVL tree version as cosmos/iavl's exporter emits it (v0.20 `export.go`): every node
 * in post-order (left subtree, right subtree, node), each as (key, value, version, height). Inner
 * nodes carry their key (the smallest key of their right subtree) and no value. The importer
 * (importTree.ts) rebuilds exactly the same tree, node for node, from this sequence.
 */

import type { Bytes } from "../types.js";
import type { Node } from "../iavl/node.js";

export interface ExportNode {
  readonly key: Bytes;
  /** Leaf value; undefined for inner nodes. */
  readonly value: Bytes | undefined;
  /** The tree version that created the node (part of its hash). */
  readonly version: number;
  /** 0 for a leaf. */
  readonly height: number;
}

/**
 * Reads a persisted node without attaching it to its parent, so an export of a large tree does not
 * pull the whole tree into memory (the walk keeps only the path it is on).
 */
export interface DetachedNodeSource {
  peek(version: number, nonce: number, hash: string): Node;
}

function child(n: Node, side: "left" | "right", src: DetachedNodeSource): Node {
  const loaded = side === "left" ? n.left : n.right;
  if (loaded !== undefined) return loaded;
  const ref = side === "left" ? n.leftRef : n.rightRef;
  if (ref === undefined) throw new Error(`exportTree: inner node (version ${n.version}) has no ${side} child`);
  return src.peek(ref.version, ref.nonce, ref.hash);
}

/** The nodes of the tree under `root`, in the exporter's post-order; nothing for an empty tree. */
export function* exportTree(root: Node | undefined, src: DetachedNodeSource): Generator<ExportNode> {
  if (root === undefined) return;
  // Explicit stack: a frame is visited twice, first to push its children, then to emit it.
  const stack: { node: Node; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const n = top.node;
    if (n.height > 0 && !top.expanded) {
      top.expanded = true;
      stack.push({ node: child(n, "right", src), expanded: false });
      stack.push({ node: child(n, "left", src), expanded: false });
      continue;
    }
    stack.pop();
    yield { key: n.key, value: n.height === 0 ? n.value : undefined, version: n.version, height: n.height };
  }
}

/** A no-op source for trees that are entirely in memory (tests). */
export const IN_MEMORY: DetachedNodeSource = {
  peek(version, nonce) {
    throw new Error(`exportTree: node ${version}/${nonce} is not loaded and there is no node database`);
  },
};

