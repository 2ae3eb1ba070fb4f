import type {
  RequestCommit,
  RequestFinalizeBlock,
  ResponseCommit,
  ResponseFinalizeBlock,
  ResponseInitChain,
} from "cosmjs-types/tendermint/abci/types";
import type { Application, MaybePromise } from "../abci/application.js";
import type { Logger } from "./logger.js";

/**
 * Wraps an Application to log one readable line per committed block: height, txs (and how many
 * failed), app hash prefix, execution and commit time. Wall-clock timing is observational only.
 */
export function withBlockLog(app: Application, logger: Logger): Application {
  let block: { height: bigint; txs: number; failed: number; appHash: Uint8Array; execMs: number } | undefined;
  const wrapped: Application = {
    info: (r) => app.info(r),
    query: (r) => app.query(r),
    checkTx: (r) => app.checkTx(r),
    initChain: (r) => app.initChain(r),
    prepareProposal: (r) => app.prepareProposal(r),
    processProposal: (r) => app.processProposal(r),
    extendVote: (r) => app.extendVote(r),
    verifyVoteExtension: (r) => app.verifyVoteExtension(r),
    finalizeBlock: (r) => app.finalizeBlock(r),
    commit: (r) => app.commit(r),
    listSnapshots: (r) => app.listSnapshots(r),
    offerSnapshot: (r) => app.offerSnapshot(r),
    loadSnapshotChunk: (r) => app.loadSnapshotChunk(r),
    applySnapshotChunk: (r) => app.applySnapshotChunk(r),
  };
  wrapped.initChain = (req) => {
    logger.info(`init_chain chain_id=${req.chainId} initial_height=${req.initialHeight} validators=${req.validators.length} app_state=${req.appStateBytes.length}B`);
    const started = performance.now(); // det-ok: log only
    const done = (res: ResponseInitChain): ResponseInitChain => {
      logger.info(`genesis loaded: ${res.validators.length} genesis validators, InitChain took ${(performance.now() - started).toFixed(0)}ms`); // det-ok: log only
      return res;
    };
    const res = app.initChain(req);
    return res instanceof Promise ? res.then(done) : done(res);
  };
  if (app.onCheckTxReceived) wrapped.onCheckTxReceived = (r) => app.onCheckTxReceived!(r);
  wrapped.finalizeBlock = (req: RequestFinalizeBlock): MaybePromise<ResponseFinalizeBlock> => {
    const started = performance.now(); // det-ok: log only
    const record = (res: ResponseFinalizeBlock): ResponseFinalizeBlock => {
      block = {
        height: req.height,
        txs: req.txs.length,
        failed: res.txResults.filter((r) => r.code !== 0).length,
        appHash: res.appHash,
        execMs: performance.now() - started, // det-ok: log only
      };
      return res;
    };
    const res = app.finalizeBlock(req);
    return res instanceof Promise ? res.then(record) : record(res);
  };
  wrapped.commit = async (req: RequestCommit): Promise<ResponseCommit> => {
    const started = performance.now(); // det-ok: log only
    const res = await app.commit(req);
    const commitMs = performance.now() - started; // det-ok: log only
    if (block) {
      const failed = block.failed > 0 ? ` (${block.failed} failed)` : "";
      logger.info(
        `block height=${block.height} txs=${block.txs}${failed} app_hash=${Buffer.from(block.appHash).toString("hex").slice(0, 12).toUpperCase()} exec=${block.execMs.toFixed(1)}ms commit=${commitMs.toFixed(1)}ms`,
      );
      block = undefined;
    }
    return res;
  };
  return wrapped;
}
