import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApp } from "./testApp.js";

/** CheckTx with signature checks started on worker threads at arrival (--checktx-workers). */
describe("CheckTx with verification workers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ checkTxVerifyWorkers: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  it("gives the same results as inline verification, and warms the signature cache", async () => {
    const [alice, bob] = t.keys as [TestApp["keys"][number], TestApp["keys"][number]];
    const cacheBefore = t.parts.signatureCache.size;
    const good = t.sign(alice, [TestApp.send(alice.address, bob.address, 1n)]);
    const bad = t.sign(alice, [TestApp.send(alice.address, bob.address, 2n)], { sequence: 1n, mutateSignature: (s) => s.map((b, i) => (i === 3 ? b ^ 0x40 : b)) });
    // As the ABCI server does: both arrive (their checks start on workers), then run one after the other.
    const reqs = [good, bad].map((tx) => ({ tx, type: 0 }));
    for (const req of reqs) t.parts.app.onCheckTxReceived(req);
    const r1 = await t.parts.app.checkTx(reqs[0]!);
    const r2 = await t.parts.app.checkTx(reqs[1]!);
    expect(r1.code).toBe(0);
    expect([r2.codespace, r2.code]).toEqual(["sdk", 4]);
    expect(t.parts.signatureCache.size).toBe(cacheBefore + 1);
    // FinalizeBlock finds the verified signature in the cache and accepts the tx.
    const [res] = await t.block([good]);
    expect(res!.code).toBe(0);
  });

  it("a tx it cannot prepare (garbage) still gets its proper code", async () => {
    const r = await t.checkAsync(new Uint8Array([9, 9, 9]));
    expect([r.codespace, r.code]).toEqual(["sdk", 2]);
  });
});
