/**
 * A relayd-like submitter, one per meta node, faithful to spec-sds-clients §5:
 *
 *  - a queue of capacity 2000 (a full queue pushes back on the SP: `enqueue` waits);
 *  - a loop that drains the queue into a slice and flushes at 250 messages, or when a 500 ms timer
 *    fires with a non-empty slice; the timer is re-armed after every flush; while a flush runs
 *    (including its wait for a block) nothing is taken from the queue;
 *  - one broadcast per block: after a broadcast without a transport error the next flush first waits
 *    for the next NewBlock that arrives while it waits (§5.4);
 *  - build: Account → sign (fee [], gas 0) → Simulate → gas = ⌊used × 2.0⌋, fee = gas × 1 gwei →
 *    Account again → sign → BroadcastTx SYNC (§5.5), DIRECT signing with the owner key;
 *  - drop on failure, no retries (§5.6): a Simulate error loses the batch; a CheckTx refusal is only
 *    logged and counts as a broadcast; a DeliverTx failure is never seen by relayd.
 *
 * For measurement only (relayd has none of this): counters, the simulated gas of each batch against
 * the gas its tx used in the block (matched by hash from the websocket's Tx frames), and per-message
 * latencies from enqueue to broadcast and to the committed event.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { Wallet } from "./actors.js";
import type { EventEmitter } from "node:events";
import type { NewBlockFrame, TxFrame } from "./cometEvents.js";
import { ChainCallError, GWEI, signTx, type Account, type BroadcastAnswer } from "./grpcChain.js";

/** The three calls relayd makes (GrpcChain; a fake in unit tests). */
export interface RelaydChain {
  readonly chainId: string;
  account(address: string): Promise<Account | undefined>;
  simulate(txBytes: Uint8Array): Promise<bigint>;
  broadcast(txBytes: Uint8Array): Promise<BroadcastAnswer>;
}

export const CHANNEL_SIZE = 2000;
export const MAX_MSG_PER_TX = 250;
export const FLUSH_INTERVAL_MS = 500;
export const GAS_ADJUSTMENT = 2.0;

export interface QueuedMsg {
  readonly any: Any;
  readonly enqueuedAt: number;
}

export type BatchFate = "simulate-failed" | "check-refused" | "transport-error" | "build-failed" | "broadcast";

export interface BatchRecord {
  readonly messages: number;
  readonly fate: BatchFate;
  readonly reason: string;
  readonly simulatedGas: bigint;
  readonly gasLimit: bigint;
  readonly hash: string;
  readonly broadcastAt: number;
  /** Height of the last NewBlock seen when broadcast. */
  readonly afterHeight: number;
  readonly enqueueTimes: readonly number[];
  /** Set when its tx's frame arrived: committed and successful. */
  committed?: { readonly height: number; readonly gasUsed: bigint; readonly at: number };
}

export interface SubmitterStats {
  enqueued: number;
  batches: number;
  messagesBroadcast: number;
  lostSimulate: number;
  lostCheckTx: number;
  lostTransport: number;
  lostBuild: number;
  /** Broadcast, CheckTx accepted, but no committed success seen within `lostAfterBlocks` blocks. */
  lostDeliver: number;
  committedBatches: number;
  committedMessages: number;
  simulatedGas: bigint;
  deliveredGas: bigint;
  /** Σ and max of enqueue → broadcast and enqueue → committed (ms) over committed messages. */
  toBroadcastMsSum: number;
  toCommitMsSum: number;
  toCommitMsMax: number;
  latencyCount: number;
  lastError: string;
}

export class RelaydSubmitter {
  private readonly queue: QueuedMsg[] = [];
  private readonly waitingForRoom: Array<() => void> = [];
  private queueSignal: (() => void) | undefined;
  private blockWaiter: ((b: NewBlockFrame) => void) | undefined;
  private recentBroadcast = false;
  private flushing = false;
  private running = false;
  private loopDone: Promise<void> | undefined;
  private lastHeight = 0;
  readonly pending = new Map<string, BatchRecord>();
  readonly history: BatchRecord[] = [];
  readonly stats: SubmitterStats = {
    enqueued: 0, batches: 0, messagesBroadcast: 0, lostSimulate: 0, lostCheckTx: 0, lostTransport: 0, lostBuild: 0, lostDeliver: 0,
    committedBatches: 0, committedMessages: 0, simulatedGas: 0n, deliveredGas: 0n, toBroadcastMsSum: 0, toCommitMsSum: 0, toCommitMsMax: 0,
    latencyCount: 0, lastError: "",
  };
  /** Broadcasts per block height (for "batches per block per meta node"). */
  readonly broadcastsByHeight = new Map<number, number>();

  constructor(
    readonly name: string,
    private readonly chain: RelaydChain,
    private readonly owner: Wallet,
    events: EventEmitter,
    private readonly options: { readonly lostAfterBlocks?: number; readonly onLog?: (line: string) => void } = {},
  ) {
    events.on("newBlock", (b: NewBlockFrame) => this.onNewBlock(b));
    events.on("tx", (f: TxFrame) => this.onTx(f));
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Nothing queued, no flush under way, no broadcast tx awaiting its block. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.flushing && this.pending.size === 0;
  }

  /** Queue one message (waits while the channel is full, as the SP websocket reader blocks). */
  async enqueue(any: Any): Promise<void> {
    while (this.queue.length >= CHANNEL_SIZE) await new Promise<void>((r) => this.waitingForRoom.push(r));
    this.queue.push({ any, enqueuedAt: performance.now() });
    this.stats.enqueued++;
    this.queueSignal?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.queueSignal?.();
    this.blockWaiter?.({ height: this.lastHeight, time: "", txs: 0, receivedAt: performance.now() });
    await this.loopDone;
  }

  private onNewBlock(b: NewBlockFrame): void {
    this.lastHeight = b.height;
    // Only a waiting broadcaster takes the notification (unbuffered channel, non-blocking send).
    const w = this.blockWaiter;
    this.blockWaiter = undefined;
    w?.(b);
    const limit = this.options.lostAfterBlocks ?? 6;
    for (const [hash, rec] of this.pending) {
      if (b.height - rec.afterHeight > limit) {
        this.pending.delete(hash);
        this.stats.lostDeliver++;
      }
    }
  }

  private onTx(f: TxFrame): void {
    const rec = this.pending.get(f.hash);
    if (rec === undefined) return;
    this.pending.delete(f.hash);
    rec.committed = { height: f.height, gasUsed: f.gasUsed, at: f.receivedAt };
    this.stats.committedBatches++;
    this.stats.committedMessages += rec.messages;
    this.stats.deliveredGas += f.gasUsed;
    for (const t of rec.enqueueTimes) {
      const toCommit = f.receivedAt - t;
      this.stats.toBroadcastMsSum += rec.broadcastAt - t;
      this.stats.toCommitMsSum += toCommit;
      if (toCommit > this.stats.toCommitMsMax) this.stats.toCommitMsMax = toCommit;
      this.stats.latencyCount++;
    }
  }

  private take(slice: QueuedMsg[]): void {
    while (slice.length < MAX_MSG_PER_TX && this.queue.length > 0) slice.push(this.queue.shift()!);
    while (this.waitingForRoom.length > 0 && this.queue.length < CHANNEL_SIZE) this.waitingForRoom.shift()!();
  }

  private async loop(): Promise<void> {
    let slice: QueuedMsg[] = [];
    let timerAt = performance.now() + FLUSH_INTERVAL_MS;
    while (this.running) {
      this.take(slice);
      this.flushing = slice.length > 0;
      const now = performance.now();
      if (slice.length >= MAX_MSG_PER_TX || (now >= timerAt && slice.length > 0)) {
        const batch = slice;
        slice = [];
        this.flushing = true;
        try {
          await this.broadcastTxs(batch);
        } finally {
          this.flushing = false;
        }
        timerAt = performance.now() + FLUSH_INTERVAL_MS;
        continue;
      }
      if (now >= timerAt) timerAt = now + FLUSH_INTERVAL_MS;
      const wait = Math.max(1, timerAt - performance.now());
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.queueSignal = undefined;
          resolve();
        }, wait);
        this.queueSignal = () => {
          clearTimeout(t);
          this.queueSignal = undefined;
          resolve();
        };
      });
    }
  }

  private waitForBlock(): Promise<NewBlockFrame> {
    return new Promise((resolve) => {
      this.blockWaiter = resolve;
    });
  }

  private record(r: BatchRecord): void {
    this.history.push(r);
    if (this.history.length > 2000) this.history.shift();
  }

  private async broadcastTxs(batch: readonly QueuedMsg[]): Promise<void> {
    if (this.recentBroadcast) {
      await this.waitForBlock();
      if (!this.running) return;
    }
    const msgs = batch.map((m) => m.any);
    const enqueueTimes = batch.map((m) => m.enqueuedAt);
    const base = { messages: batch.length, enqueueTimes, afterHeight: this.lastHeight };
    let simulatedGas = 0n;
    try {
      const first = await this.chain.account(this.owner.address);
      if (first === undefined) {
        this.stats.lostBuild++;
        this.note("build-failed", "no available account to sign transaction");
        this.record({ ...base, fate: "build-failed", reason: "no account", simulatedGas, gasLimit: 0n, hash: "", broadcastAt: performance.now() });
        return;
      }
      try {
        simulatedGas = await this.chain.simulate(signTx(this.owner, first, msgs, { gasLimit: 0n, feeWei: 0n }, this.chain.chainId));
      } catch (e) {
        this.stats.lostSimulate++;
        const reason = e instanceof Error ? e.message : String(e);
        this.note("simulate-failed", reason);
        this.record({ ...base, fate: "simulate-failed", reason, simulatedGas, gasLimit: 0n, hash: "", broadcastAt: performance.now() });
        return;
      }
      const gasLimit = BigInt(Math.floor(Number(simulatedGas) * GAS_ADJUSTMENT));
      const second = (await this.chain.account(this.owner.address)) ?? first;
      const tx = signTx(this.owner, second, msgs, { gasLimit, feeWei: gasLimit * GWEI }, this.chain.chainId);
      let answer;
      try {
        answer = await this.chain.broadcast(tx);
      } catch (e) {
        this.stats.lostTransport++;
        const reason = e instanceof Error ? e.message : String(e);
        this.note("transport-error", reason);
        this.record({ ...base, fate: "transport-error", reason, simulatedGas, gasLimit, hash: "", broadcastAt: performance.now() });
        return;
      }
      this.recentBroadcast = true;
      this.stats.batches++;
      this.stats.messagesBroadcast += batch.length;
      this.stats.simulatedGas += simulatedGas;
      const broadcastAt = performance.now();
      this.broadcastsByHeight.set(this.lastHeight + 1, (this.broadcastsByHeight.get(this.lastHeight + 1) ?? 0) + 1);
      if (answer.code !== 0) {
        this.stats.lostCheckTx++;
        const reason = `${answer.codespace}/${answer.code}: ${answer.rawLog}`;
        this.note("check-refused", reason);
        this.record({ ...base, fate: "check-refused", reason, simulatedGas, gasLimit, hash: answer.txhash, broadcastAt });
        return;
      }
      const rec: BatchRecord = { ...base, fate: "broadcast", reason: "", simulatedGas, gasLimit, hash: answer.txhash, broadcastAt };
      this.pending.set(answer.txhash, rec);
      this.record(rec);
    } catch (e) {
      if (!(e instanceof ChainCallError)) throw e;
      this.stats.lostBuild++;
      this.note("build-failed", e.message);
    }
  }

  private note(fate: BatchFate, reason: string): void {
    this.stats.lastError = `${fate}: ${reason}`;
    this.options.onLog?.(`${this.name}: batch ${fate}: ${reason}`);
  }
}
