/**
 * What the node says when its application database cannot be used at start: one message naming the
 * file and the ways out. The node never starts from such a database: a state it cannot read back
 * whole would answer CometBFT's handshake with a wrong height or app hash, or fail in the middle of
 * a block.
 */
import path from "node:path";
import { StoreDataError } from "../store/db/storeDb.js";

/** The refusal for `error` (a StoreDataError of `<home>/data/application.db`); other errors as they are. */
export function refuseDamagedStore(home: string, error: unknown): Error {
  if (!(error instanceof StoreDataError)) return error instanceof Error ? error : new Error(String(error));
  const db = path.join(home, "data", "application.db");
  const fix = /LOCK$/.test(error.file)
    ? "stop the other process using this home first"
    : `stop the node, then restore ${path.join(home, "data")} from a backup taken while the node was stopped; ` +
      `or move ${db} away and start again, so that CometBFT replays every block from genesis (it needs its full block store); ` +
      `or reset the node (move ${db} away and run 'cometbft unsafe-reset-all --home ${home}') and rejoin by state sync`;
  const refused = new Error(`${error.message}. The node refuses to start from this application database. Fix: ${fix}`);
  refused.name = "StoreDataError";
  return refused;
}
