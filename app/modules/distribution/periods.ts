/**
 * F1 period bookkeeping over the keeper (spec-staking §2.3; SDK v0.47 `keeper/validator.go`,
 * `keeper/delegation.go` `initializeDelegation`), in the reference's store-access order. The ratio
 * arithmetic is logic/periods.ts.
 *
 * Reference counting: a historical record is referenced by the next period's creation, by each
 * delegation starting after it and by each slash event pointing at it; it is deleted when its count
 * reaches zero. Counts are visible in genesis export and checked by the `reference-count` invariant.
 */
import { DecCoins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { tokensFromSharesTruncated } from "../staking/logic/shares.js";
import type { Validator } from "../staking/types.js";
import type { BlockContext, WriteContext } from "./expected.js";
import type { DistributionKeeper } from "./keeper.js";
import { closedPeriodRatio } from "./logic/periods.js";

/** A failed consistency check the reference panics on: a bug or corrupted state, never user input. */
export class DistributionInvariantError extends Error {
  override readonly name = "DistributionInvariantError";
}

/** uint64 arithmetic of the reference (`period - 1` of period 0 wraps). */
const u64 = (n: bigint): bigint => BigInt.asUintN(64, n);

/** `initializeValidator` (hook AfterValidatorCreated): period 0 referenced once, period 1 open, nothing owed. */
export function initializeValidator(k: DistributionKeeper, ctx: WriteContext, validator: Uint8Array): void {
  k.setHistoricalRewards(ctx, validator, 0n, { cumulativeRewardRatio: DecCoins.EMPTY, referenceCount: 1 });
  k.setCurrentRewards(ctx, validator, { rewards: DecCoins.EMPTY, period: 1n });
  k.setAccumulatedCommission(ctx, validator, DecCoins.EMPTY);
  k.setOutstandingRewards(ctx, validator, DecCoins.EMPTY);
}

/**
 * `IncrementValidatorPeriod`: closes the open period and returns its number. Its rewards per token
 * join the cumulative ratio; a validator without tokens has no ratio, so those rewards go to the
 * community pool (and leave its outstanding rewards).
 */
export function incrementValidatorPeriod(k: DistributionKeeper, ctx: WriteContext, validator: Pick<Validator, "operator" | "tokens">): bigint {
  const val = validator.operator;
  const current = k.getCurrentRewards(ctx, val);
  if (validator.tokens === 0n) {
    const pool = k.getCommunityPool(ctx);
    const outstanding = k.getOutstandingRewards(ctx, val);
    k.setCommunityPool(ctx, pool.add(current.rewards));
    k.setOutstandingRewards(ctx, val, outstanding.sub(current.rewards));
  }
  const previous = k.getHistoricalRewards(ctx, val, u64(current.period - 1n)).cumulativeRewardRatio;
  decrementReferenceCount(k, ctx, val, u64(current.period - 1n));
  k.setHistoricalRewards(ctx, val, current.period, {
    cumulativeRewardRatio: closedPeriodRatio(previous, current.rewards, validator.tokens),
    referenceCount: 1,
  });
  k.setCurrentRewards(ctx, val, { rewards: DecCoins.EMPTY, period: u64(current.period + 1n) });
  return current.period;
}

/** `incrementReferenceCount`: more than 2 references before the increment is a reference bug. */
export function incrementReferenceCount(k: DistributionKeeper, ctx: WriteContext, validator: Uint8Array, period: bigint): void {
  const historical = k.getHistoricalRewards(ctx, validator, period);
  if (historical.referenceCount > 2) throw new DistributionInvariantError("reference count should never exceed 2");
  k.setHistoricalRewards(ctx, validator, period, { ...historical, referenceCount: historical.referenceCount + 1 });
}

/** `decrementReferenceCount`: deletes the record when no reference is left. */
export function decrementReferenceCount(k: DistributionKeeper, ctx: WriteContext, validator: Uint8Array, period: bigint): void {
  const historical = k.getHistoricalRewards(ctx, validator, period);
  if (historical.referenceCount === 0) throw new DistributionInvariantError("cannot set negative reference count");
  const referenceCount = historical.referenceCount - 1;
  if (referenceCount === 0) k.deleteHistoricalReward(ctx, validator, period);
  else k.setHistoricalRewards(ctx, validator, period, { ...historical, referenceCount });
}

/**
 * `initializeDelegation` (hook AfterDelegationModified, and after every withdrawal): the delegation
 * starts after the period just closed, with its current tokens (truncated) as stake, at this height.
 */
export function initializeDelegation(k: DistributionKeeper, ctx: BlockContext, validator: Uint8Array, delegator: Uint8Array): void {
  const previousPeriod = u64(k.getCurrentRewards(ctx, validator).period - 1n);
  incrementReferenceCount(k, ctx, validator, previousPeriod);
  const val = k.staking.validator(ctx, validator);
  const delegation = k.staking.delegation(ctx, delegator, validator);
  if (val === undefined || delegation === undefined) {
    throw new DistributionInvariantError("initializeDelegation: the validator or the delegation does not exist");
  }
  const stake = tokensFromSharesTruncated(val, delegation.shares);
  k.setStartingInfo(ctx, validator, delegator, { previousPeriod, stake, height: ctx.header.height });
}

/**
 * `updateValidatorSlashFraction` (hook BeforeValidatorSlashed, before staking burns the tokens): closes
 * the period, keeps it referenced by the slash event, and records the event at this height.
 */
export function updateValidatorSlashFraction(k: DistributionKeeper, ctx: BlockContext, validator: Uint8Array, fraction: Dec): void {
  if (fraction.gt(Dec.ONE) || fraction.isNegative()) {
    throw new DistributionInvariantError(`fraction must be >=0 and <=1, current fraction: ${fraction.toString()}`);
  }
  const val = k.staking.validator(ctx, validator);
  if (val === undefined) throw new DistributionInvariantError("updateValidatorSlashFraction: the validator does not exist");
  const newPeriod = incrementValidatorPeriod(k, ctx, val);
  incrementReferenceCount(k, ctx, validator, newPeriod);
  k.setSlashEvent(ctx, validator, ctx.header.height, newPeriod, { validatorPeriod: newPeriod, fraction });
}
