/**
 * Acceptance (issue 15): a second node joins a running devnet by state sync from the first, without
 * replaying history, then follows blocks with the same app hash. Real CometBFT on both sides: the
 * first node snapshots every 5 blocks; the second node's CometBFT discovers the snapshot over P2P,
 * its light client verifies the app hash against the first node's RPC, the app restores it.
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { toHex } from "@cosmjs/encoding";
import { QueryClient, setupBankExtension, type SigningStargateClient } from "@cosmjs/stargate";
import { connectStratos, stratosWallet } from "../app/client/index.js";
import { defaultAppConfig } from "../app/node/appConfig.js";
import { devnetMnemonic } from "../app/node/devnetGenesis.js";
import type { Devnet } from "../app/node/devnet.js";
import { joinByStateSync } from "../app/node/localnet.js";
import { createTestDevnet, waitFor, waitForHeight, type TestDevnet } from "./helpers/devnet.js";
import { freePorts } from "./helpers/ports.js";

const SNAPSHOT_INTERVAL = 5;
// Blocks come every ~0.3 s here: keep enough snapshots that the one CometBFT picks after its 5 s
// discovery is still served when it asks for the chunks.
const FAST_BLOCKS = '[consensus]\ntimeout_commit = "300ms"';

describe("state sync: a second node joins a running devnet", () => {
  let net: TestDevnet;
  let second: Devnet | undefined;
  let secondHome: string;
  const secondLog: string[] = [];
  let client: SigningStargateClient;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    net = await createTestDevnet({
      configOverrides: FAST_BLOCKS,
      appConfig: { ...defaultAppConfig(), pruning: "everything", stateSync: { snapshotInterval: SNAPSHOT_INTERVAL, snapshotKeepRecent: 20 } },
    });
    await net.devnet.start();
    secondHome = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-join-"));
    const wallet = await stratosWallet(devnetMnemonic(), { indexes: [0, 1] });
    [alice, bob] = (await wallet.getAccounts()).map((a) => a.address) as [string, string];
    await waitForHeight(await net.client(), 2);
    client = await connectStratos(net.devnet.rpcUrl, wallet, { broadcastPollIntervalMs: 200 });
  });

  afterAll(async () => {
    if (process.env.DEBUG_STATESYNC) {
      console.log(secondLog.join("\n"));
      console.log(fs.readFileSync(path.join(secondHome, "cometbft.log"), "utf8").split("\n").filter((l) => /statesync|snapshot|Snapshot|ERR|error/i.test(l)).slice(-60).join("\n"));
    }
    client?.disconnect();
    await second?.stop();
    await net?.cleanup();
    if (secondHome) fs.rmSync(secondHome, { recursive: true, force: true });
  });

  it("restores the first node's snapshot and follows with the same app hash", async () => {
    // Some state beyond genesis before the snapshot.
    for (let i = 0; i < 3; i++) await client.sendTokens(alice, bob, [{ denom: "wei", amount: String(1000 + i) }], "auto");
    const first = await net.client();
    const h0 = (await first.status()).syncInfo.latestBlockHeight;
    const snapshotHeight = (Math.floor(h0 / SNAPSHOT_INTERVAL) + 1) * SNAPSHOT_INTERVAL;
    await waitFor(`a snapshot at height ${snapshotHeight}`, async () => (net.appLog.some((l) => l.includes(`snapshot at height ${snapshotHeight}:`)) ? true : undefined), 60_000);

    const [p2p, rpc, abci] = await freePorts(3);
    second = await joinByStateSync(net.devnet, {
      home: secondHome,
      ports: { p2p: p2p!, rpc: rpc!, abci: abci! },
      onAppOutput: (l) => secondLog.push(l),
    });
    await second.start();
    const joined = await Comet38Client.connect(second.rpcUrl);
    try {
      const restored = await waitFor("the snapshot restore", async () => {
        const line = secondLog.find((l) => l.includes("snapshot restored: height"));
        return line === undefined ? undefined : Number(/height (\d+)/.exec(line)![1]);
      }, 90_000);
      expect(restored % SNAPSHOT_INTERVAL).toBe(0);
      expect(restored).toBeGreaterThanOrEqual(snapshotHeight);

      // It never replayed history: no InitChain, and its block store starts after the snapshot.
      await waitForHeight(joined, restored + 2, 60_000);
      expect(secondLog.some((l) => l.includes("init_chain"))).toBe(false);
      const status = await joined.status();
      expect(status.syncInfo.earliestBlockHeight).toBeGreaterThan(restored);

      // A transfer after the join reaches the second node's state.
      const sent = await client.sendTokens(alice, bob, [{ denom: "wei", amount: "777" }], "auto");
      const target = Math.max(sent.height, restored) + 3;
      await waitForHeight(joined, target, 60_000);

      // Same app hash as the chain, height by height: the second node's app state at h is what the
      // first node's block h+1 header commits to (CometBFT on the second node would halt otherwise).
      for (let h = restored + 1; h < target; h++) {
        const a = await first.block(h + 1);
        const b = await joined.block(h + 1);
        expect(toHex(b.block.header.appHash)).toBe(toHex(a.block.header.appHash));
      }
      const info = await joined.abciInfo();
      const next = await first.block((info.lastBlockHeight ?? 0) + 1);
      expect(toHex(info.lastBlockAppHash ?? new Uint8Array())).toBe(toHex(next.block.header.appHash));

      const bank = QueryClient.withExtensions(joined, setupBankExtension).bank;
      const firstBank = QueryClient.withExtensions(first, setupBankExtension).bank;
      expect((await bank.balance(bob, "wei")).amount).toBe((await firstBank.balance(bob, "wei")).amount);
    } finally {
      joined.disconnect();
    }
  });
});
