import { afterEach, describe, expect, it } from "vitest";
import { TestApp } from "../../node/testApp.js";

/**
 * The SDS contract's gas rules (spec-sds-clients §0 item 5, §10 item 11): a tx asking for more than
 * the block's max_gas is refused by CheckTx and Simulate with code 41 (SDK SetUpContextDecorator), and
 * FinalizeBlock charges every tx to a block gas meter and runs no tx once it is used up.
 */
describe("block max_gas", () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it("CheckTx refuses gas above max_gas with code 41; at max_gas it passes", async () => {
    app = await TestApp.create({ maxBlockGas: 300_000n });
    const [a, b] = app.keys;
    const over = app.check(app.sign(a!, [TestApp.send(a!.address, b!.address, 1n)], { gasLimit: 300_001n }));
    expect(over.code).toBe(41);
    expect(over.codespace).toBe("sdk");
    expect(over.log).toBe("tx gas limit 300001 exceeds block max gas 300000: invalid gas limit");
    expect(app.check(app.sign(a!, [TestApp.send(a!.address, b!.address, 1n)], { gasLimit: 300_000n })).code).toBe(0);
  });

  it("without max_gas (no consensus params, or -1) any gas limit passes", async () => {
    app = await TestApp.create({ maxBlockGas: -1n });
    const [a, b] = app.keys;
    expect(app.check(app.sign(a!, [TestApp.send(a!.address, b!.address, 1n)], { gasLimit: 10_000_000n })).code).toBe(0);
  });

  it("FinalizeBlock: a tx that overruns the block's gas keeps fee and sequence but not its messages; later txs are not run", async () => {
    app = await TestApp.create({ maxBlockGas: 150_000n });
    const [a, b, c, d] = app.keys;
    const bBefore = app.balance(b!.address);
    const dBefore = app.balance(d!.address);
    // A MsgSend uses under 100,000 gas: the first fits, the second overruns the 150,000 block.
    const t1 = app.sign(a!, [TestApp.send(a!.address, b!.address, 5n)], { gasLimit: 140_000n });
    const t2 = app.sign(c!, [TestApp.send(c!.address, b!.address, 7n)], { gasLimit: 140_000n });
    const t3 = app.sign(d!, [TestApp.send(d!.address, b!.address, 11n)], { gasLimit: 140_000n });
    const [r1, r2, r3] = await app.block([t1, t2, t3]);
    expect(r1!.code).toBe(0);
    const used = r1!.gasUsed;
    expect(used).toBeLessThan(150_000n);
    expect(used + r2!.gasUsed).toBeGreaterThan(150_000n);
    expect(r2!.code).toBe(11);
    expect(r2!.log).toMatch(/^out of gas in location: block gas meter; gasWanted: 140000, gasUsed: \d+: out of gas$/);
    // Ante events (fee) only: no message event for the failed tx.
    expect(r2!.events.some((e) => e.type === "message" && e.attributes.some((x) => x.key === "action"))).toBe(false);
    expect(r3!.code).toBe(11);
    expect(r3!.log).toBe("no block gas left to run tx: out of gas");
    expect(r3!.gasUsed).toBe(0n);
    expect(r3!.events).toEqual([]);
    // Only the first transfer landed; the second paid its fee; the third paid nothing.
    expect(app.balance(b!.address)).toBe(bBefore + 5n);
    expect(app.balance(d!.address)).toBe(dBefore);
  });

  it("a failed message leaves only ante events (no message or typed events), and the success log is the SDK 0.47 JSON", async () => {
    app = await TestApp.create();
    const [a, b] = app.keys;
    const tooMuch = app.sign(a!, [TestApp.send(a!.address, b!.address, 10n ** 40n)]);
    const ok = app.sign(b!, [TestApp.send(b!.address, a!.address, 1n)]);
    const [failed, passed] = await app.block([tooMuch, ok]);
    expect(failed!.code).not.toBe(0);
    // Only the fee's transfer (ante), not the message's.
    expect(failed!.events.filter((e) => e.type === "transfer").length).toBe(1);
    expect(failed!.events.some((e) => e.type === "message" && e.attributes.some((x) => x.key === "action"))).toBe(false);
    expect(passed!.code).toBe(0);
    const logs = JSON.parse(passed!.log) as { msg_index: number; events: { type: string; attributes: { key: string; value: string }[] }[] }[];
    expect(logs[0]!.msg_index).toBe(0);
    expect(logs[0]!.events[0]!.attributes[0]).toEqual({ key: "action", value: "/cosmos.bank.v1beta1.MsgSend" });
  });
});
