/**
 * The SDS network simulator (spec-sds-clients §8): meta nodes with their relayd-like submitters,
 * resource nodes that register ppd-style and are activated by their meta node, users who prepay and
 * consume traffic, epochs closed by a rotating reporter with a BLS-multisigned MsgVolumeReport, node
 * life-cycle events and matured-reward withdrawals. It talks to the chain only as the real clients do:
 * gRPC (Account, Simulate, BroadcastTx, queries), CometBFT's websocket (relayd's 16 subscriptions per
 * meta node) and, for the independent checks only, CometBFT's RPC (blocks, store records, invariants).
 *
 * The SP side is closed source; what it does here follows spec-sds-clients §7 (mostly inferred):
 * it credits ozone from EventPrePay, debits consumers per byte served, never reports more than the
 * prepaid noz (and the chain's noz budget), activates new nodes with MsgUpdateEffectiveDeposit after
 * EventCreateResourceNode, and learns every outcome only from committed events.
 *
 * Randomness (which user, node and slice size) comes from a seeded generator: a run is repeatable
 * given the same chain timing.
 */
import { EventEmitter } from "node:events";
import { metaNodeKeys, resourceNodeKeys, userWallet, type MetaNodeKeys, type ResourceNodeKeys, type Wallet } from "./actors.js";
import { ChainView, moduleAccount } from "./chainView.js";
import { CometEvents, eventsOfType, type NewBlockFrame, type TxFrame } from "./cometEvents.js";
import { GrpcChain, sendPpdTx, type BroadcastAnswer } from "./grpcChain.js";
import {
  buildVolumeReport, msgCreateResourceNode, msgFileUpload, msgFoundationDeposit, msgPrepay, msgSend, msgSlashing, msgUpdateEffectiveDeposit,
  msgSetBlsKey, msgUpdateResourceNodeDeposit, msgWithdraw, simulatedCid,
} from "./messages.js";
import { recomputeEpoch, type EpochCheck } from "./recompute.js";
import { RelaydSubmitter } from "./relayd.js";

const STOS = 10n ** 18n;

export interface SimulatorOptions {
  readonly rpcUrl: string;
  readonly grpcAddress: string;
  readonly chainId: string;
  /** HD indices of the meta node owners (their nodes must be bonded meta nodes on the chain). */
  readonly metaOwnerIndices: readonly number[];
  readonly resourceNodes: number;
  readonly users: number;
  /** Blocks per epoch. */
  readonly epochBlocks: number;
  /** Stop after this many reports were accepted (0: run until stopped). */
  readonly epochs?: number;
  readonly uploadsPerBlock?: number;
  readonly slicesPerBlock?: number;
  readonly maxSliceBytes?: number;
  /** What each user prepays at start (wei). */
  readonly prepayWei?: bigint;
  readonly resourceDeposit?: bigint;
  /** Pays the actors' starting balances and the foundation deposit (a funded dev account). */
  readonly funder?: Wallet;
  readonly actorFunding?: bigint;
  /** Top the foundation account up to this (wei) at start. */
  readonly foundationTarget?: bigint;
  /** Deposit top-ups, slashing bursts (suspend), unsuspension (§8.5). */
  readonly lifecycle?: boolean;
  /** Withdraw matured rewards to the node wallets. */
  readonly withdrawMatured?: boolean;
  /** BLS signers: every meta node, or just the threshold ⌊2n/3⌋ (min 1) rotating from the reporter. */
  readonly signers?: "all" | "threshold";
  /** Recompute every accepted epoch's rewards from the chain's records. */
  readonly verify?: boolean;
  /** Register every meta node's BLS key (MsgSetMetaNodeBlsKey) at start, as hardened mode requires. */
  readonly registerBlsKeys?: boolean;
  /** Query `/app/invariants` at every block. */
  readonly checkInvariants?: boolean;
  readonly seed?: number;
  readonly onLog?: (line: string) => void;
}

type NodeState = "unregistered" | "registering" | "activating" | "active" | "suspended";

interface ResourceNodeSim {
  readonly keys: ResourceNodeKeys;
  readonly meta: number;
  state: NodeState;
  tokens: bigint;
}

interface UserSim {
  readonly wallet: Wallet;
  readonly meta: number;
  /** noz credited from EventPrePay and not yet consumed. */
  ozone: bigint;
}

export interface ReportState {
  readonly epoch: bigint;
  readonly reporter: string;
  readonly signers: number;
  readonly volume: bigint;
  readonly wallets: number;
  readonly volumes: ReadonlyMap<string, bigint>;
  readonly queuedAtHeight: number;
  status: "queued" | "accepted" | "lost";
  height?: number;
  hash?: string;
  check?: EpochCheck;
}

export interface SimulatorStats {
  height: number;
  blockTimes: number[];
  longestBlockGapMs: number;
  uploadsQueued: number;
  uploadsConfirmed: number;
  slicesServed: number;
  bytesServed: bigint;
  prepays: number;
  activations: number;
  topUps: number;
  slashes: number;
  unsuspensions: number;
  withdrawals: number;
  withdrawnWei: bigint;
  reportsLost: number;
  invariantHeightsChecked: number;
  invariantViolations: string[];
  ppdTxErrors: string[];
}

/** Small deterministic PRNG (mulberry32): simulation choices only, never consensus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const amountOf = (text: string | undefined): bigint => BigInt(/^\d+/.exec(text ?? "")?.[0] ?? "0");

export class Simulator extends EventEmitter {
  readonly grpc: GrpcChain;
  view!: ChainView;
  readonly metas: Array<{ readonly keys: MetaNodeKeys; readonly events: CometEvents; readonly relayd: RelaydSubmitter }> = [];
  readonly nodes: ResourceNodeSim[] = [];
  readonly users: UserSim[] = [];
  readonly reports = new Map<bigint, ReportState>();
  readonly stats: SimulatorStats = {
    height: 0, blockTimes: [], longestBlockGapMs: 0, uploadsQueued: 0, uploadsConfirmed: 0, slicesServed: 0, bytesServed: 0n, prepays: 0,
    activations: 0, topUps: 0, slashes: 0, unsuspensions: 0, withdrawals: 0, withdrawnWei: 0n, reportsLost: 0, invariantHeightsChecked: 0,
    invariantViolations: [], ppdTxErrors: [],
  };
  /** Per wallet, since the start: what was withdrawn and what slashing charged (for the reward balance). */
  readonly withdrawn = new Map<string, bigint>();
  readonly slashCharged = new Map<string, bigint>();
  /** Per wallet at the start: mature + immature rewards and slashing debt. */
  readonly baseline = new Map<string, { rewards: bigint; debt: bigint }>();
  epoch = 0n;
  epochStartHeight = 0;
  accepted = 0;
  private traffic = new Map<string, bigint>();
  private epochBudget = 0n;
  private readonly random: () => number;
  private readonly runNonce: number;
  private uploadCounter = 0;
  private ticking: Promise<void> = Promise.resolve();
  private tickPending = false;
  private lastBlockAt = 0;
  private verifying: Promise<void> = Promise.resolve();
  private running = false;
  private epochIndex = 0;
  private lastInvariantHeight = 0;
  /** Adversarial hooks: called with the report about to be queued; may replace it. */
  reportHook: ((r: { epoch: bigint; reporter: number; volumes: Map<string, bigint> }) => void) | undefined;
  /** Pause the honest epoch machinery (an adversarial scenario drives the chain meanwhile). */
  paused = false;

  constructor(readonly options: SimulatorOptions) {
    super();
    this.grpc = new GrpcChain(options.grpcAddress, options.chainId);
    this.random = prng(options.seed ?? 1);
    this.runNonce = (options.seed ?? 1) * 7919 + Math.floor(performance.timeOrigin % 1_000_000);
  }

  private log(line: string): void {
    this.options.onLog?.(line);
    this.emit("log", line);
  }

  get metaAddresses(): string[] {
    return this.metas.map((m) => m.keys.p2p.networkAddress);
  }

  /** Connect, fund, register and activate the resource nodes, prepay; then run epochs on every block. */
  async start(): Promise<void> {
    this.view = await ChainView.connect(this.grpc, this.options.rpcUrl);
    for (const [j, index] of this.options.metaOwnerIndices.entries()) {
      const keys = metaNodeKeys(index);
      const node = await this.view.metaNode(keys.p2p.networkAddress);
      if (node === undefined) throw new Error(`meta node ${keys.p2p.networkAddress} (owner index ${index}) is not on the chain`);
      const events = new CometEvents(this.options.rpcUrl);
      await events.start();
      const relayd = new RelaydSubmitter(`meta${j}`, this.grpc, keys.owner, events, { onLog: (l) => this.log(l) });
      this.metas.push({ keys, events, relayd });
      events.on("tx", (f: TxFrame) => this.onFrame(j, f));
      relayd.start();
    }
    const n = this.metas.length;
    for (let i = 0; i < this.options.resourceNodes; i++) this.nodes.push({ keys: resourceNodeKeys(i), meta: i % n, state: "unregistered", tokens: 0n });
    for (let u = 0; u < this.options.users; u++) this.users.push({ wallet: userWallet(u), meta: u % n, ozone: 0n });
    // Wait for all subscriptions of every relayd.
    await this.until("websocket subscriptions", async () => this.metas.every((m) => m.events.subscribed >= 16), 20_000);

    if (this.options.registerBlsKeys) await this.registerBls();
    await this.fundActors();
    await this.registerNodes();
    await this.prepayAll();
    for (const w of this.rewardWallets()) {
      const r = await this.view.rewardsByWallet(w);
      this.baseline.set(w, { rewards: r.mature + r.immature, debt: await this.view.slashingDebt(w) });
    }
    this.epoch = (await this.view.lastDistributedEpoch()) + 1n;
    this.stats.height = await this.view.latestHeight();
    this.epochStartHeight = this.stats.height;
    this.lastInvariantHeight = this.stats.height;
    await this.refreshBudget();
    this.running = true;
    this.metas[0]!.events.on("newBlock", (b: NewBlockFrame) => this.onBlock(b));
    this.log(`simulator: ${n} meta nodes, ${this.nodes.length} resource nodes, ${this.users.length} users; epochs from ${this.epoch}, ${this.options.epochBlocks} blocks each`);
  }

  private async registerBls(): Promise<void> {
    for (const m of this.metas) await m.relayd.enqueue(msgSetBlsKey(m.keys));
    await this.until("BLS keys registered", async () => {
      for (const m of this.metas) if ((await this.view.metaNodeBlsKey(m.keys.p2p.networkAddress)).length === 0) return false;
      return true;
    }, 60_000);
  }

  /** Stop traffic, uploads and reports, and wait until every relayd is idle and a block has passed. */
  async pauseAndDrain(timeoutMs = 60_000): Promise<void> {
    this.paused = true;
    await this.ticking;
    await this.until("relayd queues drained", async () => this.metas.every((m) => m.relayd.idle) && [...this.reports.values()].every((r) => r.status !== "queued"), timeoutMs);
    const h = this.stats.height;
    await this.until("one more block", async () => this.stats.height > h, timeoutMs);
    await this.verified();
  }

  /** Back to honest operation after a scenario: the next epoch follows the chain's last distributed one. */
  async resume(): Promise<void> {
    const last = await this.view.lastDistributedEpoch();
    if (this.epoch <= last) this.epoch = last + 1n;
    this.epochStartHeight = this.stats.height;
    this.traffic = new Map();
    await this.refreshBudget();
    this.paused = false;
  }

  /** Every wallet that can receive rewards: resource node wallets and meta node owners (their default beneficiary). */
  rewardWallets(): string[] {
    return [...this.nodes.map((x) => x.keys.wallet.address), ...this.metas.map((m) => m.keys.owner.address)];
  }

  private async until(what: string, f: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!(await f())) {
      if (performance.now() > deadline) throw new Error(`simulator: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private async ppd(signer: Wallet, what: string, msgs: Parameters<typeof sendPpdTx>[2], feeWei = 10n ** 15n): Promise<BroadcastAnswer | undefined> {
    try {
      const a = await sendPpdTx(this.grpc, signer, msgs, { feeWei });
      if (a.code !== 0) {
        this.stats.ppdTxErrors.push(`${what}: ${a.codespace}/${a.code} ${a.rawLog}`);
        this.log(`ppd ${what}: refused ${a.codespace}/${a.code} ${a.rawLog}`);
        return undefined;
      }
      return a;
    } catch (e) {
      this.stats.ppdTxErrors.push(`${what}: ${String(e)}`);
      this.log(`ppd ${what}: ${String(e)}`);
      return undefined;
    }
  }

  /** Waits until a broadcast tx is in a block (polling the RPC's tx index); its result code. */
  async waitTx(hash: string, timeoutMs = 30_000): Promise<{ code: number; height: number; log: string }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      try {
        const r = await this.view.comet.tx({ hash: Buffer.from(hash, "hex") });
        return { code: r.result.code, height: r.height, log: r.result.log ?? "" };
      } catch {
        if (performance.now() > deadline) throw new Error(`tx ${hash} not committed in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  }

  private async fundActors(): Promise<void> {
    const funder = this.options.funder;
    if (funder === undefined) return;
    const amount = this.options.actorFunding ?? 1000n * STOS;
    const wallets = [...this.nodes.map((x) => x.keys.wallet.address), ...this.users.map((u) => u.wallet.address)];
    const needy: string[] = [];
    for (const w of wallets) if ((await this.view.balance(w)) < amount / 2n) needy.push(w);
    const msgs = needy.map((w) => msgSend(funder.address, w, amount));
    const target = this.options.foundationTarget ?? 0n;
    const foundation = await this.view.balance(moduleAccount("foundation_account"));
    if (foundation < target) msgs.push(msgFoundationDeposit(funder, target - foundation));
    if (msgs.length === 0) return;
    const a = await this.ppd(funder, "funding", msgs);
    if (a === undefined) throw new Error("simulator: funding the actors failed");
    const r = await this.waitTx(a.txhash);
    if (r.code !== 0) throw new Error(`simulator: funding tx failed: ${r.log}`);
    this.log(`simulator: funded ${needy.length} actors${foundation < target ? `, foundation +${(target - foundation) / STOS} STOS` : ""}`);
  }

  /** ppd's activation for every node not yet on the chain; the meta node then sets its effective deposit. */
  private async registerNodes(): Promise<void> {
    const deposit = this.options.resourceDeposit ?? 10n * STOS;
    const hashes: string[] = [];
    for (const node of this.nodes) {
      const onChain = await this.view.resourceNode(node.keys.p2p.networkAddress);
      if (onChain !== undefined) {
        node.tokens = BigInt(onChain.tokens || "0");
        if (!onChain.suspend && BigInt(onChain.effectiveTokens || "0") > 0n) node.state = "active";
        else {
          node.state = "activating";
          await this.metas[node.meta]!.relayd.enqueue(msgUpdateEffectiveDeposit(this.metas[node.meta]!.keys, node.keys.p2p.networkAddress, node.tokens));
        }
        continue;
      }
      node.state = "registering";
      const a = await this.ppd(node.keys.wallet, `activate ${node.keys.p2p.networkAddress}`, [msgCreateResourceNode(node.keys, deposit)]);
      if (a !== undefined) hashes.push(a.txhash);
    }
    await this.until("resource nodes active", async () => this.nodes.every((x) => x.state === "active"), 60_000);
  }

  private async prepayAll(): Promise<void> {
    const amount = this.options.prepayWei ?? 10n * STOS;
    for (const u of this.users) {
      const a = await this.ppd(u.wallet, `prepay ${u.wallet.address}`, [msgPrepay(u.wallet, amount)]);
      if (a !== undefined) this.stats.prepays++;
    }
    await this.until("prepaid ozone credited", async () => this.users.every((u) => u.ozone > 0n), 60_000);
  }

  /** Committed events as relayd forwards them to its SP (§3.4); each SP handles what concerns it. */
  private onFrame(j: number, f: TxFrame): void {
    const me = this.metas[j]!;
    const nodeBy = (addr: string | undefined) => this.nodes.find((x) => x.keys.p2p.networkAddress === addr);
    switch (f.action) {
      case "/stratos.register.v1.MsgCreateResourceNode":
        for (const e of eventsOfType(f, "stratos.register.v1.EventCreateResourceNode")) {
          const node = nodeBy(e["network_address"]);
          if (node === undefined || node.meta !== j || node.state !== "registering") continue;
          node.tokens = amountOf(e["initial_deposit"]);
          node.state = "activating";
          void me.relayd.enqueue(msgUpdateEffectiveDeposit(me.keys, node.keys.p2p.networkAddress, node.tokens));
        }
        break;
      case "/stratos.register.v1.MsgUpdateEffectiveDeposit":
        for (const e of eventsOfType(f, "stratos.register.v1.EventUpdateEffectiveDeposit")) {
          const node = nodeBy(e["network_address"]);
          if (node === undefined || node.meta !== j) continue;
          if (e["is_unsuspended"] === "true" || node.state === "activating") {
            if (node.state === "suspended") this.stats.unsuspensions++;
            if (node.state === "activating") this.stats.activations++;
            node.state = "active";
          }
        }
        break;
      case "/stratos.register.v1.MsgUpdateResourceNodeDeposit":
        for (const e of eventsOfType(f, "stratos.register.v1.EventUpdateResourceNodeDeposit")) {
          const node = nodeBy(e["network_address"]);
          if (node === undefined || node.meta !== j) continue;
          node.tokens = amountOf(e["current_deposit"]);
          this.stats.topUps++;
          if (node.state === "active") void me.relayd.enqueue(msgUpdateEffectiveDeposit(me.keys, node.keys.p2p.networkAddress, node.tokens));
        }
        break;
      case "/stratos.sds.v1.MsgPrepay":
        for (const e of eventsOfType(f, "stratos.sds.v1.EventPrePay")) {
          const user = this.users.find((u) => u.wallet.address === e["beneficiary"]);
          if (user === undefined || user.meta !== j) continue;
          user.ozone += amountOf(e["purchased_noz"]);
        }
        break;
      case "/stratos.sds.v1.MsgFileUpload":
        for (const e of eventsOfType(f, "stratos.sds.v1.EventFileUpload")) if (e["reporter"] === me.keys.p2p.networkAddress) this.stats.uploadsConfirmed++;
        break;
      case "/stratos.pot.v1.MsgSlashingResourceNode":
        for (const e of eventsOfType(f, "stratos.pot.v1.EventSlashing")) {
          const node = nodeBy(e["network_address"]);
          if (node === undefined || node.meta !== j) continue;
          this.stats.slashes++;
          const w = node.keys.wallet.address;
          this.slashCharged.set(w, (this.slashCharged.get(w) ?? 0n) + amountOf(e["amount"]));
          if (e["suspend"] === "true") node.state = "suspended";
        }
        break;
      case "/stratos.pot.v1.MsgVolumeReport":
        for (const e of eventsOfType(f, "stratos.pot.v1.EventVolumeReport")) {
          const report = this.reports.get(BigInt(e["epoch"] ?? "0"));
          if (report === undefined || report.reporter !== me.keys.p2p.networkAddress || report.status === "accepted") continue;
          report.status = "accepted";
          report.height = f.height;
          report.hash = f.hash;
          this.accepted++;
          this.emit("report", report);
          if (this.options.verify ?? true) this.verifyLater(report);
        }
        break;
      default:
        break;
    }
  }

  private verifyLater(report: ReportState): void {
    this.verifying = this.verifying.then(async () => {
      try {
        report.check = await recomputeEpoch(this.view, report.epoch, report.hash!, report.height!, this.metaAddresses);
        if (report.check.mismatches.length > 0) this.log(`epoch ${report.epoch}: MISMATCH ${report.check.mismatches.join("; ")}`);
        this.emit("verified", report);
      } catch (e) {
        this.log(`epoch ${report.epoch}: verification failed: ${String(e)}`);
        report.check = { epoch: report.epoch, height: report.height!, txHash: report.hash!, rewards: new Map(), totalVolume: 0n, mismatches: [String(e)], inputsCheckedAgainstState: false };
      }
    });
  }

  /** Waits for all queued verifications. */
  async verified(): Promise<void> {
    await this.verifying;
  }

  private onBlock(b: NewBlockFrame): void {
    const now = performance.now();
    if (this.lastBlockAt > 0) {
      const gap = now - this.lastBlockAt;
      this.stats.blockTimes.push(gap);
      if (this.stats.blockTimes.length > 200) this.stats.blockTimes.shift();
      if (gap > this.stats.longestBlockGapMs) this.stats.longestBlockGapMs = gap;
    }
    this.lastBlockAt = now;
    this.stats.height = b.height;
    this.emit("block", b);
    if (!this.running || this.tickPending) return;
    this.tickPending = true;
    this.ticking = this.ticking.then(async () => {
      this.tickPending = false;
      try {
        await this.tick(this.stats.height);
      } catch (e) {
        this.log(`simulator tick at ${this.stats.height}: ${String(e)}`);
      }
    });
  }

  private async tick(height: number): Promise<void> {
    if (this.options.checkInvariants) {
      for (let h = this.lastInvariantHeight + 1; h <= height; h++) {
        const broken = await this.view.brokenInvariants(h);
        this.stats.invariantHeightsChecked++;
        for (const [k, v] of Object.entries(broken)) this.stats.invariantViolations.push(`height ${h}: ${k}: ${v}`);
      }
      this.lastInvariantHeight = Math.max(this.lastInvariantHeight, height);
    }
    if (this.paused) return;
    this.serveTraffic();
    await this.uploads();
    if (height - this.epochStartHeight >= this.options.epochBlocks) await this.closeEpoch(height);
  }

  private activeNodes(): ResourceNodeSim[] {
    return this.nodes.filter((x) => x.state === "active");
  }

  /** Slices served this block: never more than the consumer's ozone nor the epoch's noz budget. */
  private serveTraffic(): void {
    const nodes = this.activeNodes();
    if (nodes.length === 0 || this.users.length === 0) return;
    const maxSlice = this.options.maxSliceBytes ?? 4 * 1024 * 1024;
    for (let s = 0; s < (this.options.slicesPerBlock ?? 10); s++) {
      const node = nodes[Math.floor(this.random() * nodes.length)]!;
      const user = this.users[Math.floor(this.random() * this.users.length)]!;
      const size = BigInt(1 + Math.floor(this.random() * maxSlice));
      if (user.ozone < size || this.epochBudget < size) continue;
      user.ozone -= size;
      this.epochBudget -= size;
      const w = node.keys.wallet.address;
      this.traffic.set(w, (this.traffic.get(w) ?? 0n) + size);
      this.stats.slicesServed++;
      this.stats.bytesServed += size;
    }
  }

  /** Completed uploads: one MsgFileUpload each, queued by the uploader's meta node. */
  private async uploads(): Promise<void> {
    for (let i = 0; i < (this.options.uploadsPerBlock ?? 5); i++) {
      const user = this.users[Math.floor(this.random() * this.users.length)]!;
      const meta = this.metas[user.meta]!;
      await meta.relayd.enqueue(msgFileUpload(meta.keys, user.wallet.address, simulatedCid(this.runNonce, this.uploadCounter++)));
      this.stats.uploadsQueued++;
    }
  }

  /** The noz the SP may still report: the chain's budget minus reports not yet accepted, with a small margin. */
  private async refreshBudget(): Promise<void> {
    const { remaining, total } = await this.view.nozSupply();
    let inFlight = 0n;
    for (const r of this.reports.values()) if (r.status === "queued") inFlight += r.volume;
    const margin = 1000n;
    const available = total - remaining - inFlight - margin;
    this.epochBudget = available > 0n ? available : 0n;
  }

  threshold(bonded: number): number {
    return Math.max(1, Math.floor((2 * bonded) / 3));
  }

  /** The epoch boundary: the rotating reporter aggregates, collects BLS signatures and queues the report. */
  private async closeEpoch(height: number): Promise<void> {
    // Reports never accepted within two epochs are lost (their batch was dropped); their traffic is re-reported.
    for (const r of this.reports.values()) {
      if (r.status !== "queued" || height - r.queuedAtHeight < Math.max(2 * this.options.epochBlocks, 6)) continue;
      const onChain = await this.view.volumeReport(r.epoch);
      if (onChain.txHash !== "") continue; // accepted; its frame is on the way
      r.status = "lost";
      this.stats.reportsLost++;
      for (const [w, v] of r.volumes) this.traffic.set(w, (this.traffic.get(w) ?? 0n) + v);
      this.log(`epoch ${r.epoch}: report lost; its traffic goes into epoch ${this.epoch}`);
    }
    this.epochStartHeight = height;
    if (this.traffic.size > 0) {
      const n = this.metas.length;
      const reporterIndex = Number(this.epoch % BigInt(n));
      const reporter = this.metas[reporterIndex]!;
      const bonded = Number(await this.view.bondedMetaNodeCount());
      const count = (this.options.signers ?? "all") === "all" ? n : Math.min(n, this.threshold(bonded));
      const signers = Array.from({ length: count }, (_, k) => this.metas[(reporterIndex + k) % n]!.keys);
      const volumes = this.traffic;
      this.reportHook?.({ epoch: this.epoch, reporter: reporterIndex, volumes });
      const { any, walletVolumes } = buildVolumeReport({ reporter: reporter.keys, epoch: this.epoch, volumes, signers });
      const volume = walletVolumes.reduce((s, v) => s + v.volume, 0n);
      this.reports.set(this.epoch, {
        epoch: this.epoch, reporter: reporter.keys.p2p.networkAddress, signers: signers.length, volume, wallets: walletVolumes.length,
        volumes: new Map(volumes), queuedAtHeight: height, status: "queued",
      });
      await reporter.relayd.enqueue(any);
      this.emit("epochClosed", this.reports.get(this.epoch));
      this.epoch++;
      this.traffic = new Map();
    }
    this.epochIndex++;
    if (this.options.lifecycle ?? true) await this.lifecycle();
    if (this.options.withdrawMatured ?? true) await this.withdrawMatured();
    await this.refreshBudget();
    if (this.options.epochs !== undefined && this.options.epochs > 0 && this.accepted >= this.options.epochs) this.emit("done");
  }

  /** §8.5: a deposit top-up, a slashing burst that suspends, and unsuspension, in rotation. */
  private async lifecycle(): Promise<void> {
    const k = this.epochIndex;
    const pick = this.nodes[Math.floor(k / 4) % this.nodes.length]!;
    const meta = this.metas[pick.meta]!;
    switch (k % 4) {
      case 1:
        if (pick.state === "active") await this.ppd(pick.keys.wallet, `deposit top-up ${pick.keys.p2p.networkAddress}`, [msgUpdateResourceNodeDeposit(pick.keys, STOS)]);
        break;
      case 2: {
        // A burst: the meta node slashes (and suspends) one or two of its nodes in one go.
        const victims = this.nodes.filter((x) => x.meta === pick.meta && x.state === "active").slice(0, 2);
        if (victims.length < this.activeNodes().length) {
          for (const v of victims) await meta.relayd.enqueue(msgSlashing(meta.keys, v.keys, 1000n, true));
        }
        break;
      }
      case 3:
        for (const m of this.metas.keys()) {
          for (const node of this.nodes.filter((x) => x.meta === m && x.state === "suspended")) {
            await this.metas[m]!.relayd.enqueue(msgUpdateEffectiveDeposit(this.metas[m]!.keys, node.keys.p2p.networkAddress, node.tokens));
          }
        }
        break;
      default:
        break;
    }
  }

  /** Resource nodes withdraw their whole matured reward to their own wallet (ppd `withdraw`). */
  private async withdrawMatured(): Promise<void> {
    for (const node of this.nodes) {
      const w = node.keys.wallet.address;
      const { mature } = await this.view.rewardsByWallet(w);
      if (mature === 0n) continue;
      const a = await this.ppd(node.keys.wallet, `withdraw ${w}`, [msgWithdraw(w, mature, w)]);
      if (a === undefined) continue;
      const r = await this.waitTx(a.txhash);
      if (r.code !== 0) {
        this.stats.ppdTxErrors.push(`withdraw ${w}: ${r.log}`);
        continue;
      }
      this.stats.withdrawals++;
      this.stats.withdrawnWei += mature;
      this.withdrawn.set(w, (this.withdrawn.get(w) ?? 0n) + mature);
    }
  }

  /**
   * Per wallet: Σ recomputed rewards of the accepted epochs against what the chain shows it received
   * since the start: Δ(mature + immature) + withdrawn + slashing debt collected (charged − Δdebt).
   */
  async rewardBalance(): Promise<Array<{ wallet: string; recomputed: bigint; received: bigint }>> {
    await this.verified();
    const out = [];
    const sums = new Map<string, bigint>();
    for (const r of this.reports.values()) for (const [w, v] of r.check?.rewards ?? []) sums.set(w, (sums.get(w) ?? 0n) + v);
    const height = await this.view.latestHeight();
    for (const w of this.rewardWallets()) {
      const base = this.baseline.get(w) ?? { rewards: 0n, debt: 0n };
      const now = await this.view.rewardsByWallet(w, height);
      const debt = await this.view.slashingDebt(w, height);
      const collected = (this.slashCharged.get(w) ?? 0n) - (debt - base.debt);
      const received = now.mature + now.immature - base.rewards + (this.withdrawn.get(w) ?? 0n) + collected;
      out.push({ wallet: w, recomputed: sums.get(w) ?? 0n, received });
    }
    return out;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.ticking;
    for (const m of this.metas) await m.relayd.stop();
    for (const m of this.metas) m.events.close();
    await this.verifying;
    this.view?.close();
  }
}
