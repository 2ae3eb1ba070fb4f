import type { DescMessage } from "@bufbuild/protobuf";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import type { Event, ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import type { ConsensusParams } from "cosmjs-types/tendermint/types/params";
import type { BranchMultiStore, MultiStore, MultiStoreReader, StoreKind, StoreName } from "../store/types.js";
import type { Context, ReadContext } from "./context.js";
import type { MsgRoute } from "./msgs.js";
import type { QueryHandler } from "./queryRouter.js";
import type { Invariant } from "./invariants.js";

/** What a block-level hook knows about the block being executed (the parts of the header ABCI 2.0 gives). */
export interface BlockHeader {
  readonly chainId: string;
  readonly height: bigint;
  /** Block time from FinalizeBlock (genesis time during InitChain); the only clock on consensus paths. */
  readonly time: Timestamp;
  readonly proposerAddress: Uint8Array;
  /**
   * What CometBFT tells FinalizeBlock about consensus (the SDK's `ctx.CometInfo()` and `VoteInfos()`):
   * absent during InitChain, CheckTx and queries, where the SDK has none either.
   */
  readonly comet?: CometBlockInfo;
  /**
   * The consensus params of `RequestInitChain` (the genesis file's `consensus_params`), present during
   * InitChain only: modules that depend on them (evidence's max age) keep what they need in their store.
   */
  readonly consensusParams?: ConsensusParams;
}

/** `RequestFinalizeBlock` beyond the header fields: the last commit's votes, misbehaviour, hashes. */
export interface CometBlockInfo {
  /** `decided_last_commit.votes`, in CometBFT's order (the validator set of the previous height). */
  readonly votes: readonly CommitVote[];
  readonly misbehavior: readonly Misbehaviour[];
  /** This block's hash. */
  readonly blockHash: Uint8Array;
  readonly nextValidatorsHash: Uint8Array;
}

export interface CommitVote {
  /** 20-byte consensus address. */
  readonly validatorAddress: Uint8Array;
  readonly power: bigint;
  /** CometBFT `BlockIDFlag`: 1 ABSENT, 2 COMMIT, 3 NIL. */
  readonly blockIdFlag: number;
}

/** A `Misbehavior` entry: evidence CometBFT committed in this block. */
export interface Misbehaviour {
  readonly kind: "duplicate_vote" | "light_client_attack" | "unknown";
  readonly validatorAddress: Uint8Array;
  /** The validator's power at `height`. */
  readonly power: bigint;
  /** Height of the infraction. */
  readonly height: bigint;
  readonly time: Timestamp;
  readonly totalVotingPower: bigint;
}

/** Execution modes of the SDK's baseapp (`execMode`). */
export type ExecMode = "check" | "recheck" | "simulate" | "finalize" | "initGenesis";

/** A store a module asks baseapp to mount. */
export interface StoreRegistration {
  readonly name: StoreName;
  readonly kind: StoreKind;
}

/**
 * What baseapp knows of a module (architecture.md): its stores, messages, queries and block-level
 * hooks. The app (app/node) decides the order of each phase; baseapp only runs the lists it is given.
 */
export interface ModuleHooks {
  readonly name: string;
  readonly stores?: readonly StoreRegistration[];
  /** Message routes by type URL. */
  readonly msgs?: readonly MsgRoute[];
  /**
   * Message types an Any inside this module's messages may name (e.g. the node public keys of register
   * messages): the tx decoder resolves them, as the SDK's interface registry does.
   */
  readonly anyTypes?: readonly DescMessage[];
  /** gRPC query methods by full path ("/cosmos.bank.v1beta1.Query/Balance"). */
  readonly queries?: Readonly<Record<string, QueryHandler>>;
  /**
   * The module's invariants by name (SDK `RegisterInvariants`): each returns a description of what is
   * broken, or undefined. Tests check them after every block; crisis will expose them on chain.
   */
  readonly invariants?: Readonly<Record<string, Invariant>>;
  /** Apply this module's part of genesis `app_state` (already parsed JSON, `undefined` if absent). */
  initGenesis?(ctx: Context, genesis: unknown): readonly ValidatorUpdate[] | void;
  /** The inverse of initGenesis: this module's `app_state` JSON. */
  exportGenesis?(ctx: ReadContext): unknown;
  beginBlock?(ctx: Context): void;
  endBlock?(ctx: Context): readonly ValidatorUpdate[] | void;
}

/** The module lists per phase; the orders differ (spec-chain.md §8). */
export interface ModulePhases {
  readonly initGenesis: readonly ModuleHooks[];
  readonly beginBlock: readonly ModuleHooks[];
  readonly endBlock: readonly ModuleHooks[];
}

/** Every module of the phases once, in first-seen order (InitGenesis order first). */
export function allModules(phases: ModulePhases): ModuleHooks[] {
  const seen = new Set<string>();
  const out: ModuleHooks[] = [];
  for (const m of [...phases.initGenesis, ...phases.beginBlock, ...phases.endBlock]) {
    if (seen.has(m.name)) continue;
    seen.add(m.name);
    out.push(m);
  }
  return out;
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
  /** Simulate on a throw-away branch of `state`: no signature or fee checks, unlimited gas. */
  simulate(state: MultiStore, header: BlockHeader, tx: Uint8Array): SimulationOutcome;
  /**
   * Optional: state-free work for a CheckTx that just arrived (e.g. signature checks on workers),
   * reading `state` as it stands. CheckTx waits for the promise, then runs as usual.
   */
  prepare?(state: MultiStoreReader, header: BlockHeader, tx: Uint8Array): Promise<void> | undefined;
}

/** A simulation's outcome plus the message responses (for SimulateResponse.result.msg_responses). */
export interface SimulationOutcome {
  readonly outcome: TxOutcome;
  readonly msgResponses: readonly { readonly typeUrl: string; readonly value: Uint8Array }[];
}
