/**
 * ICS23 proofs of a 10,000-key tree: a few hundred sampled existence and non-existence proofs
 * verify with @confio/ics23 (`iavlSpec`), pass the Go ics23 rules (testdata/goIcs23Rules.ts), and
 * a tampered value or key fails.
 */

import { ics23, iavlSpec, verifyMembership, verifyNonMembership } from "@confio/ics23";
import { CommitmentProof } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { describe, expect, it } from "vitest";
import { compareBytes } from "../bytes.js";
import { checkExistenceAgainstGoRules, IAVL_RULES } from "../testdata/goIcs23Rules.js";
import { membershipProof, nonMembershipProof } from "./proof.js";
import { MutableTree } from "./tree.js";
import { xorshift32 as rng } from "../testdata/xorshift.js";


function buildTree(): { tree: MutableTree; keys: Uint8Array[]; values: Map<string, Uint8Array>; root: Uint8Array } {
  const next = rng(2024);
  const tree = new MutableTree(undefined);
  const keys: Uint8Array[] = [];
  const values = new Map<string, Uint8Array>();
  // Keys of 1–6 bytes over a small alphabet: plenty of shared prefixes and gaps to prove absence in.
  while (keys.length < 10_000) {
    const key = Uint8Array.from({ length: 1 + (next() % 6) }, () => 0x61 + (next() % 8));
    const id = Buffer.from(key).toString("hex");
    if (values.has(id)) continue;
    const value = Uint8Array.from({ length: 1 + (next() % 20) }, () => next() & 0xff);
    keys.push(key);
    values.set(id, value);
    tree.set(key, value);
    if (keys.length % 2500 === 0) tree.saveVersion(); // several versions in the node versions
  }
  const root = tree.saveVersion().hash;
  return { tree, keys, values, root };
}

const { tree, keys, values, root } = buildTree();
const treeRoot = tree.snapshotRoot();
const pick = rng(7);
const present = Array.from({ length: 300 }, () => keys[pick() % keys.length]!);
const absent: Uint8Array[] = [Uint8Array.of(0x00), Uint8Array.of(0xff, 0xff)];
while (absent.length < 300) {
  const key = Uint8Array.from({ length: 1 + (pick() % 7) }, () => 0x60 + (pick() % 10));
  if (!values.has(Buffer.from(key).toString("hex"))) absent.push(key);
}

const toConfio = (p: CommitmentProof): ics23.CommitmentProof => ics23.CommitmentProof.decode(CommitmentProof.encode(p).finish());

describe("IAVL ICS23 proofs (10,000 keys)", () => {
  it("300 existence proofs verify with iavlSpec and pass the Go rules", () => {
    for (const key of present) {
      const value = values.get(Buffer.from(key).toString("hex"))!;
      const proof = membershipProof(treeRoot, key, undefined);
      checkExistenceAgainstGoRules(proof.exist!, IAVL_RULES);
      expect(verifyMembership(toConfio(proof), iavlSpec, root, key, value)).toBe(true);
    }
  });

  it("300 non-existence proofs (including both ends) verify and pass the Go rules", () => {
    const sorted = [...keys].sort(compareBytes);
    for (const key of absent) {
      const proof = nonMembershipProof(treeRoot, key, undefined);
      const ne = proof.nonexist!;
      if (ne.left !== undefined) checkExistenceAgainstGoRules(ne.left, IAVL_RULES);
      if (ne.right !== undefined) checkExistenceAgainstGoRules(ne.right, IAVL_RULES);
      expect(ne.left === undefined).toBe(compareBytes(key, sorted[0]!) < 0);
      expect(ne.right === undefined).toBe(compareBytes(key, sorted[sorted.length - 1]!) > 0);
      expect(verifyNonMembership(toConfio(proof), iavlSpec, root, key)).toBe(true);
    }
  });

  it("a tampered value, key or root fails", () => {
    const key = present[0]!;
    const value = values.get(Buffer.from(key).toString("hex"))!;
    const proof = toConfio(membershipProof(treeRoot, key, undefined));
    const tampered = Uint8Array.from(value, (b, i) => (i === 0 ? b ^ 1 : b));
    expect(verifyMembership(proof, iavlSpec, root, key, tampered)).toBe(false);
    const otherRoot = Uint8Array.from(root, (b, i) => (i === 31 ? b ^ 1 : b));
    expect(verifyMembership(proof, iavlSpec, otherRoot, key, value)).toBe(false);
    expect(verifyNonMembership(proof, iavlSpec, root, key)).toBe(false);
    const absentProof = toConfio(nonMembershipProof(treeRoot, absent[5]!, undefined));
    expect(verifyNonMembership(absentProof, iavlSpec, root, absent[6]!)).toBe(false);
  });

  it("the Go-rule port rejects malformed IAVL ops", () => {
    const exist = membershipProof(treeRoot, present[1]!, undefined).exist!;
    const leafWithTrailer = { ...exist, leaf: { ...exist.leaf!, prefix: Uint8Array.of(...exist.leaf!.prefix, 0) } };
    expect(() => checkExistenceAgainstGoRules(leafWithTrailer, IAVL_RULES)).toThrow(/trailing/);
    // An inner op claiming height 0 at layer 1.
    const first = exist.path[0]!;
    const lowInner = { ...first, prefix: Uint8Array.of(0x00, ...first.prefix.subarray(1)) };
    expect(() => checkExistenceAgainstGoRules({ ...exist, path: [lowInner, ...exist.path.slice(1)] }, IAVL_RULES)).toThrow();
  });

  it("asking for the wrong kind of proof throws", () => {
    expect(() => membershipProof(treeRoot, absent[3]!, undefined)).toThrow(RangeError);
    expect(() => nonMembershipProof(treeRoot, present[3]!, undefined)).toThrow(RangeError);
  });
});
