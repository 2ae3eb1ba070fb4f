/**
 * `npm run bench:tps`: end-to-end throughput of a single-validator devnet.
 *
 * Pre-signed MsgSend txs (eth_secp256k1, SIGN_MODE_DIRECT) from many genesis accounts are broadcast
 * with `broadcast_tx_sync` over CometBFT RPC for a fixed time, each account's txs in sequence order.
 * Committed txs are counted from the blocks. Then CometBFT's built-in kvstore app (in-process) runs
 * with the same CometBFT config and the same load shape (same tx size, concurrency and RPC method),
 * and the ratio is printed.
 *
 *   npm run bench:tps -- [--seconds 30] [--accounts 400] [--concurrency 48] [--skip-kvstore] [--checktx-workers N]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { COMETBFT_BIN } from "../../app/node/devnet.js";
import { applyTomlOverrides } from "../../app/node/cometbftConfig.js";
import { buildDevnetAppState, devnetMnemonic } from "../../app/node/devnetGenesis.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../../app/crypto/hd.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "../../app/crypto/ethSecp256k1.js";
import { BECH32_PREFIX, formatBech32Address } from "../../app/crypto/address.js";
import { freePorts } from "../../test/helpers/ports.js";
import {
  BENCH_OVERRIDES, type BenchKey, type RunResult, type SentTx, bodyOf, drive, hashHex, print, signTx, startBenchDevnet, waitHeight,
} from "./devnetLoad.js";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "30" },
    accounts: { type: "string", default: "400" },
    concurrency: { type: "string", default: "48" },
    "skip-kvstore": { type: "boolean", default: false },
    /** Worker threads for CheckTx signature checks in the app (0 = inline, the default). */
    "checktx-workers": { type: "string", default: "0" },
  },
  strict: true,
});
const SECONDS = Number(opts.seconds);
const ACCOUNTS = Number(opts.accounts);
const CONCURRENCY = Number(opts.concurrency);
/** Txs pre-signed per account: enough for ~3,000 tx/s over the run. */
const PER_ACCOUNT = Math.ceil((3000 * SECONDS) / ACCOUNTS);
const GAS_LIMIT = 200_000n;
const FEE = GAS_LIMIT * 1_000_000_000n;
const DRIVE = { seconds: SECONDS, concurrency: CONCURRENCY };

/** Pre-signs `perAccount` MsgSends per account, sequences 0…n−1 (account number i = genesis order). */
function presign(keys: readonly BenchKey[], perAccount: number): SentTx[][] {
  return keys.map((k, i) => {
    const to = keys[(i + 1) % keys.length]!.address;
    const body = bodyOf("/cosmos.bank.v1beta1.MsgSend", MsgSend.encode({ fromAddress: k.address, toAddress: to, amount: [{ denom: "wei", amount: "1" }] }).finish());
    return Array.from({ length: perAccount }, (_, seq) => signTx(k, BigInt(i), BigInt(seq), body, GAS_LIMIT, FEE));
  });
}

/**
 * kvstore txs of the same size, `key=value` with unique keys, spread over the same number of
 * "accounts" (send order). kvstore is far faster, so it gets enough for ~15,000 tx/s over the run.
 */
function kvstoreTxs(like: SentTx[][]): SentTx[][] {
  const size = like[0]![0]!.bytes.length;
  const perAccount = Math.ceil((15_000 * SECONDS) / like.length);
  return like.map((_, a) =>
    Array.from({ length: perAccount }, (_, s) => {
      const key = `a${a}s${s}=`;
      const bytes = new TextEncoder().encode(key + "v".repeat(Math.max(1, size - key.length)));
      return { bytes, hash: hashHex(bytes) };
    }),
  );
}

async function runStratos(txs: SentTx[][], appState: Record<string, unknown>): Promise<RunResult> {
  const devnet = await startBenchDevnet(appState, { checkTxVerifyWorkers: Number(opts["checktx-workers"]) });
  try {
    return await drive("stratos-ts (MsgSend, eth_secp256k1)", devnet.rpcUrl, txs, devnet.appMs, DRIVE);
  } finally {
    await devnet.stop();
  }
}

async function runKvstore(txs: SentTx[][]): Promise<RunResult> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "kvstore-bench-"));
  const [p2p, rpcPort] = await freePorts(2);
  const init = spawnSync(COMETBFT_BIN, ["init", "--home", home], { encoding: "utf8" });
  if (init.status !== 0) throw new Error(init.stderr);
  const configFile = path.join(home, "config", "config.toml");
  const vars = { abci_port: "0", rpc_port: String(rpcPort), p2p_port: String(p2p), moniker: "kvstore-bench" };
  let config = applyTomlOverrides(fs.readFileSync(configFile, "utf8"), fs.readFileSync(path.resolve(import.meta.dirname, "../../cometbft-config/devnet.toml"), "utf8"), vars);
  config = applyTomlOverrides(config, BENCH_OVERRIDES, vars);
  fs.writeFileSync(configFile, config);
  const log = fs.openSync(path.join(home, "cometbft.log"), "a");
  const node = spawn(COMETBFT_BIN, ["start", "--home", home, "--proxy_app", "kvstore"], { stdio: ["ignore", log, log] });
  const url = `http://127.0.0.1:${rpcPort}`;
  try {
    await waitHeight(url, 2);
    return await drive("CometBFT kvstore (in-process, same config)", url, txs, () => [], DRIVE);
  } finally {
    node.kill("SIGTERM");
    await new Promise((r) => node.once("exit", r));
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const started = performance.now();
console.log(`bench:tps — ${ACCOUNTS} accounts, ${CONCURRENCY} concurrent broadcast_tx_sync, ${SECONDS} s; Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`);
const seed = mnemonicToSeed(devnetMnemonic());
const keys = Array.from({ length: ACCOUNTS }, (_, i) => {
  const priv = derivePrivateKey(seed, stratosHdPath(i));
  const pub = ethPublicKeyFromPrivateKey(priv);
  return { priv, pub, address: formatBech32Address(ethAddressFromPubKey(pub), BECH32_PREFIX.account) };
});
// No SDS nodes: their owners' HD indices (10–12, 20–21) are among the bench accounts.
const appState = buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address })), { withNodes: false });
const signed = presign(keys, PER_ACCOUNT);
console.log(`pre-signed ${ACCOUNTS * PER_ACCOUNT} txs of ${signed[0]![0]!.bytes.length} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const ours = await runStratos(signed, appState);
print(ours);
if (!opts["skip-kvstore"]) {
  const kv = await runKvstore(kvstoreTxs(signed));
  print(kv);
  console.log(`ratio stratos-ts / kvstore: ${((ours.tps / kv.tps) * 100).toFixed(0)} %`);
}
