/**
 * Test-only: the proof-shape rules of Go cosmos/ics23 v0.10.0 (go/ops.go `CheckAgainstSpec`,
 * `validateIavlOps`; go/proof.go `ExistenceProof.CheckAgainstSpec`) that @confio/ics23 0.6.8
 * does not apply (store-perf §1.0 "Gaps versus Go ics23"). Written from the rules, for checking
 * that our proofs would also pass the verifier ibc-go runs.
 */

import { HashOp, LengthOp, type ExistenceProof, type InnerOp, type LeafOp } from "cosmjs-types/cosmos/ics23/v1/proofs";

export interface SpecRules {
  readonly iavl: boolean;
  readonly leafPrefix: Uint8Array;
  readonly minPrefixLength: number;
  readonly maxPrefixLength: number;
  readonly childSize: number;
  readonly childCount: number;
}

export const IAVL_RULES: SpecRules = { iavl: true, leafPrefix: Uint8Array.of(0), minPrefixLength: 4, maxPrefixLength: 12, childSize: 33, childCount: 2 };
export const TENDERMINT_RULES: SpecRules = { iavl: false, leafPrefix: Uint8Array.of(0), minPrefixLength: 1, maxPrefixLength: 1, childSize: 32, childCount: 2 };

/** Go binary.ReadVarint: uvarint, then zigzag. */
function readVarint(buf: Uint8Array, o: number): [number, number] {
  let ux = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    if (o >= buf.length) throw new Error("validateIavlOps: EOF in varint");
    const b = buf[o++]!;
    ux |= BigInt(b & 0x7f) << shift;
    if (b < 0x80) {
      const x = ux & 1n ? -(ux >> 1n) - 1n : ux >> 1n;
      return [Number(x), o];
    }
    shift += 7n;
  }
  throw new Error("validateIavlOps: varint overflow");
}

/** Go validateIavlOps(op, layer): three non-negative varints, height ≥ layer, exact remainder. */
export function validateIavlOps(prefix: Uint8Array, hash: HashOp, layer: number): void {
  let o = 0;
  const values: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [v, next] = readVarint(prefix, o);
    o = next;
    if (v < 0) throw new Error("validateIavlOps: negative value in IAVL op");
    values.push(v);
  }
  if (values[0]! < layer) throw new Error(`validateIavlOps: height ${values[0]} below layer ${layer}`);
  const rest = prefix.length - o;
  if (layer === 0) {
    if (rest !== 0) throw new Error(`validateIavlOps: leaf prefix has ${rest} trailing bytes`);
    return;
  }
  if (rest !== 1 && rest !== 34) throw new Error(`validateIavlOps: inner prefix has ${rest} trailing bytes`);
  if (hash !== HashOp.SHA256) throw new Error("validateIavlOps: inner op hash is not SHA256");
}

function startsWith(a: Uint8Array, prefix: Uint8Array): boolean {
  return a.length >= prefix.length && prefix.every((b, i) => a[i] === b);
}

function checkLeaf(leaf: LeafOp, rules: SpecRules): void {
  if (rules.iavl) validateIavlOps(leaf.prefix, leaf.hash, 0);
  if (leaf.hash !== HashOp.SHA256) throw new Error("leaf: unexpected HashOp");
  if (leaf.prehashKey !== HashOp.NO_HASH) throw new Error("leaf: unexpected PrehashKey");
  if (leaf.prehashValue !== HashOp.SHA256) throw new Error("leaf: unexpected PrehashValue");
  if (leaf.length !== LengthOp.VAR_PROTO) throw new Error("leaf: unexpected LengthOp");
  if (!startsWith(leaf.prefix, rules.leafPrefix)) throw new Error("leaf: prefix does not start with the spec prefix");
}

function checkInner(op: InnerOp, rules: SpecRules, layer: number): void {
  if (op.hash !== HashOp.SHA256) throw new Error("inner: unexpected HashOp");
  if (rules.iavl) validateIavlOps(op.prefix, op.hash, layer);
  if (startsWith(op.prefix, rules.leafPrefix)) throw new Error("inner: prefix starts with the leaf prefix");
  if (op.prefix.length < rules.minPrefixLength) throw new Error("inner: prefix too short");
  const maxLeftChildBytes = (rules.childCount - 1) * rules.childSize;
  if (op.prefix.length > rules.maxPrefixLength + maxLeftChildBytes) throw new Error("inner: prefix too long");
  if (op.suffix.length % rules.childSize !== 0) throw new Error("inner: suffix malformed");
}

/** Go ExistenceProof.CheckAgainstSpec: throws the first violated rule. */
export function checkExistenceAgainstGoRules(p: ExistenceProof, rules: SpecRules): void {
  if (p.leaf === undefined) throw new Error("existence proof needs a leaf op");
  checkLeaf(p.leaf, rules);
  p.path.forEach((op, i) => checkInner(op, rules, i + 1));
}
