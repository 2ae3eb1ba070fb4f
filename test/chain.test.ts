import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHex } from "@cosmjs/encoding";
import { Devnet } from "../app/node/devnet.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

const COUNTER_APP = path.resolve(import.meta.dirname, "fixtures/counterApp.ts");

/**
 * A real CometBFT 0.38 driving the app: blocks, restart without InitChain, and recovery after the
 * app is SIGKILLed mid-run. The counter fixture module changes the app hash every block, so any
 * replay or persistence mistake shows up as an app-hash mismatch that halts CometBFT.
 */
describe("a running chain under CometBFT", () => {
  let net: TestDevnet;

  beforeAll(async () => {
    net = await createTestDevnet({ appEntry: COUNTER_APP });
    await net.devnet.start();
  });

  afterAll(async () => {
    await net?.cleanup();
  });

  /** Header H+1 carries the app hash FinalizeBlock returned for H. */
  async function committedAppHash(height: number): Promise<string> {
    const client = await net.client();
    await waitForHeight(client, height + 1);
    return toHex((await client.block(height + 1)).block.header.appHash);
  }

  it("produces blocks, and abci_info reports the committed height and app hash", async () => {
    const client = await net.client();
    await waitForHeight(client, 5);
    const info = await client.abciInfo();
    const height = info.lastBlockHeight!;
    expect(height).toBeGreaterThanOrEqual(5);
    expect(toHex(info.lastBlockAppHash!)).toBe(await committedAppHash(height));
    // The state changes every block, so consecutive app hashes differ.
    expect(await committedAppHash(height - 1)).not.toBe(await committedAppHash(height));
    const status = await client.status();
    expect(status.nodeInfo.network).toBe("stratos-devnet-1");
    expect(status.nodeInfo.version.startsWith("0.38.")).toBe(true);
  });

  it("resumes at the same height and app hash after a clean stop, without InitChain", async () => {
    const client = await net.client();
    await waitForHeight(client, 6);
    await net.devnet.stop();
    const before = lastLoggedBlock(net.appLog);
    const initChainsBefore = net.appLog.filter((l) => l.includes("init_chain")).length;
    expect(initChainsBefore).toBe(1);

    const logStart = net.appLog.length;
    await net.devnet.start();
    const startLine = net.appLog.slice(logStart).find((l) => l.includes("state at height")) ?? "";
    const resumed = /state at height (\d+), app hash ([0-9A-F]+)/.exec(startLine);
    expect(resumed, startLine).not.toBeNull();
    expect(Number(resumed![1])).toBe(before.height);
    expect(resumed![2]!.startsWith(before.appHashPrefix)).toBe(true);

    const client2 = await net.client();
    await waitForHeight(client2, before.height + 3);
    expect(net.appLog.slice(logStart).some((l) => l.includes("init_chain"))).toBe(false);
    expect((await committedAppHash(before.height)).toUpperCase()).toBe(resumed![2]);
  });

  it("continues with no app-hash mismatch after the app is killed with SIGKILL", async () => {
    const client = await net.client();
    const reached = await waitForHeight(client, (await client.status()).syncInfo.latestBlockHeight + 2);
    const comet = net.devnet.cometbftProcess;
    // Kill mid-run. The new height shows in CometBFT's RPC once the block is stored, before the app
    // has executed and committed it, so this kill often lands inside FinalizeBlock or Commit: the
    // hardest case for the app's crash safety. CometBFT notices its ABCI connections drop and sends
    // itself SIGTERM, but its graceful shutdown can hang after a consensus failure (seen on CI). An
    // operator then stops it by hand; `stop()` does the same: SIGTERM, then SIGKILL after a grace
    // period. Either way the restart below must recover.
    net.devnet.killApp();
    await Devnet.waitForExit(net.devnet.appProcess, 10_000);
    await Devnet.waitForExit(comet, 20_000).catch(() => undefined);
    await net.devnet.stop();
    // A kill during Commit makes CometBFT log "CONSENSUS FAILURE" (commit failed: EOF) before it stops:
    // that is the crash itself. After the restart no consensus failure of any kind may appear.
    const cometLogFile = path.join(net.devnet.home, "cometbft.log");
    const crashLog = fs.readFileSync(cometLogFile, "utf8");

    await net.devnet.start();
    const client2 = await net.client();
    const after = await waitForHeight(client2, reached + 4);
    expect(after).toBeGreaterThanOrEqual(reached + 4);
    const info = await client2.abciInfo();
    expect(toHex(info.lastBlockAppHash!)).toBe(await committedAppHash(info.lastBlockHeight!));
    const afterRestart = fs.readFileSync(cometLogFile, "utf8").slice(crashLog.length);
    expect(crashLog).not.toMatch(/AppHash does not match|wrong Block\.Header\.AppHash/);
    expect(afterRestart).not.toMatch(/AppHash does not match|wrong Block\.Header\.AppHash|CONSENSUS FAILURE/);
  });
});

/** Height and app-hash prefix of the last block the app logged as committed. */
function lastLoggedBlock(appLog: readonly string[]): { height: number; appHashPrefix: string } {
  for (let i = appLog.length - 1; i >= 0; i--) {
    const m = / block height=(\d+) .*app_hash=([0-9A-F]+)/.exec(appLog[i]!);
    if (m) return { height: Number(m[1]), appHashPrefix: m[2]! };
  }
  throw new Error("the app logged no block");
}
