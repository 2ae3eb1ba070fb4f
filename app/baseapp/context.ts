import type { Event } from "cosmjs-types/tendermint/abci/types";
import { GasKVStore } from "../store/gas.js";
import { DEFAULT_KV_GAS_CONFIG, type GasMeter, type KVReader, type KVStore, type MultiStore, type StoreName } from "../store/types.js";
import type { BlockHeader, ExecMode, TxOutcome } from "./block.js";
import { EventManager } from "./events.js";
import { InfiniteGasMeter } from "./gas.js";

/** Read access to module stores: what query handlers and read-only keeper methods take. */
export interface ReadContext {
  kv(name: StoreName): KVReader;
}

/**
 * InitChain only: runs a genesis transaction (a gentx) through the full tx pipeline against the genesis
 * state, as the SDK's genutil does with `deliverTx` — ante included, unlimited gas, signatures checked
 * with account number 0. Baseapp provides it; a module (genutil) decides what to deliver.
 */
export type GenesisTxDeliverer = (tx: Uint8Array) => TxOutcome;

/**
 * The one context object of a message, a block hook or genesis (architecture.md "Rules"): the state
 * view, the gas meter, the event sink, the block header and the execution mode. Every store access
 * goes through `kv(name)`, which charges the SDK's KV gas to the meter.
 */
export class Context implements ReadContext {
  private readonly stores = new Map<StoreName, KVStore>();

  constructor(
    readonly multiStore: MultiStore,
    readonly header: BlockHeader,
    readonly mode: ExecMode,
    readonly gasMeter: GasMeter,
    readonly events: EventManager,
    /** The raw bytes of the tx being executed (undefined in block hooks and genesis). */
    readonly txBytes?: Uint8Array,
    /** InitChain's genesis-transaction runner (undefined everywhere else). */
    readonly deliverGenesisTx?: GenesisTxDeliverer,
  ) {}

  /** A context for block hooks and genesis: unlimited gas, events into `events`. */
  static forBlock(multiStore: MultiStore, header: BlockHeader, mode: ExecMode, events: EventManager, deliverGenesisTx?: GenesisTxDeliverer): Context {
    return new Context(multiStore, header, mode, new InfiniteGasMeter(), events, undefined, deliverGenesisTx);
  }

  kv(name: StoreName): KVStore {
    let store = this.stores.get(name);
    if (!store) {
      store = new GasKVStore(this.multiStore.getStore(name), this.gasMeter, DEFAULT_KV_GAS_CONFIG);
      this.stores.set(name, store);
    }
    return store;
  }

  emit(event: Event): void {
    this.events.emit(event);
  }

  get blockHeight(): bigint {
    return this.header.height;
  }

  /** The same context over another state view (a message branch) with its own event sink. */
  withMultiStore(multiStore: MultiStore, events: EventManager = this.events): Context {
    return new Context(multiStore, this.header, this.mode, this.gasMeter, events, this.txBytes);
  }

  get isCheckTx(): boolean {
    return this.mode === "check" || this.mode === "recheck";
  }
}
