/**
 * The app's Prometheus metrics (app.toml `[telemetry] enabled`, off by default), served at
 * `http://<prometheus-listen-address>/metrics` with prom-client.
 *
 * Observational only: `instrument` wraps the ABCI Application and reads requests and responses
 * without changing them; durations use the wall clock, which never reaches consensus state. Store
 * figures (size on disk, loaded nodes) are computed when Prometheus scrapes, off the ABCI path.
 */

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { CheckTxType } from "cosmjs-types/tendermint/abci/types";
import type { Application, MaybePromise } from "../abci/application.js";

export interface MetricsSources {
  /** Directories whose size on disk is reported, by label (e.g. application.db, snapshots). */
  readonly dirs: Readonly<Record<string, string>>;
  /** Tree nodes held in memory (RootMultiStore.stats). */
  loadedNodes(): number;
}

/** Size figures are recomputed at most this often (a scrape walks the data directory). */
const DISK_CACHE_MS = 10_000;

export class AppMetrics {
  readonly registry = new Registry();
  private readonly height: Gauge;
  private readonly txs: Counter;
  private readonly failedTxs: Counter;
  private readonly finalizeSeconds: Histogram;
  private readonly commitSeconds: Histogram;
  private readonly checkTx: Counter<"type" | "result">;
  private readonly queries: Counter<"result">;
  private diskCache: { at: number; sizes: Record<string, number> } | undefined;

  constructor(sources: MetricsSources, serviceName = "") {
    if (serviceName !== "") this.registry.setDefaultLabels({ service: serviceName });
    const registers = [this.registry];
    this.height = new Gauge({ name: "stratos_block_height", help: "Height of the last committed block", registers });
    this.txs = new Counter({ name: "stratos_block_txs_total", help: "Transactions executed in FinalizeBlock", registers });
    this.failedTxs = new Counter({ name: "stratos_block_txs_failed_total", help: "Transactions executed in FinalizeBlock with a non-zero code", registers });
    const buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    this.finalizeSeconds = new Histogram({ name: "stratos_finalize_block_seconds", help: "FinalizeBlock execution time", buckets, registers });
    this.commitSeconds = new Histogram({ name: "stratos_commit_seconds", help: "Commit time (the atomic store write included)", buckets, registers });
    this.checkTx = new Counter({
      name: "stratos_checktx_total",
      help: "CheckTx requests by type (new: mempool admission, recheck: after each block) and result",
      labelNames: ["type", "result"] as const,
      registers,
    });
    this.queries = new Counter({ name: "stratos_abci_queries_total", help: "ABCI Query requests by result", labelNames: ["result"] as const, registers });
    const self = this;
    new Gauge({
      name: "stratos_store_disk_bytes",
      help: "Bytes on disk of the app's data directories",
      labelNames: ["dir"] as const,
      registers,
      async collect() {
        const sizes = await self.diskSizes(sources.dirs);
        for (const [dir, bytes] of Object.entries(sizes)) this.set({ dir }, bytes);
      },
    });
    new Gauge({
      name: "stratos_store_loaded_nodes",
      help: "IAVL tree nodes held in memory",
      registers,
      collect() {
        this.set(sources.loadedNodes());
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: "stratos_" });
  }

  /** The same Application, counting and timing what passes through. */
  instrument(app: Application): Application {
    const timed = <T>(run: () => MaybePromise<T>, done: (seconds: number, res: T) => void): MaybePromise<T> => {
      const start = performance.now(); // det-ok: metrics only
      const res = run();
      const finish = (r: T): T => {
        done((performance.now() - start) / 1000, r); // det-ok: metrics only
        return r;
      };
      return res instanceof Promise ? res.then(finish) : finish(res);
    };
    let pendingHeight = 0n;
    const wrapped: Application = {
      info: (r) => app.info(r),
      initChain: (r) => app.initChain(r),
      prepareProposal: (r) => app.prepareProposal(r),
      processProposal: (r) => app.processProposal(r),
      extendVote: (r) => app.extendVote(r),
      verifyVoteExtension: (r) => app.verifyVoteExtension(r),
      listSnapshots: (r) => app.listSnapshots(r),
      offerSnapshot: (r) => app.offerSnapshot(r),
      loadSnapshotChunk: (r) => app.loadSnapshotChunk(r),
      applySnapshotChunk: (r) => app.applySnapshotChunk(r),
      query: (r) =>
        timed(
          () => app.query(r),
          (_s, res) => this.queries.inc({ result: res.code === 0 ? "ok" : "error" }),
        ),
      checkTx: (r) =>
        timed(
          () => app.checkTx(r),
          (_s, res) => this.checkTx.inc({ type: r.type === CheckTxType.RECHECK ? "recheck" : "new", result: res.code === 0 ? "ok" : "failed" }),
        ),
      finalizeBlock: (r) =>
        timed(
          () => app.finalizeBlock(r),
          (s, res) => {
            pendingHeight = r.height;
            this.finalizeSeconds.observe(s);
            this.txs.inc(res.txResults.length);
            this.failedTxs.inc(res.txResults.filter((t) => t.code !== 0).length);
          },
        ),
      commit: (r) =>
        timed(
          () => app.commit(r),
          (s) => {
            this.commitSeconds.observe(s);
            this.height.set(Number(pendingHeight));
          },
        ),
    };
    if (app.onCheckTxReceived) wrapped.onCheckTxReceived = (r) => app.onCheckTxReceived!(r);
    return wrapped;
  }

  /** Sets the height gauge (at start, and after a state sync restore). */
  setHeight(height: number): void {
    this.height.set(height);
  }

  /** Serves `/metrics` on host:port; resolves with the bound address. */
  async serve(address: string): Promise<{ address: string; close(): Promise<void> }> {
    const colon = address.lastIndexOf(":");
    const host = address.slice(0, colon).replace(/^tcp:\/\//, "").replace(/^\[|\]$/g, "") || "127.0.0.1";
    const port = Number(address.slice(colon + 1));
    const server = http.createServer((req, res) => {
      if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found: the metrics are at /metrics\n");
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": this.registry.contentType }).end(text),
        (e: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${String(e)}\n`),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    const bound = server.address();
    const where = bound !== null && typeof bound === "object" ? `${bound.address}:${bound.port}` : address;
    return { address: where, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  private async diskSizes(dirs: Readonly<Record<string, string>>): Promise<Record<string, number>> {
    const now = performance.now(); // det-ok: metrics cache only
    if (this.diskCache !== undefined && now - this.diskCache.at < DISK_CACHE_MS) return this.diskCache.sizes;
    const sizes: Record<string, number> = {};
    for (const [label, dir] of Object.entries(dirs)) sizes[label] = await dirSize(dir);
    this.diskCache = { at: now, sizes };
    return sizes;
  }
}

/** Bytes of the files under `dir` (0 when it does not exist). */
export async function dirSize(dir: string): Promise<number> {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += await dirSize(p);
    else if (e.isFile()) total += (await fs.promises.stat(p).catch(() => undefined))?.size ?? 0;
  }
  return total;
}
