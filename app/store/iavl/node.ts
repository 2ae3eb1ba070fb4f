/**
 * IAVL+ tree node and its hash, bit-compatible with cosmos/iavl (node.go `writeHashBytes`):
 *
 *   preimage = zz(height) ‖ zz(size) ‖ zz(version)                  (Go binary.PutVarint, zigzag)
 *   leaf:    ‖ uvarint(len(key)) ‖ key ‖ 0x20 ‖ sha256(value)
 *   inner:   ‖ 0x20 ‖ leftHash ‖ 0x20 ‖ rightHash                  (the inner key is not hashed)
 *   hash = sha256(preimage); an empty tree hashes to sha256("").
 *
 * Hashes are held as 32-char latin1 strings (one char per byte): `crypto.hash` returns them ~3×
 * faster than a Buffer, and they cost the garbage collector far less than 32-byte ArrayBuffers.
 *
 * A node is either *working* (nonce 0: created in the version being built, mutable while its
 * epoch is the tree's current epoch) or *persisted* (nonce > 0: identified on disk by
 * (version, nonce), immutable). A persisted inner node may have unloaded children: the
 * `left`/`right` pointer is then undefined and the child's (version, nonce, hash) are kept in the
 * parent so that the parent can be rehashed and the child loaded on demand.
 */

import { hash as sha256Once } from "node:crypto";
import type { Bytes } from "../types.js";
import { putUvarint, putZigzag, uvarintSize } from "../bytes.js";

/** Identity and hash of a persisted child that is not loaded. */
export class ChildRef {
  constructor(
    readonly version: number,
    readonly nonce: number,
    readonly hash: string,
  ) {}
}

export class Node {
  /** Leaf: its key. Inner: the smallest key of its right subtree. */
  key: Bytes;
  /** Leaf value (never empty); undefined for inner nodes. */
  value: Bytes | undefined;
  height: number;
  size: number;
  /** The tree version this node was created in (part of its hash). */
  version: number;
  /** sha256 of the node as a latin1 string (see hashBytes), once computed. */
  hash: string | undefined;
  left: Node | undefined;
  right: Node | undefined;
  /** 0 while the node is only in memory; its on-disk identity (with `version`) once saved. */
  nonce: number;
  /** Working nodes of the tree's current epoch may be mutated in place (see MutableTree). */
  epoch: number;
  /** Set (with `left` undefined) while the left child is not loaded. */
  leftRef: ChildRef | undefined;
  rightRef: ChildRef | undefined;

  constructor(key: Bytes, value: Bytes | undefined, height: number, size: number, version: number, epoch: number) {
    this.key = key;
    this.value = value;
    this.height = height;
    this.size = size;
    this.version = version;
    this.hash = undefined;
    this.left = undefined;
    this.right = undefined;
    this.nonce = 0;
    this.epoch = epoch;
    this.leftRef = undefined;
    this.rightRef = undefined;
  }

  isLeaf(): boolean {
    return this.height === 0;
  }

  /** Drops the loaded children of a persisted inner node, keeping what is needed to reload them. */
  unloadChildren(): void {
    const l = this.left;
    const r = this.right;
    if (l === undefined || r === undefined || l.hash === undefined || r.hash === undefined) return;
    if (l.nonce === 0 || r.nonce === 0) return;
    this.leftRef = new ChildRef(l.version, l.nonce, l.hash);
    this.rightRef = new ChildRef(r.version, r.nonce, r.hash);
    this.left = undefined;
    this.right = undefined;
  }
}

export function newLeaf(key: Bytes, value: Bytes, version: number, epoch: number): Node {
  return new Node(key, value, 0, 1, version, epoch);
}

/** A fresh working copy of a node (Go `clone`): same content, new version, no hash. */
export function copyNode(src: Node, version: number, epoch: number): Node {
  const n = new Node(src.key, src.value, src.height, src.size, version, epoch);
  n.left = src.left;
  n.right = src.right;
  n.leftRef = src.leftRef;
  n.rightRef = src.rightRef;
  return n;
}

export function sha256(data: Bytes): Bytes {
  return sha256Once("sha256", data, "buffer");
}

/** A latin1 hash string as bytes. */
export function hashBytes(h: string): Uint8Array {
  return new Uint8Array(Buffer.from(h, "latin1"));
}

/** Bytes of a hash as the latin1 string nodes hold. */
export function hashString(bytes: Bytes): string {
  if (bytes.length !== 32) throw new RangeError(`hashString: ${bytes.length}-byte hash`);
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

export const EMPTY_TREE_HASH: Bytes = sha256(new Uint8Array(0));

/** Writes a latin1 hash string as 32 bytes at offset. */
export function writeHash(buf: Uint8Array, offset: number, h: string): void {
  for (let i = 0; i < 32; i++) buf[offset + i] = h.charCodeAt(i);
}

function zigzagSize(n: number): number {
  let size = 1;
  n *= 2;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

// Preimage buffers by exact length: hashing a whole Buffer avoids allocating a view per node.
// Only lengths up to 4 KiB are cached (a leaf preimage holds its key; keys are short).
const scratchByLength: Buffer[] = [];
function scratch(length: number): Buffer {
  if (length > 4096) return Buffer.allocUnsafe(length);
  let b = scratchByLength[length];
  if (b === undefined) {
    b = Buffer.allocUnsafeSlow(length);
    scratchByLength[length] = b;
  }
  return b;
}

/** Hash of a leaf (cosmos/iavl writeHashBytes, height 0, size 1). */
export function leafHash(key: Bytes, value: Bytes, version: number): string {
  const valueHash = sha256Once("sha256", value, "binary");
  const length = 2 + zigzagSize(version) + uvarintSize(key.length) + key.length + 33;
  const buf = scratch(length);
  let o = putZigzag(buf, 0, 0);
  o = putZigzag(buf, o, 1);
  o = putZigzag(buf, o, version);
  o = putUvarint(buf, o, key.length);
  buf.set(key, o);
  o += key.length;
  buf[o++] = 0x20;
  writeHash(buf, o, valueHash);
  return sha256Once("sha256", buf, "binary");
}

/** Hash of an inner node from its children's hashes. */
export function innerHash(height: number, size: number, version: number, left: string, right: string): string {
  const length = zigzagSize(height) + zigzagSize(size) + zigzagSize(version) + 66;
  const buf = scratch(length);
  let o = putZigzag(buf, 0, height);
  o = putZigzag(buf, o, size);
  o = putZigzag(buf, o, version);
  buf[o++] = 0x20;
  writeHash(buf, o, left);
  o += 32;
  buf[o++] = 0x20;
  writeHash(buf, o, right);
  return sha256Once("sha256", buf, "binary");
}

/**
 * Hashes every unhashed node under `node` (children first) and returns the node's hash. Nodes
 * that already carry a hash (persisted or hashed earlier in this version) are not revisited.
 */
export function hashSubtree(node: Node): string {
  if (node.hash !== undefined) return node.hash;
  if (node.height === 0) {
    node.hash = leafHash(node.key, node.value!, node.version);
    return node.hash;
  }
  const l = node.left !== undefined ? hashSubtree(node.left) : node.leftRef?.hash;
  const r = node.right !== undefined ? hashSubtree(node.right) : node.rightRef?.hash;
  if (l === undefined || r === undefined) throw new Error("hashSubtree: inner node without child hash");
  node.hash = innerHash(node.height, node.size, node.version, l, r);
  return node.hash;
}

/** Where unloaded persisted nodes come from (the node database, behind its cache). */
export interface NodeSource {
  /** The persisted node (version, nonce), whose hash the caller already knows. */
  load(version: number, nonce: number, hash: string): Node;
}

/** The left child, loading it (and caching it in the parent) when it is not in memory. */
export function leftOf(n: Node, src: NodeSource | undefined): Node {
  const l = n.left;
  if (l !== undefined) return l;
  const ref = n.leftRef;
  if (src === undefined || ref === undefined) {
    throw new Error(`leftOf: inner node (version ${n.version}) has no loadable left child`);
  }
  const loaded = src.load(ref.version, ref.nonce, ref.hash);
  n.left = loaded;
  return loaded;
}

/** The right child, loading it when needed (see leftOf). */
export function rightOf(n: Node, src: NodeSource | undefined): Node {
  const r = n.right;
  if (r !== undefined) return r;
  const ref = n.rightRef;
  if (src === undefined || ref === undefined) {
    throw new Error(`rightOf: inner node (version ${n.version}) has no loadable right child`);
  }
  const loaded = src.load(ref.version, ref.nonce, ref.hash);
  n.right = loaded;
  return loaded;
}
