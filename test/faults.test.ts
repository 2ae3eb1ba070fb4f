/**
 * The short, bounded fault of `npm test` (the whole set runs in `npm run test:faults`, scripts/faults.ts):
 * on a 2-validator localnet where validator 0 alone holds > 2/3 of the power, validator 1's app exits
 * inside Commit after its store wrote the block and before CometBFT heard back (the test hook
 * STCHAIND_TEST_EXIT_IN_COMMIT). Its CometBFT stops with it; the chain goes on; both restart, CometBFT's
 * handshake brings the node level, and both nodes have the same app hash at every height.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { toHex } from "@cosmjs/encoding";
import { Devnet } from "../app/node/devnet.js";
import { devnetAccount } from "../app/node/devnetGenesis.js";
import { EXIT_IN_COMMIT_CODE, EXIT_IN_COMMIT_ENV } from "../app/node/faultHook.js";
import { buildAppState } from "../app/node/genesisBuilder.js";
import { waitForHeight } from "./helpers/devnet.js";
import { createTestLocalnet, type TestLocalnet } from "./helpers/localnet.js";

const STOS = 10n ** 18n;
const [v0, v1] = [devnetAccount(170), devnetAccount(171)];

describe("a validator's app crashing inside Commit", () => {
  let t: TestLocalnet;
  let comet0: Comet38Client;
  let node1: Devnet | undefined;
  const log1: string[] = [];

  beforeAll(async () => {
    t = await createTestLocalnet({
      appState: buildAppState({ accounts: [v0, v1].map((a) => ({ address: a.address, balance: 2_000n * STOS })), validatorOperator: null }),
      validators: [
        { operatorPrivateKey: v0.privateKey, selfBond: 1_000n * STOS, moniker: "v0" },
        { operatorPrivateKey: v1.privateKey, selfBond: 100n * STOS, moniker: "v1" },
      ],
      configOverrides: '[consensus]\ntimeout_commit = "500ms"',
    });
    await t.net.start();
    comet0 = await t.client(0);
    await waitForHeight(comet0, 3, 60_000);
  }, 90_000);

  afterAll(async () => {
    await node1?.stop();
    await t?.cleanup();
  });

  it("exits in Commit at the chosen height; after a restart the node catches up with the same app hashes", async () => {
    const first = t.net.nodes[1]!;
    await first.stop();
    const crashAt = (await comet0.status()).syncInfo.latestBlockHeight + 4;
    const crashing = new Devnet({ home: first.home, ports: first.ports, appEnv: { [EXIT_IN_COMMIT_ENV]: `${crashAt}:after` }, onAppOutput: (l) => void log1.push(l) });
    await crashing.start();
    await Devnet.waitForExit(crashing.appProcess, 45_000);
    expect(crashing.appProcess!.exitCode).toBe(EXIT_IN_COMMIT_CODE);
    expect(log1.some((l) => l.includes(`exiting in Commit of height ${crashAt} (after the store write)`))).toBe(true);
    // Its CometBFT lost the app (it stops by itself; a node restart stops it in any case).
    await crashing.stop();

    // The chain goes on without it (validator 0 holds > 2/3).
    await waitForHeight(comet0, crashAt + 3, 30_000);
    node1 = new Devnet({ home: first.home, ports: first.ports, onAppOutput: (l) => void log1.push(l) });
    await node1.start();
    const comet1 = await Comet38Client.connect(node1.rpcUrl);
    try {
      const target = (await comet0.status()).syncInfo.latestBlockHeight + 2;
      await waitForHeight(comet1, target, 45_000);
      for (let h = 1; h <= target; h++) {
        const [x, y] = [await comet0.block(h), await comet1.block(h)];
        expect(toHex(y.block.header.appHash), `app hash at ${h}`).toBe(toHex(x.block.header.appHash));
      }
    } finally {
      comet1.disconnect();
    }
  }, 150_000);
});
