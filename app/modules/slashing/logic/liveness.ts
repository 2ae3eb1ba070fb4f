/**
 * The liveness arithmetic of x/slashing (spec-staking §3.2, §3.4; SDK v0.47 `HandleValidatorSignature`),
 * pure: the thresholds derived from the params, one vote's effect on the circular missed-block bitmap,
 * the downtime test and the height a downtime slash looks back to. The keeper (beginBlock.ts) does the
 * state I/O around them.
 */
import type { Dec } from "../../../math/dec.js";

/** `sdk.ValidatorUpdateDelay`: a validator-set change made at H is used by CometBFT from H + 1 + 1. */
export const VALIDATOR_UPDATE_DELAY = 1n;

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/**
 * `MinSignedPerWindow`: `RoundInt64(min_signed_per_window × window)`, half to even (500 on mainnet:
 * 0.05 × 10 000). Go panics when the rounded value leaves int64; so does this.
 */
export function minSignedPerWindow(minSigned: Dec, window: bigint): bigint {
  const n = minSigned.mulInt(window).roundInt();
  if (n > INT64_MAX || n < INT64_MIN) throw new RangeError(`minSignedPerWindow: ${n} overflows int64`);
  return n;
}

/** The most misses a window may hold without a downtime jail: `window − minSignedPerWindow` (9 500 on mainnet). */
export function maxMissedPerWindow(minSigned: Dec, window: bigint): bigint {
  return window - minSignedPerWindow(minSigned, window);
}

/**
 * The bitmap slot of a validator's next vote: `index_offset mod window` (Go's `%` on int64, which keeps
 * the sign of the dividend; offsets are never negative in practice).
 * @throws RangeError for a window of 0 (Go panics: integer divide by zero)
 */
export function windowIndex(indexOffset: bigint, window: bigint): bigint {
  if (window === 0n) throw new RangeError("windowIndex: signed blocks window is 0 (integer divide by zero)");
  return indexOffset % window;
}

/** What one vote does to its bitmap slot and the missed counter. */
export interface SlotChange {
  /** The slot's new value, or undefined when it keeps its value (nothing to write). */
  readonly write: boolean | undefined;
  readonly counterDelta: -1n | 0n | 1n;
}

/** A miss over a clear slot sets it (+1); a signature over a set slot clears it (−1); otherwise nothing changes. */
export function recordVote(previouslyMissed: boolean, missed: boolean): SlotChange {
  if (!previouslyMissed && missed) return { write: true, counterDelta: 1n };
  if (previouslyMissed && !missed) return { write: false, counterDelta: -1n };
  return { write: undefined, counterDelta: 0n };
}

/**
 * Downtime is confirmed once the validator has been bonded for more than a full window
 * (`height > start_height + window`) and its window holds more misses than allowed.
 */
export function isDowntime(height: bigint, startHeight: bigint, window: bigint, missedCounter: bigint, maxMissed: bigint): boolean {
  return height > startHeight + window && missedCounter > maxMissed;
}

/**
 * The infraction height of a downtime slash at `height`: the stake that signed the last commit was
 * fixed `ValidatorUpdateDelay` blocks before it, so `height − 2`. It may be negative near genesis (it only
 * selects unbonding entries).
 */
export function downtimeInfractionHeight(height: bigint): bigint {
  return height - VALIDATOR_UPDATE_DELAY - 1n;
}
