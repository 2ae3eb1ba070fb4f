import type { GasMeter } from "../store/types.js";
import { ErrOutOfGas, TxError } from "./errors.js";

/**
 * Gas meters with the SDK's semantics (store/types/gas.go): consumption is checked after adding,
 * overflow of uint64 is an error, and running out throws `OutOfGasError` naming where it happened.
 */
const MAX_UINT64 = (1n << 64n) - 1n;

/** Thrown when a meter passes its limit; baseapp turns it into code 11 with the SDK's log. */
export class OutOfGasError extends Error {
  override readonly name = "OutOfGasError";
  constructor(readonly descriptor: string) {
    super(`out of gas in location: ${descriptor}`);
  }
}

export class BasicGasMeter implements GasMeter {
  private consumed = 0n;

  constructor(private readonly gasLimit: bigint) {}

  consumeGas(amount: bigint, descriptor: string): void {
    const next = this.consumed + amount;
    if (next > MAX_UINT64) throw new TxError("sdk", 11, `gas overflow in location: ${descriptor}: ${ErrOutOfGas.message}`);
    this.consumed = next;
    if (next > this.gasLimit) throw new OutOfGasError(descriptor);
  }

  /** SDK `RefundGas`: lowers consumption (never below zero is an error in the SDK). */
  refundGas(amount: bigint, descriptor: string): void {
    if (amount > this.consumed) throw new Error(`gas refund greater than consumed in ${descriptor}`);
    this.consumed -= amount;
  }

  gasConsumed(): bigint {
    return this.consumed;
  }

  /** SDK `GasConsumedToLimit`: what is reported after running out of gas. */
  gasConsumedToLimit(): bigint {
    return this.consumed > this.gasLimit ? this.gasLimit : this.consumed;
  }

  limit(): bigint {
    return this.gasLimit;
  }

  isOutOfGas(): boolean {
    return this.consumed >= this.gasLimit;
  }
}

/** No limit: simulation, genesis, block hooks and queries. */
export class InfiniteGasMeter implements GasMeter {
  private consumed = 0n;

  consumeGas(amount: bigint, descriptor: string): void {
    const next = this.consumed + amount;
    if (next > MAX_UINT64) throw new TxError("sdk", 11, `gas overflow in location: ${descriptor}: ${ErrOutOfGas.message}`);
    this.consumed = next;
  }

  gasConsumed(): bigint {
    return this.consumed;
  }

  limit(): bigint {
    return MAX_UINT64;
  }
}
