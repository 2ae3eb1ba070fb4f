/**
 * Root hashes against cosmos/iavl. Fixtures come from scripts/iavl-golden (see docs/store.md):
 *   testdata/iavl-v1.json    cosmos/iavl v1.2.4 (scripts/iavl-golden/v1)
 *   testdata/iavl-v0.20.json cosmos/iavl v0.20.1, as pinned by cosmos-sdk v0.47.17 (scripts/iavl-golden/sdk047)
 * Regenerate with `bash scripts/iavl-golden/generate.sh` (needs Go and the Go module proxy).
 * The two differ only for a tree started at an initial version > 1 (InitialVersionHashing).
 */

import { describe, expect, it } from "vitest";
import { CommitmentProof } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { fromHex, hexOf } from "../bytes.js";
import type { Node } from "./node.js";
import { commitmentProof } from "./proof.js";
import { MutableTree, type InitialVersionHashing } from "./tree.js";
import { opsDigest, readFixture, scenarioOps, type TreeFixture } from "./testdata/scenario.js";

const FIXTURES: readonly { file: string; hashing: InitialVersionHashing }[] = [
  { file: "iavl-v1.json", hashing: "iavl-v1" },
  { file: "iavl-v0.20.json", hashing: "iavl-v0" },
];

// The v0.20 fixture carries roots only; its op streams are the v1 fixture's (same opsDigest).
const OPS_SOURCE = readFixture<TreeFixture>("iavl-v1.json");

describe.each(FIXTURES)("golden roots from $file", ({ file, hashing }) => {
  const fixture = readFixture<TreeFixture>(file);

  it.each(fixture.scenarios.map((s) => ({ ...s, $name: s.name })))("$name", (scenario) => {
    const source = OPS_SOURCE.scenarios.find((s) => s.name === scenario.name);
    if (source === undefined) throw new Error(`no op stream for scenario ${scenario.name}`);
    const ops = scenarioOps(source);
    expect(opsDigest(ops), "op stream differs from the Go generator").toBe(scenario.opsDigest);
    const tree = new MutableTree(undefined, { initialVersion: scenario.initialVersion, initialVersionHashing: hashing });
    const roots = new Map<number, Node | undefined>();
    scenario.versions.forEach((want, i) => {
      for (const op of ops[i]!) {
        if (op.delete) tree.remove(op.key);
        else tree.set(op.key, op.value!);
      }
      const saved = tree.saveVersion();
      roots.set(saved.version, saved.root);
      expect({ version: saved.version, root: hexOf(saved.hash), size: tree.size() }).toEqual({
        version: want.version,
        root: want.root,
        size: want.size,
      });
    });
    // Proof bytes (gogoproto Marshal in Go, cosmjs-types here) must be identical.
    for (const p of scenario.proofs ?? []) {
      const proof = commitmentProof(roots.get(p.version), fromHex(p.key), undefined);
      expect({ key: p.key, version: p.version, proof: hexOf(CommitmentProof.encode(proof).finish()) }).toEqual({
        key: p.key,
        version: p.version,
        proof: p.proof,
      });
    }
  });
});
