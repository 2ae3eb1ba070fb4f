/**
 * `npm run localnet -- up|down|reset|status`: 4 validators and 1 full node on this machine (CometBFT +
 * the stratos-ts app per node), in the background. Keys, genesis, gentxs and peers are made with the
 * project's own `stchaind` verbs (app/node/processLocalnet.ts).
 *
 *   npm run localnet -- up        create <project>/.localnet if absent, then start every node not running
 *   npm run localnet -- status    each node's height, app hash, peer count and processes
 *   npm run localnet -- down      stop every node (CometBFT first, then its app)
 *   npm run localnet -- reset     stop and delete the localnet
 *   … --dir DIR                   another directory; --validators N --full-nodes M when creating
 *
 * Node i (validators first, then full nodes) listens on P2P 26656 + 100·i, RPC 26657 + 100·i,
 * ABCI 26658 + 100·i, gRPC 9090 + i and REST 1317 + i. Logs and pids: <dir>/<node>/{app,cometbft}.{log,pid}.
 * Dev accounts 0–4 of the devnet mnemonic hold 1,000,000 STOS each.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../app/node/devnet.js";
import { devnetAccounts } from "../app/node/devnetGenesis.js";
import { createLocalnet, localnetExists, localnetNodes, readLocalnet, startLocalnet, stopLocalnet } from "../app/node/processLocalnet.js";

const USAGE = "usage: npm run localnet -- up|down|reset|status [--dir DIR] [--validators N] [--full-nodes M]";
const { values, positionals } = parseArgs({
  options: {
    dir: { type: "string", default: path.join(PROJECT_ROOT, ".localnet") },
    validators: { type: "string", default: "4" },
    "full-nodes": { type: "string", default: "1" },
  },
  allowPositionals: true,
  strict: true,
});
const dir = path.resolve(values.dir);
const verb = positionals[0];

function count(text: string, min: number, what: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > 20) {
    console.error(`localnet: ${what} must be an integer from ${min} to 20, got ${text}`);
    process.exit(2);
  }
  return n;
}

async function up(): Promise<void> {
  if (!localnetExists(dir)) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      console.error(`localnet: ${dir} exists but holds no localnet (an older layout?): 'npm run localnet -- reset' deletes it`);
      process.exit(1);
    }
    await createLocalnet({
      dir,
      chainId: "stratos-localnet-1",
      validators: count(values.validators, 1, "--validators"),
      fullNodes: count(values["full-nodes"], 0, "--full-nodes"),
      portsOf: (i) => ({ p2p: 26656 + 100 * i, rpc: 26657 + 100 * i, abci: 26658 + 100 * i, grpc: 9090 + i, api: 1317 + i }),
      accounts: devnetAccounts().map((a) => ({ address: a.address, coins: "1000000stos" })),
      log: (line) => console.log(`localnet: ${line}`),
    });
  }
  const manifest = readLocalnet(dir);
  await startLocalnet(localnetNodes(dir, manifest));
  for (const n of manifest.nodes) {
    const role = n.validator ? `validator (operator ${n.operator})` : "full node";
    console.log(`localnet: ${n.name} ${role}  RPC http://127.0.0.1:${n.ports.rpc}  gRPC 127.0.0.1:${n.ports.grpc}  REST http://127.0.0.1:${n.ports.api}`);
  }
  console.log(`localnet: running in the background; logs in ${dir}/<node>/{app,cometbft}.log; 'npm run localnet -- status'`);
}

async function status(): Promise<void> {
  const manifest = readLocalnet(dir);
  const nodes = localnetNodes(dir, manifest);
  for (const [i, n] of nodes.entries()) {
    const spec = manifest.nodes[i]!;
    const s = await n.status();
    const procs = `app ${n.pid("app") ?? "down"}, cometbft ${n.pid("cometbft") ?? "down"}`;
    const line = s === undefined
      ? "RPC not answering"
      : `height ${s.height}  app_hash ${s.appHash || "(none)"}  peers ${s.peers}${s.catchingUp ? "  catching up" : ""}`;
    console.log(`${spec.name.padEnd(6)} ${(spec.validator ? "validator" : "full").padEnd(9)} ${line}  (${procs})`);
  }
}

switch (verb) {
  case "up":
    await up();
    break;
  case "down":
    if (localnetExists(dir)) await stopLocalnet(localnetNodes(dir));
    console.log("localnet: stopped");
    break;
  case "reset":
    if (localnetExists(dir)) await stopLocalnet(localnetNodes(dir));
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`localnet: deleted ${dir}`);
    break;
  case "status":
    await status();
    break;
  default:
    console.error(USAGE);
    process.exit(2);
}
