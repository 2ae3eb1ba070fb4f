/**
 * `npm run localnet`: a network of N validators on this machine (CometBFT + the stratos-ts app per
 * node), each bonded by a gentx with its own node's consensus key, on the devnet's genesis otherwise
 * (dev accounts, SDS nodes). Validator i is operated by the devnet account at HD index 90 + i and
 * self-bonds 1,000 STOS.
 *
 *   npm run localnet                         4 validators in <project>/.localnet (created on first run)
 *   npm run localnet -- --validators 2       another size (only when creating)
 *   npm run localnet -- --home DIR --reset   another directory; wipe it first
 *
 * Node i listens on P2P 26656 + 100·i, RPC 26657 + 100·i, ABCI 26658 + 100·i, gRPC 9090 + i and
 * REST 1317 + i. Ctrl-C stops every node (CometBFT first, then its app).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../app/node/devnet.js";
import { buildDevnetAppState, DEVNET_CHAIN_ID, devnetAccount, devnetAccounts } from "../app/node/devnetGenesis.js";
import { DEVNET_VALIDATOR_OPERATOR_INDEX } from "../app/node/devnetKeys.js";
import { ValidatorLocalnet, type LocalnetOptions } from "../app/node/validatorLocalnet.js";

const { values } = parseArgs({
  options: {
    home: { type: "string", default: path.join(PROJECT_ROOT, ".localnet") },
    validators: { type: "string", default: "4" },
    reset: { type: "boolean", default: false },
  },
  strict: true,
});

const home = path.resolve(values.home);
if (values.reset) fs.rmSync(home, { recursive: true, force: true });
const existing = ValidatorLocalnet.exists(home) ? fs.readdirSync(home).filter((f) => /^node\d+$/.test(f)).length : 0;
const count = existing > 0 ? existing : Number(values.validators);
if (!Number.isSafeInteger(count) || count < 1 || count > 20) {
  console.error(`localnet: --validators must be an integer from 1 to 20, got ${values.validators}`);
  process.exit(1);
}
const operators = Array.from({ length: count }, (_, i) => devnetAccount(DEVNET_VALIDATOR_OPERATOR_INDEX + i));
const options: LocalnetOptions = {
  home,
  chainId: DEVNET_CHAIN_ID,
  // The dev accounts and SDS nodes of the devnet; the operators funded like dev accounts.
  appState: buildDevnetAppState([...devnetAccounts(), ...operators.slice(1)], {}),
  validators: operators.map((o, i) => ({ operatorPrivateKey: o.privateKey, selfBond: 1_000n * 10n ** 18n, moniker: `localnet-${i}` })),
  ports: operators.map((_, i) => ({ p2p: 26656 + 100 * i, rpc: 26657 + 100 * i, abci: 26658 + 100 * i, grpc: 9090 + i, api: 1317 + i })),
  onAppOutput: (node, line) => process.stdout.write(`[node${node}] ${line}\n`),
};
const net = existing > 0 ? ValidatorLocalnet.open(options) : ValidatorLocalnet.create(options);
if (existing === 0) console.log(`localnet: created ${count} validators in ${home} (chain ${DEVNET_CHAIN_ID}; genesis ${net.genesisFile})`);

let stopping = false;
const shutdown = (code: number): void => {
  if (stopping) return;
  stopping = true;
  console.log("localnet: stopping every node…");
  void net.stop().then(() => process.exit(code));
};
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

await net.start();
net.nodes.forEach((n, i) => {
  console.log(`localnet: node${i} RPC ${n.rpcUrl}  gRPC ${n.grpcAddress ?? "off"}  REST ${n.restUrl ?? "off"}  operator ${operators[i]!.address}`);
  for (const child of [n.appProcess, n.cometbftProcess]) {
    child?.once("exit", (exitCode, signal) => {
      if (stopping) return;
      console.error(`localnet: node${i}'s ${child === n.appProcess ? "app" : "CometBFT"} exited (code ${exitCode}, signal ${signal}); stopping`);
      shutdown(1);
    });
  }
});
