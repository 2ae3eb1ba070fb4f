/**
 * `npm start`: a single-validator devnet (CometBFT + the stratos-ts app) on the embedded default genesis.
 *
 *   npm start                      start (initialises <project>/.devnet on first run)
 *   npm start -- --home DIR        use another home
 *   npm start -- --reset           wipe app data and CometBFT data together, then start fresh
 *   npm start -- --grpc-port N --api-port N   move gRPC (9090) and REST (1317); 0 switches one off
 *   npm start -- --cors            REST answers browsers from any origin (explorers such as Ping.pub)
 *
 * Ctrl-C stops CometBFT first, then the app.
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { Devnet, PROJECT_ROOT, DEFAULT_PORTS } from "../app/node/devnet.js";
import { DEVNET_CHAIN_ID, DEVNET_META_OWNER_INDICES, DEVNET_RESOURCE_OWNER_INDICES, devnetAccounts, devnetNodes } from "../app/node/devnetGenesis.js";
import { sdsAddressOfPubKey } from "../app/crypto/sdsKeys.js";

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
  },
  strict: true,
});

const devnet = new Devnet({
  home: values.home,
  ports: { rpc: Number(values["rpc-port"]), p2p: Number(values["p2p-port"]), abci: Number(values["abci-port"]), grpc: Number(values["grpc-port"]), api: Number(values["api-port"]) },
  enabledUnsafeCors: values.cors,
});

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
const shutdown = (): void => {
  if (stopping) return;
  stopping = true;
  console.log("devnet: stopping CometBFT, then the app…");
  void devnet.stop().then(() => {
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
