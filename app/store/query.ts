/**
 * ABCI store queries, as the SDK answers them (store/iavl/store.go `Query`, rootmulti `Query`):
 * - `/store/<name>/key`: the value at a height, and with prove=true two proof ops:
 *     {type "ics23:iavl",   key: <queried key>, data: CommitmentProof (exist or nonexist)}
 *     {type "ics23:simple", key: <store name>,  data: CommitmentProof (store root in the app hash)}
 * - `/store/<name>/subspace`: every pair under a prefix, as cosmos.base.kv.v1beta1.Pairs bytes.
 * The proof at height H verifies against the app hash of header H+1.
 */

import { CommitmentProof } from "cosmjs-types/cosmos/ics23/v1/proofs";
import type { Bytes, KVPair, KVReader, ProofOp, StoreQueryResult, SubspaceQueryResult } from "./types.js";
import { putUvarint, utf8, uvarintSize } from "./bytes.js";
import { storeProof, type StoreRoot } from "./commitInfo.js";
import { prefixEnd } from "./db/keys.js";
import type { IavlStore } from "./iavlStore.js";
import type { Node } from "./iavl/node.js";
import { commitmentProof } from "./iavl/proof.js";

export const PROOF_OP_IAVL = "ics23:iavl";
export const PROOF_OP_SIMPLE = "ics23:simple";

export function queryKey(
  store: IavlStore,
  root: Node | undefined,
  roots: readonly StoreRoot[],
  height: number,
  key: Bytes,
  prove: boolean,
): StoreQueryResult {
  if (key.length === 0) throw new RangeError("query: key cannot be zero length");
  const value = store.read(root, key, root === store.committed() ? "committed" : "historical");
  if (!prove) return { height, key, value };
  const proofOps: ProofOp[] = [
    { type: PROOF_OP_IAVL, key, data: CommitmentProof.encode(commitmentProof(root, key, store)).finish() },
    {
      type: PROOF_OP_SIMPLE,
      key: utf8(store.name),
      data: CommitmentProof.encode(storeProof(roots, store.name)).finish(),
    },
  ];
  return { height, key, value, proofOps };
}

export function querySubspace(reader: KVReader, height: number, prefix: Bytes): SubspaceQueryResult {
  if (prefix.length === 0) throw new RangeError("querySubspace: prefix cannot be zero length");
  const pairs: KVPair[] = [...reader.iterator(prefix, prefixEnd(prefix))];
  return { height, pairs, value: encodeKvPairs(pairs) };
}

/** cosmos.base.kv.v1beta1.Pairs { repeated Pair pairs = 1 }, Pair { bytes key = 1; bytes value = 2 }. */
export function encodeKvPairs(pairs: readonly KVPair[]): Bytes {
  const sizes = pairs.map((p) => fieldSize(p.key.length) + fieldSize(p.value.length));
  const total = sizes.reduce((a, s) => a + fieldSize(s), 0);
  const out = new Uint8Array(total);
  let o = 0;
  pairs.forEach((p, i) => {
    out[o++] = 0x0a;
    o = putUvarint(out, o, sizes[i]!);
    o = putField(out, o, 0x0a, p.key);
    o = putField(out, o, 0x12, p.value);
  });
  return out;
}

/** Size of a length-delimited field with a one-byte tag (omitted when empty, as proto3 does). */
function fieldSize(len: number): number {
  return len === 0 ? 0 : 1 + uvarintSize(len) + len;
}

function putField(out: Uint8Array, o: number, tag: number, bytes: Bytes): number {
  if (bytes.length === 0) return o;
  out[o++] = tag;
  o = putUvarint(out, o, bytes.length);
  out.set(bytes, o);
  return o + bytes.length;
}
