/**
 * The SDS network simulator against a real devnet (CometBFT 0.38 + the app), spec-sds-clients §8 and
 * issue 17's acceptance on a short clock: 3 meta nodes (each with its relayd-like submitter), 5 resource
 * nodes registered ppd-style and activated by their meta node, 6 users who prepay; 3-block epochs of
 * 500 ms blocks, pot `mature_epoch` 3, life-cycle events on (top-ups, slashing bursts that suspend,
 * unsuspension), matured rewards withdrawn to the node wallets.
 *
 * Over 20 epochs: every honest report is accepted; each accepted epoch's rewards, recomputed with the
 * core library (pot/logic distributeEpochReward) from the chain's own records, equal what the chain
 * credited; per wallet, Σ recomputed rewards equal what the chain shows received (Δ rewards + withdrawn
 * + slashing debt collected); `/app/invariants` holds at every block and the app runs with
 * `--inv-check-period 1` (crisis asserts all invariants in every EndBlock, a violation halts the chain).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVNET_CHAIN_ID } from "../app/node/devnetGenesis.js";
import { walletAt } from "../app/sim/actors.js";
import { metaOwnerIndices, simGenesis } from "../app/sim/genesis.js";
import { Simulator } from "../app/sim/simulator.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

const EPOCHS = 20;
const STOS = 10n ** 18n;

describe("the SDS network simulator on a devnet (issue 17)", () => {
  let net: TestDevnet;
  let sim: Simulator;
  const log: string[] = [];

  beforeAll(async () => {
    net = await createTestDevnet({
      appState: simGenesis({ metaNodes: 3, matureEpoch: 3 }),
      configOverrides: `[consensus]\ntimeout_commit = "500ms"`,
      appArgs: ["--inv-check-period", "1"],
    });
    await net.devnet.start();
    await waitForHeight(await net.client(), 2);
    sim = new Simulator({
      rpcUrl: net.devnet.rpcUrl, grpcAddress: net.devnet.grpcAddress!, chainId: DEVNET_CHAIN_ID,
      metaOwnerIndices: metaOwnerIndices(3), resourceNodes: 5, users: 6, epochBlocks: 3, epochs: EPOCHS,
      uploadsPerBlock: 20, slicesPerBlock: 12, funder: walletAt(0), foundationTarget: 100_000n * STOS,
      lifecycle: true, withdrawMatured: true, checkInvariants: true, seed: 17, onLog: (l) => log.push(l),
    });
    await sim.start();
  }, 180_000);

  afterAll(async () => {
    await sim?.stop();
    await net?.cleanup();
  });

  it(`runs ${EPOCHS} epochs: every report accepted, rewards equal the independent recomputation, invariants hold every block`, async () => {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${sim.accepted} reports accepted; log: ${log.slice(-20).join("\n")}`)), 240_000);
      sim.on("done", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await sim.verified();
    const reports = [...sim.reports.values()];
    const accepted = reports.filter((r) => r.status === "accepted");
    expect(accepted.length).toBeGreaterThanOrEqual(EPOCHS);
    // Every report the simulator queued (bar the last, possibly still in flight) was accepted.
    expect(reports.filter((r) => r.status !== "accepted" && r.epoch < reports.at(-1)!.epoch)).toEqual([]);
    // Reporters rotate; each report carried all three BLS signatures.
    expect(new Set(accepted.map((r) => r.reporter)).size).toBe(3);
    for (const r of accepted) {
      expect(r.check, `epoch ${r.epoch} verified`).toBeDefined();
      expect([r.epoch, r.check!.mismatches]).toEqual([r.epoch, []]);
      expect(r.check!.totalVolume).toBe(r.volume);
    }
    expect(accepted.some((r) => r.check!.inputsCheckedAgainstState)).toBe(true);

    // Per wallet: what the chain shows received equals the recomputed sum.
    const balance = await sim.rewardBalance();
    for (const b of balance) expect([b.wallet, b.received]).toEqual([b.wallet, b.recomputed]);
    expect(balance.filter((b) => b.recomputed > 0n).length).toBeGreaterThanOrEqual(5);

    // Life cycle and withdrawals happened; nothing the simulator sent as ppd failed.
    expect(sim.stats.activations).toBeGreaterThanOrEqual(5);
    expect(sim.stats.withdrawals).toBeGreaterThan(0);
    expect(sim.stats.withdrawnWei).toBeGreaterThan(0n);
    expect(sim.stats.slashes).toBeGreaterThan(0);
    expect(sim.stats.unsuspensions).toBeGreaterThan(0);
    expect(sim.stats.topUps).toBeGreaterThan(0);
    expect(sim.stats.ppdTxErrors).toEqual([]);
    expect(sim.stats.uploadsConfirmed).toBeGreaterThan(0);

    // relayd: no batch lost; one broadcast per block per meta node at most.
    for (const m of sim.metas) {
      const s = m.relayd.stats;
      expect([m.relayd.name, s.lostSimulate, s.lostCheckTx, s.lostTransport, s.lostBuild, s.lostDeliver]).toEqual([m.relayd.name, 0, 0, 0, 0, 0]);
      expect(Math.max(...m.relayd.broadcastsByHeight.values())).toBe(1);
      expect(s.committedMessages).toBeGreaterThan(0);
    }

    // Invariants: checked at every block, none broken, and crisis (every EndBlock) never halted the chain.
    expect(sim.stats.invariantViolations).toEqual([]);
    expect(sim.stats.invariantHeightsChecked).toBeGreaterThanOrEqual(EPOCHS * 3);
    expect(net.appLog.filter((l) => /invariant/i.test(l) && /broken|violat/i.test(l))).toEqual([]);
  }, 300_000);
});
