/**
 * The simulator's adversarial scenarios (spec-sds-clients §8.6) on a devnet in the reference mode
 * (pot `require_registered_bls_keys` off): after honest epochs, each scenario runs with the honest
 * machinery paused and reports the chain's answer — phase, codespace/code — and whether the chain's
 * figures (last distributed epoch, total mined, Lt, noz supply, Pt, reward pool, foundation) stayed put.
 * Afterwards honest epochs are accepted again. The hardened mode's duplicate-key rejection is in
 * simHardened.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVNET_CHAIN_ID } from "../app/node/devnetGenesis.js";
import { walletAt } from "../app/sim/actors.js";
import { metaOwnerIndices, simGenesis } from "../app/sim/genesis.js";
import { describeResult, runScenario as run, type ScenarioContext, type ScenarioName, type ScenarioResult } from "../app/sim/scenarios.js";
import { Simulator } from "../app/sim/simulator.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

const STOS = 10n ** 18n;

async function acceptedAtLeast(sim: Simulator, n: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (sim.accepted < n) {
    if (Date.now() > deadline) throw new Error(`only ${sim.accepted} of ${n} reports accepted`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs a scenario and prints the chain's answer (the scenario report of issue 17). */
async function runScenario(sim: Simulator, name: ScenarioName, ctx?: ScenarioContext): Promise<ScenarioResult> {
  const r = await run(sim, name, ctx);
  console.log(describeResult(r));
  return r;
}

const failedUnchanged = (r: ScenarioResult, phase: string, codespace: string, code: number): void => {
  expect([r.name, r.answer.phase, r.answer.codespace, r.answer.code]).toEqual([r.name, phase, codespace, code]);
  expect([r.name, r.after]).toEqual([r.name, r.before]);
  expect(r.unchanged).toBe(true);
};

describe("simulator adversarial scenarios, reference mode (issue 17 item 4)", () => {
  let net: TestDevnet;
  let sim: Simulator;
  const log: string[] = [];

  beforeAll(async () => {
    net = await createTestDevnet({ appState: simGenesis({ metaNodes: 3, matureEpoch: 3 }), configOverrides: `[consensus]\ntimeout_commit = "400ms"` });
    await net.devnet.start();
    await waitForHeight(await net.client(), 2);
    sim = new Simulator({
      rpcUrl: net.devnet.rpcUrl, grpcAddress: net.devnet.grpcAddress!, chainId: DEVNET_CHAIN_ID,
      metaOwnerIndices: metaOwnerIndices(3), resourceNodes: 5, users: 4, epochBlocks: 3, uploadsPerBlock: 10, slicesPerBlock: 8,
      funder: walletAt(0), foundationTarget: 100_000n * STOS, lifecycle: false, withdrawMatured: false, verify: true, seed: 6, onLog: (l) => log.push(l),
    });
    await sim.start();
    await acceptedAtLeast(sim, 3);
  }, 180_000);

  afterAll(async () => {
    await sim?.stop();
    await net?.cleanup();
  });

  it("duplicate and stale epochs: pot/8 in DeliverTx, nothing changed", async () => {
    failedUnchanged(await runScenario(sim, "duplicate-epoch"), "deliver", "pot", 8);
    failedUnchanged(await runScenario(sim, "stale-epoch"), "deliver", "pot", 8);
  });

  it("a report above the noz budget: pot/32 in DeliverTx, nothing changed", async () => {
    failedUnchanged(await runScenario(sim, "over-budget"), "deliver", "pot", 32);
  });

  it("an invalid CID inside a 250-message batch: relayd loses the whole batch at Simulate; CheckTx refuses sds/7; no file stored", async () => {
    const r = await runScenario(sim, "invalid-cid");
    failedUnchanged(r, "check", "sds", 7);
    expect(r.notes).toContain("relayd batch dropped: true");
    expect(r.notes).toContain("valid files stored: 0");
  });

  it("a stale sequence: sdk/32 at CheckTx; only the first tx takes effect", async () => {
    const r = await runScenario(sim, "stale-sequence");
    expect([r.answer.phase, r.answer.codespace, r.answer.code]).toEqual(["check", "sdk", 32]);
    expect(r.unchanged).toBe(true);
  });

  it("the duplicated BLS key in the reference mode: accepted (the reference's quirk)", async () => {
    const r = await runScenario(sim, "duplicate-bls-key");
    expect([r.answer.phase, r.answer.code]).toEqual(["deliver", 0]);
    expect(BigInt(r.after.lastDistributedEpoch!)).toBe(BigInt(r.before.lastDistributedEpoch!) + 1n);
  });

  it("a sybil splitting traffic over 10 addresses: accepted, every address paid by wallet", async () => {
    const r = await runScenario(sim, "sybil");
    expect([r.answer.phase, r.answer.code]).toEqual(["deliver", 0]);
    expect(r.notes).toContain("sybilWallets=10");
  });

  it("a zero-traffic node: accepted and paid nothing; a report of zero total volume fails", async () => {
    const r = await runScenario(sim, "zero-traffic");
    expect([r.answer.phase, r.answer.code]).toEqual(["deliver", 0]);
    expect(r.notes).toContain("zeroNodeReward=0");
    const allZero = r.notes.find((n) => n.startsWith("allZero="))!;
    // Y = 0: the reference panics on the division (sdk's codespace "undefined", code 111222).
    expect(allZero).toMatch(/^allZero=deliver undefined\/111222: /);
  });

  it("a chain restart: every relayd reconnects and re-subscribes; honest reports are accepted again", async () => {
    const r = await runScenario(sim, "chain-restart", {
      restartChain: async () => {
        await net.devnet.stop();
        await net.devnet.start();
      },
    });
    expect(r.unchanged).toBe(true);
    for (const m of sim.metas) {
      expect(m.events.reconnects).toBeGreaterThanOrEqual(1);
      expect(m.events.subscribed).toBe(16);
    }
    const before = sim.accepted;
    await acceptedAtLeast(sim, before + 2, 90_000);
    await sim.verified();
    const accepted = [...sim.reports.values()].filter((x) => x.status === "accepted");
    for (const x of accepted) expect([x.epoch, x.check?.mismatches]).toEqual([x.epoch, []]);
  });
});
