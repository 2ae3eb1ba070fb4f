import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { ValidatorLocalnet, type LocalnetOptions } from "../../app/node/validatorLocalnet.js";
import { freePorts } from "./ports.js";

export interface TestLocalnet {
  readonly net: ValidatorLocalnet;
  /** Every line each node's app printed. */
  readonly appLogs: string[][];
  client(node: number): Promise<Comet38Client>;
  cleanup(): Promise<void>;
}

/** A validator localnet in a fresh temp directory on free ports (no gRPC/REST); `cleanup` stops it and deletes it. */
export async function createTestLocalnet(options: Omit<LocalnetOptions, "home" | "ports" | "onAppOutput">): Promise<TestLocalnet> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-localnet-"));
  const nodeCount = options.validators.filter((v) => v.offlineConsensusKey === undefined).length;
  const ports = await freePorts(3 * nodeCount);
  const appLogs: string[][] = Array.from({ length: nodeCount }, () => []);
  const net = ValidatorLocalnet.create({
    ...options,
    home,
    ports: Array.from({ length: nodeCount }, (_, i) => ({ p2p: ports[3 * i]!, rpc: ports[3 * i + 1]!, abci: ports[3 * i + 2]! })),
    onAppOutput: (node, line) => void appLogs[node]!.push(line),
  });
  const clients: Comet38Client[] = [];
  return {
    net,
    appLogs,
    async client(node) {
      const c = await Comet38Client.connect(net.nodes[node]!.rpcUrl);
      clients.push(c);
      return c;
    },
    async cleanup() {
      for (const c of clients) c.disconnect();
      await net.stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
