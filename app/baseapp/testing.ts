/**
 * Test helpers for module unit tests: a Context over an empty in-memory multistore.
 * Not used on any production path.
 */
import { memoryMultiStore } from "../store/memory.js";
import type { GasMeter, MultiStore } from "../store/types.js";
import type { BlockHeader, ExecMode } from "./block.js";
import { Context } from "./context.js";
import { EventManager } from "./events.js";
import { BasicGasMeter, InfiniteGasMeter } from "./gas.js";

export const TEST_HEADER: BlockHeader = {
  chainId: "stratos-test-1",
  height: 10n,
  time: { seconds: 1_700_000_000n, nanos: 0 },
  proposerAddress: new Uint8Array(20),
};

export interface TestContextOptions {
  readonly header?: Partial<BlockHeader>;
  readonly mode?: ExecMode;
  /** A gas limit makes a BasicGasMeter; none means unlimited. */
  readonly gasLimit?: bigint;
  readonly store?: MultiStore;
}

/** A fresh context over an empty in-memory state (or `store`), with its own event sink. */
export function createTestContext(options: TestContextOptions = {}): Context {
  const meter: GasMeter = options.gasLimit !== undefined ? new BasicGasMeter(options.gasLimit) : new InfiniteGasMeter();
  return new Context(options.store ?? memoryMultiStore(), { ...TEST_HEADER, ...options.header }, options.mode ?? "finalize", meter, new EventManager());
}

/** Runs `f`, which must throw a registered error, and returns what a tx result would show of it. */
export function failure(f: () => void): { codespace: string; code: number; message: string } {
  try {
    f();
  } catch (e) {
    const { codespace, code, message } = e as { codespace: string; code: number; message: string };
    return { codespace, code, message };
  }
  throw new Error("expected a failure");
}
