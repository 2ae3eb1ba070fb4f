/**
 * Slashing's BeginBlock (spec-staking §3.4; SDK v0.47 `HandleValidatorSignature`): every vote of the
 * last commit moves the validator's slot in its circular missed-block window; a validator bonded for a
 * full window that missed more than allowed is slashed (downtime fraction, the vote's power, infraction
 * height H − 2), jailed until block time + jail duration, and its window starts over.
 */
import type { CommitVote } from "../../baseapp/block.js";
import { fromTimestamp } from "../register/logic/time.js";
import { downtimeSlashEvent, livenessEvent } from "./events.js";
import type { BlockContext } from "./expected.js";
import { consAddrString, type SlashingKeeper } from "./keeper.js";
import type { SlashingParams } from "./params.js";
import { downtimeInfractionHeight, isDowntime, maxMissedPerWindow, recordVote, windowIndex } from "./logic/liveness.js";

/** CometBFT `BlockIDFlag` ABSENT: the only flag that counts as a miss (COMMIT and NIL are signatures). */
export const BLOCK_ID_FLAG_ABSENT = 1;

export function slashingBeginBlock(k: SlashingKeeper, ctx: BlockContext, votes: readonly CommitVote[]): void {
  if (votes.length === 0) return;
  // Params change only through messages, never inside BeginBlock: one read serves every vote.
  const params = k.getParams(ctx);
  for (const vote of votes) {
    handleValidatorSignature(k, ctx, params, vote.validatorAddress, vote.power, vote.blockIdFlag !== BLOCK_ID_FLAG_ABSENT);
  }
}

/**
 * One vote. @throws Error when an unjailed validator's vote has no signing info (the reference panics:
 * the hooks create it when the validator is bonded, so this is a broken state)
 */
export function handleValidatorSignature(
  k: SlashingKeeper, ctx: BlockContext, params: SlashingParams, consAddr: Uint8Array, power: bigint, signed: boolean,
): void {
  const height = ctx.header.height;
  // A jailed validator's votes (it stays in the set until H + 2) are not counted.
  if (k.staking.validatorByConsAddr(ctx, consAddr)?.jailed === true) return;

  const info = k.getSigningInfo(ctx, consAddr);
  if (info === undefined) throw new Error(`Expected signing info for validator ${consAddrString(consAddr)} but not found`);

  const window = params.signedBlocksWindow;
  const index = windowIndex(info.indexOffset, window);
  const missed = !signed;
  const change = recordVote(k.getMissedBlockBit(ctx, consAddr, index), missed);
  if (change.write !== undefined) k.setMissedBlockBit(ctx, consAddr, index, change.write);
  let next = { ...info, indexOffset: info.indexOffset + 1n, missedBlocksCounter: info.missedBlocksCounter + change.counterDelta };

  if (missed) ctx.emit(livenessEvent({ address: consAddrString(consAddr), missedBlocks: next.missedBlocksCounter, height }));

  const maxMissed = maxMissedPerWindow(params.minSignedPerWindow, window);
  if (isDowntime(height, next.startHeight, window, next.missedBlocksCounter, maxMissed)) {
    const validator = k.staking.validatorByConsAddr(ctx, consAddr);
    // Not found or already jailed: the reference only logs that it would have slashed.
    if (validator !== undefined && !validator.jailed) {
      const burned = k.staking.slash(ctx, consAddr, downtimeInfractionHeight(height), power, params.slashFractionDowntime);
      ctx.emit(downtimeSlashEvent({ address: consAddrString(consAddr), power, burnedCoins: burned }));
      k.staking.jail(ctx, consAddr);
      // The counter, offset and bitmap start over so the validator is not slashed again right after rebonding.
      next = { ...next, jailedUntil: fromTimestamp(ctx.header.time) + params.downtimeJailDurationNanos, missedBlocksCounter: 0n, indexOffset: 0n };
      k.clearMissedBlockBitArray(ctx, consAddr);
    }
  }
  k.setSigningInfo(ctx, consAddr, next);
}
