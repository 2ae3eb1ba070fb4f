/**
 * `npm run bench:pot`: MsgVolumeReport cost in-process (TestApp: the whole app over an in-memory store,
 * FinalizeBlock + Commit without CometBFT), in two parts.
 *
 *  (a) Per report, for 3, 10 and 100 BLS signers × 1,000 and 10,000 volume entries (distinct wallets):
 *        - txData: the sign bytes of the report + Keccak-256 (what the handler recomputes, §4.1.1);
 *        - BLS verify alone: blsVerify of the aggregate signature with the listed keys (decoding and
 *          subgroup-checking every key, the pairing check);
 *        - distribute alone: the pure §5.3 computation (distributeEpochReward), no store;
 *        - whole tx: FinalizeBlock of a block holding just that report tx (ante, decode, ValidateBasic,
 *          the handler with every store write, EndBlock), then Commit separately.
 *      The bonded meta-node count is ⌊3·signers/2⌋ (4, 15, 150), so the threshold ⌊2n/3⌋ equals the
 *      signer count (2, 10, 100) and the meta-node share is split over that many nodes. Each report is a
 *      new epoch over the same wallets; the first of each configuration is a warm-up.
 *      Sizes are checked against CometBFT's defaults: mempool `max_tx_bytes` 1,048,576 and RPC
 *      `max_body_bytes` 1,000,000 (a broadcast_tx_sync JSON body carries the tx in base64); the gas a
 *      report uses against mainnet's consensus `max_gas` 20,000,000 (the devnet and TestApp set none).
 *      One untimed configuration runs first (JIT warm-up).
 *  (b) spec-pot §6.2 DoS: FinalizeBlock of `--blocks` empty blocks before and after a report with
 *      epoch 10^15 (the reference's EndBlock would then walk every integer epoch in (2016, 10^15]).
 *
 *   npm run bench:pot -- [--reps 5] [--blocks 200]
 */
import { parseArgs } from "node:util";
import os from "node:os";
import { create, toBinary } from "@bufbuild/protobuf";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { MsgVolumeReportSchema } from "../../app/codec/stratos/pot/v1/tx_pb.js";
import { blsAggregateSignatures, blsKeyFromSecret, blsPublicKey, blsSign, blsVerify, type BlsSecretKey } from "../../app/crypto/bls/index.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../app/crypto/address.js";
import { sdsAddressOfPubKey } from "../../app/crypto/sdsKeys.js";
import { Dec } from "../../app/math/dec.js";
import { buildAppState, type GenesisNode } from "../../app/node/genesisBuilder.js";
import { TestApp, type TestKey } from "../../app/node/testApp.js";
import { distributeEpochReward } from "../../app/modules/pot/logic/distribution.js";
import type { DistributionSnapshot } from "../../app/modules/pot/logic/distributionTypes.js";
import { volumeReportTxData } from "../../app/modules/pot/logic/volumeReportSignBytes.js";
import { DEFAULT_POT_PARAMS } from "../../app/modules/pot/params.js";

const { values: opts } = parseArgs({
  options: {
    reps: { type: "string", default: "5" },
    blocks: { type: "string", default: "200" },
  },
  strict: true,
});
const REPS = Number(opts.reps);
const BLOCKS = Number(opts.blocks);

const STOS = 10n ** 18n;
const GENESIS_SECONDS = 1_717_200_000n;
const MAX_TX_BYTES = 1_048_576;
const RPC_MAX_BODY_BYTES = 1_000_000;
/** Mainnet consensus max_gas (spec-sds-clients §5.8). */
const MAINNET_MAX_GAS = 20_000_000n;
const GAS_LIMIT = 2_000_000_000n;
const RESOURCE_NODES = 5;

const wallet = (i: number): string => {
  const raw = new Uint8Array(20);
  new DataView(raw.buffer).setUint32(0, 0x5000_0000 + i);
  return formatBech32Address(raw, BECH32_PREFIX.account);
};
const edKey = (tag: number, i: number): Uint8Array => {
  const k = new Uint8Array(32).fill(tag);
  new DataView(k.buffer).setUint32(0, i);
  return k;
};
/** A deterministic volume in [1, 10 000]. */
const volumeOf = (i: number): bigint => BigInt(((i * 2_654_435_761) >>> 0) % 10_000) + 1n;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? Number.NaN;
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/** A chain with `metaCount` bonded meta nodes (1 STOS each; the first owned by the reporter) and 5 resource nodes, pools funded, Pt = 20 STOS. */
interface BenchChain {
  readonly app: TestApp;
  readonly reporter: TestKey;
  readonly reporterNet: string;
  readonly snapshot: DistributionSnapshot;
  sequence: bigint;
  height: bigint;
  seconds: bigint;
}

async function startChain(metaCount: number): Promise<BenchChain> {
  const reporter = TestApp.keyAt(0, 0n);
  const metas = Array.from({ length: metaCount }, (_, i): GenesisNode => ({
    kind: "meta", ownerAddress: i === 0 ? reporter.address : wallet(900_000 + i), pubKey: edKey(0x20, i), tokens: STOS, moniker: `meta${i}`,
  }));
  const resources = Array.from({ length: RESOURCE_NODES }, (_, i): GenesisNode => ({
    kind: "resource", ownerAddress: wallet(800_000 + i), pubKey: edKey(0x10, i), tokens: STOS, moniker: `res${i}`,
  }));
  const s = BigInt(metaCount + RESOURCE_NODES) * STOS;
  // A quarter of the total noz supply left: reports of up to 10^8 noz stay far inside the supply bound.
  const lt = s / 1_000_000n / 4n;
  const appState = buildAppState({
    accounts: [{ address: reporter.address, balance: 1_000_000n * STOS }],
    nodes: [...metas, ...resources],
    moduleBalances: {
      resource_node_bonded_pool: BigInt(RESOURCE_NODES) * STOS, meta_node_bonded_pool: BigInt(metaCount) * STOS,
      total_unissued_prepay: 20n * STOS, foundation_account: 40_000_000n * STOS,
    },
    register: { remaining_noz_limit: lt.toString() },
  });
  const app = await TestApp.create({ appState, genesisSeconds: GENESIS_SECONDS });
  const p = DEFAULT_POT_PARAMS;
  // Meta nodes in register store-key order, as the handler iterates them.
  const bondedMetaNodes = [...metas]
    .sort((x, y) => Buffer.compare(parseBech32Address(sdsAddressOfPubKey(x.pubKey), BECH32_PREFIX.sds), parseBech32Address(sdsAddressOfPubKey(y.pubKey), BECH32_PREFIX.sds)))
    .map((m) => ({ ownerAddress: m.ownerAddress, beneficiaryAddress: m.ownerAddress }));
  const snapshot: DistributionSnapshot = {
    effectiveTotalDeposit: s, unissuedPrepay: 20n * STOS, remainingOzoneLimit: lt, depositNozRate: Dec.parse("1000000"), totalMinedToken: 0n,
    miningValves: p.miningRewardParams, communityTax: p.communityTax, matureEpoch: p.matureEpoch, bondedMetaNodes,
    bondedMetaNodeCount: BigInt(metaCount), bondDenom: "wei", rewardDenom: "wei",
  };
  return { app, reporter, reporterNet: sdsAddressOfPubKey(edKey(0x20, 0)), snapshot, sequence: 0n, height: app.nextHeight, seconds: GENESIS_SECONDS + 5n };
}

interface Block {
  readonly results: ExecTxResult[];
  readonly finalizeMs: number;
  readonly commitMs: number;
}

/** FinalizeBlock (timed) and Commit (timed) of one block at the chain's next height. */
async function runBlock(c: BenchChain, txs: readonly Uint8Array[]): Promise<Block> {
  const [res, finalizeMs] = timed(() => c.app.parts.app.finalizeBlock({
    txs: [...txs], decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32), height: c.height,
    time: { seconds: c.seconds, nanos: 0 }, nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20),
  }));
  const start = performance.now();
  await c.app.parts.app.commit();
  const commitMs = performance.now() - start;
  c.height++;
  c.seconds += 5n;
  return { results: res.txResults, finalizeMs, commitMs };
}

interface Report {
  readonly txData: Uint8Array;
  readonly signature: Uint8Array;
  readonly pubKeys: readonly Uint8Array[];
  readonly volumes: ReadonlyArray<{ readonly walletAddress: string; readonly volume: bigint }>;
  readonly tx: Uint8Array;
}

/** A signed report tx of `epoch` by meta node 0's owner, BLS-signed by `signers`. */
function buildReport(c: BenchChain, epoch: bigint, wallets: readonly string[], signers: readonly BlsSecretKey[], pubKeys: readonly Uint8Array[]): Report {
  const volumes = wallets.map((walletAddress, i) => ({ walletAddress, volume: volumeOf(i + Number(epoch)) }));
  const fields = { reporter: c.reporterNet, epoch, reportReference: `bench-${epoch}`, reporterOwner: c.reporter.address };
  const txData = volumeReportTxData({ walletVolumes: volumes, ...fields });
  const signature = blsAggregateSignatures(signers.map((sk) => blsSign(sk, txData)));
  const msg = create(MsgVolumeReportSchema, {
    walletVolumes: volumes.map((v) => ({ walletAddress: v.walletAddress, volume: v.volume.toString() })),
    ...fields, epoch: epoch.toString(), BLSSignature: { pubKeys: [...pubKeys], signature, txData },
  });
  const any: Any = { typeUrl: `/${MsgVolumeReportSchema.typeName}`, value: toBinary(MsgVolumeReportSchema, msg) };
  const tx = c.app.sign(c.reporter, [any], { sequence: c.sequence++, gasLimit: GAS_LIMIT });
  return { txData, signature, pubKeys, volumes, tx };
}

const parseWallet = (text: string): string | undefined => {
  try {
    return formatBech32Address(parseBech32Address(text, BECH32_PREFIX.account), BECH32_PREFIX.account);
  } catch {
    return undefined;
  }
};

interface Row {
  readonly signers: number;
  readonly metaNodes: number;
  readonly entries: number;
  readonly txBytes: number;
  readonly gasUsed: bigint;
  readonly txDataMs: number;
  readonly verifyMs: number;
  readonly distributeMs: number;
  readonly finalizeMs: number;
  readonly commitMs: number;
}

async function measureReports(signerCount: number, entries: number): Promise<Row> {
  const metaCount = Math.floor((3 * signerCount) / 2);
  const c = await startChain(metaCount);
  try {
    const keys = Array.from({ length: signerCount }, (_, i) => blsKeyFromSecret(edKey(0x77, i + 1)));
    const pubKeys = keys.map(blsPublicKey);
    const wallets = Array.from({ length: entries }, (_, i) => wallet(i));
    const samples: Array<Omit<Row, "signers" | "metaNodes" | "entries">> = [];
    for (let r = 0; r <= REPS; r++) {
      const report = buildReport(c, BigInt(r + 1), wallets, keys, pubKeys);
      const fields = { reporter: c.reporterNet, epoch: BigInt(r + 1), reportReference: `bench-${r + 1}`, reporterOwner: c.reporter.address };
      const [, txDataMs] = timed(() => volumeReportTxData({ walletVolumes: report.volumes, ...fields }));
      const [ok, verifyMs] = timed(() => blsVerify(report.txData, report.signature, report.pubKeys));
      if (!ok) throw new Error("bench: the report does not verify");
      const [, distributeMs] = timed(() => distributeEpochReward(c.snapshot, { epoch: BigInt(r + 1), walletVolumes: report.volumes }, parseWallet));
      const block = await runBlock(c, [report.tx]);
      const result = block.results[0];
      if (result?.code !== 0) throw new Error(`bench: report ${r + 1} failed: ${result?.code} ${result?.log}`);
      if (r > 0) samples.push({ txBytes: report.tx.length, gasUsed: result.gasUsed, txDataMs, verifyMs, distributeMs, finalizeMs: block.finalizeMs, commitMs: block.commitMs });
    }
    const pick = (f: (s: (typeof samples)[number]) => number) => median(samples.map(f));
    return {
      signers: signerCount, metaNodes: metaCount, entries,
      txBytes: samples[0]!.txBytes, gasUsed: samples[0]!.gasUsed,
      txDataMs: pick((s) => s.txDataMs), verifyMs: pick((s) => s.verifyMs), distributeMs: pick((s) => s.distributeMs),
      finalizeMs: pick((s) => s.finalizeMs), commitMs: pick((s) => s.commitMs),
    };
  } finally {
    await c.app.close();
  }
}

async function measureDos(): Promise<{ before: number; after: number; reportMs: number; p95Before: number; p95After: number }> {
  const c = await startChain(3);
  try {
    const keys = [0x11, 0x22, 0x33].map((b) => blsKeyFromSecret(new Uint8Array(32).fill(b)));
    const emptyBlocks = async (): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < BLOCKS; i++) out.push((await runBlock(c, [])).finalizeMs);
      return out;
    };
    for (let i = 0; i < 20; i++) await runBlock(c, []); // warm-up
    const before = await emptyBlocks();
    const report = buildReport(c, 10n ** 15n, Array.from({ length: 3 }, (_, i) => wallet(i)), keys, keys.map(blsPublicKey));
    const block = await runBlock(c, [report.tx]);
    if (block.results[0]?.code !== 0) throw new Error(`bench: the 10^15 report failed: ${block.results[0]?.log}`);
    const after = await emptyBlocks();
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
    return { before: median(before), after: median(after), reportMs: block.finalizeMs, p95Before: p95(before), p95After: p95(after) };
  } finally {
    await c.app.close();
  }
}

const f = (ms: number): string => ms.toFixed(ms < 10 ? 2 : 1);
const WIDTHS = [8, 6, 9, 10, 12, 9, 12, 12, 15, 9];

console.log(`bench:pot — in-process TestApp (in-memory store), Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}); ${REPS} reports per row after a warm-up, medians`);
console.log("(a) MsgVolumeReport: signers × entries → ms per report");
console.log(
  ["signers", "meta", "entries", "tx bytes", "gas used", "txData", "BLS verify", "distribute", "FinalizeBlock", "Commit"].map((h, i) => h.padStart(WIDTHS[i]!)).join(""),
);
// One untimed configuration first, so that the first row does not carry the JIT's warm-up.
await measureReports(3, 1_000);
const rows: Row[] = [];
for (const entries of [1_000, 10_000]) {
  for (const signers of [3, 10, 100]) {
    const row = await measureReports(signers, entries);
    rows.push(row);
    console.log(
      [row.signers, row.metaNodes, row.entries, row.txBytes, row.gasUsed].map((v, i) => String(v).padStart(WIDTHS[i]!)).join("") +
      [row.txDataMs, row.verifyMs, row.distributeMs, row.finalizeMs, row.commitMs].map((v, i) => f(v).padStart(WIDTHS[i + 5]!)).join(""),
    );
  }
}
console.log("\nsigners × entries → ms per report (verify = txData + BLS verify [BLS alone] / distribute / whole tx = FinalizeBlock of the block with it)");
for (const r of rows) {
  console.log(`${String(r.signers).padStart(4)} × ${String(r.entries).padStart(6)} → ${f(r.txDataMs + r.verifyMs)} [${f(r.verifyMs)}] / ${f(r.distributeMs)} / ${f(r.finalizeMs)}`);
}

const biggest = rows.reduce((a, b) => (b.txBytes > a.txBytes ? b : a));
const base64Body = Math.ceil(biggest.txBytes / 3) * 4 + 100;
console.log(
  `\nsize: the largest report tx (${biggest.signers} signers, ${biggest.entries} entries) is ${biggest.txBytes} bytes: ` +
  `${biggest.txBytes <= MAX_TX_BYTES ? "fits" : "does NOT fit"} CometBFT's mempool max_tx_bytes (${MAX_TX_BYTES}); ` +
  `as base64 in a broadcast_tx_sync JSON body ≈ ${base64Body} bytes, ${base64Body <= RPC_MAX_BODY_BYTES ? "within" : "OVER"} the RPC max_body_bytes (${RPC_MAX_BODY_BYTES}).`,
);
for (const r of rows.filter((x) => x.gasUsed > MAINNET_MAX_GAS)) {
  console.log(`gas: ${r.signers} signers × ${r.entries} entries uses ${r.gasUsed} gas > mainnet max_gas ${MAINNET_MAX_GAS}: such a report cannot be included there.`);
}

console.log(`\n(b) spec-pot §6.2: FinalizeBlock of ${BLOCKS} empty blocks before and after a report with epoch 10^15`);
const dos = await measureDos();
console.log(`median before ${f(dos.before)} ms (p95 ${f(dos.p95Before)}), after ${f(dos.after)} ms (p95 ${f(dos.p95After)}); the report's own block ${f(dos.reportMs)} ms`);
