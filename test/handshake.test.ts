/**
 * The app's stored height against CometBFT's at start (CometBFT's handshake, spec: CometBFT 0.38
 * `Handshaker.ReplayBlocks`). An app behind CometBFT is brought level by replay (the Commit-crash
 * faults of scripts/faults.ts and test/faults.test.ts); here the other side: CometBFT's data restored
 * from an older copy while the app kept a newer state. CometBFT must refuse to start rather than run
 * on an app that is ahead of it, and the node must not produce a block from that mix.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Devnet } from "../app/node/devnet.js";
import { createTestDevnet, waitFor, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

describe("an app ahead of its CometBFT at start", () => {
  let net: TestDevnet;

  beforeAll(async () => {
    net = await createTestDevnet({ configOverrides: '[consensus]\ntimeout_commit = "300ms"' });
  });
  afterAll(async () => {
    await net?.cleanup();
  });

  it("CometBFT refuses the handshake, naming both heights; no block is made", async () => {
    const { devnet } = net;
    await devnet.start();
    const savedAt = await waitForHeight(await net.client(), 4, 60_000);
    await devnet.stop();
    // CometBFT's state as of now (its databases and its signing state), the app's is left alone.
    const data = path.join(devnet.home, "data");
    const saved = path.join(devnet.home, "cometbft-data-copy");
    fs.mkdirSync(saved);
    for (const f of fs.readdirSync(data)) if (f !== "application.db" && f !== "snapshots") fs.cpSync(path.join(data, f), path.join(saved, f), { recursive: true });
    await devnet.start();
    const c = await waitFor("CometBFT's RPC", () => net.client(), 30_000);
    const ahead = await waitForHeight(c, savedAt + 4, 60_000);
    await devnet.stop();
    for (const f of fs.readdirSync(saved)) {
      fs.rmSync(path.join(data, f), { recursive: true, force: true });
      fs.cpSync(path.join(saved, f), path.join(data, f), { recursive: true });
    }
    const logFile = path.join(devnet.home, "cometbft.log");
    const logFrom = fs.statSync(logFile).size;
    const blocksBefore = net.appLog.filter((l) => l.includes("block height=")).length;
    await devnet.startApp();
    devnet.startCometbft();
    await Devnet.waitForExit(devnet.cometbftProcess, 45_000);
    expect(devnet.cometbftProcess!.exitCode).not.toBe(0);
    const log = fs.readFileSync(logFile, "utf8").slice(logFrom);
    expect(log).toMatch(/app block height \(\d+\) is higher than core \(\d+\)/);
    // The app still holds its own last commit, untouched.
    const appHeight = Number(/app block height \((\d+)\)/.exec(log)![1]);
    expect(appHeight).toBeGreaterThanOrEqual(ahead);
    expect(net.appLog.filter((l) => l.includes("block height=")).length).toBe(blocksBefore);
  }, 150_000);
});
