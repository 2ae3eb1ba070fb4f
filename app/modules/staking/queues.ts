/**
 * The three maturity queues (spec-staking §1.2, §1.7; SDK `keeper/delegation.go`, `keeper/validator.go`):
 * time slices of (delegator, validator) pairs, (delegator, src, dst) triplets and unbonding validators.
 * A slice is one store value per completion time (per (time, height) for validators), appended to in
 * arrival order; EndBlock pops every slice at or before the block time.
 */
import { prefixEnd } from "../../store/bytes.js";
import type { WriteContext } from "./expected.js";
import {
  REDELEGATION_QUEUE_PREFIX, UNBONDING_QUEUE_PREFIX, VALIDATOR_QUEUE_PREFIX, parseValidatorQueueKey, redelegationQueueKey, unbondingQueueKey,
  validatorQueueKey,
} from "./keys.js";
import type { StakingKeeper } from "./keeper.js";
import {
  type DVPair, type DVVTriplet, accString, decodeDVPairs, decodeDVVTriplets, decodeValAddresses, encodeDVPairs, encodeDVVTriplets,
  encodeValAddresses, valString,
} from "./store.js";
import type { Redelegation, UnbondingDelegation, UnixNanos, Validator } from "./types.js";
import type { ReadContext } from "../../baseapp/context.js";
import { formatTimeBytes } from "../register/logic/time.js";

/** Keys from `prefix` up to and including `lastKey`, in key order (`store.Iterator(prefix, InclusiveEndBytes(lastKey))`). */
function* upTo(k: StakingKeeper, ctx: ReadContext, prefix: Uint8Array, lastKey: Uint8Array): Generator<{ key: Uint8Array; value: Uint8Array }> {
  const end = new Uint8Array(lastKey.length + 1);
  end.set(lastKey);
  for (const kv of k.store(ctx).iterator(prefix, end)) yield kv;
}

// ---- unbonding delegations ---------------------------------------------------------------------

export function ubdQueueSlice(k: StakingKeeper, ctx: ReadContext, t: UnixNanos): DVPair[] {
  const bytes = k.store(ctx).get(unbondingQueueKey(t));
  return bytes === undefined ? [] : decodeDVPairs(bytes);
}

/** `InsertUBDQueue`: appends the pair to the slice of `completionTime`. */
export function insertUBDQueue(k: StakingKeeper, ctx: WriteContext, ubd: UnbondingDelegation, completionTime: UnixNanos): void {
  const pair: DVPair = { delegatorAddress: accString(ubd.delegator), validatorAddress: valString(ubd.validator) };
  k.writer(ctx).set(unbondingQueueKey(completionTime), encodeDVPairs([...ubdQueueSlice(k, ctx, completionTime), pair]));
}

/** `DequeueAllMatureUBDQueue`: every pair of every slice at or before `now`; the slices are deleted. */
export function dequeueMatureUBDs(k: StakingKeeper, ctx: WriteContext, now: UnixNanos): DVPair[] {
  const slices = [...upTo(k, ctx, UNBONDING_QUEUE_PREFIX, unbondingQueueKey(now))];
  const out: DVPair[] = [];
  for (const { key, value } of slices) {
    out.push(...decodeDVPairs(value));
    k.writer(ctx).delete(key);
  }
  return out;
}

/** Every queued unbonding slice (time text, pairs), for invariants and tests. */
export function* ubdQueue(k: StakingKeeper, ctx: ReadContext): Generator<{ readonly time: string; readonly pairs: DVPair[] }> {
  for (const { key, value } of k.store(ctx).iterator(UNBONDING_QUEUE_PREFIX, prefixEnd(UNBONDING_QUEUE_PREFIX))) {
    yield { time: new TextDecoder().decode(key.subarray(1)), pairs: decodeDVPairs(value) };
  }
}

// ---- redelegations -----------------------------------------------------------------------------

export function redQueueSlice(k: StakingKeeper, ctx: ReadContext, t: UnixNanos): DVVTriplet[] {
  const bytes = k.store(ctx).get(redelegationQueueKey(t));
  return bytes === undefined ? [] : decodeDVVTriplets(bytes);
}

export function insertRedelegationQueue(k: StakingKeeper, ctx: WriteContext, red: Redelegation, completionTime: UnixNanos): void {
  const triplet: DVVTriplet = {
    delegatorAddress: accString(red.delegator), validatorSrcAddress: valString(red.validatorSrc), validatorDstAddress: valString(red.validatorDst),
  };
  k.writer(ctx).set(redelegationQueueKey(completionTime), encodeDVVTriplets([...redQueueSlice(k, ctx, completionTime), triplet]));
}

export function dequeueMatureRedelegations(k: StakingKeeper, ctx: WriteContext, now: UnixNanos): DVVTriplet[] {
  const slices = [...upTo(k, ctx, REDELEGATION_QUEUE_PREFIX, redelegationQueueKey(now))];
  const out: DVVTriplet[] = [];
  for (const { key, value } of slices) {
    out.push(...decodeDVVTriplets(value));
    k.writer(ctx).delete(key);
  }
  return out;
}

// ---- unbonding validators ----------------------------------------------------------------------

export function validatorQueueSlice(k: StakingKeeper, ctx: ReadContext, t: UnixNanos, height: bigint): string[] {
  const bytes = k.store(ctx).get(validatorQueueKey(t, height));
  return bytes === undefined ? [] : decodeValAddresses(bytes);
}

function setValidatorQueueSlice(k: StakingKeeper, ctx: WriteContext, t: UnixNanos, height: bigint, addresses: readonly string[]): void {
  if (addresses.length === 0) k.writer(ctx).delete(validatorQueueKey(t, height));
  else k.writer(ctx).set(validatorQueueKey(t, height), encodeValAddresses(addresses));
}

/** `InsertUnbondingValidatorQueue`: under the validator's (unbonding time, unbonding height). */
export function insertValidatorQueue(k: StakingKeeper, ctx: WriteContext, v: Validator): void {
  setValidatorQueueSlice(k, ctx, v.unbondingTime, v.unbondingHeight, [...validatorQueueSlice(k, ctx, v.unbondingTime, v.unbondingHeight), valString(v.operator)]);
}

/** `DeleteValidatorQueue`: the validator leaves its slice; an emptied slice is deleted. */
export function deleteFromValidatorQueue(k: StakingKeeper, ctx: WriteContext, v: Validator): void {
  const own = valString(v.operator);
  const kept = validatorQueueSlice(k, ctx, v.unbondingTime, v.unbondingHeight).filter((a) => a !== own);
  setValidatorQueueSlice(k, ctx, v.unbondingTime, v.unbondingHeight, kept);
}

/**
 * The slices whose (time, height) are both at or before (`now`, `height`) — `UnbondAllMatureValidators`
 * walks keys up to (now, height) and keeps those with height ≤ the block height and time ≤ the block
 * time. Collected first; the caller changes the queue while processing them.
 */
export function matureValidatorQueueSlices(k: StakingKeeper, ctx: ReadContext, now: UnixNanos, height: bigint): Array<{ readonly addresses: string[] }> {
  const nowText = formatTimeBytes(now);
  const out: Array<{ addresses: string[] }> = [];
  for (const { key, value } of upTo(k, ctx, VALIDATOR_QUEUE_PREFIX, validatorQueueKey(now, height))) {
    const parsed = parseValidatorQueueKey(key);
    if (parsed.height <= height && parsed.timeText <= nowText) out.push({ addresses: decodeValAddresses(value) });
  }
  return out;
}
