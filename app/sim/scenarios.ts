/**
 * Adversarial and failure scenarios (spec-sds-clients §8.6), each run against a live simulator and
 * reporting what the chain did: the phase (CheckTx refusal, DeliverTx result, or relayd's Simulate
 * drop), codespace/code and log, and whether the chain's state stayed as it was.
 *
 * The honest machinery is paused while a scenario runs (`pauseAndDrain`): no traffic, uploads or
 * epoch reports, every relayd queue empty and nothing pending, so the scenario's tx is the only
 * state-changing tx in its block and "nothing changed" can be read off the state before and after.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";
import { QueryFileUploadRequestSchema, QueryFileUploadResponseSchema } from "../codec/stratos/sds/v1/query_pb.js";
import { blsAggregateSignatures, blsSign } from "../crypto/bls/index.js";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { volumeReportTxData } from "../modules/pot/logic/volumeReportSignBytes.js";
import { MsgVolumeReportSchema } from "../codec/stratos/pot/v1/tx_pb.js";
import type { Wallet } from "./actors.js";
import { moduleAccount } from "./chainView.js";
import { GWEI, signTx, packAny } from "./grpcChain.js";
import { buildVolumeReport, msgFileUpload, msgPrepay, simulatedCid } from "./messages.js";
import type { Simulator } from "./simulator.js";

export interface ChainAnswer {
  readonly phase: "check" | "deliver" | "simulate";
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
  readonly height: number;
}

export interface ScenarioResult {
  readonly name: string;
  /** What the reference chain is expected to answer. */
  readonly expected: string;
  readonly answer: ChainAnswer;
  /** The chain's figures before and after (JSON-able). */
  readonly before: Readonly<Record<string, string>>;
  readonly after: Readonly<Record<string, string>>;
  readonly unchanged: boolean;
  readonly notes: readonly string[];
}

export const SCENARIOS = ["duplicate-epoch", "stale-epoch", "invalid-cid", "over-budget", "stale-sequence", "duplicate-bls-key", "sybil", "zero-traffic", "chain-restart"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** The figures a scenario must not move (besides fees). */
async function figures(sim: Simulator, height: number): Promise<Record<string, string>> {
  const v = sim.view;
  const supply = await v.nozSupply(height);
  return {
    lastDistributedEpoch: (await v.lastDistributedEpoch(height)).toString(),
    totalMinedToken: (await v.totalMinedToken(height)).toString(),
    remainingNoz: supply.remaining.toString(),
    totalNoz: supply.total.toString(),
    unissuedPrepay: (await v.balance(moduleAccount("total_unissued_prepay"), height)).toString(),
    rewardPool: (await v.balance(moduleAccount("total_reward_pool"), height)).toString(),
    foundation: (await v.balance(moduleAccount("foundation_account"), height)).toString(),
  };
}

const same = (a: Record<string, string>, b: Record<string, string>): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Broadcast a signed tx with a fixed gas (no Simulate, so the chain itself answers), then wait for its block. */
export async function directTx(sim: Simulator, signer: Wallet, msgs: readonly Any[], gas = 3_000_000n, sequenceOffset = 0n): Promise<ChainAnswer> {
  const account = await sim.grpc.account(signer.address);
  if (account === undefined) throw new Error(`no account ${signer.address}`);
  const tx = signTx(signer, { accountNumber: account.accountNumber, sequence: account.sequence + sequenceOffset }, msgs, { gasLimit: gas, feeWei: gas * GWEI }, sim.grpc.chainId);
  const a = await sim.grpc.broadcast(tx);
  if (a.code !== 0) return { phase: "check", code: a.code, codespace: a.codespace, log: a.rawLog, height: await sim.view.latestHeight() };
  const r = await sim.waitTx(a.txhash);
  const res = await sim.view.comet.tx({ hash: Buffer.from(a.txhash, "hex") });
  return { phase: "deliver", code: r.code, codespace: res.result.codespace ?? "", log: r.log, height: r.height };
}

/** A deterministic wallet nobody holds a key for (the sybil's extra addresses). */
const fakeWallet = (i: number): string => {
  const raw = new Uint8Array(20).fill(0x5b);
  new DataView(raw.buffer).setUint32(0, i);
  return formatBech32Address(raw, BECH32_PREFIX.account);
};

export interface ScenarioContext {
  /** Stop and restart the chain (CometBFT and the app); needed by `chain-restart`. */
  readonly restartChain?: () => Promise<void>;
}

async function deliverScenario(sim: Simulator, name: string, expected: string, signer: Wallet, msgs: readonly Any[], notes: string[] = []): Promise<ScenarioResult> {
  const h0 = await sim.view.latestHeight();
  const answer = await directTx(sim, signer, msgs);
  const beforeH = answer.phase === "deliver" ? answer.height - 1 : h0;
  const afterH = answer.phase === "deliver" ? answer.height : await sim.view.latestHeight();
  const before = await figures(sim, beforeH);
  const after = await figures(sim, afterH);
  return { name, expected, answer, before, after, unchanged: same(before, after), notes };
}

export async function runScenario(sim: Simulator, name: ScenarioName, ctx: ScenarioContext = {}): Promise<ScenarioResult> {
  await sim.pauseAndDrain();
  try {
    return await scenario(sim, name, ctx);
  } finally {
    await sim.resume();
  }
}

async function scenario(sim: Simulator, name: ScenarioName, ctx: ScenarioContext): Promise<ScenarioResult> {
  const reporter = sim.metas[0]!.keys;
  const allSigners = sim.metas.map((m) => m.keys);
  const node0 = sim.nodes[0]!.keys.wallet.address;
  const last = await sim.view.lastDistributedEpoch();
  const volumes = new Map([[node0, 1000n]]);
  switch (name) {
    case "duplicate-epoch":
    case "stale-epoch": {
      const epoch = name === "duplicate-epoch" ? last : last - 1n;
      if (epoch < 1n) throw new Error(`${name}: needs accepted epochs first (last distributed ${last})`);
      const { any } = buildVolumeReport({ reporter, epoch, volumes, signers: allSigners });
      return deliverScenario(sim, name, "pot/8 ErrMatureEpoch in DeliverTx; no reward, no state change", reporter.owner, [any], [`epoch ${epoch}, last distributed ${last}`]);
    }
    case "over-budget": {
      const { remaining, total } = await sim.view.nozSupply();
      const { any } = buildVolumeReport({ reporter, epoch: last + 1n, volumes: new Map([[node0, total - remaining + 1n]]), signers: allSigners });
      return deliverScenario(sim, name, "pot/32 ErrVolumeReport (noz supply exceeded) in DeliverTx; no state change", reporter.owner, [any], [`budget ${total - remaining} noz, reported ${total - remaining + 1n}`]);
    }
    case "duplicate-bls-key": {
      // One signer listing its key twice with twice its signature (spec-pot §4.1.2 QUIRK).
      const epoch = last + 1n;
      const walletVolumes = [{ walletAddress: node0, volume: 1000n }];
      const reportReference = `sim-dup-${epoch}`;
      const txData = volumeReportTxData({ walletVolumes, reporter: reporter.p2p.networkAddress, epoch, reportReference, reporterOwner: reporter.owner.address });
      const sigma = blsSign(reporter.bls, txData);
      const keys = Array.from({ length: Math.max(1, Math.floor((2 * sim.metas.length) / 3)) }, () => reporter.blsPublicKey);
      const any = packAny(MsgVolumeReportSchema, {
        walletVolumes: walletVolumes.map((v) => ({ walletAddress: v.walletAddress, volume: v.volume.toString() })),
        reporter: reporter.p2p.networkAddress, epoch: epoch.toString(), reportReference, reporterOwner: reporter.owner.address,
        BLSSignature: { pubKeys: keys, signature: blsAggregateSignatures(keys.map(() => sigma)), txData },
      });
      const params = await sim.view.potParams();
      const hardened = params?.requireRegisteredBlsKeys ?? false;
      return deliverScenario(sim, name, hardened ? "pot/38 ErrBLSKeyDuplicate (hardened mode); no state change" : "accepted (the reference's quirk: one signer passes the threshold)",
        reporter.owner, [any], [`${keys.length} copies of one key; require_registered_bls_keys = ${hardened}`]);
    }
    case "sybil": {
      // One node's traffic split over many addresses: the chain pays by wallet and cannot tell.
      const parts = 10;
      const split = new Map<string, bigint>();
      for (let i = 0; i < parts; i++) split.set(fakeWallet(i), 10_000n);
      const epoch = last + 1n;
      const { any } = buildVolumeReport({ reporter, epoch, volumes: split, signers: allSigners });
      const result = await deliverScenario(sim, name, "accepted: the chain pays by wallet and cannot tell the addresses belong to one node", reporter.owner, [any]);
      if (result.answer.code === 0) {
        const breakdown = await sim.view.rewardBreakdown(epoch, result.answer.height);
        const paid = (breakdown.audit?.rewards ?? []).filter((r) => split.has(r.walletAddress));
        const sum = paid.reduce((s, r) => s + [...r.rewardFromMiningPool, ...r.rewardFromTrafficPool].reduce((t, c) => t + BigInt(c.amount), 0n), 0n);
        return { ...result, notes: [`${paid.length} sybil wallets paid ${sum} wei in total`, `sybilWallets=${paid.length}`, `sybilTotal=${sum}`] };
      }
      return result;
    }
    case "zero-traffic": {
      // A node listed with volume 0 next to a real one, then a report whose only entry is 0 (Y = 0).
      const node1 = sim.nodes[1]!.keys.wallet.address;
      const epoch = last + 1n;
      const { any } = buildVolumeReport({ reporter, epoch, volumes: new Map([[node0, 5000n], [node1, 0n]]), signers: allSigners });
      const mixed = await deliverScenario(sim, name, "accepted; the zero-volume node earns nothing", reporter.owner, [any]);
      const notes: string[] = [];
      if (mixed.answer.code === 0) {
        const breakdown = await sim.view.rewardBreakdown(epoch, mixed.answer.height);
        const zero = (breakdown.audit?.rewards ?? []).find((r) => r.walletAddress === node1);
        const amount = zero === undefined ? 0n : [...zero.rewardFromMiningPool, ...zero.rewardFromTrafficPool].reduce((t, c) => t + BigInt(c.amount), 0n);
        notes.push(`zeroNodeReward=${amount}`);
      }
      const { any: allZero } = buildVolumeReport({ reporter, epoch: epoch + 1n, volumes: new Map([[node1, 0n]]), signers: allSigners });
      const only = await directTx(sim, reporter.owner, [allZero]);
      notes.push(`allZero=${only.phase} ${only.codespace}/${only.code}: ${only.log}`);
      return { ...mixed, notes };
    }
    case "stale-sequence": {
      // Two txs with the same sequence, the second broadcast right after the first (as relayd does when
      // its Account read is stale): the second is refused at CheckTx, code 32.
      const user = sim.users[0]!.wallet;
      const h0 = await sim.view.latestHeight();
      const before = await figures(sim, h0);
      const first = directTx(sim, user, [msgPrepay(user, 10n ** 15n)]);
      await new Promise((r) => setTimeout(r, 50));
      const second = await directTx(sim, user, [msgPrepay(user, 2n * 10n ** 15n)], 3_000_000n, -1n);
      const firstAnswer = await first;
      const after = await figures(sim, firstAnswer.height);
      return {
        name, expected: "sdk/32 wrong sequence at CheckTx; only the first tx's prepay happens", answer: second, before, after,
        // The first prepay moves Pt and Lt by design; compare the figures the stale tx could have moved twice.
        unchanged: BigInt(after.unissuedPrepay!) - BigInt(before.unissuedPrepay!) === 10n ** 15n,
        notes: [`first tx: ${firstAnswer.phase} code ${firstAnswer.code} at ${firstAnswer.height}`],
      };
    }
    case "invalid-cid": {
      // 249 valid uploads and one invalid CID in one relayd batch: Simulate fails, the batch is dropped.
      const meta = sim.metas[0]!;
      const uploader = sim.users[0]!.wallet.address;
      const hashes = Array.from({ length: 249 }, (_, i) => simulatedCid(0x0bad, Number(last) * 1000 + i));
      const lost = meta.relayd.stats.lostSimulate;
      const h0 = await sim.view.latestHeight();
      const before = await figures(sim, h0);
      for (const [i, h] of hashes.entries()) {
        await meta.relayd.enqueue(msgFileUpload(meta.keys, uploader, h));
        if (i === 124) await meta.relayd.enqueue(msgFileUpload(meta.keys, uploader, "not-a-cid"));
      }
      const deadline = performance.now() + 30_000;
      while (meta.relayd.stats.lostSimulate === lost && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const reason = meta.relayd.history.at(-1)?.reason ?? "";
      // Directly (fixed gas, no Simulate): CheckTx refuses the whole tx.
      const direct = await directTx(sim, meta.keys.owner, [msgFileUpload(meta.keys, uploader, hashes[0]!), msgFileUpload(meta.keys, uploader, "not-a-cid")]);
      let stored = 0;
      for (const h of hashes) {
        const r = await sim.view.queryAt("/stratos.sds.v1.Query/Fileupload", QueryFileUploadRequestSchema, { fileHash: h }, QueryFileUploadResponseSchema).catch(() => undefined);
        if (r?.fileInfo !== undefined && r.fileInfo.height !== "") stored++;
      }
      const after = await figures(sim, await sim.view.latestHeight());
      return {
        name, expected: "relayd's Simulate fails and the 250-message batch is lost; directly, CheckTx refuses with sds/7 ErrInvalidFileHash; no file stored",
        answer: direct, before, after, unchanged: stored === 0 && same(before, after),
        notes: [`relayd batch dropped: ${meta.relayd.stats.lostSimulate > lost}`, `simulate error: ${reason.slice(0, 200)}`, `valid files stored: ${stored}`],
      };
    }
    case "chain-restart": {
      if (ctx.restartChain === undefined) throw new Error("chain-restart needs a restartChain callback");
      const reconnects = sim.metas.map((m) => m.events.reconnects);
      const h0 = await sim.view.latestHeight();
      const before = await figures(sim, h0);
      await ctx.restartChain();
      const deadline = performance.now() + 90_000;
      while (sim.metas.some((m, j) => m.events.reconnects === reconnects[j] || m.events.subscribed < 16)) {
        if (performance.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const h1 = await sim.view.latestHeight();
      const after = await figures(sim, h0);
      return {
        name, expected: "every relayd reconnects and re-subscribes its 16 queries; blocks resume; state intact",
        answer: { phase: "deliver", code: 0, codespace: "", log: "", height: h1 }, before, after, unchanged: same(before, after),
        notes: sim.metas.map((m, j) => `${m.relayd.name}: reconnects ${m.events.reconnects - reconnects[j]!}, subscriptions ${m.events.subscribed}`),
      };
    }
  }
}

/** One line per scenario for the terminal. */
export function describeResult(r: ScenarioResult): string {
  const a = r.answer;
  return `${r.name.padEnd(18)} ${a.phase} ${a.codespace || "-"}/${a.code}${a.log ? ` "${a.log.slice(0, 90)}"` : ""}  state ${r.unchanged ? "unchanged" : "CHANGED"}  — expected: ${r.expected}${r.notes.length ? `  [${r.notes.join("; ")}]` : ""}`;
}

