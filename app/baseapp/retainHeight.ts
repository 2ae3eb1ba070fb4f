/**
 * `ResponseCommit.retain_height`: the lowest block height CometBFT must keep (SDK v0.47
 * `BaseApp.GetBlockRetentionHeight`). Zero keeps every block, and is the answer whenever
 * `min-retain-blocks` is 0 (the default). Otherwise the smallest non-zero of:
 *   - commitHeight − evidence max_age_num_blocks (evidence must stay verifiable),
 *   - commitHeight − snapshot-interval × snapshot-keep-recent (a node restoring the oldest snapshot
 *     fetches the blocks after it),
 *   - commitHeight − min-retain-blocks,
 * and 0 when that is not positive.
 */

export interface RetentionInputs {
  /** app.toml `min-retain-blocks`. */
  readonly minRetainBlocks: number;
  /** Consensus params `evidence.max_age_num_blocks` (0 when unknown). */
  readonly evidenceMaxAgeNumBlocks: bigint;
  /** `snapshot-interval × snapshot-keep-recent` (0 without snapshots). */
  readonly snapshotRetentionBlocks: number;
}

export function blockRetentionHeight(commitHeight: bigint, r: RetentionInputs): bigint {
  if (r.minRetainBlocks <= 0) return 0n;
  const minNonZero = (x: bigint, y: bigint): bigint => (x === 0n ? y : y === 0n ? x : x < y ? x : y);
  let retain = 0n;
  if (r.evidenceMaxAgeNumBlocks > 0n) retain = commitHeight - r.evidenceMaxAgeNumBlocks;
  if (r.snapshotRetentionBlocks > 0) retain = minNonZero(retain, commitHeight - BigInt(r.snapshotRetentionBlocks));
  retain = minNonZero(retain, commitHeight - BigInt(r.minRetainBlocks));
  return retain > 0n ? retain : 0n;
}
