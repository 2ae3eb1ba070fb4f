import type {
  RequestApplySnapshotChunk,
  RequestCheckTx,
  RequestCommit,
  RequestExtendVote,
  RequestFinalizeBlock,
  RequestInfo,
  RequestInitChain,
  RequestListSnapshots,
  RequestLoadSnapshotChunk,
  RequestOfferSnapshot,
  RequestPrepareProposal,
  RequestProcessProposal,
  RequestQuery,
  RequestVerifyVoteExtension,
  ResponseApplySnapshotChunk,
  ResponseCheckTx,
  ResponseCommit,
  ResponseExtendVote,
  ResponseFinalizeBlock,
  ResponseInfo,
  ResponseInitChain,
  ResponseListSnapshots,
  ResponseLoadSnapshotChunk,
  ResponseOfferSnapshot,
  ResponsePrepareProposal,
  ResponseProcessProposal,
  ResponseQuery,
  ResponseVerifyVoteExtension,
} from "cosmjs-types/tendermint/abci/types";

export type MaybePromise<T> = T | Promise<T>;

/**
 * What the ABCI server calls. One method per ABCI 2.0 request (CometBFT 0.38); Echo and Flush are
 * answered by the server itself. The server calls these strictly one at a time, in arrival order,
 * across all four connections — a handler may return a promise (Commit awaits the disk), and the
 * next request waits for it. Handlers must not throw for bad input (a bad tx is a result code);
 * a throw means the application is broken, and the server answers ResponseException, which makes
 * CometBFT stop.
 */
export interface Application {
  /** Query connection. Must report the last *committed* height and its app hash. */
  info(req: RequestInfo): MaybePromise<ResponseInfo>;
  query(req: RequestQuery): MaybePromise<ResponseQuery>;

  /** Mempool connection: NEW and RECHECK. */
  checkTx(req: RequestCheckTx): MaybePromise<ResponseCheckTx>;

  /** Consensus connection. */
  initChain(req: RequestInitChain): MaybePromise<ResponseInitChain>;
  prepareProposal(req: RequestPrepareProposal): MaybePromise<ResponsePrepareProposal>;
  processProposal(req: RequestProcessProposal): MaybePromise<ResponseProcessProposal>;
  extendVote(req: RequestExtendVote): MaybePromise<ResponseExtendVote>;
  verifyVoteExtension(req: RequestVerifyVoteExtension): MaybePromise<ResponseVerifyVoteExtension>;
  finalizeBlock(req: RequestFinalizeBlock): MaybePromise<ResponseFinalizeBlock>;
  /** Persist atomically, and only then answer. */
  commit(req: RequestCommit): MaybePromise<ResponseCommit>;

  /** Snapshot connection (state sync). */
  listSnapshots(req: RequestListSnapshots): MaybePromise<ResponseListSnapshots>;
  offerSnapshot(req: RequestOfferSnapshot): MaybePromise<ResponseOfferSnapshot>;
  loadSnapshotChunk(req: RequestLoadSnapshotChunk): MaybePromise<ResponseLoadSnapshotChunk>;
  applySnapshotChunk(req: RequestApplySnapshotChunk): MaybePromise<ResponseApplySnapshotChunk>;

  /**
   * Optional: called when a CheckTx request is *received*, before it is queued for serial
   * execution. Lets the app start work that does not touch state (e.g. signature verification on a
   * worker thread) so it overlaps with earlier requests. Must not touch state.
   */
  onCheckTxReceived?(req: RequestCheckTx): void;
}
