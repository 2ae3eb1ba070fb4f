/**
 * When an unbonding deposit is paid out (spec-register §5.6, §7.1): block-time based, exact to the
 * nanosecond (see time.ts for the representation).
 */
import { BondStatus } from "./bondStatus.js";
import type { UnixNanos } from "./time.js";

/** Params `unbonding_threashold_time` and `unbonding_completion_time`, as nanosecond durations. */
export interface UnbondingPeriods {
  readonly thresholdNanos: bigint;
  readonly completionNanos: bigint;
}

/**
 * Maturity of a node that starts unbonding at block time `blockTime`:
 *  - a pending (UNBONDED) meta candidate: creation + completion;
 *  - a node younger than the threshold: creation + threshold + completion;
 *  - otherwise: blockTime + completion.
 * With the defaults (180 d, 14 d) a node leaving within 180 days of creation is paid at creation + 194 d.
 */
export function unbondingMatureTime(
  status: BondStatus,
  creationTime: UnixNanos,
  blockTime: UnixNanos,
  periods: UnbondingPeriods,
): UnixNanos {
  if (status === BondStatus.Unbonded) return creationTime + periods.completionNanos;
  if (creationTime + periods.thresholdNanos > blockTime) return creationTime + periods.thresholdNanos + periods.completionNanos;
  return blockTime + periods.completionNanos;
}

/** An entry matures in the EndBlock of the first block whose time is ≥ its completion time. */
export function isUnbondingMature(completionTime: UnixNanos, blockTime: UnixNanos): boolean {
  return completionTime <= blockTime;
}
