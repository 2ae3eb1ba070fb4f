/** The block time of a staking context, in Unix nanoseconds (the only clock on staking's paths). */
import { fromTimestamp } from "../register/logic/time.js";
import type { StakingContext, WriteContext } from "./expected.js";
import type { UnixNanos } from "./types.js";

export function blockTimeOf(ctx: StakingContext): UnixNanos {
  return fromTimestamp(ctx.header.time);
}

/** A write context that must carry the block header (Slash and the hooks need height and time). */
export function withHeader(ctx: WriteContext, what: string): StakingContext {
  if (ctx.header === undefined) throw new Error(`staking ${what} needs a context with the block header (pass the baseapp Context)`);
  return ctx as StakingContext;
}
