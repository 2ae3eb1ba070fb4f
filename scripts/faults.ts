/**
 * `npm run test:faults`: faults on a real 4-validator loopback localnet (made with `stchaind` verbs,
 * app/node/processLocalnet.ts) under a steady load of CosmJS MsgSends from several funded accounts,
 * each tx tracked by hash. The faults, one after another, each on one validator (3 of 4 keep > 2/3
 * of the power):
 *
 *   kill9           kill -9 its app and CometBFT, restart both
 *   sigstop         SIGSTOP both processes for a while, then SIGCONT
 *   kill9-app       kill -9 its app alone; CometBFT stops itself when its ABCI connections drop
 *                   (if it did not, it is killed too), then both restart — as CometBFT's e2e restarts a node
 *   commit-before   the app exits inside Commit before its store writes (STCHAIND_TEST_EXIT_IN_COMMIT)
 *   commit-after    the app exits inside Commit after its store wrote, before CometBFT hears back
 *   cut-off         its CometBFT stopped (the app runs on), then started again
 *   late-join       a full node joins late by state sync from validator 0's snapshots
 *
 * After each: the chain committed blocks while the node was out, and the node caught up. At the end:
 * every tx whose broadcast returned code 0 is found by hash on every node (on the late full node, those
 * at or above its first block), and every node has the same app hash at every height they share.
 *
 * Prints exactly `faults injected N`, `txs sent N committed N lost N`, `app-hash mismatches N`, and
 * exits non-zero if any tx is lost, any app hash differs, or a step failed.
 *
 *   npm run test:faults                 all faults
 *   npm run test:faults -- --only kill9,commit-after --keep   a subset; keep the directory
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import { SigningStargateClient, StargateClient } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { stratosAccountParser, stratosRegistry, stratosWallet } from "../app/client/index.js";
import { defaultAppConfig } from "../app/node/appConfig.js";
import { Devnet } from "../app/node/devnet.js";
import { devnetAccount, devnetMnemonic } from "../app/node/devnetGenesis.js";
import { EXIT_IN_COMMIT_ENV } from "../app/node/faultHook.js";
import { joinByStateSync } from "../app/node/localnet.js";
import { rpcGet, sleep, type NodeProcesses } from "../app/node/nodeProcesses.js";
import { createLocalnet, localnetNodes, startLocalnet, stopLocalnet } from "../app/node/processLocalnet.js";
import { freePorts } from "../test/helpers/ports.js";

const FAULTS = ["kill9", "sigstop", "kill9-app", "commit-before", "commit-after", "cut-off", "late-join"] as const;
type Fault = (typeof FAULTS)[number];

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    keep: { type: "boolean", default: false },
    accounts: { type: "string", default: "4" },
  },
  strict: true,
});
const only = values.only === undefined ? [...FAULTS] : values.only.split(",").map((f) => f.trim());
for (const f of only) if (!(FAULTS as readonly string[]).includes(f)) throw new Error(`unknown fault ${f} (one of ${FAULTS.join(", ")})`);
const LOAD_ACCOUNTS = Number(values.accounts);

const CHAIN_ID = "stratos-faults-1";
const VALIDATORS = 4;
const SNAPSHOT_INTERVAL = 10;
const started = Date.now();
const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

// ------------------------------------------------------------------ the network

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-faults-"));
const ports = await freePorts(5 * (VALIDATORS + 1));
const portsOf = (i: number) => ({ p2p: ports[5 * i]!, rpc: ports[5 * i + 1]!, abci: ports[5 * i + 2]!, grpc: 0, api: 0 });
const loadAccounts = Array.from({ length: LOAD_ACCOUNTS }, (_, i) => devnetAccount(i));
await createLocalnet({
  dir,
  chainId: CHAIN_ID,
  validators: VALIDATORS,
  fullNodes: 0,
  portsOf,
  accounts: loadAccounts.map((a) => ({ address: a.address, coins: "1000000stos" })),
  appConfig: { ...defaultAppConfig(), stateSync: { snapshotInterval: SNAPSHOT_INTERVAL, snapshotKeepRecent: 10 } },
  log,
});
const nodes: NodeProcesses[] = localnetNodes(dir);
let joiner: Devnet | undefined;
const joinerLog: string[] = [];
/** Nodes the load and the checks leave alone for now. */
const down = new Set<number>();

async function height(node: number): Promise<number> {
  const status = await nodes[node]!.status();
  return status?.height ?? 0;
}
/** The highest height any running validator reports. */
async function chainHeight(): Promise<number> {
  const heights = await Promise.all(nodes.map((_, i) => (down.has(i) ? Promise.resolve(0) : height(i))));
  return Math.max(...heights);
}
async function waitFor<T>(what: string, f: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await f();
      if (v !== undefined) return v;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ------------------------------------------------------------------ the load

interface SentTx {
  readonly hash: string;
  readonly account: number;
  readonly sequence: number;
  /** The node whose CheckTx accepted it first, and when (ms into the run). */
  readonly node: string;
  readonly sentAt: number;
  /** Times the same bytes were broadcast again while waiting for its block. */
  rebroadcasts: number;
  committedHeight?: number;
}
const sent: SentTx[] = [];
let rejected = 0;
let stopLoad = false;
const wallet = await stratosWallet(devnetMnemonic(), { indexes: loadAccounts.map((_, i) => i) });
const signer = await SigningStargateClient.offline(wallet, { registry: stratosRegistry() });
const FEE = { amount: [{ denom: "wei", amount: (200_000n * 1_000_000_000n).toString() }], gas: "200000" };

/** A running validator for account `account`'s next request, rotating so that every node takes txs. */
function pickNode(turn: number): number {
  for (let k = 0; k < VALIDATORS; k++) {
    const i = (turn + k) % VALIDATORS;
    if (!down.has(i)) return i;
  }
  return 0;
}

async function accountState(address: string): Promise<{ accountNumber: bigint; sequence: number }> {
  for (let turn = 0; ; turn++) {
    try {
      const client = await StargateClient.connect(nodes[pickNode(turn)]!.rpcUrl, { accountParser: stratosAccountParser });
      try {
        const account = await client.getAccount(address);
        if (account !== null) return { accountNumber: account.accountNumber, sequence: account.sequence };
      } finally {
        client.disconnect();
      }
    } catch {
      // that node is going down: the next
    }
    await sleep(300);
  }
}

async function findTx(node: number, hash: string): Promise<number | undefined> {
  try {
    const result = (await rpcGet(nodes[node]!.rpcUrl, `tx?hash=0x${hash}`, 3_000)) as { height: string; tx_result: { code: number } };
    return Number(result.height);
  } catch {
    return undefined;
  }
}

/** One account's load: sign, broadcast_tx_sync to a running validator, wait for the commit, next. */
async function loadLoop(account: number): Promise<void> {
  const from = loadAccounts[account]!.address;
  const to = loadAccounts[(account + 1) % loadAccounts.length]!.address;
  let { accountNumber, sequence } = await accountState(from);
  for (let turn = account; !stopLoad; turn++) {
    const signed = await signer.sign(from, [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: from, toAddress: to, amount: [{ denom: "wei", amount: String(1 + (turn % 1000)) }] } }], FEE, "", {
      accountNumber,
      sequence,
      chainId: CHAIN_ID,
    });
    const bytes = TxRaw.encode(signed).finish();
    const hash = toHex(sha256(bytes)).toUpperCase();
    const node = pickNode(turn);
    let code: number | undefined;
    try {
      const result = (await rpcGet(nodes[node]!.rpcUrl, `broadcast_tx_sync?tx=0x${toHex(bytes)}`, 5_000)) as { code: number };
      code = result.code;
    } catch {
      // no answer (the node went down): the same bytes go to another node next turn
      await sleep(300);
      continue;
    }
    if (code !== 0) {
      rejected++;
      ({ accountNumber, sequence } = await accountState(from));
      await sleep(300);
      continue;
    }
    const tx: SentTx = { hash, account, sequence, node: `node${node}`, sentAt: Date.now() - started, rebroadcasts: 0 };
    sent.push(tx);
    sequence++;
    // Wait for its block on any running node (a steady load, not a flood: one tx in flight per account).
    // CometBFT's mempool is not durable: a tx accepted by a node that goes down before gossiping it
    // is gone, so, as a wallet would, the same bytes are broadcast again every 8 s until committed.
    const deadline = Date.now() + 60_000;
    let rebroadcastAt = Date.now() + 8_000;
    while (tx.committedHeight === undefined && Date.now() < deadline) {
      tx.committedHeight = await findTx(pickNode(turn + 1), hash);
      if (tx.committedHeight !== undefined) break;
      if (Date.now() > rebroadcastAt) {
        rebroadcastAt = Date.now() + 8_000;
        tx.rebroadcasts++;
        await rpcGet(nodes[pickNode(turn + tx.rebroadcasts)]!.rpcUrl, `broadcast_tx_sync?tx=0x${toHex(bytes)}`, 5_000).catch(() => undefined);
      }
      await sleep(300);
    }
    if (tx.committedHeight === undefined) ({ accountNumber, sequence } = await accountState(from));
  }
}

// ------------------------------------------------------------------ the faults

interface FaultRecord {
  readonly fault: Fault;
  readonly node: string;
  /** Blocks the chain committed while the node was out. */
  readonly blocksWhileOut: number;
  /** Seconds from the restart to the node being level with the chain. */
  readonly catchUpSeconds: number;
  readonly note: string;
}
const records: FaultRecord[] = [];

/** Waits until the chain (the other validators) commits `blocks` more blocks; returns the new height. */
async function chainAdvances(blocks: number, timeoutMs = 60_000): Promise<number> {
  const from = await chainHeight();
  return waitFor(`${blocks} blocks past ${from}`, async () => {
    const h = await chainHeight();
    return h >= from + blocks ? h : undefined;
  }, timeoutMs);
}

/** Waits until `node` is level with the chain's height at call time (+1); seconds taken. */
async function catchesUp(node: number, timeoutMs = 120_000): Promise<number> {
  const t0 = Date.now();
  const target = (await chainHeight()) + 1;
  await waitFor(`node${node} to reach ${target}`, async () => ((await height(node)) >= target ? true : undefined), timeoutMs);
  return (Date.now() - t0) / 1000;
}

async function logHas(node: number, text: string, timeoutMs: number): Promise<boolean> {
  return waitFor(`"${text}" in node${node}'s app.log`, async () => (fs.readFileSync(nodes[node]!.logFile("app"), "utf8").includes(text) ? true : undefined), timeoutMs).then(
    () => true,
    () => false,
  );
}

/** Takes `node` out with `out`, lets the chain run, brings it back with `back`, and records it. */
async function outAndBack(fault: Fault, node: number, out: () => Promise<string>, back: () => Promise<string>): Promise<void> {
  log(`fault ${fault} on node${node}`);
  const heightBefore = await chainHeight();
  down.add(node);
  const outNote = await out();
  const heightOut = await chainAdvances(4);
  const backNote = await back();
  down.delete(node);
  const catchUpSeconds = await catchesUp(node);
  const blocksWhileOut = heightOut - heightBefore;
  records.push({ fault, node: `node${node}`, blocksWhileOut, catchUpSeconds, note: [outNote, backNote].filter((n) => n !== "").join("; ") });
  log(`  chain +${blocksWhileOut} blocks while node${node} was out; caught up ${catchUpSeconds.toFixed(1)} s after its return${outNote || backNote ? ` (${[outNote, backNote].filter((n) => n).join("; ")})` : ""}`);
}

async function restartWholeNode(node: number): Promise<string> {
  const n = nodes[node]!;
  // Whatever the fault left running goes first: a restart is of the whole node.
  if (n.isRunning("cometbft")) await n.stopPart("cometbft");
  if (n.isRunning("app")) await n.stopPart("app");
  await n.start();
  return "";
}

async function commitCrash(node: number, when: "before" | "after"): Promise<string> {
  const n = nodes[node]!;
  await n.stop();
  const at = (await chainHeight()) + 6;
  await n.start({ [EXIT_IN_COMMIT_ENV]: `${at}:${when}` });
  const crashed = await logHas(node, `exiting in Commit of height ${at}`, 90_000);
  if (!crashed) throw new Error(`node${node}'s app did not exit in Commit of height ${at}`);
  await n.waitForExit("app", 10_000);
  // CometBFT loses its app: it stops by itself, or is stopped as a node restart would.
  const selfStopped = await n.waitForExit("cometbft", 15_000);
  if (!selfStopped) await n.stopPart("cometbft");
  return `app exited in Commit of ${at} (${when} the store write); CometBFT ${selfStopped ? "stopped by itself" : "was stopped"}`;
}

async function runFault(fault: Fault): Promise<void> {
  switch (fault) {
    case "kill9":
      return outAndBack(fault, 1, async () => {
        nodes[1]!.signal("app", "SIGKILL");
        nodes[1]!.signal("cometbft", "SIGKILL");
        return "";
      }, () => restartWholeNode(1));
    case "sigstop":
      return outAndBack(fault, 2, async () => {
        nodes[2]!.signal("app", "SIGSTOP");
        nodes[2]!.signal("cometbft", "SIGSTOP");
        return "";
      }, async () => {
        nodes[2]!.signal("app", "SIGCONT");
        nodes[2]!.signal("cometbft", "SIGCONT");
        return "";
      });
    case "kill9-app":
      return outAndBack(fault, 3, async () => {
        nodes[3]!.signal("app", "SIGKILL");
        const selfStopped = await nodes[3]!.waitForExit("cometbft", 15_000);
        return `CometBFT ${selfStopped ? "stopped by itself" : "did not stop by itself"}`;
      }, () => restartWholeNode(3));
    case "commit-before":
      return outAndBack(fault, 1, () => commitCrash(1, "before"), () => restartWholeNode(1));
    case "commit-after":
      return outAndBack(fault, 2, () => commitCrash(2, "after"), () => restartWholeNode(2));
    case "cut-off":
      return outAndBack(fault, 3, async () => {
        await nodes[3]!.stopPart("cometbft");
        return "";
      }, async () => {
        const n = nodes[3]!;
        if (!n.isRunning("app")) {
          await n.startApp();
          return "the app had stopped (CometBFT stopped mid-block): both restarted";
        }
        n.startCometbft();
        // The app refuses a block it already executed but never committed; then both restart.
        await sleep(3_000);
        if (!n.isRunning("app")) {
          if (n.isRunning("cometbft")) await n.stopPart("cometbft");
          await n.start();
          return "the app refused to re-execute an uncommitted block: both restarted";
        }
        return "CometBFT restarted against the running app";
      });
    case "late-join": {
      log("fault late-join: a full node joins by state sync");
      const first = new Devnet({ home: nodes[0]!.home, ports: nodes[0]!.ports });
      await waitFor("a snapshot on node0", async () => {
        const m = /snapshot at height (\d+):/.exec(fs.readFileSync(nodes[0]!.logFile("app"), "utf8"));
        return m ? Number(m[1]) : undefined;
      }, 60_000);
      const [p2p, rpc, abci] = await freePorts(3);
      joiner = await joinByStateSync(first, {
        home: path.join(dir, "late"),
        ports: { p2p: p2p!, rpc: rpc!, abci: abci! },
        appConfig: { ...defaultAppConfig(), stateSync: { snapshotInterval: SNAPSHOT_INTERVAL, snapshotKeepRecent: 10 } },
        onAppOutput: (line) => void joinerLog.push(line),
      });
      const t0 = Date.now();
      await joiner.start();
      const restored = await waitFor("the snapshot restore", async () => {
        const line = joinerLog.find((l) => l.includes("snapshot restored: height"));
        return line === undefined ? undefined : Number(/height (\d+)/.exec(line)![1]);
      }, 120_000);
      const target = (await chainHeight()) + 1;
      const joinerRpc = joiner.rpcUrl;
      await waitFor(`the full node to reach ${target}`, async () => {
        const s = (await rpcGet(joinerRpc, "status")) as { sync_info: { latest_block_height: string } };
        return Number(s.sync_info.latest_block_height) >= target ? true : undefined;
      }, 120_000);
      const catchUpSeconds = (Date.now() - t0) / 1000;
      records.push({ fault, node: "late", blocksWhileOut: 0, catchUpSeconds, note: `restored the snapshot of height ${restored}; InitChain ${joinerLog.some((l) => l.includes("init_chain")) ? "ran (unexpected)" : "never ran"}` });
      log(`  restored the snapshot of height ${restored}; level with the chain ${catchUpSeconds.toFixed(1)} s after its start`);
      return;
    }
  }
}

// ------------------------------------------------------------------ the checks

interface Rpc {
  readonly name: string;
  readonly url: string;
}
function everyRpc(): Rpc[] {
  const rpcs = nodes.map((n, i) => ({ name: `node${i}`, url: n.rpcUrl }));
  if (joiner !== undefined) rpcs.push({ name: "late", url: joiner.rpcUrl });
  return rpcs;
}

async function status(url: string): Promise<{ earliest: number; latest: number }> {
  const s = (await rpcGet(url, "status")) as { sync_info: { earliest_block_height: string; latest_block_height: string } };
  return { earliest: Number(s.sync_info.earliest_block_height), latest: Number(s.sync_info.latest_block_height) };
}

/**
 * Heights where the nodes' block headers disagree on the app hash: every height from 1 to the lowest
 * latest height, each compared across the nodes that hold it (the late node holds none below its snapshot).
 */
async function appHashMismatches(): Promise<{ mismatches: number; heights: number; last: number; withLate: number }> {
  const rpcs = everyRpc();
  const ranges = await Promise.all(rpcs.map((r) => status(r.url)));
  const last = Math.min(...ranges.map((r) => r.latest));
  let mismatches = 0;
  let withLate = 0;
  for (let lo = 1; lo <= last; lo += 20) {
    const hi = Math.min(last, lo + 19);
    const byNode = await Promise.all(rpcs.map(async (r, i) => {
      if (ranges[i]!.earliest > hi) return new Map<number, string>();
      const from = Math.max(lo, ranges[i]!.earliest);
      const res = (await rpcGet(r.url, `blockchain?minHeight=${from}&maxHeight=${hi}`)) as { block_metas: Array<{ header: { height: string; app_hash: string } }> };
      return new Map(res.block_metas.map((m) => [Number(m.header.height), m.header.app_hash]));
    }));
    for (let h = lo; h <= hi; h++) {
      const holders = rpcs.map((_, i) => i).filter((i) => ranges[i]!.earliest <= h);
      if (holders.length === rpcs.length) withLate++;
      const hashes = new Set(holders.map((i) => byNode[i]!.get(h)));
      if (hashes.size !== 1 || hashes.has(undefined)) {
        mismatches++;
        if (mismatches <= 5) log(`  app hash mismatch at ${h}: ${holders.map((i) => `${rpcs[i]!.name} ${byNode[i]!.get(h) ?? "missing"}`).join(", ")}`);
      }
    }
  }
  return { mismatches, heights: last, last, withLate };
}

/** Txs found by hash on every node (the late node: those at or above its first block). */
async function committedEverywhere(): Promise<{ committed: number; lost: SentTx[] }> {
  const rpcs = everyRpc();
  const earliest = new Map(await Promise.all(rpcs.map(async (r) => [r.url, (await status(r.url)).earliest] as const)));
  const lost: SentTx[] = [];
  let committed = 0;
  for (const tx of sent) {
    let everywhere = true;
    for (const r of rpcs) {
      let h: number | undefined;
      try {
        h = Number(((await rpcGet(r.url, `tx?hash=0x${tx.hash}`, 5_000)) as { height: string }).height);
      } catch {
        h = undefined;
      }
      if (h === undefined) {
        // The late node holds no block below its snapshot: a tx committed there is not in its index.
        const below = tx.committedHeight !== undefined && tx.committedHeight < earliest.get(r.url)!;
        if (!below) everywhere = false;
      } else tx.committedHeight ??= h;
    }
    if (everywhere && tx.committedHeight !== undefined) committed++;
    else lost.push(tx);
  }
  return { committed, lost };
}

// ------------------------------------------------------------------ the run

let failure: unknown;
let mismatchCount = 0;
let lostCount = 0;
let committedCount = 0;
let loops: Promise<void>[] = [];
try {
  log(`localnet of ${VALIDATORS} validators in ${dir}; starting`);
  await startLocalnet(nodes);
  await waitFor("height 3 on every validator", async () => ((await Promise.all(nodes.map((_, i) => height(i)))).every((h) => h >= 3) ? true : undefined), 120_000);
  log(`load: ${LOAD_ACCOUNTS} accounts, one MsgSend in flight each`);
  loops = loadAccounts.map((_, i) => loadLoop(i).catch((e: unknown) => log(`load loop ${i} failed: ${String(e)}`)));
  await chainAdvances(3);
  for (const fault of only as Fault[]) await runFault(fault);
  // Some blocks with every node back, then the load stops and its last txs land.
  await chainAdvances(3);
  stopLoad = true;
  await Promise.all(loops);
  await chainAdvances(2);
  log("checking: every sent tx on every node, app hashes at every shared height");
  const txs = await committedEverywhere();
  committedCount = txs.committed;
  lostCount = txs.lost.length;
  for (const tx of txs.lost.slice(0, 5)) log(`  lost: ${tx.hash} (account ${tx.account}, sequence ${tx.sequence}, accepted by ${tx.node} at ${(tx.sentAt / 1000).toFixed(1)} s, broadcast again ${tx.rebroadcasts} times)`);
  const again = sent.filter((tx) => tx.rebroadcasts > 0);
  log(`txs broadcast again while waiting for their block: ${again.length}${again.length ? ` (${again.slice(0, 5).map((tx) => `${tx.node} at ${(tx.sentAt / 1000).toFixed(1)} s`).join(", ")})` : ""}`);
  const hashes = await appHashMismatches();
  mismatchCount = hashes.mismatches;
  log(`compared app hashes at heights 1–${hashes.last} on the validators, ${hashes.withLate} of them also on the late node; CheckTx rejections (resent): ${rejected}`);
} catch (e) {
  failure = e;
  stopLoad = true;
  log(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  stopLoad = true;
  await Promise.allSettled(loops);
  await joiner?.stop();
  await stopLocalnet(nodes);
}

for (const r of records) {
  log(`${r.fault.padEnd(13)} ${r.node.padEnd(5)} chain +${String(r.blocksWhileOut).padStart(2)} blocks while out, caught up in ${r.catchUpSeconds.toFixed(1).padStart(5)} s${r.note ? `  (${r.note})` : ""}`);
}
log(`total ${((Date.now() - started) / 1000).toFixed(0)} s; directory ${values.keep ? dir : "deleted"}`);
if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
console.log(`faults injected ${records.length}`);
console.log(`txs sent ${sent.length} committed ${committedCount} lost ${lostCount}`);
console.log(`app-hash mismatches ${mismatchCount}`);
process.exit(failure !== undefined || lostCount > 0 || mismatchCount > 0 ? 1 : 0);
