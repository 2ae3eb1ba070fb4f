/**
 * halt-height / halt-time (SDK v0.47 `BaseApp.Commit`): the block that reaches the setting is
 * committed and its Commit answered, then the node is told to stop and no further block is taken.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TestApp } from "../node/testApp.js";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("halt-height and halt-time", () => {
  it("halt-height 3: block 3 is committed, then onHalt, then no block 4", async () => {
    const halts: string[] = [];
    app = await TestApp.create({ app: { halt: { height: 3n, onHalt: (r) => halts.push(r) } } });
    await app.block([]);
    expect(halts).toEqual([]);
    await app.block([]);
    expect(app.parts.store.lastCommit().height).toBe(3);
    expect(halts).toEqual(["halt-height 3 reached at height 3"]);
    expect(() => app!.parts.app.finalizeBlock({
      txs: [], decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32), height: 4n,
      time: { seconds: 1_700_001_000n, nanos: 0 }, nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20),
    })).toThrow("FinalizeBlock refused: halting node per configuration: halt-height 3 reached at height 3");
  });

  it("halt-time: the first block at or after that Unix time", async () => {
    const halts: string[] = [];
    app = await TestApp.create({ genesisSeconds: 1_000n, app: { halt: { time: 1_012n, onHalt: (r) => halts.push(r) } } });
    await app.block([], { seconds: 1_011n });
    expect(halts).toEqual([]);
    await app.block([], { seconds: 1_012n });
    expect(halts).toEqual(["halt-time 1012 reached at height 3"]);
  });

  it("off by default (0)", async () => {
    const halts: string[] = [];
    app = await TestApp.create({ app: { halt: { height: 0n, time: 0n, onHalt: (r) => halts.push(r) } } });
    for (let i = 0; i < 3; i++) await app.block([]);
    expect(halts).toEqual([]);
  });
});
