/**
 * The simulator's live terminal view: a panel redrawn in place (on a TTY; elsewhere one line per
 * accepted epoch), so the run reads as a progress display, not a log flood. Per epoch: the report
 * (reporter, BLS signers, wallets, volume), the rewards paid (as recomputed and matched against the
 * chain), the noz price; per block: height, block interval, the longest gap, mempool size; per meta
 * node: its relayd's queue, batches, committed messages, lost batches, simulated vs delivered gas.
 */
import type { Dec } from "../math/dec.js";
import type { ReportState, Simulator } from "./simulator.js";


/** wei → "12.345678 STOS" (6 decimals, truncated). */
export function formatStos(wei: bigint): string {
  const micro = wei / 10n ** 12n;
  return `${micro / 1_000_000n}.${(micro % 1_000_000n).toString().padStart(6, "0")}`;
}

const pad = (s: string | number | bigint, n: number): string => String(s).padStart(n);
const short = (addr: string): string => `${addr.slice(0, 10)}…${addr.slice(-4)}`;

export interface ViewOptions {
  readonly out?: NodeJS.WriteStream;
  /** Lines printed above the panel once (e.g. the devnet's addresses). */
  readonly header?: readonly string[];
  readonly refreshMs?: number;
}

export class SimulatorView {
  private timer: NodeJS.Timeout | undefined;
  private drawnLines = 0;
  private mempool = { txs: 0, bytes: 0 };
  private price: Dec | undefined;
  private readonly messages: string[] = [];
  private readonly out: NodeJS.WriteStream;
  private readonly tty: boolean;

  constructor(private readonly sim: Simulator, private readonly options: ViewOptions = {}) {
    this.out = options.out ?? process.stdout;
    this.tty = Boolean(this.out.isTTY);
  }

  start(): void {
    for (const l of this.options.header ?? []) this.out.write(l + "\n");
    this.sim.on("log", (l: string) => {
      this.messages.push(l);
      if (this.messages.length > 4) this.messages.shift();
      if (!this.tty) this.out.write(`${l}\n`);
    });
    this.sim.on("verified", (r: ReportState) => {
      if (!this.tty) this.out.write(this.epochLine(r) + "\n");
    });
    if (this.tty) this.timer = setInterval(() => void this.redraw(), this.options.refreshMs ?? 500);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private epochLine(r: ReportState): string {
    const paid = [...(r.check?.rewards.values() ?? [])].reduce((s, v) => s + v, 0n);
    const verdict = r.check === undefined ? "…" : r.check.mismatches.length === 0 ? "= recomputed" : `MISMATCH (${r.check.mismatches.length})`;
    return `epoch ${pad(r.epoch, 5)}  ${r.status.padEnd(8)} h ${pad(r.height ?? "-", 6)}  reporter ${short(r.reporter)}  signers ${r.signers}  wallets ${pad(r.wallets, 3)}  volume ${pad(r.volume, 12)} noz  paid ${pad(formatStos(paid), 14)} STOS  ${verdict}`;
  }

  private async redraw(): Promise<void> {
    try {
      this.mempool = await this.sim.view.mempool();
      this.price = await this.sim.view.nozPrice();
    } catch {
      // The chain may be restarting; keep the last figures.
    }
    const s = this.sim.stats;
    const times = s.blockTimes;
    const avg = times.length === 0 ? 0 : times.reduce((a, b) => a + b, 0) / times.length;
    const lines: string[] = [];
    lines.push(`\x1b[1mSDS simulator\x1b[0m  height ${s.height}  block every ${(avg / 1000).toFixed(2)} s (longest gap ${(s.longestBlockGapMs / 1000).toFixed(2)} s)  mempool ${this.mempool.txs} txs / ${(this.mempool.bytes / 1024).toFixed(0)} KiB`);
    const active = this.sim.nodes.filter((n) => n.state === "active").length;
    const suspended = this.sim.nodes.filter((n) => n.state === "suspended").length;
    lines.push(`epoch ${this.sim.epoch} (since block ${this.sim.epochStartHeight}, ${this.sim.options.epochBlocks} blocks each)  accepted reports ${this.sim.accepted}  lost ${s.reportsLost}  noz price ${this.price?.toString() ?? "?"} wei/noz`);
    lines.push(`nodes: ${this.sim.metas.length} meta, ${active}/${this.sim.nodes.length} resource active (${suspended} suspended), ${this.sim.users.length} users  served ${s.slicesServed} slices / ${s.bytesServed} noz  uploads ${s.uploadsConfirmed}/${s.uploadsQueued}`);
    lines.push(`life cycle: activations ${s.activations}  top-ups ${s.topUps}  slashes ${s.slashes}  unsuspensions ${s.unsuspensions}  withdrawals ${s.withdrawals} (${formatStos(s.withdrawnWei)} STOS)  invariants ${s.invariantViolations.length === 0 ? "hold" : "BROKEN"} (${s.invariantHeightsChecked} blocks checked)`);
    lines.push(`relayd   queue  batches  committed msgs  lost(sim/check/deliver)  simulated gas → delivered gas`);
    for (const m of this.sim.metas) {
      const r = m.relayd.stats;
      lines.push(`${m.relayd.name.padEnd(7)} ${pad(m.relayd.queued, 6)} ${pad(r.batches, 8)} ${pad(r.committedMessages, 15)}  ${pad(`${r.lostSimulate}/${r.lostCheckTx}/${r.lostDeliver}`, 22)}  ${pad(r.simulatedGas, 13)} → ${r.deliveredGas}`);
    }
    lines.push("last epochs:");
    const recent = [...this.sim.reports.values()].slice(-6);
    for (const r of recent) lines.push("  " + this.epochLine(r));
    for (const m of this.messages) lines.push(`\x1b[2m${m.slice(0, 160)}\x1b[0m`);
    let text = this.drawnLines > 0 ? `\x1b[${this.drawnLines}A` : "";
    text += lines.map((l) => `\x1b[2K${l}`).join("\n") + "\n";
    // Clear what a longer previous panel left below.
    const extra = this.drawnLines - lines.length;
    if (extra > 0) text += `\x1b[J`;
    this.out.write(text);
    this.drawnLines = lines.length;
  }
}

