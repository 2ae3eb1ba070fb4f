/**
 * The simulator in pot's hardened mode (`require_registered_bls_keys`): the meta nodes register their
 * BLS keys (MsgSetMetaNodeBlsKey through their relayd) at start, honest reports signed by the
 * registered keys are accepted and match the independent recomputation, and the duplicated-BLS-key
 * report (one signer listing its key ⌊2n/3⌋ times) is rejected with pot/38, nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVNET_CHAIN_ID } from "../app/node/devnetGenesis.js";
import { walletAt } from "../app/sim/actors.js";
import { metaOwnerIndices, simGenesis } from "../app/sim/genesis.js";
import { describeResult, runScenario } from "../app/sim/scenarios.js";
import { Simulator } from "../app/sim/simulator.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

const STOS = 10n ** 18n;

describe("simulator in the hardened BLS mode (issue 17 item 4)", () => {
  let net: TestDevnet;
  let sim: Simulator;

  beforeAll(async () => {
    net = await createTestDevnet({ appState: simGenesis({ metaNodes: 4, matureEpoch: 3, requireRegisteredBlsKeys: true }), configOverrides: `[consensus]\ntimeout_commit = "400ms"` });
    await net.devnet.start();
    await waitForHeight(await net.client(), 2);
    sim = new Simulator({
      rpcUrl: net.devnet.rpcUrl, grpcAddress: net.devnet.grpcAddress!, chainId: DEVNET_CHAIN_ID,
      metaOwnerIndices: metaOwnerIndices(4), resourceNodes: 5, users: 4, epochBlocks: 3, uploadsPerBlock: 10, slicesPerBlock: 8, signers: "threshold",
      funder: walletAt(0), foundationTarget: 100_000n * STOS, lifecycle: false, withdrawMatured: false, registerBlsKeys: true, seed: 38,
    });
    await sim.start();
  }, 180_000);

  afterAll(async () => {
    await sim?.stop();
    await net?.cleanup();
  });

  it("honest threshold-signed reports are accepted; the duplicated key fails pot/38 with nothing changed", async () => {
    const deadline = Date.now() + 60_000;
    while (sim.accepted < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(sim.accepted).toBeGreaterThanOrEqual(3);
    await sim.verified();
    for (const r of [...sim.reports.values()].filter((x) => x.status === "accepted")) {
      // 4 bonded meta nodes: threshold ⌊8/3⌋ = 2 signers.
      expect([r.epoch, r.signers, r.check?.mismatches]).toEqual([r.epoch, 2, []]);
    }
    const r = await runScenario(sim, "duplicate-bls-key");
    console.log(describeResult(r));
    expect([r.answer.phase, r.answer.codespace, r.answer.code]).toEqual(["deliver", "pot", 38]);
    expect(r.after).toEqual(r.before);
  });
});
