/**
 * How old a misbehaviour may be and still be punished (spec-staking §4.1 step 2): the evidence part of
 * the consensus params CometBFT hands InitChain (genesis `consensus_params.evidence`). Evidence is too old
 * only when it is older than both limits.
 */
import type { ConsensusParams, EvidenceParams } from "cosmjs-types/tendermint/types/params";
import { NANOS_PER_SECOND } from "../register/logic/time.js";

/** `DoubleSignJailEndTime`: 9999-12-31T23:59:59Z, the jail of a double signer ("forever"). */
export const DOUBLE_SIGN_JAIL_END_TIME = 253_402_300_799n * NANOS_PER_SECOND;

export interface EvidenceAgeLimits {
  readonly maxAgeNumBlocks: bigint;
  /** Nanoseconds. */
  readonly maxAgeDurationNanos: bigint;
  /** Kept so the stored params are CometBFT's whole evidence section. */
  readonly maxBytes: bigint;
}

/** CometBFT 0.38's defaults, also stratos-1's genesis values (spec-staking §0.7): 100 000 blocks, 48 h, 1 MiB. */
export const DEFAULT_EVIDENCE_AGE_LIMITS: EvidenceAgeLimits = {
  maxAgeNumBlocks: 100_000n,
  maxAgeDurationNanos: 48n * 3_600n * NANOS_PER_SECOND,
  maxBytes: 1_048_576n,
};

/** The evidence section of InitChain's consensus params, or undefined when there is none. */
export function ageLimitsFromConsensusParams(params: ConsensusParams | undefined): EvidenceAgeLimits | undefined {
  return params?.evidence === undefined ? undefined : ageLimitsFromEvidenceParams(params.evidence);
}

export function ageLimitsFromEvidenceParams(e: EvidenceParams): EvidenceAgeLimits {
  const d = e.maxAgeDuration;
  return {
    maxAgeNumBlocks: e.maxAgeNumBlocks,
    maxAgeDurationNanos: d === undefined ? 0n : d.seconds * NANOS_PER_SECOND + BigInt(d.nanos),
    maxBytes: e.maxBytes,
  };
}

/** Both limits exceeded (the reference's `ageDuration > MaxAgeDuration && ageBlocks > MaxAgeNumBlocks`). */
export function isTooOld(limits: EvidenceAgeLimits, ageNanos: bigint, ageBlocks: bigint): boolean {
  return ageNanos > limits.maxAgeDurationNanos && ageBlocks > limits.maxAgeNumBlocks;
}
