/** Options and results of MutableTree (iavl/tree.ts). */

import type { Bytes } from "../types.js";
import type { Node } from "./node.js";

/**
 * Which version a node created before the tree's first save carries in its hash when the tree
 * starts at an initial version > 1 (InitChain `initial_height`):
 * - "iavl-v0" (cosmos/iavl v0.19–v0.21, SDK ≤ v0.47, the reference chain): version 1;
 * - "iavl-v1" (cosmos/iavl v1, SDK v0.50+): the initial version.
 * Both agree whenever the chain starts at height 1. Fixture: testdata/iavl-v0.20.json vs iavl-v1.json.
 */
export type InitialVersionHashing = "iavl-v0" | "iavl-v1";

export interface TreeOptions {
  readonly initialVersion?: number;
  readonly initialVersionHashing?: InitialVersionHashing;
}

/** A key changed in the working version: the new value, or undefined when deleted. */
export interface KeyChange {
  readonly key: Bytes;
  readonly value: Bytes | undefined;
}

/** Receives each node created in the saved version, children before parents, hashed and numbered. */
export type NodeSink = (node: Node) => void;

/** What one saveVersion produced, for the node database to persist. */
export interface SavedVersion {
  readonly version: number;
  readonly hash: Bytes;
  readonly root: Node | undefined;
  /** Number of nodes created in this version (given nonces 1..n, children before parents). */
  readonly newNodes: number;
  /** Persisted nodes that are no longer part of the tree from this version on. */
  readonly orphans: readonly Node[];
  /**
   * Keys changed in this version, for the flat index: the deleted keys first, then every key set
   * (a key deleted and set again appears twice; applied in order, the set wins).
   */
  readonly changes: readonly KeyChange[];
}
