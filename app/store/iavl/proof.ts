/**
 * ICS23 proofs of one IAVL tree (cosmos/iavl proof_ics23.go), checked by `iavlSpec`:
 *   leaf op  : prefix zz(0) ‖ zz(1) ‖ zz(version), SHA256, prehash value SHA256, VAR_PROTO length;
 *   inner ops (leaf upward): prefix zz(height) ‖ zz(size) ‖ zz(version) ‖ 0x20, then
 *     - path goes right: prefix += leftHash ‖ 0x20, empty suffix;
 *     - path goes left:  suffix = 0x20 ‖ rightHash.
 * A non-existence proof carries the existence proofs of the neighbours at index-1 and index
 * (either may be missing at the ends; both are missing for an empty tree, as in Go).
 */

import {
  CommitmentProof,
  HashOp,
  LengthOp,
  type ExistenceProof,
  type InnerOp,
  type LeafOp,
} from "cosmjs-types/cosmos/ics23/v1/proofs";
import type { Bytes } from "../types.js";
import { putZigzag } from "../bytes.js";
import { hashBytes, type Node, type NodeSource } from "./node.js";
import { getByIndex, getWithIndex, pathToLeaf } from "./read.js";

function zigzags(a: number, b: number, c: number, extra: number): { buf: Uint8Array; end: number } {
  const buf = new Uint8Array(30 + extra);
  let o = putZigzag(buf, 0, a);
  o = putZigzag(buf, o, b);
  o = putZigzag(buf, o, c);
  return { buf, end: o };
}

function leafOp(version: number): LeafOp {
  const { buf, end } = zigzags(0, 1, version, 0);
  return {
    hash: HashOp.SHA256,
    prehashKey: HashOp.NO_HASH,
    prehashValue: HashOp.SHA256,
    length: LengthOp.VAR_PROTO,
    prefix: buf.slice(0, end),
  };
}

function innerOp(node: Node, leftHash: string | undefined, rightHash: string | undefined): InnerOp {
  const { buf, end } = zigzags(node.height, node.size, node.version, 66);
  let o = end;
  buf[o++] = 0x20;
  if (leftHash !== undefined) {
    buf.set(hashBytes(leftHash), o);
    o += 32;
    buf[o++] = 0x20;
    return { hash: HashOp.SHA256, prefix: buf.slice(0, o), suffix: new Uint8Array(0) };
  }
  if (rightHash === undefined) throw new Error("innerOp: path step without a sibling hash");
  const suffix = new Uint8Array(33);
  suffix[0] = 0x20;
  suffix.set(hashBytes(rightHash), 1);
  return { hash: HashOp.SHA256, prefix: buf.slice(0, o), suffix };
}

/** Existence proof of a key that is in the tree (root hashes must be computed). */
export function existenceProof(root: Node, key: Bytes, src: NodeSource | undefined): ExistenceProof {
  const { path, leaf } = pathToLeaf(root, key, src);
  const ops: InnerOp[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i]!;
    ops.push(innerOp(step.node, step.leftHash, step.rightHash));
  }
  return { key: leaf.key, value: leaf.value!, leaf: leafOp(leaf.version), path: ops };
}

/** Go `GetMembershipProof`. Throws a RangeError when the key is absent. */
export function membershipProof(root: Node | undefined, key: Bytes, src: NodeSource | undefined): CommitmentProof {
  if (root === undefined) throw new RangeError("membershipProof: empty tree");
  return CommitmentProof.fromPartial({ exist: existenceProof(root, key, src) });
}

/** Go `GetNonMembershipProof`. Throws a RangeError when the key is present. */
export function nonMembershipProof(root: Node | undefined, key: Bytes, src: NodeSource | undefined): CommitmentProof {
  const { index, value } = getWithIndex(root, key, src);
  if (value !== undefined) throw new RangeError("nonMembershipProof: key is in the tree");
  const left = index >= 1 ? getByIndex(root, index - 1, src) : undefined;
  const right = getByIndex(root, index, src);
  return CommitmentProof.fromPartial({
    nonexist: {
      key,
      left: left !== undefined ? existenceProof(root!, left.key, src) : undefined,
      right: right !== undefined ? existenceProof(root!, right.key, src) : undefined,
    },
  });
}

/** Membership proof when the key is present, non-membership otherwise (Go `GetProof`). */
export function commitmentProof(root: Node | undefined, key: Bytes, src: NodeSource | undefined): CommitmentProof {
  const { value } = getWithIndex(root, key, src);
  return value !== undefined ? membershipProof(root, key, src) : nonMembershipProof(root, key, src);
}
