/**
 * A test hook for fault tests: the app process exits inside Commit of a chosen height, as a crash
 * (power loss, OOM kill) would stop it there. Off unless the environment variable
 * STCHAIND_TEST_EXIT_IN_COMMIT is set:
 *
 *   STCHAIND_TEST_EXIT_IN_COMMIT=<height>:before   exit before the store writes block <height>
 *   STCHAIND_TEST_EXIT_IN_COMMIT=<height>:after    exit after the store wrote it, before CometBFT hears back
 *
 * The two sides of the one atomic store write: "before" leaves the app one block behind CometBFT's
 * block store, "after" leaves it level with the block store but ahead of CometBFT's state; CometBFT's
 * handshake must bring both back. Nothing here touches consensus: the hook only ends the process.
 */
import type { RequestCommit, RequestFinalizeBlock, ResponseCommit } from "cosmjs-types/tendermint/abci/types";
import type { Application } from "../abci/application.js";
import type { Logger } from "./logger.js";

export const EXIT_IN_COMMIT_ENV = "STCHAIND_TEST_EXIT_IN_COMMIT";
/** The exit code of the hook's crash (EX_SOFTWARE), told apart from a refusal to start (1). */
export const EXIT_IN_COMMIT_CODE = 70;

export interface ExitInCommit {
  readonly height: bigint;
  readonly when: "before" | "after";
}

/** The hook's setting from its environment variable's text; undefined when unset or empty. */
export function parseExitInCommit(text: string | undefined): ExitInCommit | undefined {
  if (text === undefined || text === "") return undefined;
  const m = /^([1-9][0-9]*):(before|after)$/.exec(text.trim());
  if (!m) throw new Error(`${EXIT_IN_COMMIT_ENV} must be <height>:before or <height>:after, got "${text}"`);
  return { height: BigInt(m[1]!), when: m[2] as "before" | "after" };
}

/** `app`, whose Commit of `hook.height` ends the process with EXIT_IN_COMMIT_CODE. */
export function withExitInCommit(app: Application, hook: ExitInCommit, logger: Logger, exit: (code: number) => never = (code) => process.exit(code)): Application {
  let finalizing: bigint | undefined;
  const crash = (): never => {
    logger.error(`${EXIT_IN_COMMIT_ENV}: exiting in Commit of height ${hook.height} (${hook.when} the store write)`);
    return exit(EXIT_IN_COMMIT_CODE);
  };
  return {
    ...bindAll(app),
    finalizeBlock: (req: RequestFinalizeBlock) => {
      finalizing = req.height;
      return app.finalizeBlock(req);
    },
    commit: async (req: RequestCommit): Promise<ResponseCommit> => {
      const hit = finalizing === hook.height;
      if (hit && hook.when === "before") crash();
      const res = await app.commit(req);
      if (hit) crash();
      return res;
    },
  };
}

/** Every method of `app` bound to it, as a plain object to spread. */
function bindAll(app: Application): Application {
  const out: Record<string, unknown> = {};
  for (const key of ["info", "query", "checkTx", "initChain", "prepareProposal", "processProposal", "extendVote", "verifyVoteExtension", "finalizeBlock", "commit", "listSnapshots", "offerSnapshot", "loadSnapshotChunk", "applySnapshotChunk", "onCheckTxReceived"] as const) {
    const f = (app as unknown as Record<string, unknown>)[key];
    if (typeof f === "function") out[key] = (f as (...args: unknown[]) => unknown).bind(app);
  }
  return out as unknown as Application;
}
