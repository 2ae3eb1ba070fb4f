/**
 * `npm run bench:sds`: sds throughput of a single-validator devnet (the devnet's CometBFT config:
 * 1 s timeout_commit, kv tx indexer), two phases on one chain:
 *
 *  (a) MsgFileUpload as relayd sends it (spec-sds-clients §5): `--owners` meta-node owners, each with
 *      one meta node, submit 250-message txs in parallel, each owner at most one tx per block (relayd
 *      waits for the next block after a broadcast). Every message reports a new file: a CIDv1 (base16,
 *      raw codec, identity multihash of a counter). Gas limit = 2 × the simulated gas of the first tx.
 *  (b) MsgPrepay: `--prepay-accounts` wallets broadcast pre-signed one-message txs with
 *      `--concurrency` parallel `broadcast_tx_sync` calls, each wallet's txs in sequence order —
 *      bench:tps's driver (devnetLoad.ts), so the figure compares with its MsgSend figure.
 *
 * Every tx is pre-signed (eth_secp256k1, SIGN_MODE_DIRECT; the uploads once their gas is known).
 * Committed uploads are counted from the app's block log (txs and failed txs per block) over the block
 * times from the first to the last block with txs (the first block's txs not counted). The app's own
 * rate (messages per second of FinalizeBlock + Commit) is printed too: the ceiling once blocks no
 * longer wait for timeout_commit. The CPU each process used over a phase comes from /proc.
 *
 *   npm run bench:sds -- [--seconds 15] [--owners 64] [--prepay-accounts 400] [--concurrency 48]
 *                        [--timeout-commit 1s] [--skip-prepay] [--skip-fileupload] [--profile DIR]
 *
 * Why 64 owners by default: with one tx per owner per block, a block carries owners × 250 messages and
 * blocks come every timeout_commit + ~0.25 s of consensus, so 48 owners cap the rate at ~9,700 msgs/s
 * whatever the app's speed (measured: the app idles ~45% of each block). 64 owners make the app the
 * limit; 96 gain nothing more (longer blocks). docs/performance.md has the figures per owner count.
 *
 * `--profile DIR` runs the app with `--cpu-prof` into DIR and prints where its time went (run one
 * phase at a time for a clean profile).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { create, toBinary } from "@bufbuild/protobuf";
import { TxBody } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { MsgFileUploadSchema, MsgPrepaySchema } from "../../app/codec/stratos/sds/v1/tx_pb.js";
import { Devnet, PROJECT_ROOT } from "../../app/node/devnet.js";
import { devnetMnemonic, devnetNodeKey } from "../../app/node/devnetGenesis.js";
import { buildAppState, type GenesisNode } from "../../app/node/genesisBuilder.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../../app/crypto/hd.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "../../app/crypto/ethSecp256k1.js";
import { BECH32_PREFIX, formatBech32Address } from "../../app/crypto/address.js";
import { freePorts } from "../../test/helpers/ports.js";
import { identityCid } from "../../test/helpers/sdsRecords.js";
import { BENCH_OVERRIDES, type BenchKey, type SentTx, bodyOf, drive, rpc, signTx, waitHeight } from "./devnetLoad.js";
import { newestProfile, printProfile, summarizeCpuProfile } from "./cpuProfile.js";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    owners: { type: "string", default: "64" },
    "prepay-accounts": { type: "string", default: "400" },
    concurrency: { type: "string", default: "48" },
    "timeout-commit": { type: "string", default: "" },
    "skip-prepay": { type: "boolean", default: false },
    "skip-fileupload": { type: "boolean", default: false },
    profile: { type: "string", default: "" },
  },
  strict: true,
});
const SECONDS = Number(opts.seconds);
const OWNERS = Number(opts.owners);
const WALLETS = Number(opts["prepay-accounts"]);
const CONCURRENCY = Number(opts.concurrency);
const MSGS_PER_TX = 250;
/** Each owner sends at most one tx per block and blocks take ≥ 1 s: this many per owner is enough. */
const TXS_PER_OWNER = SECONDS + 10;
/** Prepays pre-signed per wallet: enough for ~2,000 tx/s over the run. */
const PREPAYS_PER_WALLET = Math.ceil((2000 * SECONDS) / WALLETS);
const STOS = 10n ** 18n;
const GWEI = 1_000_000_000n;
/** Gas limit of the pre-signed prepays (checked against a Simulate before sending). */
const PREPAY_GAS = 150_000n;

/** The shared bench settings plus `--timeout-commit`. */
const OVERRIDES = `${BENCH_OVERRIDES}
${opts["timeout-commit"] ? `[consensus]\ntimeout_commit = "${opts["timeout-commit"]}"` : ""}
`;

interface Key extends BenchKey {
  readonly accountNumber: bigint;
}

const sign = (k: Key, bodyBytes: Uint8Array, sequence: bigint, gasLimit: bigint): SentTx =>
  signTx(k, k.accountNumber, sequence, bodyBytes, gasLimit, gasLimit * GWEI);

/** The bodies of owner `o`'s upload txs: 250 new files each, reported by its meta node. */
function uploadBodies(o: number, owner: Key, reporter: string, uploader: string): Uint8Array[] {
  return Array.from({ length: TXS_PER_OWNER }, (_, t) =>
    TxBody.encode(TxBody.fromPartial({
      messages: Array.from({ length: MSGS_PER_TX }, (_, m) => ({
        typeUrl: "/stratos.sds.v1.MsgFileUpload",
        value: toBinary(MsgFileUploadSchema, create(MsgFileUploadSchema, {
          fileHash: identityCid((t * MSGS_PER_TX + m) * OWNERS + o, 0x5d), from: owner.address, reporter, uploader,
        })),
      })),
    })).finish(),
  );
}

// ---- RPC -------------------------------------------------------------------------------------

async function height(url: string): Promise<number> {
  const st = (await rpc(url, "status", {})).result as { sync_info: { latest_block_height: string } } | undefined;
  return Number(st?.sync_info.latest_block_height ?? 0);
}

async function blockTimeMs(url: string, h: number): Promise<number> {
  const r = (await rpc(url, "header", { height: String(h) })).result as { header: { time: string } };
  return Date.parse(r.header.time);
}

/** broadcast_tx_sync; returns the CheckTx code (-1 for an RPC error). */
async function broadcast(url: string, tx: Uint8Array): Promise<{ code: number; log: string }> {
  const r = await rpc(url, "broadcast_tx_sync", { tx: Buffer.from(tx).toString("base64") });
  if (r.error) return { code: -1, log: r.error.data ?? "" };
  const res = r.result as { code?: number; log?: string };
  return { code: res.code ?? 0, log: res.log ?? "" };
}

async function simulateGas(url: string, tx: Uint8Array): Promise<bigint> {
  const data = Buffer.from(SimulateRequest.encode({ txBytes: tx }).finish()).toString("hex");
  const r = (await rpc(url, "abci_query", { path: "/cosmos.tx.v1beta1.Service/Simulate", data })).result as { response: { code?: number; log?: string; value?: string } };
  if ((r.response.code ?? 0) !== 0) throw new Error(`Simulate failed: ${r.response.log ?? ""}`);
  return SimulateResponse.decode(Buffer.from(r.response.value ?? "", "base64")).gasInfo?.gasUsed ?? 0n;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; undefined elsewhere). */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** CPU use of the app, CometBFT and this load generator over a phase, in cores. */
function cpuMeter(): () => string {
  const pids = { app: devnet.appProcess?.pid, cometbft: devnet.cometbftProcess?.pid };
  const t0 = performance.now();
  const app0 = cpuSeconds(pids.app);
  const comet0 = cpuSeconds(pids.cometbft);
  const self0 = process.cpuUsage();
  return () => {
    const wall = (performance.now() - t0) / 1000;
    const cores = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? "?" : ((b - a) / wall).toFixed(2));
    const self = process.cpuUsage(self0);
    return `CPU over the phase: app ${cores(app0, cpuSeconds(pids.app))}, CometBFT ${cores(comet0, cpuSeconds(pids.cometbft))}, load generator ${((self.user + self.system) / 1e6 / wall).toFixed(2)} cores`;
  };
}

// ---- measuring -------------------------------------------------------------------------------

interface BlockLine {
  readonly height: number;
  readonly txs: number;
  readonly failed: number;
  readonly appMs: number;
}

interface PhaseResult {
  readonly committedTxs: number;
  readonly failedTxs: number;
  readonly seconds: number;
  readonly blocks: number;
  readonly appMsPerBlock: number;
  /** Messages (txs × per-tx messages) per second of app block time (FinalizeBlock + Commit). */
  readonly appRate: number;
  readonly refused: number;
  readonly refusals: ReadonlyMap<string, number>;
}

/**
 * Rate over the blocks of a phase: successful txs in the blocks after the first one with txs, divided
 * by the block-time span from that first block to the last one with txs.
 */
async function measure(url: string, blocks: readonly BlockLine[], msgsPerTx: number): Promise<Omit<PhaseResult, "refused" | "refusals">> {
  const withTxs = blocks.filter((b) => b.txs > 0);
  if (withTxs.length < 2) throw new Error(`only ${withTxs.length} block(s) with txs: run longer`);
  const first = withTxs[0]!;
  const last = withTxs[withTxs.length - 1]!;
  const counted = blocks.filter((b) => b.height > first.height && b.height <= last.height);
  const committedTxs = counted.reduce((n, b) => n + b.txs - b.failed, 0);
  const failedTxs = counted.reduce((n, b) => n + b.failed, 0);
  const seconds = ((await blockTimeMs(url, last.height)) - (await blockTimeMs(url, first.height))) / 1000;
  const appMs = withTxs.reduce((n, b) => n + b.appMs, 0);
  return {
    committedTxs,
    failedTxs,
    seconds,
    blocks: counted.length,
    appMsPerBlock: appMs / withTxs.length,
    appRate: (withTxs.reduce((n, b) => n + b.txs, 0) * msgsPerTx) / (appMs / 1000),
  };
}

/** (a) Each owner: broadcast its next tx, wait for the next block, repeat until the deadline. */
async function runUploads(url: string, txs: readonly (readonly SentTx[])[], blockLog: BlockLine[]): Promise<PhaseResult> {
  const refusals = new Map<string, number>();
  let refused = 0;
  let latest = await height(url);
  const from = blockLog.length;
  const deadline = performance.now() + SECONDS * 1000;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      latest = await height(url);
      await sleep(50);
    }
  })();
  await Promise.all(txs.map(async (mine) => {
    for (const tx of mine) {
      if (performance.now() >= deadline) return;
      const sentAt = latest;
      const r = await broadcast(url, tx.bytes);
      if (r.code !== 0) {
        refused++;
        const reason = r.log.slice(0, 80);
        refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
      }
      while (latest <= sentAt && performance.now() < deadline) await sleep(20);
    }
  }));
  await drain(blockLog, from);
  polling = false;
  await poller;
  return { ...(await measure(url, blockLog.slice(from), MSGS_PER_TX)), refused, refusals };
}

/** Waits until two blocks in a row after the sending stopped carry no txs (at most 30 s). */
async function drain(blockLog: readonly BlockLine[], from: number): Promise<void> {
  const until = performance.now() + 30_000;
  while (performance.now() < until) {
    const tail = blockLog.slice(from).slice(-2);
    if (tail.length === 2 && tail.every((b) => b.txs === 0)) return;
    await sleep(200);
  }
}

// ---- main ------------------------------------------------------------------------------------

console.log(`bench:sds — ${SECONDS} s per phase; ${OWNERS} meta-node owners × 1 tx of ${MSGS_PER_TX} MsgFileUpload per block; ` +
  `${WALLETS} prepay wallets, ${CONCURRENCY} concurrent broadcasts; Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`);
const started = performance.now();
const seed = mnemonicToSeed(devnetMnemonic());
const key = (hdIndex: number, accountNumber: number): Key => {
  const priv = derivePrivateKey(seed, stratosHdPath(hdIndex));
  const pub = ethPublicKeyFromPrivateKey(priv);
  return { priv, pub, address: formatBech32Address(ethAddressFromPubKey(pub), BECH32_PREFIX.account), accountNumber: BigInt(accountNumber) };
};
// Owners at HD 2000…, wallets at HD 3000…; account numbers follow the genesis order.
const owners = Array.from({ length: OWNERS }, (_, i) => key(2000 + i, i));
const nodeKeys = owners.map((_, i) => devnetNodeKey(2000 + i, seed));
const wallets = Array.from({ length: WALLETS }, (_, i) => key(3000 + i, OWNERS + i));
const uploader = wallets[0]?.address ?? owners[0]!.address;

const appState = buildAppState({
  accounts: [...owners.map((o) => ({ address: o.address, balance: 10_000n * STOS })), ...wallets.map((w) => ({ address: w.address, balance: 10_000n * STOS }))],
  nodes: owners.map((o, i): GenesisNode => ({ kind: "meta", ownerAddress: o.address, pubKey: nodeKeys[i]!.publicKey, tokens: STOS, moniker: `bench-meta-${i}` })),
});

const uploadBodyList = opts["skip-fileupload"] ? [] : owners.map((o, i) => uploadBodies(i, o, nodeKeys[i]!.networkAddress, uploader));
const prepayTxs = opts["skip-prepay"]
  ? []
  : wallets.map((w) => {
      const b = bodyOf("/stratos.sds.v1.MsgPrepay", toBinary(MsgPrepaySchema, create(MsgPrepaySchema, {
        sender: w.address, beneficiary: w.address, amount: [{ denom: "wei", amount: "1000000000000000" }],
      })));
      return Array.from({ length: PREPAYS_PER_WALLET }, (_, seq) => sign(w, b, BigInt(seq), PREPAY_GAS));
    });
console.log(`built ${uploadBodyList.length * TXS_PER_OWNER} upload tx bodies (${uploadBodyList[0]?.[0]?.length ?? 0} bytes each) and signed ${prepayTxs.length * PREPAYS_PER_WALLET} prepay txs in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const home = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-bench-sds-"));
const [p2p, rpcPort, abci] = await freePorts(3);
const blockLog: BlockLine[] = [];
const profileDir = opts.profile ? path.resolve(opts.profile) : "";
const devnet = new Devnet({
  home,
  ports: { p2p: p2p!, rpc: rpcPort!, abci: abci! },
  appState,
  configOverrides: OVERRIDES,
  ...(profileDir ? { appNodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {}),
  onAppOutput: (line) => {
    const m = /block height=(\d+) txs=(\d+)(?: \((\d+) failed\))? .* exec=([\d.]+)ms commit=([\d.]+)ms/.exec(line);
    if (m) blockLog.push({ height: Number(m[1]), txs: Number(m[2]), failed: Number(m[3] ?? 0), appMs: Number(m[4]) + Number(m[5]) });
    else if (/ERROR/.test(line)) console.error(line);
  },
});

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
try {
  await devnet.start();
  const url = devnet.rpcUrl;
  await waitHeight(url, 2);

  if (uploadBodyList.length > 0) {
    // relayd's gas: 2 × the simulated gas of a 250-message tx (all txs are alike: same sizes, all new
    // files). The probe carries a fee (ppd-style), so the fee transfer is in the figure too.
    const simulated = await simulateGas(url, sign(owners[0]!, uploadBodyList[0]![0]!, 0n, 100_000_000n).bytes);
    const gasLimit = simulated * 2n;
    const t0 = performance.now();
    const uploadTxs = owners.map((o, i) => uploadBodyList[i]!.map((b, seq) => sign(o, b, BigInt(seq), gasLimit)));
    console.log(`MsgFileUpload tx: ${uploadTxs[0]![0]!.bytes.length} bytes, simulated gas ${fmt(Number(simulated))} (${fmt(Number(simulated) / MSGS_PER_TX)} per message), gas limit ${fmt(Number(gasLimit))}; signed ${OWNERS * TXS_PER_OWNER} txs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const cpu = cpuMeter();
    const r = await runUploads(url, uploadTxs, blockLog);
    const cpuLine = cpu();
    const msgs = r.committedTxs * MSGS_PER_TX;
    console.log(`MsgFileUpload  ${fmt(msgs / r.seconds)} msgs/s (${(r.committedTxs / r.seconds).toFixed(1)} txs of ${MSGS_PER_TX} per s)`);
    console.log(`  ${fmt(msgs)} msgs committed in ${r.blocks} blocks over ${r.seconds.toFixed(1)} s of block time (${(r.seconds / Math.max(1, r.blocks)).toFixed(2)} s per block); ` +
      `failed txs ${r.failedTxs}; CheckTx/RPC refusals ${r.refused}; app FinalizeBlock+Commit ${r.appMsPerBlock.toFixed(0)} ms per block = ${fmt(r.appRate)} msgs per app-second`);
    for (const [reason, n] of r.refusals) console.log(`    refused ×${n}: ${reason}`);
    console.log(`  ${cpuLine}`);
  }

  if (prepayTxs.length > 0) {
    const simulated = await simulateGas(url, prepayTxs[0]![0]!.bytes);
    if (simulated > PREPAY_GAS) throw new Error(`a prepay simulates at ${simulated} gas, above the pre-signed limit ${PREPAY_GAS}`);
    console.log(`MsgPrepay tx: ${prepayTxs[0]![0]!.bytes.length} bytes, simulated gas ${fmt(Number(simulated))}, gas limit ${fmt(Number(PREPAY_GAS))}`);
    // The driver of bench:tps (same method as its MsgSend figure); failed txs from the app's block log.
    const cpu = cpuMeter();
    const from = blockLog.length;
    const r = await drive("MsgPrepay", url, prepayTxs, () => blockLog.filter((b) => b.txs > 0).map((b) => b.appMs), { seconds: SECONDS, concurrency: CONCURRENCY });
    await drain(blockLog, from);
    const cpuLine = cpu();
    const failed = blockLog.slice(from).reduce((n, b) => n + b.failed, 0);
    console.log(`MsgPrepay  ${fmt(r.tps)} tx/s`);
    console.log(`  ${fmt(r.committed)} txs committed in ${r.blocks} blocks over ${r.seconds.toFixed(1)} s of block time; failed txs ${failed}; ` +
      `inclusion latency p50 ${r.p50Ms.toFixed(0)} ms, p95 ${r.p95Ms.toFixed(0)} ms; CheckTx/RPC refusals ${r.rejected}; ` +
      `app FinalizeBlock+Commit ${(r.appMsPerBlock ?? 0).toFixed(0)} ms per block`);
    console.log(`  ${cpuLine}`);
  }
} finally {
  await devnet.stop();
  fs.rmSync(home, { recursive: true, force: true });
}

if (profileDir) {
  const file = newestProfile(profileDir);
  if (file) printProfile(summarizeCpuProfile(file, PROJECT_ROOT), `app CPU profile ${file}`);
  else console.log(`no .cpuprofile in ${profileDir}`);
}
