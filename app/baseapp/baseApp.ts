import {
  ResponseApplySnapshotChunk_Result,
  ResponseOfferSnapshot_Result,
  ResponseProcessProposal_ProposalStatus,
  ResponseVerifyVoteExtension_VerifyStatus,
  CheckTxType,
  MisbehaviorType,
  type ExecTxResult,
  type RequestCheckTx,
  type RequestApplySnapshotChunk,
  type RequestFinalizeBlock,
  type RequestInfo,
  type RequestInitChain,
  type RequestLoadSnapshotChunk,
  type RequestOfferSnapshot,
  type RequestPrepareProposal,
  type RequestQuery,
  type ResponseApplySnapshotChunk,
  type ResponseCheckTx,
  type ResponseCommit,
  type ResponseExtendVote,
  type ResponseFinalizeBlock,
  type ResponseInfo,
  type ResponseInitChain,
  type ResponseListSnapshots,
  type ResponseLoadSnapshotChunk,
  type ResponseOfferSnapshot,
  type ResponsePrepareProposal,
  type ResponseProcessProposal,
  type ResponseQuery,
  type ResponseVerifyVoteExtension,
  type ValidatorUpdate,
} from "cosmjs-types/tendermint/abci/types";
import { ConsensusParams } from "cosmjs-types/tendermint/types/params";
import { equalBytes } from "../store/bytes.js";
import type { Application } from "../abci/application.js";
import type { BranchMultiStore, CommitInfo, CommitMultiStore, MultiStore } from "../store/types.js";
import { allModules, type BlockHeader, type CometBlockInfo, type ModulePhases, type TxOutcome, type TxPipeline } from "./block.js";
import { Context } from "./context.js";
import { EventManager } from "./events.js";
import { selectTxsWithinBytes } from "./proposal.js";
import { type GrpcAnswer, QueryRouter } from "./queryRouter.js";
import { BasicGasMeter } from "./gas.js";
import { ErrTxDecode, toAbciError } from "./errors.js";
import { handleSimulate, SIMULATE_PATH } from "./tx/simulate.js";
import { blockRetentionHeight } from "./retainHeight.js";

const CHAIN_ID_META = "chain_id";
/** Block time of the last committed block: the CheckTx header after a restart. */
const LAST_HEADER_TIME_META = "last_block_time";
/** InitChain's consensus params (tendermint.types.ConsensusParams): evidence age for retain_height, the block's max_gas. */
const CONSENSUS_PARAMS_META = "consensus_params";

/** The metadata a state sync snapshot carries beside the trees; a restored node needs the chain id. */
export const SNAPSHOT_META = { allowed: new Set([CHAIN_ID_META, LAST_HEADER_TIME_META, CONSENSUS_PARAMS_META]), required: [CHAIN_ID_META] } as const;

/** State sync (app/snapshots/manager.ts): baseapp only forwards the snapshot connection to it. */
export interface SnapshotService {
  /** Right after a Commit, with the metadata a snapshot of that height carries. */
  afterCommit(height: number, meta: ReadonlyMap<string, Uint8Array>): void;
  /** snapshot-interval × snapshot-keep-recent. */
  retentionBlocks(): number;
  listSnapshots(): ResponseListSnapshots;
  loadSnapshotChunk(req: RequestLoadSnapshotChunk): Promise<ResponseLoadSnapshotChunk>;
  offerSnapshot(req: RequestOfferSnapshot): Promise<ResponseOfferSnapshot>;
  applySnapshotChunk(req: RequestApplySnapshotChunk, onRestored: (info: CommitInfo) => void): Promise<ResponseApplySnapshotChunk>;
}

export interface BaseAppOptions {
  readonly store: CommitMultiStore;
  readonly modules: ModulePhases;
  readonly queries: QueryRouter;
  /** Missing until the tx pipeline is wired: every tx then fails with a decode error. */
  readonly txs?: TxPipeline;
  /**
   * InitChain refuses a genesis whose modules make no validator set (the SDK module manager's rule;
   * CometBFT cannot run without one). Off for apps without a staking module.
   */
  readonly requireGenesisValidators?: boolean;
  /** Reported by Info. */
  readonly name: string;
  readonly version: string;
  /** State sync snapshots; without it none are offered and none are restored. */
  readonly snapshots?: SnapshotService;
  /** app.toml `min-retain-blocks` (0, the default: CometBFT keeps every block). */
  readonly minRetainBlocks?: number;
  /**
   * The node's `halt-height` / `halt-time` (app.toml, SDK semantics): once a block at or above the
   * height, or with a time at or after the time (Unix seconds), is committed, `onHalt` is called and
   * the app refuses further blocks. 0 / undefined: off.
   */
  readonly halt?: HaltOptions;
}

export interface HaltOptions {
  readonly height?: bigint;
  readonly time?: bigint;
  /** Called after the Commit that reached the halt point, with the reason; the node should stop. */
  readonly onHalt: (reason: string) => void;
}

/**
 * The block life cycle of a Cosmos SDK app over ABCI 2.0 (abci-cosmjs.md §1.5, §1.7):
 * InitChain → per height [Prepare/ProcessProposal] → FinalizeBlock (begin-block hooks, every tx,
 * end-block hooks, app hash) → Commit (one atomic write). Three state views:
 * - committed state (immutable, last Commit): Query;
 * - the CheckTx state: a branch of the committed state, reset at every Commit;
 * - the FinalizeBlock state: a branch of the store's working version, written into it at the end of
 *   FinalizeBlock (to compute the app hash) and persisted at Commit.
 * Every handler is synchronous except Commit (disk). The ABCI server never runs two at once.
 */
export class BaseApp implements Application {
  private readonly store: CommitMultiStore;
  private readonly modules: ModulePhases;
  private readonly queries: QueryRouter;
  private readonly txs: TxPipeline | undefined;
  private chainId = "";
  private checkState: BranchMultiStore;
  private checkHeader: BlockHeader;
  /** State written by InitChain and FinalizeBlock, not yet committed. */
  private finalizeState: BranchMultiStore | undefined;
  /** CheckTx requests whose preparation is in flight, by the request's tx bytes object. */
  private readonly preparing = new WeakMap<Uint8Array, Promise<void>>();
  /** The consensus params' block.max_gas (0: no limit). */
  private maxBlockGas = 0n;
  /**
   * Set between FinalizeBlock and Commit: the block's header and app hash, the request, and the
   * response, handed out again if CometBFT sends the very same block once more.
   */
  private pendingBlock: { height: bigint; appHash: Uint8Array; header: BlockHeader; request: RequestFinalizeBlock; response: ResponseFinalizeBlock } | undefined;
  /**
   * Why this app takes no more blocks: a FinalizeBlock that failed (its writes were dropped and the
   * process must restart from the last commit), or the halt height/time was reached.
   */
  private stopped: string | undefined;

  constructor(private readonly options: BaseAppOptions) {
    this.store = options.store;
    this.modules = options.modules;
    this.queries = options.queries;
    this.txs = options.txs;
    this.checkHeader = this.committedHeader({ seconds: 0n, nanos: 0 });
    this.checkState = this.store.committed().branch();
    this.loadCommittedState();
    const txs = this.txs;
    if (txs) {
      // Simulate runs on a copy of the CheckTx state, as the SDK does (pending txs' sequences count).
      this.queries.register(SIMULATE_PATH, (_ctx, request) =>
        handleSimulate(request, (tx) => txs.simulate(this.checkState, this.checkHeader, tx)),
      );
    }
  }

  /** Chain id, CheckTx header and CheckTx state from the committed store (start, or after a restore). */
  private loadCommittedState(): void {
    const chainId = this.store.getMeta(CHAIN_ID_META);
    if (chainId) this.chainId = new TextDecoder().decode(chainId);
    this.maxBlockGas = readMaxBlockGas(this.store.getMeta(CONSENSUS_PARAMS_META));
    const last = this.store.getMeta(LAST_HEADER_TIME_META);
    this.checkHeader = this.committedHeader(last ? decodeTime(last) : { seconds: 0n, nanos: 0 });
    this.checkState = this.store.committed().branch();
  }

  /** Mount every module store. Call before `store.load()`. */
  static mountStores(store: CommitMultiStore, modules: ModulePhases): void {
    for (const m of allModules(modules)) for (const s of m.stores ?? []) store.mount(s.name, s.kind);
  }

  get lastHeight(): number {
    return this.store.lastCommit().height;
  }

  get currentChainId(): string {
    return this.chainId;
  }

  // ---------------------------------------------------------------- query connection

  info(_req: RequestInfo): ResponseInfo {
    const last = this.store.lastCommit();
    // Report the last committed height: 0 makes CometBFT resend InitChain and replay every block.
    return {
      data: this.options.name,
      version: this.options.version,
      appVersion: 0n,
      lastBlockHeight: BigInt(last.height),
      lastBlockAppHash: last.appHash,
    };
  }

  query(req: RequestQuery): ResponseQuery | Promise<ResponseQuery> {
    return this.queries.handle(req, this.store, this.chainId);
  }

  /**
   * A gRPC query method against committed state, for the node's gRPC and REST servers: it reads the
   * committed store directly and never goes through the ABCI connections. Errors are thrown as the
   * handler raised them; undefined when no module serves `path`.
   */
  grpcQuery(path: string, data: Uint8Array, height: bigint): GrpcAnswer | Promise<GrpcAnswer> | undefined {
    return this.queries.callGrpc(path, data, height, this.store, this.chainId);
  }

  /** True when a module (or baseapp: Simulate) serves this gRPC method path. */
  servesQuery(path: string): boolean {
    return this.queries.has(path);
  }

  // ---------------------------------------------------------------- mempool connection

  /** Starts the pipeline's state-free work for a new CheckTx as it arrives (see TxPipeline.prepare). */
  onCheckTxReceived(req: RequestCheckTx): void {
    if (req.type === CheckTxType.RECHECK || !this.txs?.prepare) return;
    const pending = this.txs.prepare(this.checkState, this.checkHeader, req.tx);
    if (pending) this.preparing.set(req.tx, pending);
  }

  checkTx(req: RequestCheckTx): ResponseCheckTx | Promise<ResponseCheckTx> {
    const pending = this.preparing.get(req.tx);
    if (pending) {
      this.preparing.delete(req.tx);
      // Whatever the preparation did only warmed caches; CheckTx itself decides, on the state as it is now.
      return pending.then(
        () => this.checkTxNow(req),
        () => this.checkTxNow(req),
      );
    }
    return this.checkTxNow(req);
  }

  private checkTxNow(req: RequestCheckTx): ResponseCheckTx {
    const recheck = req.type === CheckTxType.RECHECK;
    const outcome = this.txs
      ? this.txs.check(this.checkState, this.checkHeader, req.tx, recheck)
      : noPipelineOutcome();
    return { ...outcome, info: "", events: [...outcome.events] };
  }

  // ---------------------------------------------------------------- consensus connection

  initChain(req: RequestInitChain): ResponseInitChain {
    if (req.initialHeight > 1n) {
      throw new Error(`InitChain: initial_height ${req.initialHeight} is not supported (only 1)`);
    }
    if (this.lastHeight !== 0) throw new Error(`InitChain: the store already holds height ${this.lastHeight}`);
    this.chainId = req.chainId;
    this.store.setMeta(CHAIN_ID_META, new TextEncoder().encode(req.chainId));
    if (req.consensusParams) {
      const encoded = ConsensusParams.encode(req.consensusParams).finish();
      this.store.setMeta(CONSENSUS_PARAMS_META, encoded);
      this.maxBlockGas = readMaxBlockGas(encoded);
    }
    const appState = parseAppState(req.appStateBytes);
    // Genesis runs at height 0, as the SDK's InitChain header (gentxs: no fee gas, account number 0).
    const header: BlockHeader = { chainId: req.chainId, height: 0n, time: req.time, proposerAddress: new Uint8Array(), maxBlockGas: this.maxBlockGas };
    const state = this.store.working().branch();
    this.finalizeState = state;
    const genesisHeader: BlockHeader = req.consensusParams ? { ...header, consensusParams: req.consensusParams } : header;
    // Genesis transactions run through the tx pipeline against the genesis state; their events are discarded.
    const deliverGenesisTx = (tx: Uint8Array): TxOutcome => this.deliverTx(state, genesisHeader, tx, undefined);
    const ctx = Context.forBlock(state, genesisHeader, "initGenesis", new EventManager(), deliverGenesisTx);
    let validators: readonly ValidatorUpdate[] = [];
    let setBy: string | undefined;
    for (const m of this.modules.initGenesis) {
      const updates = m.initGenesis?.(ctx, appState[m.name]);
      if (!updates || updates.length === 0) continue;
      // SDK module manager: one module makes the genesis validator set.
      if (setBy !== undefined) throw new Error(`InitChain: validator InitGenesis updates already set by ${setBy}, then ${m.name} returned more`);
      setBy = m.name;
      validators = updates;
    }
    if (this.options.requireGenesisValidators && validators.length === 0) {
      throw new Error(
        "InitChain: validator set is empty after InitGenesis, please ensure at least one validator is initialized with a delegation " +
          "greater than or equal to the DefaultPowerReduction (1000000000000000 wei)",
      );
    }
    checkRequestedValidators(req.validators, validators);
    // As in the SDK, CheckTx keeps reading committed state (empty until block initial_height commits).
    this.checkHeader = header;
    // The app hash of the genesis header stays empty: state is committed with block initial_height.
    return { validators: [...validators], appHash: new Uint8Array() };
  }

  prepareProposal(req: RequestPrepareProposal): ResponsePrepareProposal {
    return { txs: selectTxsWithinBytes(req.txs, req.maxTxBytes) };
  }

  processProposal(): ResponseProcessProposal {
    // FinalizeBlock gives every bad tx a result code, so no proposal needs rejecting here.
    return { status: ResponseProcessProposal_ProposalStatus.ACCEPT };
  }

  extendVote(): ResponseExtendVote {
    return { voteExtension: new Uint8Array() };
  }

  verifyVoteExtension(): ResponseVerifyVoteExtension {
    return { status: ResponseVerifyVoteExtension_VerifyStatus.ACCEPT };
  }

  /**
   * Executes a block. If anything throws (a module refusing the block, e.g. upgrade at a plan height
   * this binary has no handler for, or a bug), every write of the block is dropped and the app takes
   * no more blocks: nothing partial can be committed, and after a restart CometBFT replays the same
   * height from the last commit.
   */
  finalizeBlock(req: RequestFinalizeBlock): ResponseFinalizeBlock {
    if (this.stopped !== undefined) throw new Error(`FinalizeBlock refused: ${this.stopped}`);
    try {
      return this.executeBlock(req);
    } catch (e) {
      this.finalizeState?.discard();
      this.finalizeState = undefined;
      this.pendingBlock = undefined;
      this.stopped = `a FinalizeBlock at height ${req.height} failed (${e instanceof Error ? e.message : String(e)}); restart the node`;
      throw e;
    }
  }

  private executeBlock(req: RequestFinalizeBlock): ResponseFinalizeBlock {
    const expected = BigInt(this.lastHeight + 1);
    if (req.height !== expected) {
      throw new Error(`FinalizeBlock: got height ${req.height}, the store expects ${expected}`);
    }
    if (this.pendingBlock !== undefined) {
      // CometBFT restarted without this process after a FinalizeBlock it never committed (an app out of
      // process can outlive its CometBFT), and its handshake replays that block. Its execution is
      // already in the working trees: the same block gets the same answer; re-executing it on top would
      // commit a wrong state, and a different block at this height cannot be taken without a reload.
      if (sameBlock(this.pendingBlock.request, req)) return this.pendingBlock.response;
      throw new Error(`FinalizeBlock: a different block at height ${req.height} after one never committed; restart the app, then CometBFT`);
    }
    const header: BlockHeader = {
      chainId: this.chainId,
      height: req.height,
      time: req.time,
      proposerAddress: req.proposerAddress,
      comet: cometBlockInfo(req),
      maxBlockGas: this.maxBlockGas,
    };
    const state = this.finalizeState ?? this.store.working().branch();
    this.finalizeState = state;
    const blockEvents = new EventManager();

    const beginCtx = Context.forBlock(state, header, "finalize", blockEvents);
    for (const m of this.modules.beginBlock) m.beginBlock?.(beginCtx);

    // SDK BeginBlock: a limited block gas meter when max_gas is set.
    const blockGas = this.maxBlockGas > 0n ? new BasicGasMeter(this.maxBlockGas) : undefined;
    const txResults: ExecTxResult[] = req.txs.map((tx) => toExecTxResult(this.deliverTx(state, header, tx, blockGas)));

    let validatorUpdates: readonly ValidatorUpdate[] = [];
    const endCtx = Context.forBlock(state, header, "finalize", blockEvents);
    for (const m of this.modules.endBlock) {
      const updates = m.endBlock?.(endCtx);
      if (updates && updates.length > 0) validatorUpdates = updates;
    }

    state.write();
    this.store.setMeta(LAST_HEADER_TIME_META, encodeTime(req.time));
    const appHash = this.store.workingHash();
    const response: ResponseFinalizeBlock = {
      events: [...blockEvents.events],
      txResults,
      validatorUpdates: [...validatorUpdates],
      consensusParamUpdates: undefined,
      appHash,
    };
    this.pendingBlock = { height: req.height, appHash, header, request: req, response };
    return response;
  }

  async commit(): Promise<ResponseCommit> {
    if (!this.pendingBlock) throw new Error(this.stopped !== undefined ? `Commit refused: ${this.stopped}` : "Commit: no finalized block to commit");
    const committed = await this.store.commit();
    if (BigInt(committed.height) !== this.pendingBlock.height) {
      throw new Error(`Commit: store committed height ${committed.height}, expected ${this.pendingBlock.height}`);
    }
    // CheckTx continues from the committed block's header (SDK `setCheckState(header)`).
    this.checkHeader = this.pendingBlock.header;
    this.pendingBlock = undefined;
    this.finalizeState = undefined;
    this.checkState = this.store.committed().branch();
    this.options.snapshots?.afterCommit(committed.height, this.snapshotMeta());
    this.checkHalt(this.checkHeader);
    // With min-retain-blocks 0 (the default) every block stays in CometBFT: full replay and old
    // block queries keep working.
    const retainHeight = blockRetentionHeight(BigInt(committed.height), {
      minRetainBlocks: this.options.minRetainBlocks ?? 0,
      evidenceMaxAgeNumBlocks: this.evidenceMaxAgeNumBlocks(),
      snapshotRetentionBlocks: this.options.snapshots?.retentionBlocks() ?? 0,
    });
    return { retainHeight };
  }

  /** The metadata a snapshot of the last committed height carries (SNAPSHOT_META). */
  private snapshotMeta(): Map<string, Uint8Array> {
    const meta = new Map<string, Uint8Array>();
    for (const key of SNAPSHOT_META.allowed) {
      const value = this.store.getMeta(key);
      if (value !== undefined) meta.set(key, value);
    }
    return meta;
  }

  private evidenceMaxAgeNumBlocks(): bigint {
    const raw = this.store.getMeta(CONSENSUS_PARAMS_META);
    return raw ? (ConsensusParams.decode(raw).evidence?.maxAgeNumBlocks ?? 0n) : 0n;
  }

  /**
   * SDK v0.47 `Commit`: the block that reaches halt-height or halt-time is committed (its ResponseCommit
   * still goes out), then the node stops, so that it restarts cleanly with the setting moved.
   */
  private checkHalt(header: BlockHeader): void {
    const halt = this.options.halt;
    if (!halt) return;
    let reason: string | undefined;
    if (halt.height !== undefined && halt.height > 0n && header.height >= halt.height) reason = `halt-height ${halt.height} reached at height ${header.height}`;
    else if (halt.time !== undefined && halt.time > 0n && header.time.seconds >= halt.time) reason = `halt-time ${halt.time} reached at height ${header.height}`;
    if (reason === undefined) return;
    this.stopped = `halting node per configuration: ${reason}`;
    halt.onHalt(reason);
  }

  // ---------------------------------------------------------------- snapshot connection (state sync)

  listSnapshots(): ResponseListSnapshots {
    return this.options.snapshots?.listSnapshots() ?? { snapshots: [] };
  }

  offerSnapshot(req: RequestOfferSnapshot): ResponseOfferSnapshot | Promise<ResponseOfferSnapshot> {
    return this.options.snapshots?.offerSnapshot(req) ?? { result: ResponseOfferSnapshot_Result.REJECT };
  }

  loadSnapshotChunk(req: RequestLoadSnapshotChunk): ResponseLoadSnapshotChunk | Promise<ResponseLoadSnapshotChunk> {
    return this.options.snapshots?.loadSnapshotChunk(req) ?? { chunk: new Uint8Array() };
  }

  applySnapshotChunk(req: RequestApplySnapshotChunk): ResponseApplySnapshotChunk | Promise<ResponseApplySnapshotChunk> {
    const snapshots = this.options.snapshots;
    if (!snapshots) return { result: ResponseApplySnapshotChunk_Result.ABORT, refetchChunks: [], rejectSenders: [] };
    // Once the last chunk is in, the store holds the snapshot's height: CheckTx and queries start from it.
    return snapshots.applySnapshotChunk(req, () => this.loadCommittedState());
  }

  // ---------------------------------------------------------------- internals

  private deliverTx(state: MultiStore, header: BlockHeader, tx: Uint8Array, blockGas: BasicGasMeter | undefined): TxOutcome {
    return this.txs ? this.txs.deliver(state, header, tx, blockGas) : noPipelineOutcome();
  }

  /** The header of the last committed block as CheckTx sees it (SDK: the CheckTx context's header). */
  private committedHeader(time: BlockHeader["time"]): BlockHeader {
    return { chainId: this.chainId, height: BigInt(this.lastHeight), time, proposerAddress: new Uint8Array(), maxBlockGas: this.maxBlockGas };
  }
}

/** block.max_gas of stored consensus params; -1 (CometBFT's "no limit") and absence give 0. */
function readMaxBlockGas(encoded: Uint8Array | undefined): bigint {
  if (!encoded) return 0n;
  const maxGas = ConsensusParams.decode(encoded).block?.maxGas ?? 0n;
  return maxGas > 0n ? maxGas : 0n;
}

function encodeTime(t: BlockHeader["time"]): Uint8Array {
  return new TextEncoder().encode(`${t.seconds}.${t.nanos}`);
}

function decodeTime(b: Uint8Array): BlockHeader["time"] {
  const [s, n] = new TextDecoder().decode(b).split(".");
  return { seconds: BigInt(s ?? "0"), nanos: Number(n ?? "0") };
}

function noPipelineOutcome(): TxOutcome {
  const err = toAbciError(ErrTxDecode.wrap("no transaction decoder is installed"));
  return { ...err, data: new Uint8Array(), gasWanted: 0n, gasUsed: 0n, events: [] };
}

function toExecTxResult(o: TxOutcome): ExecTxResult {
  return { code: o.code, codespace: o.codespace, log: o.log, info: "", data: o.data, gasWanted: o.gasWanted, gasUsed: o.gasUsed, events: [...o.events] };
}

/**
 * A genesis file that lists validators must list exactly the set InitGenesis made (SDK baseapp
 * InitChain: both sorted by key, then compared); CometBFT takes the set from the response otherwise.
 */
function checkRequestedValidators(requested: readonly ValidatorUpdate[], made: readonly ValidatorUpdate[]): void {
  if (requested.length === 0) return;
  const text = (u: ValidatorUpdate): string => `${Buffer.from(u.pubKey.ed25519 ?? u.pubKey.secp256k1 ?? new Uint8Array()).toString("hex")}:${u.power}`;
  const a = requested.map(text).sort();
  const b = made.map(text).sort();
  if (a.length !== b.length || a.some((x, i) => x !== b[i])) {
    throw new Error(`InitChain: the genesis validators (${a.join(", ")}) are not the set InitGenesis made (${b.join(", ")})`);
  }
}

/** Genesis `app_state` is a JSON object keyed by module name; empty bytes mean no app state. */
function parseAppState(bytes: Uint8Array): Record<string, unknown> {
  if (bytes.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new Error(`InitChain: app_state is not valid JSON: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error("InitChain: app_state must be a JSON object keyed by module name");
  }
  return parsed as Record<string, unknown>;
}

/** The consensus facts of a FinalizeBlock request, in the shape block hooks read. */
function cometBlockInfo(req: RequestFinalizeBlock): CometBlockInfo {
  return {
    votes: (req.decidedLastCommit?.votes ?? []).map((v) => ({
      validatorAddress: v.validator?.address ?? new Uint8Array(),
      power: v.validator?.power ?? 0n,
      blockIdFlag: v.blockIdFlag,
    })),
    misbehavior: req.misbehavior.map((m) => ({
      kind: m.type === MisbehaviorType.DUPLICATE_VOTE ? "duplicate_vote" : m.type === MisbehaviorType.LIGHT_CLIENT_ATTACK ? "light_client_attack" : "unknown",
      validatorAddress: m.validator?.address ?? new Uint8Array(),
      power: m.validator?.power ?? 0n,
      height: m.height,
      time: m.time ?? { seconds: 0n, nanos: 0 },
      totalVotingPower: m.totalVotingPower,
    })),
    blockHash: req.hash,
    nextValidatorsHash: req.nextValidatorsHash,
  };
}

/**
 * Whether two FinalizeBlock requests carry the same block. CometBFT's block hash commits to all of it;
 * the txs, time and proposer are compared too, for callers (tests) that leave the hash empty.
 */
function sameBlock(a: RequestFinalizeBlock, b: RequestFinalizeBlock): boolean {
  return a.height === b.height && equalBytes(a.hash, b.hash) && a.time?.seconds === b.time?.seconds && a.time?.nanos === b.time?.nanos
    && equalBytes(a.proposerAddress, b.proposerAddress) && a.txs.length === b.txs.length && a.txs.every((tx, i) => equalBytes(tx, b.txs[i]!));
}
