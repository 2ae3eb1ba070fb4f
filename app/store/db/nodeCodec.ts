/**
 * On-disk form of a tree node (the value under its "N" key, which already holds version and nonce):
 *
 *   leaf : 0x00 ‖ uvarint(len(key)) ‖ key ‖ value                      (value = the rest)
 *   inner: height ‖ uvarint(size) ‖ uvarint(len(key)) ‖ key ‖ child(left) ‖ child(right)
 *   child: uvarint(version) ‖ uvarint(nonce) ‖ hash(32)
 *
 * A node's own hash is not stored: its parent (or the root record) holds it, and an inner node
 * keeps its children's hashes so that it can be rehashed without loading them.
 */

import { putUvarint, readUvarint } from "../bytes.js";
import { ChildRef, Node, writeHash } from "../iavl/node.js";

/** Upper bound of a node's encoded size (3 varints of at most 9 bytes each, two children). */
export function maxNodeSize(n: Node): number {
  return n.height === 0 ? 10 + n.key.length + n.value!.length : 19 + n.key.length + 2 * (18 + 32);
}

function copyBytes(buf: Uint8Array, o: number, src: Uint8Array): number {
  const len = src.length;
  if (len > 48) {
    buf.set(src, o);
  } else {
    for (let i = 0; i < len; i++) buf[o + i] = src[i]!;
  }
  return o + len;
}

function writeChild(buf: Uint8Array, o: number, child: Node | undefined, ref: ChildRef | undefined): number {
  let version: number;
  let nonce: number;
  let hash: string | undefined;
  if (child !== undefined) {
    version = child.version;
    nonce = child.nonce;
    hash = child.hash;
  } else if (ref !== undefined) {
    version = ref.version;
    nonce = ref.nonce;
    hash = ref.hash;
  } else {
    throw new Error("encodeNode: inner node without child");
  }
  if (nonce === 0 || hash === undefined) throw new Error("encodeNode: child is not saved");
  o = putUvarint(buf, o, version);
  o = putUvarint(buf, o, nonce);
  writeHash(buf, o, hash);
  return o + 32;
}

/** Writes the node at offset (room: maxNodeSize); returns the offset after it. */
export function encodeNode(n: Node, buf: Uint8Array, offset: number): number {
  let o = offset;
  buf[o++] = n.height;
  if (n.height > 0) o = putUvarint(buf, o, n.size);
  o = putUvarint(buf, o, n.key.length);
  o = copyBytes(buf, o, n.key);
  if (n.height === 0) return copyBytes(buf, o, n.value!);
  o = writeChild(buf, o, n.left, n.leftRef);
  return writeChild(buf, o, n.right, n.rightRef);
}

function latin1(bytes: Uint8Array, o: number): string {
  if (o + 32 > bytes.length) throw new RangeError("decodeNode: child hash runs past the record");
  return Buffer.from(bytes.buffer, bytes.byteOffset + o, 32).toString("latin1");
}

/** Rebuilds a persisted node (children unloaded). Throws a RangeError on malformed bytes. */
export function decodeNode(version: number, nonce: number, hash: string, bytes: Uint8Array): Node {
  if (bytes.length < 2) throw new RangeError(`decodeNode: ${bytes.length}-byte record`);
  const height = bytes[0]!;
  let o = 1;
  let size = 1;
  if (height > 0) [size, o] = readUvarint(bytes, o);
  let keyLen: number;
  [keyLen, o] = readUvarint(bytes, o);
  if (o + keyLen > bytes.length) throw new RangeError("decodeNode: key runs past the record");
  const key = bytes.subarray(o, o + keyLen);
  o += keyLen;
  if (height === 0) {
    const value = bytes.subarray(o);
    if (value.length === 0) throw new RangeError("decodeNode: leaf without value");
    const leaf = new Node(key, value, 0, 1, version, 0);
    leaf.nonce = nonce;
    leaf.hash = hash;
    return leaf;
  }
  const n = new Node(key, undefined, height, size, version, 0);
  n.nonce = nonce;
  n.hash = hash;
  let version2: number;
  let nonce2: number;
  [version2, o] = readUvarint(bytes, o);
  [nonce2, o] = readUvarint(bytes, o);
  n.leftRef = new ChildRef(version2, nonce2, latin1(bytes, o));
  o += 32;
  [version2, o] = readUvarint(bytes, o);
  [nonce2, o] = readUvarint(bytes, o);
  n.rightRef = new ChildRef(version2, nonce2, latin1(bytes, o));
  o += 32;
  if (o !== bytes.length) throw new RangeError(`decodeNode: ${bytes.length - o} trailing bytes`);
  return n;
}
