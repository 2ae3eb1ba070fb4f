/**
 * `npm start`: a single-validator devnet (CometBFT + the stratos-ts app) on the embedded default genesis.
 *
 *   npm start                      start (initialises <project>/.devnet on first run)
 *   npm start -- --home DIR        use another home
 *   npm start -- --reset           wipe app data and CometBFT data together, then start fresh
 *   npm start -- --grpc-port N --api-port N   move gRPC (9090) and REST (1317); 0 switches one off
 *   npm start -- --cors            REST answers browsers from any origin (explorers such as Ping.pub)
 *   npm start -- --chain-only      the chain alone, without the SDS network simulator
 *   npm start -- --sim-epoch-blocks 5 …   simulator settings (app/sim/cli.ts lists them)
 *
 * By default the SDS network simulator (app/sim) runs against the devnet with a live terminal view;
 * the app's output then goes to <home>/app.log and the simulator's log to <home>/sim.log.
 *
 * Ctrl-C stops CometBFT first, then the app.
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { Devnet, PROJECT_ROOT, DEFAULT_PORTS } from "../app/node/devnet.js";
import { DEVNET_CHAIN_ID, DEVNET_META_OWNER_INDICES, DEVNET_RESOURCE_OWNER_INDICES, devnetAccounts, devnetNodes } from "../app/node/devnetGenesis.js";
import { sdsAddressOfPubKey } from "../app/crypto/sdsKeys.js";
import { SIM_CLI_OPTIONS, runSimulatorWithView, simulatorOptionsFromCli } from "../app/sim/cli.js";
import fs from "node:fs";

const { values } = parseArgs({
  options: {
    home: { type: "string", default: path.join(PROJECT_ROOT, ".devnet") },
    reset: { type: "boolean", default: false },
    "rpc-port": { type: "string", default: String(DEFAULT_PORTS.rpc) },
    "p2p-port": { type: "string", default: String(DEFAULT_PORTS.p2p) },
    "abci-port": { type: "string", default: String(DEFAULT_PORTS.abci) },
    "grpc-port": { type: "string", default: String(DEFAULT_PORTS.grpc) },
    "api-port": { type: "string", default: String(DEFAULT_PORTS.api) },
    cors: { type: "boolean", default: false },
    "chain-only": { type: "boolean", default: false },
    ...SIM_CLI_OPTIONS,
  },
  strict: true,
});

const devnet = new Devnet({
  home: values.home,
  ports: { rpc: Number(values["rpc-port"]), p2p: Number(values["p2p-port"]), abci: Number(values["abci-port"]), grpc: Number(values["grpc-port"]), api: Number(values["api-port"]) },
  enabledUnsafeCors: values.cors,
  // With the simulator's live view on the terminal, the app's lines go to a file.
  ...(values["chain-only"] ? {} : { onAppOutput: appLogWriter(path.join(values.home, "app.log")) }),
});

function appLogWriter(file: string): (line: string) => void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const stream = fs.createWriteStream(file, { flags: "a" });
  return (line) => stream.write(line + "\n");
}

if (values.reset) {
  devnet.reset();
  console.log(`devnet: wiped ${devnet.home}`);
}
const fresh = !devnet.isInitialized;
devnet.init();
if (fresh) {
  console.log(`devnet: initialised ${devnet.home} (chain ${DEVNET_CHAIN_ID})`);
  console.log("devnet: funded dev accounts (mnemonic in genesis/devnet.mnemonic, m/44'/606'/0'/0/i):");
  for (const a of devnetAccounts()) console.log(`  ${a.index}  ${a.address}`);
  console.log("devnet: registered SDS nodes (owner at m/44'/606'/0'/0/n, P2P ed25519 seed at m/44'/606'/1'/0/n):");
  const owners = [...DEVNET_META_OWNER_INDICES, ...DEVNET_RESOURCE_OWNER_INDICES];
  devnetNodes().forEach((node, i) => {
    console.log(`  ${node.moniker.padEnd(18)} n=${owners[i]}  ${sdsAddressOfPubKey(node.pubKey)}  owner ${node.ownerAddress}`);
  });
}

let stopping = false;
let stopSimulator: (() => Promise<void>) | undefined;
const shutdown = (): void => {
  if (stopping) return;
  stopping = true;
  console.log("devnet: stopping CometBFT, then the app…");
  void (stopSimulator?.() ?? Promise.resolve()).catch(() => undefined).then(() => devnet.stop()).then(() => {
    console.log("devnet: stopped");
    process.exit(0);
  });
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

await devnet.start();
console.log(`devnet: CometBFT RPC ${devnet.rpcUrl}  (P2P ${devnet.ports.p2p}, ABCI ${devnet.ports.abci}; CometBFT log ${path.join(devnet.home, "cometbft.log")})`);
console.log(`devnet: gRPC ${devnet.grpcAddress ?? "off"}  REST ${devnet.restUrl ?? "off"}`);
if (devnet.restUrl) console.log(`devnet: dashboard ${devnet.restUrl}/dashboard/  (open it in a browser)`);

// If either child dies on its own, stop the other and exit non-zero.
for (const child of [devnet.appProcess, devnet.cometbftProcess]) {
  child?.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`devnet: ${child === devnet.appProcess ? "the app" : "CometBFT"} exited (code ${code}, signal ${signal}); stopping`);
    stopping = true;
    void devnet.stop().then(() => process.exit(1));
  });
}

if (!values["chain-only"]) {
  // The simulator needs gRPC (relayd's channel) and a first block.
  if (devnet.grpcAddress === undefined) throw new Error("devnet: the simulator needs gRPC (--grpc-port ≠ 0), or run with --chain-only");
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${devnet.rpcUrl}/status`);
      const body = (await r.json()) as { result?: { sync_info?: { latest_block_height?: string } } };
      if (Number(body.result?.sync_info?.latest_block_height ?? 0) >= 2) break;
    } catch {
      // not up yet
    }
    if (i > 300) throw new Error("devnet: no block after 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  const run = await runSimulatorWithView(
    simulatorOptionsFromCli(values, { rpcUrl: devnet.rpcUrl, grpcAddress: devnet.grpcAddress, chainId: DEVNET_CHAIN_ID }),
    { logFile: path.join(devnet.home, "sim.log"), header: [`devnet: app log ${path.join(devnet.home, "app.log")}, simulator log ${path.join(devnet.home, "sim.log")}; Ctrl-C stops`] },
  );
  stopSimulator = run.stop;
}
