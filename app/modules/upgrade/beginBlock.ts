/**
 * upgrade's BeginBlock, the first of every block (spec-staking §9; SDK v0.47 `x/upgrade/abci.go`).
 *
 * At the plan's height a binary with a handler for the plan migrates and continues; a binary without
 * one must not execute the block: it reports the reference's line (`UPGRADE "<name>" NEEDED at height:
 * <h>: <info>`, with upgrade-info.json for cosmovisor, through `onUpgradeNeeded`) and throws
 * UpgradeNeededError out of FinalizeBlock, so nothing of the block is committed and the node stops;
 * restarted with a binary that has the handler, CometBFT replays the same height. A binary that already
 * has the handler before the plan's height stops too ("BINARY UPDATED BEFORE TRIGGER!").
 */
import type { Context } from "../../baseapp/context.js";
import type { UpgradeKeeper } from "./keeper.js";
import { type Plan, upgradeNeededMessage } from "./plan.js";

/** FinalizeBlock must fail: the chain needs another binary at this height. */
export class UpgradeHaltError extends Error {
  override readonly name = "UpgradeHaltError";
}

export interface UpgradeNeeded {
  readonly plan: Plan;
  /** The height of the block that was refused. */
  readonly height: bigint;
  /** The reference's log line. */
  readonly message: string;
}

export function upgradeBeginBlock(k: UpgradeKeeper, ctx: Context, onUpgradeNeeded: (n: UpgradeNeeded) => void): void {
  const height = ctx.header.height;
  const plan = k.getPlan(ctx);
  const due = plan !== undefined && plan.height > 0n && plan.height <= height;

  if (!k.downgradeVerified) {
    k.downgradeVerified = true;
    // A binary must know the last upgrade the chain applied (it may be older state otherwise).
    if (!due) {
      const last = k.lastCompleted(ctx);
      if (last !== undefined && !k.hasHandler(last.name)) {
        throw new UpgradeHaltError(`Wrong app version 0, upgrade handler is missing for ${last.name} upgrade plan`);
      }
    }
  }

  if (plan === undefined) return;
  if (due) {
    if (!k.hasHandler(plan.name)) {
      const message = upgradeNeededMessage(plan);
      onUpgradeNeeded({ plan, height, message });
      throw new UpgradeHaltError(message);
    }
    k.applyUpgrade(ctx, plan);
    return;
  }
  if (k.hasHandler(plan.name)) {
    throw new UpgradeHaltError(`BINARY UPDATED BEFORE TRIGGER! UPGRADE "${plan.name}" - in binary but not executed on chain. Downgrade your binary`);
  }
}
