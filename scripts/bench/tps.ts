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
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { Devnet, COMETBFT_BIN } from "../../app/node/devnet.js";
import { applyTomlOverrides } from "../../app/node/cometbftConfig.js";
import { buildDevnetAppState, devnetMnemonic, DEVNET_CHAIN_ID } from "../../app/node/devnetGenesis.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../../app/crypto/hd.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey, signEthSecp256k1Digest } from "../../app/crypto/ethSecp256k1.js";
import { keccak256, sha256 } from "../../app/crypto/hash.js";
import { BECH32_PREFIX, formatBech32Address } from "../../app/crypto/address.js";
import { freePorts } from "../../test/helpers/ports.js";

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
const FEE = (GAS_LIMIT * 1_000_000_000n).toString();

/** The same CometBFT settings for both runs: bigger mempool, quieter log. */
const BENCH_OVERRIDES = `
log_level = "error"
[mempool]
size = 100000
cache_size = 200000
[rpc]
max_open_connections = 2000
`;

interface SentTx {
  readonly bytes: Uint8Array;
  readonly hash: string;
}

interface RunResult {
  readonly name: string;
  readonly committed: number;
  readonly seconds: number;
  readonly tps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly blocks: number;
  readonly rejected: number;
  readonly appMsPerBlock?: number;
}

const hashHex = (b: Uint8Array): string => Buffer.from(sha256(b)).toString("hex").toUpperCase();

/** Pre-signs `perAccount` MsgSends per account, sequences 0…n−1 (account number i = genesis order). */
function presign(keys: readonly { priv: Uint8Array; pub: Uint8Array; address: string }[], perAccount: number): SentTx[][] {
  return keys.map((k, i) => {
    const to = keys[(i + 1) % keys.length]!.address;
    const body = TxBody.encode(
      TxBody.fromPartial({
        messages: [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: MsgSend.encode({ fromAddress: k.address, toAddress: to, amount: [{ denom: "wei", amount: "1" }] }).finish() }],
      }),
    ).finish();
    const pubAny = { typeUrl: "/stratos.crypto.v1.ethsecp256k1.PubKey", value: PubKey.encode({ key: k.pub }).finish() };
    const txs: SentTx[] = [];
    for (let seq = 0; seq < perAccount; seq++) {
      const authInfo = AuthInfo.encode(
        AuthInfo.fromPartial({
          signerInfos: [{ publicKey: pubAny, modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence: BigInt(seq) }],
          fee: { amount: [{ denom: "wei", amount: FEE }], gasLimit: GAS_LIMIT },
        }),
      ).finish();
      const signDoc = SignDoc.encode({ bodyBytes: body, authInfoBytes: authInfo, chainId: DEVNET_CHAIN_ID, accountNumber: BigInt(i) }).finish();
      const sig = signEthSecp256k1Digest(k.priv, keccak256(signDoc)).subarray(0, 64);
      const bytes = TxRaw.encode({ bodyBytes: body, authInfoBytes: authInfo, signatures: [sig] }).finish();
      txs.push({ bytes, hash: hashHex(bytes) });
    }
    return txs;
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

/** One keep-alive HTTP agent: the load generator shares the 2 cores with the node, so it must be lean. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** JSON-RPC over HTTP POST with a keep-alive agent (lighter than fetch for thousands of tiny calls). */
function rpc(url: string, method: string, params: Record<string, unknown>): Promise<{ result?: Record<string, unknown>; error?: { data?: string } }> {
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method, params });
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: "/", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as { result?: Record<string, unknown>; error?: { data?: string } });
          } catch (e) {
            reject(e);
          }
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Broadcast for `seconds`, keep each account's order, record send times; then read the blocks. */
async function drive(name: string, rpcUrl: string, accounts: SentTx[][], appMs: () => number[]): Promise<RunResult> {
  const sentAt = new Map<string, number>();
  let rejected = 0;
  const status = (await rpc(rpcUrl, "status", {})).result as { sync_info: { latest_block_height: string } };
  const startHeight = Number(status.sync_info.latest_block_height);
  const appBlocksBefore = appMs().length;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const cursors = new Array<number>(accounts.length).fill(0);
  const worker = async (w: number): Promise<void> => {
    const mine = accounts.map((_, i) => i).filter((i) => i % CONCURRENCY === w);
    for (;;) {
      let progressed = false;
      for (const a of mine) {
        if (performance.now() >= deadline) return;
        const tx = accounts[a]![cursors[a]!];
        if (!tx) continue;
        cursors[a]!++;
        progressed = true;
        sentAt.set(tx.hash, performance.now());
        const r = await rpc(rpcUrl, "broadcast_tx_sync", { tx: Buffer.from(tx.bytes).toString("base64") });
        const code = (r.result as { code?: number } | undefined)?.code ?? -1;
        if (r.error || code !== 0) {
          rejected++;
          sentAt.delete(tx.hash);
        }
      }
      if (!progressed) return;
    }
  };
  // Watch blocks while sending, to time inclusion.
  const includedAt = new Map<string, number>();
  const perBlock: { height: number; txs: number; time: number }[] = [];
  let polledHeight = startHeight;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const st = (await rpc(rpcUrl, "status", {})).result as { sync_info: { latest_block_height: string } };
      const h = Number(st.sync_info.latest_block_height);
      for (let height = polledHeight + 1; height <= h; height++) {
        const b = (await rpc(rpcUrl, "block", { height: String(height) })).result as { block: { data: { txs: string[] | null }; header: { time: string } } };
        const now = performance.now();
        const txs = b.block.data.txs ?? [];
        for (const t of txs) includedAt.set(hashHex(Buffer.from(t, "base64")), now);
        perBlock.push({ height, txs: txs.length, time: Date.parse(b.block.header.time) });
      }
      polledHeight = h;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  const sendEnd = performance.now();
  // Let the mempool drain (at most 20 s), then stop polling.
  const drainUntil = performance.now() + 20_000;
  while (performance.now() < drainUntil && [...sentAt.keys()].some((h) => !includedAt.has(h))) await new Promise((r) => setTimeout(r, 250));
  polling = false;
  await poller;

  const committed = perBlock.reduce((n, b) => n + b.txs, 0);
  const withTxs = perBlock.filter((b) => b.txs > 0);
  const spanMs = withTxs.length > 1 ? withTxs[withTxs.length - 1]!.time - withTxs[0]!.time : (sendEnd - started);
  // Throughput over the block-time span from the first to the last block with txs (≥ one block interval).
  const seconds = Math.max(spanMs, 1000) / 1000;
  const latencies = [...sentAt.entries()].filter(([h]) => includedAt.has(h)).map(([h, t]) => includedAt.get(h)! - t).sort((a, b) => a - b);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const app = appMs().slice(appBlocksBefore);
  return {
    name,
    committed,
    seconds,
    tps: committed / seconds,
    p50Ms: pct(50),
    p95Ms: pct(95),
    blocks: perBlock.length,
    rejected,
    ...(app.length > 0 ? { appMsPerBlock: app.reduce((x, y) => x + y, 0) / app.length } : {}),
  };
}

async function runStratos(txs: SentTx[][], appState: Record<string, unknown>): Promise<RunResult> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-bench-"));
  const [p2p, rpcPort, abci] = await freePorts(3);
  const appMs: number[] = [];
  const devnet = new Devnet({
    home,
    ports: { p2p: p2p!, rpc: rpcPort!, abci: abci! },
    appState,
    configOverrides: BENCH_OVERRIDES,
    checkTxVerifyWorkers: Number(opts["checktx-workers"]),
    // BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of the app process there.
    ...(process.env["BENCH_PROFILE_DIR"] ? { appNodeArgs: ["--cpu-prof", `--cpu-prof-dir=${process.env["BENCH_PROFILE_DIR"]}`] } : {}),
    onAppOutput: (line) => {
      const m = / exec=([\d.]+)ms commit=([\d.]+)ms/.exec(line);
      if (m && / txs=[1-9]/.test(line)) appMs.push(Number(m[1]) + Number(m[2]));
      else if (/ERROR/.test(line)) console.error(line);
    },
  });
  try {
    await devnet.start();
    await waitHeight(devnet.rpcUrl, 2);
    return await drive("stratos-ts (MsgSend, eth_secp256k1)", devnet.rpcUrl, txs, () => appMs);
  } finally {
    await devnet.stop();
    fs.rmSync(home, { recursive: true, force: true });
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
    return await drive("CometBFT kvstore (in-process, same config)", url, txs, () => []);
  } finally {
    node.kill("SIGTERM");
    await new Promise((r) => node.once("exit", r));
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function waitHeight(url: string, height: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const st = (await rpc(url, "status", {})).result as { sync_info: { latest_block_height: string } };
      if (Number(st.sync_info.latest_block_height) >= height) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`node at ${url} did not reach height ${height}`);
}

function print(r: RunResult): void {
  console.log(
    `${r.name}\n  committed ${r.committed} txs in ${r.seconds.toFixed(1)} s = ${r.tps.toFixed(0)} tx/s; inclusion latency p50 ${r.p50Ms.toFixed(0)} ms, p95 ${r.p95Ms.toFixed(0)} ms; ${r.blocks} blocks; rejected at CheckTx/RPC ${r.rejected}` +
      (r.appMsPerBlock !== undefined ? `; app time per block (FinalizeBlock + Commit) ${r.appMsPerBlock.toFixed(1)} ms` : ""),
  );
}

const started = performance.now();
console.log(`bench:tps — ${ACCOUNTS} accounts, ${CONCURRENCY} concurrent broadcast_tx_sync, ${SECONDS} s; Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`);
const seed = mnemonicToSeed(devnetMnemonic());
const keys = Array.from({ length: ACCOUNTS }, (_, i) => {
  const priv = derivePrivateKey(seed, stratosHdPath(i));
  const pub = ethPublicKeyFromPrivateKey(priv);
  return { priv, pub, address: formatBech32Address(ethAddressFromPubKey(pub), BECH32_PREFIX.account) };
});
const appState = buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address })));
const signed = presign(keys, PER_ACCOUNT);
console.log(`pre-signed ${ACCOUNTS * PER_ACCOUNT} txs of ${signed[0]![0]!.bytes.length} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const ours = await runStratos(signed, appState);
print(ours);
if (!opts["skip-kvstore"]) {
  const kv = await runKvstore(kvstoreTxs(signed));
  print(kv);
  console.log(`ratio stratos-ts / kvstore: ${((ours.tps / kv.tps) * 100).toFixed(0)} %`);
}
