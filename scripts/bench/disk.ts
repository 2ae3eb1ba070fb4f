/**
 * `npm run bench:disk`: disk growth of a node per 10,000 blocks with the default pruning (SDK
 * "default": the last 362,880 states kept, so nothing is pruned within the run), for the app's data
 * (`data/application.db`) and CometBFT's (blocks, state, tx index, WAL), in two runs: empty blocks,
 * and a light MsgSend load. CometBFT runs with a tiny timeout_commit so 10,000 blocks take minutes.
 *
 *   npm run bench:disk -- [--blocks 10000] [--tx-rate 20] [--timeout-commit 10ms] [--pruning default]
 *                         [--only empty|msgsend]
 *
 * Figures are scaled to 10,000 blocks when --blocks differs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { defaultAppConfig } from "../../app/node/appConfig.js";
import { Devnet } from "../../app/node/devnet.js";
import { buildDevnetAppState, devnetMnemonic } from "../../app/node/devnetGenesis.js";
import { dirSize } from "../../app/node/metrics.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../../app/crypto/hd.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "../../app/crypto/ethSecp256k1.js";
import { BECH32_PREFIX, formatBech32Address } from "../../app/crypto/address.js";
import { PRUNING_STRATEGIES, type PruningStrategy } from "../../app/store/pruningModes.js";
import { ClassicLevel } from "classic-level";
import { freePorts } from "../../test/helpers/ports.js";
import { BENCH_OVERRIDES, type BenchKey, bodyOf, rpc, signTx, waitHeight } from "./devnetLoad.js";

const { values: opts } = parseArgs({
  options: {
    blocks: { type: "string", default: "10000" },
    "tx-rate": { type: "string", default: "20" },
    "timeout-commit": { type: "string", default: "10ms" },
    pruning: { type: "string", default: "default" },
    only: { type: "string" },
  },
  strict: true,
});
const BLOCKS = Number(opts.blocks);
const TX_RATE = Number(opts["tx-rate"]);
if (!(PRUNING_STRATEGIES as readonly string[]).includes(opts.pruning) || opts.pruning === "custom") {
  throw new Error(`--pruning must be default, nothing or everything`);
}
const PRUNING = opts.pruning as PruningStrategy;
const GAS_LIMIT = 200_000n;
const FEE = GAS_LIMIT * 1_000_000_000n;

function keyAt(i: number): BenchKey {
  const priv = derivePrivateKey(mnemonicToSeed(devnetMnemonic()), stratosHdPath(i));
  const pub = ethPublicKeyFromPrivateKey(priv);
  return { priv, pub, address: formatBech32Address(ethAddressFromPubKey(pub), BECH32_PREFIX.account) };
}

interface Sizes {
  readonly app: number;
  readonly comet: number;
}

/** The app's store vs everything else CometBFT keeps under data/ (snapshots are not taken here). */
async function sizes(home: string): Promise<Sizes> {
  const data = path.join(home, "data");
  const app = await dirSize(path.join(data, "application.db"));
  const all = await dirSize(data);
  return { app, comet: all - app - (await dirSize(path.join(data, "snapshots"))) };
}

async function height(url: string): Promise<number> {
  const st = (await rpc(url, "status", {})).result as { sync_info: { latest_block_height: string } };
  return Number(st.sync_info.latest_block_height);
}

async function run(name: "empty" | "msgsend"): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-disk-"));
  const [p2p, rpcPort, abci] = await freePorts(3);
  const keys = [keyAt(0), keyAt(1)];
  const devnet = new Devnet({
    home,
    ports: { p2p: p2p!, rpc: rpcPort!, abci: abci! },
    appState: buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address }))),
    configOverrides: `${BENCH_OVERRIDES}\n[consensus]\ntimeout_commit = "${opts["timeout-commit"]}"`,
    appConfig: { ...defaultAppConfig(), pruning: PRUNING },
    onAppOutput: (line) => {
      if (/ERROR/.test(line)) console.error(line);
    },
  });
  try {
    await devnet.start();
    await waitHeight(devnet.rpcUrl, 2);
    const h0 = await height(devnet.rpcUrl);
    const s0 = await sizes(home);
    const t0 = performance.now();
    const end = h0 + BLOCKS;
    let sent = 0;
    let sequence = 0n;
    const body = bodyOf("/cosmos.bank.v1beta1.MsgSend", MsgSend.encode({ fromAddress: keys[0]!.address, toAddress: keys[1]!.address, amount: [{ denom: "wei", amount: "1" }] }).finish());
    let last = h0;
    let lastReport = t0;
    while (last < end) {
      if (name === "msgsend") {
        // Keep `TX_RATE` per second on average, one broadcast_tx_sync at a time.
        const due = Math.floor(((performance.now() - t0) / 1000) * TX_RATE);
        while (sent < due) {
          const tx = signTx(keys[0]!, 0n, sequence, body, GAS_LIMIT, FEE);
          const res = await rpc(devnet.rpcUrl, "broadcast_tx_sync", { tx: Buffer.from(tx.bytes).toString("base64") });
          const code = (res.result as { code?: number } | undefined)?.code ?? -1;
          if (code === 0) sequence++;
          sent++;
        }
      }
      await new Promise((r) => setTimeout(r, name === "msgsend" ? 20 : 500));
      last = await height(devnet.rpcUrl);
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        console.log(`  ${name}: height ${last - h0}/${BLOCKS} after ${((lastReport - t0) / 1000).toFixed(0)} s`);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const s1 = await sizes(home);
    const blocks = last - h0;
    await devnet.stop();
    // LevelDB keeps recent writes (pruning's deletes too) in its log until the memtable (64 MiB)
    // fills, and deleted entries in its tables until compaction reaches them. A full compaction
    // shows what a long-running node settles to.
    const db = new ClassicLevel<Uint8Array, Uint8Array>(path.join(home, "data", "application.db"), { keyEncoding: "view", valueEncoding: "view" });
    await db.open();
    await db.compactRange(Uint8Array.of(0), Uint8Array.of(0xff, 0xff), { keyEncoding: "view" });
    await db.close();
    const s2 = await sizes(home);
    const per10k = (bytes: number): string => `${((bytes / blocks) * 10_000 / 1e6).toFixed(2)} MB`;
    console.log(
      `${name === "empty" ? "empty blocks" : `MsgSend ~${TX_RATE} tx/s (${sequence} committed)`}, pruning "${PRUNING}": ${blocks} blocks in ${seconds.toFixed(0)} s (${(blocks / seconds).toFixed(0)} blocks/s)\n` +
        `  per 10,000 blocks: app data ${per10k(s1.app - s0.app)} (${per10k(s2.app - s0.app)} after a full LevelDB compaction), CometBFT data ${per10k(s1.comet - s0.comet)}\n` +
        `  on disk at the end: app ${(s1.app / 1e6).toFixed(2)} MB (compacted ${(s2.app / 1e6).toFixed(2)} MB), CometBFT ${(s1.comet / 1e6).toFixed(2)} MB`,
    );
  } finally {
    await devnet.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

console.log(`bench:disk — ${BLOCKS} blocks per run, timeout_commit ${opts["timeout-commit"]}, ${os.cpus().length} cores, Node ${process.version}`);
for (const name of ["empty", "msgsend"] as const) {
  if (opts.only !== undefined && opts.only !== name) continue;
  await run(name);
}
