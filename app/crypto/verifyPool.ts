import { Worker } from "node:worker_threads";
import type { VerifyJob } from "./verifyJob.js";

/**
 * Signature checks on worker threads, for CheckTx: a tx's signatures are sent when the request
 * arrives and verified while the main thread executes earlier requests. Results only ever fill the
 * node's signature cache (a pure function of key, bytes and signature), so they cannot change any
 * outcome. Workers are round-robin; jobs of one call go to one worker.
 */
const WORKER_URL = new URL("./verifyWorker.ts", import.meta.url).href;
const WORKER_BOOTSTRAP = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

export class VerifyPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, (results: boolean[]) => void>();
  private nextId = 1;
  private turn = 0;

  constructor(size: number) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`VerifyPool: size must be ≥ 1, got ${size}`);
    for (let i = 0; i < size; i++) {
      // The worker is TypeScript. Loader flags do not reach workers on Node 20, so a tiny bootstrap
      // registers tsx inside the worker, then imports it. Messages sent meanwhile wait in its port.
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, execArgv: [] });
      worker.on("message", (msg: { id: number; results: boolean[] }) => {
        const resolve = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        resolve?.(msg.results);
      });
      // A dead worker must not wedge CheckTx: its callers get "not verified" and verify inline.
      worker.on("error", () => this.failAll());
      worker.unref();
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  verify(jobs: readonly VerifyJob[]): Promise<boolean[]> {
    if (jobs.length === 0) return Promise.resolve([]);
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, jobs });
    });
  }

  async close(): Promise<void> {
    this.failAll();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(): void {
    for (const [id, resolve] of this.pending) {
      this.pending.delete(id);
      resolve([]);
    }
  }
}
