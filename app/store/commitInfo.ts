/**
 * The app hash: Cosmos SDK `CommitInfo.Hash()` (store/types/commit_info.go, internal/maps), a
 * CometBFT simple Merkle tree (crypto/merkle: leaf = sha256(0x00 ‖ leaf), inner =
 * sha256(0x01 ‖ left ‖ right), split at the largest power of two below n) over the stores sorted
 * by name bytes, each leaf being
 *
 *   KVPair(name, sha256(storeRoot)).Bytes() = uvarint(len(name)) ‖ name ‖ uvarint(32) ‖ sha256(storeRoot)
 *
 * and its ICS23 `ics23:simple` proof (store/internal/proofs/convert.go), checked by
 * `tendermintSpec`: leaf op {prefix 0x00, SHA256, prehash value SHA256, VAR_PROTO}; each inner op
 * has prefix 0x01, with the sibling in the suffix when it is on the right, appended to the prefix
 * when it is on the left. Spec: store-perf §1.0.
 */

import { CommitmentProof, HashOp, LengthOp, type InnerOp } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { CommitInfo as CommitInfoProto } from "cosmjs-types/cosmos/store/v1beta1/commit_info";
import type { Bytes, StoreName } from "./types.js";
import { compareBytes, putUvarint, utf8, uvarintSize } from "./bytes.js";
import { sha256 } from "./iavl/node.js";

export interface StoreRoot {
  readonly name: StoreName;
  readonly root: Bytes;
}

function leafBytes(name: Bytes, root: Bytes): Bytes {
  const valueHash = sha256(root);
  const out = new Uint8Array(uvarintSize(name.length) + name.length + 1 + 32);
  let o = putUvarint(out, 0, name.length);
  out.set(name, o);
  o += name.length;
  o = putUvarint(out, o, 32);
  out.set(valueHash, o);
  return out;
}

function hashLeaf(leaf: Bytes): Bytes {
  const pre = new Uint8Array(1 + leaf.length);
  pre[0] = 0x00;
  pre.set(leaf, 1);
  return sha256(pre);
}

function hashInner(left: Bytes, right: Bytes): Bytes {
  const pre = new Uint8Array(1 + left.length + right.length);
  pre[0] = 0x01;
  pre.set(left, 1);
  pre.set(right, 1 + left.length);
  return sha256(pre);
}

/** Largest power of two strictly below n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** CometBFT `HashFromByteSlices` over pre-hashed leaves. */
function merkleRoot(leafHashes: readonly Bytes[], from: number, to: number): Bytes {
  const n = to - from;
  if (n === 1) return leafHashes[from]!;
  const k = splitPoint(n);
  return hashInner(merkleRoot(leafHashes, from, from + k), merkleRoot(leafHashes, from + k, to));
}

/** Stores sorted by name bytes (Go sorts strings bytewise), with their encoded names. */
function sortedLeaves(stores: readonly StoreRoot[]): { name: StoreName; nameBytes: Bytes; root: Bytes }[] {
  const rows = stores.map((s) => ({ name: s.name, nameBytes: utf8(s.name), root: s.root }));
  rows.sort((a, b) => compareBytes(a.nameBytes, b.nameBytes));
  for (let i = 1; i < rows.length; i++) {
    if (compareBytes(rows[i - 1]!.nameBytes, rows[i]!.nameBytes) === 0) {
      throw new Error(`commitInfo: store name ${rows[i]!.name} appears twice`);
    }
  }
  return rows;
}

/** The app hash over the committed stores; empty when there is none (SDK returns nil). */
export function appHashOf(stores: readonly StoreRoot[]): Bytes {
  if (stores.length === 0) return new Uint8Array(0);
  const leaves = sortedLeaves(stores).map((s) => hashLeaf(leafBytes(s.nameBytes, s.root)));
  return merkleRoot(leaves, 0, leaves.length);
}

/** Sibling hashes from the leaf at `index` up to the root, with their side. */
function aunts(leafHashes: readonly Bytes[], from: number, to: number, index: number): { hash: Bytes; right: boolean }[] {
  const n = to - from;
  if (n === 1) return [];
  const k = splitPoint(n);
  if (index < from + k) {
    return [...aunts(leafHashes, from, from + k, index), { hash: merkleRoot(leafHashes, from + k, to), right: true }];
  }
  return [...aunts(leafHashes, from + k, to, index), { hash: merkleRoot(leafHashes, from, from + k), right: false }];
}

/** The `ics23:simple` proof that store `name` has root `root` under the app hash. */
export function storeProof(stores: readonly StoreRoot[], name: StoreName): CommitmentProof {
  const rows = sortedLeaves(stores);
  const index = rows.findIndex((r) => r.name === name);
  if (index < 0) throw new RangeError(`storeProof: store ${name} is not committed`);
  const leaves = rows.map((s) => hashLeaf(leafBytes(s.nameBytes, s.root)));
  const path: InnerOp[] = aunts(leaves, 0, leaves.length, index).map((a) => {
    if (a.right) return { hash: HashOp.SHA256, prefix: Uint8Array.of(0x01), suffix: a.hash };
    const prefix = new Uint8Array(1 + a.hash.length);
    prefix[0] = 0x01;
    prefix.set(a.hash, 1);
    return { hash: HashOp.SHA256, prefix, suffix: new Uint8Array(0) };
  });
  const row = rows[index]!;
  return CommitmentProof.fromPartial({
    exist: {
      key: row.nameBytes,
      value: row.root,
      leaf: {
        hash: HashOp.SHA256,
        prehashKey: HashOp.NO_HASH,
        prehashValue: HashOp.SHA256,
        length: LengthOp.VAR_PROTO,
        prefix: Uint8Array.of(0x00),
      },
      path,
    },
  });
}

/** CommitInfo as the SDK stores it (cosmos.store.v1beta1.CommitInfo, no timestamp). */
export function encodeCommitRoots(version: number, roots: readonly StoreRoot[]): Uint8Array {
  const v = BigInt(version);
  return CommitInfoProto.encode(
    CommitInfoProto.fromPartial({
      version: v,
      storeInfos: roots.map((r) => ({ name: r.name, commitId: { version: v, hash: r.root } })),
    }),
  ).finish();
}

export function decodeCommitRoots(bytes: Uint8Array): StoreRoot[] {
  return CommitInfoProto.decode(bytes).storeInfos.map((si) => ({ name: si.name, root: si.commitId.hash }));
}
