/**
 * Runs jobs one at a time in submission order, like the global mutex of CometBFT's Go socket server
 * (abci-cosmjs.md §1.2). Synchronous jobs run back to back without touching the microtask queue;
 * a job that returns a promise holds the queue until it settles.
 */
export type Job = () => void | Promise<void>;

export class SerialExecutor {
  private readonly queue: Job[] = [];
  private head = 0;
  private running = false;

  constructor(private readonly onJobError: (error: unknown) => void) {}

  submit(job: Job): void {
    this.queue.push(job);
    if (!this.running) this.drain();
  }

  /** Resolves once no job is waiting or running (e.g. before closing the store on shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await new Promise((r) => setTimeout(r, 5));
  }

  /** Number of jobs waiting or running. */
  get pending(): number {
    return this.queue.length - this.head;
  }

  private drain(): void {
    this.running = true;
    while (this.head < this.queue.length) {
      const job = this.queue[this.head]!;
      this.head++;
      let result: void | Promise<void>;
      try {
        result = job();
      } catch (error) {
        this.onJobError(error);
        continue;
      }
      if (result instanceof Promise) {
        result.then(
          () => this.drain(),
          (error: unknown) => {
            this.onJobError(error);
            this.drain();
          },
        );
        this.compact();
        return;
      }
    }
    this.compact();
    this.running = false;
  }

  /** Drops finished jobs from the front without shifting on every job. */
  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
