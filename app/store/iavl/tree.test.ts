/**
 * The tree against a plain sorted map (fast-check): get, iteration in both directions over random
 * ranges, deletes; snapshots stay frozen while the tree changes; hashing at odd moments does not
 * change roots; AVL invariants hold.
 */

import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareBytes, hexOf } from "../bytes.js";
import { TreeIterator } from "./iterator.js";
import type { Node } from "./node.js";
import { getByIndex, getWithIndex } from "./read.js";
import { MutableTree } from "./tree.js";

type Op = { kind: "set"; key: Uint8Array; value: Uint8Array } | { kind: "del"; key: Uint8Array };

const keyArb = fc.uint8Array({ minLength: 1, maxLength: 3, max: 7 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), key: keyArb, value: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("del" as const), key: keyArb }),
);
const boundArb = fc.option(keyArb, { nil: undefined });

/** Model: hex key → [key, value]. */
type Model = Map<string, [Uint8Array, Uint8Array]>;

function apply(model: Model, tree: MutableTree, op: Op): void {
  if (op.kind === "set") {
    tree.set(op.key, op.value);
    model.set(hexOf(op.key), [op.key, op.value]);
  } else {
    expect(tree.remove(op.key)).toBe(model.delete(hexOf(op.key)));
  }
}

function modelRange(model: Model, start?: Uint8Array, end?: Uint8Array): string[] {
  return [...model.values()]
    .filter(([k]) => (start === undefined || compareBytes(k, start) >= 0) && (end === undefined || compareBytes(k, end) < 0))
    .sort((a, b) => compareBytes(a[0], b[0]))
    .map(([k, v]) => `${hexOf(k)}=${hexOf(v)}`);
}

function treeRange(root: Node | undefined, start: Uint8Array | undefined, end: Uint8Array | undefined, asc: boolean): string[] {
  return [...new TreeIterator(root, start, end, asc, undefined)].map((p) => `${hexOf(p.key)}=${hexOf(p.value)}`);
}

/** AVL invariants: heights, sizes, balance factor, inner key = smallest key of the right subtree. */
function checkInvariants(n: Node | undefined): { height: number; size: number; min?: Uint8Array } {
  if (n === undefined) return { height: -1, size: 0 };
  if (n.height === 0) return { height: 0, size: 1, min: n.key };
  const l = checkInvariants(n.left);
  const r = checkInvariants(n.right);
  expect(n.height).toBe(Math.max(l.height, r.height) + 1);
  expect(n.size).toBe(l.size + r.size);
  expect(Math.abs(l.height - r.height)).toBeLessThanOrEqual(1);
  expect(hexOf(n.key)).toBe(hexOf(r.min!));
  return { height: n.height, size: n.size, min: l.min };
}

describe("MutableTree against a sorted map", () => {
  it("get / iterate / delete, several versions", () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { maxLength: 40 }), { minLength: 1, maxLength: 5 }), boundArb, boundArb, (versions, start, end) => {
        const model: Model = new Map();
        const tree = new MutableTree(undefined);
        for (const ops of versions) {
          for (const op of ops) apply(model, tree, op);
          const saved = tree.saveVersion();
          checkInvariants(saved.root);
          expect(tree.size()).toBe(model.size);
          for (const [k, v] of model.values()) expect(tree.get(k)).toEqual(v);
          const want = modelRange(model, start, end);
          expect(treeRange(saved.root, start, end, true)).toEqual(want);
          expect(treeRange(saved.root, start, end, false)).toEqual([...want].reverse());
        }
      }),
      { numRuns: 300 },
    );
  });

  it("getWithIndex / getByIndex agree with the sorted order", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), keyArb, (ops, probe) => {
        const model: Model = new Map();
        const tree = new MutableTree(undefined);
        for (const op of ops) apply(model, tree, op);
        const root = tree.saveVersion().root;
        const sorted = [...model.values()].map(([k]) => k).sort(compareBytes);
        const { index, value } = getWithIndex(root, probe, undefined);
        expect(index).toBe(sorted.filter((k) => compareBytes(k, probe) < 0).length);
        expect(value).toEqual(model.get(hexOf(probe))?.[1]);
        sorted.forEach((k, i) => expect(hexOf(getByIndex(root, i, undefined)!.key)).toBe(hexOf(k)));
        expect(getByIndex(root, sorted.length, undefined)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it("a snapshot root stays frozen while the tree keeps changing", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.array(opArb, { maxLength: 30 }), (before, after) => {
        const model: Model = new Map();
        const tree = new MutableTree(undefined);
        for (const op of before) apply(model, tree, op);
        const frozen = tree.snapshotRoot();
        const want = modelRange(model);
        const it = new TreeIterator(frozen, undefined, undefined, true, undefined);
        const first = it.next();
        for (const op of after) apply(model, tree, op);
        const rest = [...it].map((p) => `${hexOf(p.key)}=${hexOf(p.value)}`);
        const got = first.done === true ? [] : [`${hexOf(first.value.key)}=${hexOf(first.value.value)}`, ...rest];
        expect(got).toEqual(want);
        expect(treeRange(frozen, undefined, undefined, true)).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it("hashing or snapshotting mid-version does not change the version roots", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(opArb, fc.integer({ min: 0, max: 3 })), { maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        (versions) => {
          const plain = new MutableTree(undefined);
          const poked = new MutableTree(undefined);
          for (const ops of versions) {
            for (const [op, poke] of ops) {
              for (const t of [plain, poked]) {
                if (op.kind === "set") t.set(op.key, op.value);
                else t.remove(op.key);
              }
              if (poke === 1) poked.workingHash();
              if (poke === 2) poked.snapshotRoot();
            }
            expect(hexOf(poked.saveVersion().hash)).toBe(hexOf(plain.saveVersion().hash));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a single leaf with a 5,000-byte key hashes per the cosmos/iavl layout", () => {
    const key = new Uint8Array(5000).fill(0x6b);
    const value = Uint8Array.of(1, 2, 3);
    const tree = new MutableTree(undefined);
    tree.set(key, value);
    // zz(height 0) zz(size 1) zz(version 1) uvarint(5000) key 0x20 sha256(value), hashed once more.
    const preimage = Buffer.concat([
      Buffer.from([0x00, 0x02, 0x02, 0x88, 0x27]),
      key,
      Buffer.from([0x20]),
      createHash("sha256").update(value).digest(),
    ]);
    expect(hexOf(tree.saveVersion().hash)).toBe(createHash("sha256").update(preimage).digest("hex"));
  });

  it("rejects empty keys and values", () => {
    const tree = new MutableTree(undefined);
    expect(() => tree.set(new Uint8Array(0), Uint8Array.of(1))).toThrow(/empty key/);
    expect(() => tree.set(Uint8Array.of(1), new Uint8Array(0))).toThrow(/empty value/);
  });

  it("an unchanged version keeps the previous root and saves no node", () => {
    const tree = new MutableTree(undefined);
    tree.set(Uint8Array.of(1), Uint8Array.of(2));
    const v1 = tree.saveVersion();
    expect(tree.remove(Uint8Array.of(9))).toBe(false);
    const v2 = tree.saveVersion();
    expect({ version: v2.version, newNodes: v2.newNodes, orphans: v2.orphans.length }).toEqual({
      version: 2,
      newNodes: 0,
      orphans: 0,
    });
    expect(hexOf(v2.hash)).toBe(hexOf(v1.hash));
  });
});
