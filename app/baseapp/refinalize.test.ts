/**
 * CometBFT restarted without its (out-of-process) app after a FinalizeBlock it never committed replays
 * that block. The first execution's writes are already in the working trees: the same block gets the
 * same answer (executing it again on top would commit a wrong app hash); a different block at that
 * height is refused and nothing is committed until the app restarts.
 */
import { describe, expect, it } from "vitest";
import { TestApp } from "../node/testApp.js";

async function withBlock(f: (t: TestApp, request: Parameters<TestApp["parts"]["app"]["finalizeBlock"]>[0]) => Promise<void>): Promise<void> {
  const t = await TestApp.create();
  try {
    const [alice, bob] = [t.keys[0]!, t.keys[1]!];
    const tx = t.sign(alice, [TestApp.send(alice.address, bob.address, 5n)]);
    await f(t, {
      txs: [tx], decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32).fill(7), height: t.nextHeight,
      time: { seconds: 1_700_000_100n, nanos: 0 }, nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20),
    });
  } finally {
    await t.close();
  }
}

describe("FinalizeBlock of a height again without a Commit between", () => {
  it("the same block gets the same response, and Commit stores the app hash of one execution", async () => {
    await withBlock(async (t, request) => {
      const bobBefore = t.balance(t.keys[1]!.address);
      const first = t.parts.app.finalizeBlock(request);
      expect(first.txResults[0]!.code).toBe(0);
      const again = t.parts.app.finalizeBlock({ ...request, txs: request.txs.map((tx) => Uint8Array.from(tx)) });
      expect(again.appHash).toEqual(first.appHash);
      expect(again.txResults).toEqual(first.txResults);
      await t.parts.app.commit();
      expect(t.parts.store.lastCommit().appHash).toEqual(first.appHash);
      expect(t.balance(t.keys[1]!.address)).toBe(bobBefore + 5n); // applied once
    });
  });

  it("a different block at that height is refused, and the store keeps its last commit", async () => {
    await withBlock(async (t, request) => {
      const before = t.parts.store.lastCommit();
      t.parts.app.finalizeBlock(request);
      expect(() => t.parts.app.finalizeBlock({ ...request, txs: [], hash: new Uint8Array(32).fill(8) })).toThrow(/a different block at height/);
      await expect(Promise.resolve().then(() => t.parts.app.commit())).rejects.toThrow(/refused/);
      expect(t.parts.store.lastCommit()).toEqual(before);
    });
  });
});
