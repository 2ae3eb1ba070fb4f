/**
 * Runs gRPC/REST query work on the main thread without starving the ABCI server. Queries read the
 * committed store in this process (no ABCI connection is held), but they share the event loop with
 * CheckTx and FinalizeBlock: work is taken from a bounded queue in slices of a few milliseconds,
 * each slice ending with a return to the event loop, so an arriving ABCI request waits at most one
 * slice. A full queue refuses new work (RESOURCE_EXHAUSTED); work that waits or runs too long ends
 * with DEADLINE_EXCEEDED.
 */
import { Code, ServiceError } from "./status.js";

export interface SchedulerOptions {
  /** Queries waiting at most; more are refused. */
  readonly maxPending?: number;
  /** Milliseconds of query work per event-loop turn. */
  readonly sliceMs?: number;
  /** A query not answered within this many milliseconds (waiting included) fails. */
  readonly timeoutMs?: number;
}

interface Task {
  readonly run: () => unknown;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
  readonly deadline: number;
  settled: boolean;
}

export class QueryScheduler {
  private readonly queue: Task[] = [];
  private head = 0;
  private scheduled = false;
  private readonly maxPending: number;
  private readonly sliceMs: number;
  readonly timeoutMs: number;

  constructor(options: SchedulerOptions = {}) {
    this.maxPending = options.maxPending ?? 2048;
    this.sliceMs = options.sliceMs ?? 4;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  get pending(): number {
    return this.queue.length - this.head;
  }

  /** Queues `work`; resolves with its (possibly asynchronous) result. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.pending >= this.maxPending) {
      return Promise.reject(new ServiceError(Code.RESOURCE_EXHAUSTED, `too many queries waiting (${this.pending}); retry later`));
    }
    return new Promise<T>((resolve, reject) => {
      const task: Task = { run: work, resolve: resolve as (v: unknown) => void, reject, deadline: now() + this.timeoutMs, settled: false };
      this.queue.push(task);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    const sliceEnd = now() + this.sliceMs;
    while (this.head < this.queue.length) {
      const task = this.queue[this.head]!;
      this.queue[this.head] = undefined as unknown as Task;
      this.head++;
      this.execute(task);
      if (now() >= sliceEnd) break;
    }
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else {
      if (this.head > 1024) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      this.schedule();
    }
  }

  private execute(task: Task): void {
    const timedOut = (): ServiceError => new ServiceError(Code.DEADLINE_EXCEEDED, `query took longer than ${this.timeoutMs} ms`);
    if (now() > task.deadline) {
      task.reject(timedOut());
      return;
    }
    let result: unknown;
    try {
      result = task.run();
    } catch (e) {
      task.reject(e);
      return;
    }
    if (!(result instanceof Promise)) {
      task.resolve(result);
      return;
    }
    // Asynchronous work (GetTx, BroadcastTx: CometBFT RPC round trips) runs off the slice, bounded in time.
    const timer = setTimeout(() => settle(() => task.reject(timedOut())), Math.max(0, task.deadline - now()));
    const settle = (f: () => void): void => {
      if (task.settled) return;
      task.settled = true;
      clearTimeout(timer);
      f();
    };
    result.then(
      (v) => settle(() => task.resolve(v)),
      (e: unknown) => settle(() => task.reject(e)),
    );
  }
}

/** Wall-clock milliseconds: scheduling of query work only, never a consensus input. */
function now(): number {
  return performance.now(); // det-ok: query scheduling
}
