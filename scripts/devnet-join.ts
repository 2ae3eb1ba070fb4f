/**
 * `npm run devnet:join`: a second, non-validator node that joins the running `npm start` devnet by
 * state sync (app/node/localnet.ts). The devnet takes a snapshot every 100 blocks (its app.toml);
 * the first one exists from height 100, about two minutes after a fresh start.
 *
 *   npm run devnet:join                          home .devnet-2, ports 26666/26667/26668
 *   npm run devnet:join -- --from .devnet        the first node's home (default .devnet)
 *   npm run devnet:join -- --home DIR --rpc-port N --p2p-port N --abci-port N
 *   npm run devnet:join -- --reset               wipe the joining node's home first
 *
 * Ctrl-C stops its CometBFT, then its app. The first node's RPC must answer.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Devnet, PROJECT_ROOT } from "../app/node/devnet.js";
import { joinByStateSync } from "../app/node/localnet.js";

const { values } = parseArgs({
  options: {
    from: { type: "string", default: path.join(PROJECT_ROOT, ".devnet") },
    "from-rpc-port": { type: "string", default: "26657" },
    "from-p2p-port": { type: "string", default: "26656" },
    home: { type: "string", default: path.join(PROJECT_ROOT, ".devnet-2") },
    "rpc-port": { type: "string", default: "26667" },
    "p2p-port": { type: "string", default: "26666" },
    "abci-port": { type: "string", default: "26668" },
    reset: { type: "boolean", default: false },
  },
  strict: true,
});

const first = new Devnet({
  home: values.from,
  ports: { rpc: Number(values["from-rpc-port"]), p2p: Number(values["from-p2p-port"]), abci: 0 },
});
if (!first.isInitialized) throw new Error(`no devnet home at ${first.home}: start the first node with 'npm start'`);
if (values.reset) fs.rmSync(path.resolve(values.home), { recursive: true, force: true });
if (fs.existsSync(path.join(path.resolve(values.home), "config", "genesis.json"))) {
  throw new Error(`${values.home} already holds a node; a state sync needs an empty one (--reset wipes it)`);
}
const node = await joinByStateSync(first, {
  home: values.home,
  ports: { rpc: Number(values["rpc-port"]), p2p: Number(values["p2p-port"]), abci: Number(values["abci-port"]) },
});
let stopping = false;
const shutdown = (): void => {
  if (stopping) return;
  stopping = true;
  void node.stop().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
await node.start();
console.log(`devnet:join: node at ${node.home} state-syncing from ${first.rpcUrl}; its RPC is ${node.rpcUrl} (CometBFT log ${path.join(node.home, "cometbft.log")})`);
for (const child of [node.appProcess, node.cometbftProcess]) {
  child?.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`devnet:join: ${child === node.appProcess ? "the app" : "CometBFT"} exited (code ${code}, signal ${signal}); stopping`);
    stopping = true;
    void node.stop().then(() => process.exit(1));
  });
}
