import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { Devnet, type DevnetOptions } from "../../app/node/devnet.js";
import { freePorts } from "./ports.js";

export interface TestDevnet {
  readonly devnet: Devnet;
  /** Every line the app printed, across restarts. */
  readonly appLog: string[];
  client(): Promise<Comet38Client>;
  cleanup(): Promise<void>;
}

/** A devnet in a fresh temp home on free ports; `cleanup` stops every process and deletes the home. */
export async function createTestDevnet(options: Partial<DevnetOptions> = {}): Promise<TestDevnet> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-devnet-"));
  const [p2p, rpc, abci, grpc, api] = await freePorts(5);
  const appLog: string[] = [];
  const devnet = new Devnet({ home, ports: { p2p: p2p!, rpc: rpc!, abci: abci!, grpc: grpc!, api: api! }, onAppOutput: (l) => appLog.push(l), ...options });
  const clients: Comet38Client[] = [];
  return {
    devnet,
    appLog,
    async client() {
      const c = await Comet38Client.connect(devnet.rpcUrl);
      clients.push(c);
      return c;
    },
    async cleanup() {
      for (const c of clients) c.disconnect();
      await devnet.stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Poll until `f` returns a value (not undefined), or fail after `timeoutMs`. */
export async function waitFor<T>(what: string, f: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await f();
      if (v !== undefined) return v;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
}

/** Latest committed height as CometBFT reports it (undefined while the RPC is not up). */
export async function waitForHeight(client: Comet38Client, height: number, timeoutMs = 60_000): Promise<number> {
  return waitFor(`height ${height}`, async () => {
    const status = await client.status();
    return status.syncInfo.latestBlockHeight >= height ? status.syncInfo.latestBlockHeight : undefined;
  }, timeoutMs);
}
