import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import type { Event, ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import type { BranchMultiStore, MultiStore, StoreKind, StoreName } from "../store/types.js";

/** What a block-level hook knows about the block being executed (the parts of the header ABCI 2.0 gives). */
export interface BlockHeader {
  readonly chainId: string;
  readonly height: bigint;
  /** Block time from FinalizeBlock (genesis time during InitChain); the only clock on consensus paths. */
  readonly time: Timestamp;
  readonly proposerAddress: Uint8Array;
}

/** Execution modes of the SDK's baseapp (`execMode`). */
export type ExecMode = "check" | "recheck" | "simulate" | "finalize" | "initGenesis";

/** A block-level hook's view: the block's state, its header, and where its events go. */
export interface BlockContext {
  readonly header: BlockHeader;
  readonly store: MultiStore;
  readonly mode: ExecMode;
  emit(event: Event): void;
}

/** A store a module asks baseapp to mount. */
export interface StoreRegistration {
  readonly name: StoreName;
  readonly kind: StoreKind;
}

/**
 * What baseapp knows of a module (architecture.md): its stores and its block-level hooks. The app
 * (app/node) decides the order of each phase; baseapp only runs the lists it is given.
 */
export interface ModuleHooks {
  readonly name: string;
  readonly stores?: readonly StoreRegistration[];
  /** Apply this module's part of genesis `app_state` (already parsed JSON, `undefined` if absent). */
  initGenesis?(ctx: BlockContext, genesis: unknown): readonly ValidatorUpdate[] | void;
  beginBlock?(ctx: BlockContext): void;
  endBlock?(ctx: BlockContext): readonly ValidatorUpdate[] | void;
}

/** The module lists per phase; the orders differ (spec-chain.md §8). */
export interface ModulePhases {
  readonly initGenesis: readonly ModuleHooks[];
  readonly beginBlock: readonly ModuleHooks[];
  readonly endBlock: readonly ModuleHooks[];
}

/** Output of one tx, ready for ExecTxResult / ResponseCheckTx. */
export interface TxOutcome {
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
  readonly data: Uint8Array;
  readonly gasWanted: bigint;
  readonly gasUsed: bigint;
  readonly events: readonly Event[];
}

/**
 * The transaction pipeline baseapp drives (decode, ante, message routing). Kept behind an interface
 * so baseapp's block life cycle does not depend on any module.
 */
export interface TxPipeline {
  /** CheckTx against the CheckTx state (`recheck` skips signature verification). */
  check(state: BranchMultiStore, header: BlockHeader, tx: Uint8Array, recheck: boolean): TxOutcome;
  /** FinalizeBlock execution of one tx in the block's state. */
  deliver(state: MultiStore, header: BlockHeader, tx: Uint8Array): TxOutcome;
}
