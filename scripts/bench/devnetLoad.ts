/**
 * What the end-to-end throughput benchmarks share (`bench:tps`, `bench:register`): pre-signing
 * SIGN_MODE_DIRECT txs with eth_secp256k1 keys, a lean JSON-RPC client, the load driver (broadcast_tx_sync
 * for a fixed time, each account's txs in sequence order, committed txs counted from the blocks) and a
 * bench devnet with the app's per-block timings.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { Devnet } from "../../app/node/devnet.js";
import { DEVNET_CHAIN_ID } from "../../app/node/devnetGenesis.js";
import { signEthSecp256k1Digest } from "../../app/crypto/ethSecp256k1.js";
import { keccak256, sha256 } from "../../app/crypto/hash.js";
import { freePorts } from "../../test/helpers/ports.js";

/** The same CometBFT settings for every bench run: bigger mempool, quieter log. */
export const BENCH_OVERRIDES = `
log_level = "error"
[mempool]
size = 100000
cache_size = 200000
[rpc]
max_open_connections = 2000
`;

export interface SentTx {
  readonly bytes: Uint8Array;
  readonly hash: string;
}

export interface RunResult {
  readonly name: string;
  readonly committed: number;
  readonly seconds: number;
  readonly tps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly blocks: number;
  readonly rejected: number;
  readonly appMsPerBlock?: number;
  /** Hashes of the txs that made it into a block. */
  readonly included: ReadonlySet<string>;
}

export interface BenchKey {
  readonly priv: Uint8Array;
  readonly pub: Uint8Array;
  readonly address: string;
}

export const hashHex = (b: Uint8Array): string => Buffer.from(sha256(b)).toString("hex").toUpperCase();

/** One signed tx: `bodyBytes` signed by `key` (account number, sequence) with a wei fee for `gasLimit` at `feeWei`. */
export function signTx(key: BenchKey, accountNumber: bigint, sequence: bigint, bodyBytes: Uint8Array, gasLimit: bigint, feeWei: bigint): SentTx {
  const pubAny = { typeUrl: "/stratos.crypto.v1.ethsecp256k1.PubKey", value: PubKey.encode({ key: key.pub }).finish() };
  const authInfo = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [{ publicKey: pubAny, modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence }],
      fee: { amount: [{ denom: "wei", amount: feeWei.toString() }], gasLimit },
    }),
  ).finish();
  const signDoc = SignDoc.encode({ bodyBytes, authInfoBytes: authInfo, chainId: DEVNET_CHAIN_ID, accountNumber }).finish();
  const sig = signEthSecp256k1Digest(key.priv, keccak256(signDoc)).subarray(0, 64);
  const bytes = TxRaw.encode({ bodyBytes, authInfoBytes: authInfo, signatures: [sig] }).finish();
  return { bytes, hash: hashHex(bytes) };
}

/** TxBody bytes of one message. */
export function bodyOf(typeUrl: string, value: Uint8Array): Uint8Array {
  return TxBody.encode(TxBody.fromPartial({ messages: [{ typeUrl, value }] })).finish();
}

/** One keep-alive HTTP agent: the load generator shares the 2 cores with the node, so it must be lean. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

type RpcAnswer = { result?: Record<string, unknown>; error?: { data?: string } };

/**
 * JSON-RPC over HTTP POST with a keep-alive agent (lighter than fetch for thousands of tiny calls).
 * A pooled socket the node closed while idle (e.g. while the next phase was being signed) fails its
 * next request with ECONNRESET; such a request is sent again on a new socket.
 */
export async function rpc(url: string, method: string, params: Record<string, unknown>): Promise<RpcAnswer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rpcOnce(url, method, params);
    } catch (e) {
      if (attempt >= 3 || (e as NodeJS.ErrnoException).code !== "ECONNRESET") throw e;
    }
  }
}

function rpcOnce(url: string, method: string, params: Record<string, unknown>): Promise<RpcAnswer> {
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
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as RpcAnswer);
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

export interface DriveOptions {
  readonly seconds: number;
  readonly concurrency: number;
  /** Offered load in tx/s over all workers; absent: as fast as CheckTx answers. */
  readonly rate?: number;
}

/** Broadcast for `seconds`, keep each account's order, record send times; then read the blocks. */
export async function drive(name: string, rpcUrl: string, accounts: SentTx[][], appMs: () => number[], { seconds: SECONDS, concurrency: CONCURRENCY, rate: RATE }: DriveOptions): Promise<RunResult> {
  const sentAt = new Map<string, number>();
  let rejected = 0;
  const status = (await rpc(rpcUrl, "status", {})).result as { sync_info: { latest_block_height: string } };
  const startHeight = Number(status.sync_info.latest_block_height);
  const appBlocksBefore = appMs().length;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const cursors = new Array<number>(accounts.length).fill(0);
  let offered = 0;
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
        if (RATE !== undefined) {
          // Paced load: the n-th tx of the run is sent no earlier than n / rate seconds in.
          const due = started + (offered++ / RATE) * 1000;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
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
    included: new Set(includedAt.keys()),
  };
}

export async function waitHeight(url: string, height: number): Promise<void> {
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

export interface BenchDevnet {
  readonly rpcUrl: string;
  /** The app's gRPC "host:port" when asked for (`grpc: true`). */
  readonly grpcAddress: string | undefined;
  /** FinalizeBlock + Commit milliseconds of every block with txs so far (from the app's block log). */
  appMs(): number[];
  stop(): Promise<void>;
}

/** A stratos-ts devnet in a temp home with the bench CometBFT settings, started and past height 2. */
export async function startBenchDevnet(appState: Record<string, unknown>, options: { readonly checkTxVerifyWorkers?: number; readonly grpc?: boolean } = {}): Promise<BenchDevnet> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-bench-"));
  const [p2p, rpcPort, abci, grpcPort] = await freePorts(4);
  const appMs: number[] = [];
  const devnet = new Devnet({
    home,
    ports: { p2p: p2p!, rpc: rpcPort!, abci: abci!, ...(options.grpc ? { grpc: grpcPort! } : {}) },
    appState,
    configOverrides: BENCH_OVERRIDES,
    checkTxVerifyWorkers: options.checkTxVerifyWorkers ?? 0,
    // BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of the app process there.
    ...(process.env["BENCH_PROFILE_DIR"] ? { appNodeArgs: ["--cpu-prof", `--cpu-prof-dir=${process.env["BENCH_PROFILE_DIR"]}`] } : {}),
    onAppOutput: (line) => {
      const m = / exec=([\d.]+)ms commit=([\d.]+)ms/.exec(line);
      if (m && / txs=[1-9]/.test(line)) appMs.push(Number(m[1]) + Number(m[2]));
      else if (/ERROR/.test(line)) console.error(line);
    },
  });
  const stop = async (): Promise<void> => {
    await devnet.stop();
    fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    await devnet.start();
    await waitHeight(devnet.rpcUrl, 2);
  } catch (e) {
    await stop();
    throw e;
  }
  return { rpcUrl: devnet.rpcUrl, grpcAddress: devnet.grpcAddress, appMs: () => appMs, stop };
}

export function print(r: RunResult): void {
  console.log(
    `${r.name}\n  committed ${r.committed} txs in ${r.seconds.toFixed(1)} s = ${r.tps.toFixed(0)} tx/s; inclusion latency p50 ${r.p50Ms.toFixed(0)} ms, p95 ${r.p95Ms.toFixed(0)} ms; ${r.blocks} blocks; rejected at CheckTx/RPC ${r.rejected}` +
      (r.appMsPerBlock !== undefined ? `; app time per block (FinalizeBlock + Commit) ${r.appMsPerBlock.toFixed(1)} ms` : ""),
  );
}
