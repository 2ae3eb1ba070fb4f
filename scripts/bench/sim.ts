/**
 * `npm run bench:sim`: the SDS network simulator at its maximum rate on a single-validator devnet, then
 * a flood on top of it.
 *
 *  Phase 1 — relayd at full speed: `--meta` meta nodes, each with its relayd-like submitter (§5: 250
 *  messages per tx, one broadcast per block, Simulate × 2.0); `--resource-nodes` resource nodes serving
 *  traffic; uploads generated faster than the submitters can send (every batch full). Printed:
 *  committed msgs/s, batches per block per meta node (broadcast and committed), simulated vs delivered
 *  gas, lost batches by cause, event → submission latency (enqueue → broadcast, enqueue → committed).
 *
 *  Phase 2 — flooding cannot stall the chain: the submitters keep going while `--flood-txs` pre-signed
 *  MsgSend txs from `--flood-wallets` wallets are pushed through `broadcast_tx_sync`, far more than one
 *  block holds (block `max_bytes` is set to `--block-max-bytes`). Printed: the mempool's peak, the block
 *  interval and the longest gap between consecutive block times, against timeout_commit (the bound is
 *  2 × timeout_commit).
 *
 *   npm run bench:sim -- [--seconds 30] [--flood-seconds 20] [--meta 6] [--resource-nodes 30] [--users 20]
 *                        [--timeout-commit 1s] [--flood-txs 12000] [--flood-wallets 40] [--block-max-bytes 131072]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Devnet } from "../../app/node/devnet.js";
import { DEVNET_CHAIN_ID } from "../../app/node/devnetGenesis.js";
import { walletAt } from "../../app/sim/actors.js";
import { metaOwnerIndices, simGenesis } from "../../app/sim/genesis.js";
import { signTx } from "../../app/sim/grpcChain.js";
import { msgSend } from "../../app/sim/messages.js";
import { Simulator } from "../../app/sim/simulator.js";
import type { NewBlockFrame } from "../../app/sim/cometEvents.js";
import type { SubmitterStats } from "../../app/sim/relayd.js";
import { freePorts } from "../../test/helpers/ports.js";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "30" },
    "flood-seconds": { type: "string", default: "20" },
    meta: { type: "string", default: "6" },
    "resource-nodes": { type: "string", default: "30" },
    users: { type: "string", default: "20" },
    "timeout-commit": { type: "string", default: "1s" },
    "flood-txs": { type: "string", default: "12000" },
    "flood-wallets": { type: "string", default: "40" },
    "block-max-bytes": { type: "string", default: "131072" },
  },
  strict: true,
});
const STOS = 10n ** 18n;
const META = Number(opts.meta);
const FLOOD_WALLETS = Array.from({ length: Number(opts["flood-wallets"]) }, (_, i) => walletAt(700 + i));
const timeoutCommitMs = (() => {
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(opts["timeout-commit"]);
  if (!m) throw new Error(`--timeout-commit: ${opts["timeout-commit"]}`);
  return Number(m[1]) * (m[2] === "s" ? 1000 : 1);
})();

const home = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-bench-sim-"));
const [p2p, rpc, abci, grpc, api] = await freePorts(5);
const devnet = new Devnet({
  home,
  ports: { p2p: p2p!, rpc: rpc!, abci: abci!, grpc: grpc!, api: api! },
  appState: simGenesis({ metaNodes: META, extraAccounts: FLOOD_WALLETS.map((w) => ({ address: w.address, balance: 1000n * STOS })) }),
  configOverrides: `log_level = "error"\n[mempool]\nsize = 100000\ncache_size = 200000\n[rpc]\nmax_open_connections = 2000\n[consensus]\ntimeout_commit = "${opts["timeout-commit"]}"`,
  onAppOutput: (line) => {
    if (/ERROR/.test(line)) console.error(line);
  },
});
devnet.init();
// A block smaller than the flood: the mempool then holds many blocks' worth.
const genesisFile = path.join(home, "config", "genesis.json");
interface ConsensusParams { block?: Record<string, string>; evidence?: Record<string, string> }
const genesis = JSON.parse(fs.readFileSync(genesisFile, "utf8")) as { consensus_params?: ConsensusParams };
const cp = genesis.consensus_params ?? {};
// Evidence may not exceed a block.
genesis.consensus_params = {
  ...cp,
  block: { ...(cp.block ?? {}), max_bytes: opts["block-max-bytes"] },
  evidence: { ...(cp.evidence ?? {}), max_bytes: String(Math.min(Number(cp.evidence?.["max_bytes"] ?? 1048576), Math.floor(Number(opts["block-max-bytes"]) / 4))) },
};
fs.writeFileSync(genesisFile, JSON.stringify(genesis, null, 2));

const cleanup = async (): Promise<void> => {
  await devnet.stop();
  fs.rmSync(home, { recursive: true, force: true });
};

try {
  await devnet.start();
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error(`no block after 60 s; see ${path.join(home, "cometbft.log")}`);
    const r = (await (await fetch(`${devnet.rpcUrl}/status`).catch(() => undefined))?.json().catch(() => undefined)) as { result?: { sync_info?: { latest_block_height?: string } } } | undefined;
    if (Number(r?.result?.sync_info?.latest_block_height ?? 0) >= 2) break;
    await new Promise((res) => setTimeout(res, 200));
  }
  const sim = new Simulator({
    rpcUrl: devnet.rpcUrl, grpcAddress: devnet.grpcAddress!, chainId: DEVNET_CHAIN_ID, metaOwnerIndices: metaOwnerIndices(META),
    resourceNodes: Number(opts["resource-nodes"]), users: Number(opts.users), epochBlocks: 5,
    uploadsPerBlock: META * 300, slicesPerBlock: 60, funder: walletAt(0), foundationTarget: 100_000n * STOS,
    lifecycle: false, withdrawMatured: false, verify: false, signers: "all", seed: 99,
  });
  console.log(`bench:sim: ${META} meta nodes, ${opts["resource-nodes"]} resource nodes, ${opts.users} users; timeout_commit ${opts["timeout-commit"]}, block max_bytes ${opts["block-max-bytes"]}`);
  await sim.start();
  const blockTimes: Array<{ height: number; time: number; txs: number }> = [];
  sim.metas[0]!.events.on("newBlock", (b: NewBlockFrame) => blockTimes.push({ height: b.height, time: Date.parse(b.time), txs: b.txs }));

  // ---- phase 1 ----
  const snap = (): SubmitterStats[] => sim.metas.map((m) => ({ ...m.relayd.stats }));
  const s0 = snap();
  const h0 = sim.stats.height;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, Number(opts.seconds) * 1000));
  const s1 = snap();
  const h1 = sim.stats.height;
  const secs = (performance.now() - t0) / 1000;
  report("phase 1: relayd at full speed", s0, s1, h0, h1, secs);

  // ---- phase 2: flood ----
  console.log(`phase 2: signing ${opts["flood-txs"]} MsgSend txs from ${FLOOD_WALLETS.length} wallets…`);
  const perWallet = Math.ceil(Number(opts["flood-txs"]) / FLOOD_WALLETS.length);
  const queues: Uint8Array[][] = [];
  for (const w of FLOOD_WALLETS) {
    const acc = (await sim.grpc.account(w.address))!;
    const q: Uint8Array[] = [];
    for (let i = 0; i < perWallet; i++) {
      q.push(signTx(w, { accountNumber: acc.accountNumber, sequence: acc.sequence + BigInt(i) }, [msgSend(w.address, w.address, 1n)], { gasLimit: 200_000n, feeWei: 200_000n * 1_000_000_000n }, DEVNET_CHAIN_ID));
    }
    queues.push(q);
  }
  const f0 = snap();
  const fh0 = sim.stats.height;
  const firstFloodBlock = blockTimes.length;
  let mempoolPeak = 0;
  let mempoolPeakBytes = 0;
  let rejected = 0;
  let pushed = 0;
  const sampler = setInterval(() => {
    void sim.view.mempool().then((m) => {
      mempoolPeak = Math.max(mempoolPeak, m.txs);
      mempoolPeakBytes = Math.max(mempoolPeakBytes, m.bytes);
    }).catch(() => undefined);
  }, 250);
  const ft0 = performance.now();
  const floodUntil = ft0 + Number(opts["flood-seconds"]) * 1000;
  // Each wallet's txs in sequence order; wallets in parallel.
  await Promise.all(queues.map(async (q) => {
    for (const tx of q) {
      if (performance.now() > floodUntil) return;
      const r = await fetch(devnet.rpcUrl, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "broadcast_tx_sync", params: { tx: Buffer.from(tx).toString("base64") } }) }).then((x) => x.json() as Promise<{ result?: { code?: number } }>).catch(() => undefined);
      pushed++;
      if (r?.result?.code !== 0) rejected++;
    }
  }));
  const pushedMs = performance.now() - ft0;
  const rest = floodUntil - performance.now();
  if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  clearInterval(sampler);
  const f1 = snap();
  const fh1 = sim.stats.height;
  report("phase 2: relayd at full speed under a MsgSend flood", f0, f1, fh0, fh1, (performance.now() - ft0) / 1000);
  const flood = blockTimes.slice(Math.max(0, firstFloodBlock - 1));
  let longest = 0;
  for (let i = 1; i < flood.length; i++) longest = Math.max(longest, flood[i]!.time - flood[i - 1]!.time);
  const interval = flood.length > 1 ? (flood.at(-1)!.time - flood[0]!.time) / (flood.length - 1) : 0;
  const maxBytes = Number(opts["block-max-bytes"]);
  console.log(`  flood: ${pushed} of ${queues.flat().length} txs pushed in ${(pushedMs / 1000).toFixed(1)} s (${rejected} refused at CheckTx/RPC); mempool peak ${mempoolPeak} txs, ${mempoolPeakBytes} bytes = ${(mempoolPeakBytes / maxBytes).toFixed(1)} blocks of ${maxBytes} bytes`);
  console.log(`  blocks: ${flood.length} in the flood window, mean interval ${interval.toFixed(0)} ms, longest gap between block times ${longest} ms (timeout_commit ${timeoutCommitMs} ms; bound 2× = ${2 * timeoutCommitMs} ms: ${longest <= 2 * timeoutCommitMs ? "held" : "EXCEEDED"})`);
  console.log(`  txs per block in the flood window: ${flood.map((b) => b.txs).join(" ")}`);
  await sim.stop();
} finally {
  await cleanup();
}

function report(title: string, A: readonly SubmitterStats[], B: readonly SubmitterStats[], h0: number, h1: number, secs: number): void {
  const d = (k: Exclude<keyof SubmitterStats, "lastError" | "simulatedGas" | "deliveredGas">) => B.reduce((s, x, i) => s + (Number(x[k]) - Number(A[i]![k])), 0);
  const dBig = (k: "simulatedGas" | "deliveredGas") => B.reduce((s, x, i) => s + (x[k] - A[i]![k]), 0n);
  const blocks = Math.max(1, h1 - h0);
  const committed = d("committedMessages");
  console.log(`${title} (${secs.toFixed(1)} s, ${blocks} blocks)`);
  const batches = d("committedBatches");
  console.log(`  committed ${committed} msgs = ${(committed / secs).toFixed(0)} msgs/s; ${batches} batches committed of ${d("batches")} broadcast (${batches ? (committed / batches).toFixed(0) : "-"} msgs per committed batch)`);
  console.log(`  batches per block per meta node: broadcast ${(d("batches") / blocks / B.length).toFixed(2)}, committed ${(d("committedBatches") / blocks / B.length).toFixed(2)} (at most 1 by relayd's gate)`);
  const sim = dBig("simulatedGas");
  const del = dBig("deliveredGas");
  console.log(`  gas: simulated ${sim}, delivered ${del} (delivered/simulated ${sim > 0n ? (Number(del) / Number(sim)).toFixed(3) : "-"}; the limit is 2 × simulated)`);
  console.log(`  lost batches: Simulate ${d("lostSimulate")}, CheckTx ${d("lostCheckTx")}, transport ${d("lostTransport")}, build ${d("lostBuild")}, never committed ${d("lostDeliver")}`);
  const n = d("latencyCount");
  console.log(`  event → submission: enqueue → broadcast mean ${n ? (d("toBroadcastMsSum") / n).toFixed(0) : "-"} ms; enqueue → committed event mean ${n ? (d("toCommitMsSum") / n).toFixed(0) : "-"} ms, max ${Math.max(...B.map((x) => x.toCommitMsMax)).toFixed(0)} ms`);
}
