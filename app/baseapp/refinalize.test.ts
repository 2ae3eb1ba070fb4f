/**
 * CometBFT restarted without its (out-of-process) app after a FinalizeBlock it never committed sends
 * the same height again. The first execution's writes are already in the working trees: the app must
 * refuse rather than execute the block a second time on top of them (a wrong app hash), and commit
 * nothing until it is restarted.
 */
import { describe, expect, it } from "vitest";
import { TestApp } from "../node/testApp.js";

describe("FinalizeBlock of a height again without a Commit between", () => {
  it("is refused, the app takes no more blocks, and the store keeps its last commit", async () => {
    const t = await TestApp.create();
    try {
      const [alice, bob] = [t.keys[0]!, t.keys[1]!];
      const tx = t.sign(alice, [TestApp.send(alice.address, bob.address, 5n)]);
      const height = t.nextHeight;
      const request = {
        txs: [tx], decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32), height,
        time: { seconds: 1_700_000_100n, nanos: 0 }, nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20),
      };
      const before = t.parts.store.lastCommit();
      const first = t.parts.app.finalizeBlock(request);
      expect(first.txResults[0]!.code).toBe(0);
      expect(() => t.parts.app.finalizeBlock(request)).toThrow(/again, its first execution never committed/);
      await expect(Promise.resolve().then(() => t.parts.app.commit())).rejects.toThrow(/refused/);
      expect(t.parts.store.lastCommit()).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
