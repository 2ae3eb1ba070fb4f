/**
 * Rewards of delegations and validators, and their withdrawal (spec-staking §2.4, §2.6; SDK v0.47
 * `keeper/delegation.go`, `keeper/keeper.go`), in the reference's store-access order. The arithmetic
 * is logic/delegationRewards.ts and logic/withdrawal.ts.
 */
import type { ReadContext } from "../../baseapp/context.js";
import { type Coin, coinListString, DecCoins } from "../../math/coins.js";
import { tokensFromShares } from "../staking/logic/shares.js";
import type { Delegation, Validator } from "../staking/types.js";
import { ErrEmptyDelegationDistInfo, ErrNoValidatorCommission, ErrNoValidatorDistInfo } from "./errors.js";
import { withdrawCommissionEvent, withdrawRewardsEvent } from "./events.js";
import type { BlockContext, WriteContext } from "./expected.js";
import type { DistributionKeeper } from "./keeper.js";
import { DISTRIBUTION_MODULE_NAME } from "./keys.js";
import { delegationRewards } from "./logic/delegationRewards.js";
import { closedPeriodRatio } from "./logic/periods.js";
import { commissionPayout, delegatorPayout } from "./logic/withdrawal.js";
import { DistributionInvariantError, decrementReferenceCount, incrementValidatorPeriod, initializeDelegation } from "./periods.js";
import { accString, valoperString } from "./addresses.js";

/**
 * The denom of the "nothing paid" coin in `withdraw_rewards` and the msg response: the SDK's registered
 * base denom (`sdk.GetBaseDenom`), which Stratos registers as `wei` (spec-staking §2.4 step 6).
 */
export const BASE_DENOM = "wei";

/**
 * `CalculateDelegationRewards` with the ratios read from the store. `endingRatio` replaces the stored
 * ratio of `endingPeriod` (queries compute "as if" the period were closed now without writing it).
 */
export function calculateDelegationRewards(
  k: DistributionKeeper,
  ctx: ReadContext,
  blockHeight: bigint,
  validator: Validator,
  delegation: Delegation,
  endingPeriod: bigint,
  endingRatio?: DecCoins,
): DecCoins {
  const startingInfo = k.getStartingInfo(ctx, delegation.validator, delegation.delegator);
  if (startingInfo === undefined) throw new DistributionInvariantError("delegation has no starting info");
  const ratioAt = (period: bigint): DecCoins =>
    endingRatio !== undefined && period === endingPeriod ? endingRatio : k.getHistoricalRewards(ctx, validator.operator, period).cumulativeRewardRatio;
  const slashEvents = startingInfo.height === blockHeight || blockHeight < startingInfo.height
    ? []
    : [...k.slashEventsBetween(ctx, delegation.validator, startingInfo.height, blockHeight)];
  return delegationRewards({
    startingInfo,
    blockHeight,
    slashEvents,
    ratioAt,
    currentStake: tokensFromShares(validator, delegation.shares),
    endingPeriod,
  });
}

/**
 * A delegation's rewards as queries report them: the validator's open period closed "now" (its ratio
 * computed, nothing written), at the queried height.
 */
export function pendingDelegationRewards(
  k: DistributionKeeper,
  ctx: ReadContext,
  blockHeight: bigint,
  validator: Validator,
  delegation: Delegation,
): DecCoins {
  const current = k.getCurrentRewards(ctx, validator.operator);
  const previous = k.getHistoricalRewards(ctx, validator.operator, BigInt.asUintN(64, current.period - 1n)).cumulativeRewardRatio;
  const pending = closedPeriodRatio(previous, current.rewards, validator.tokens);
  return calculateDelegationRewards(k, ctx, blockHeight, validator, delegation, current.period, pending);
}

/**
 * `withdrawDelegationRewards`: closes the validator's period, pays the delegation's rewards (never
 * more than the validator's outstanding rewards; the fractions go to the community pool), releases
 * its starting period and deletes its starting info. Emits `withdraw_rewards` even when nothing is
 * paid (then the amount is "0wei"). The caller re-initializes the delegation if it still exists.
 * @returns the coins paid, `[{wei, 0}]` when nothing was (what the msg response carries).
 * @throws ErrEmptyDelegationDistInfo when the delegation has no starting info.
 */
export function withdrawDelegationRewards(k: DistributionKeeper, ctx: BlockContext, validator: Validator, delegation: Delegation): readonly Coin[] {
  const val = delegation.validator;
  const del = delegation.delegator;
  if (!k.hasStartingInfo(ctx, val, del)) throw ErrEmptyDelegationDistInfo;

  const endingPeriod = incrementValidatorPeriod(k, ctx, validator);
  const raw = calculateDelegationRewards(k, ctx, ctx.header.height, validator, delegation, endingPeriod);
  const outstanding = k.getOutstandingRewards(ctx, val);
  const { taken, paid, toCommunityPool } = delegatorPayout(raw, outstanding);
  if (!paid.isEmpty()) {
    k.bank.sendCoinsFromModuleToAccount(ctx, DISTRIBUTION_MODULE_NAME, k.getWithdrawAddr(ctx, del), paid);
  }
  k.setOutstandingRewards(ctx, val, outstanding.sub(taken));
  k.addToCommunityPool(ctx, toCommunityPool);

  const startingInfo = k.getStartingInfo(ctx, val, del);
  if (startingInfo === undefined) throw new DistributionInvariantError("delegation starting info vanished during withdrawal");
  decrementReferenceCount(k, ctx, val, startingInfo.previousPeriod);
  k.deleteStartingInfo(ctx, val, del);

  // The SDK keeps a zero coin here (not a valid Coins set), so the event reads "0wei".
  const reported: readonly Coin[] = paid.isEmpty() ? [{ denom: BASE_DENOM, amount: 0n }] : paid.toArray();
  ctx.emit(withdrawRewardsEvent({ amount: coinListString(reported), validator: valoperString(val), delegator: accString(del) }));
  return reported;
}

/**
 * The keeper's `WithdrawDelegationRewards` (MsgWithdrawDelegatorReward): the validator and the
 * delegation must exist; after the withdrawal the delegation starts again from the period just closed.
 */
export function withdrawDelegationRewardsFor(k: DistributionKeeper, ctx: BlockContext, delegator: Uint8Array, validator: Uint8Array): readonly Coin[] {
  const val = k.staking.validator(ctx, validator);
  if (val === undefined) throw ErrNoValidatorDistInfo;
  const delegation = k.staking.delegation(ctx, delegator, validator);
  if (delegation === undefined) throw ErrEmptyDelegationDistInfo;
  const rewards = withdrawDelegationRewards(k, ctx, val, delegation);
  initializeDelegation(k, ctx, validator, delegator);
  return rewards;
}

/**
 * `WithdrawValidatorCommission`: pays the whole coins of the accumulated commission to the operator's
 * withdraw address and keeps the fractions as commission. Emits `withdraw_commission`.
 * @throws ErrNoValidatorCommission when there is no commission at all.
 */
export function withdrawValidatorCommission(k: DistributionKeeper, ctx: WriteContext, validator: Uint8Array): readonly Coin[] {
  const commission = k.getAccumulatedCommission(ctx, validator);
  if (commission.isZero()) throw ErrNoValidatorCommission;
  const { paid, kept } = commissionPayout(commission);
  k.setAccumulatedCommission(ctx, validator, kept);
  const outstanding = k.getOutstandingRewards(ctx, validator);
  k.setOutstandingRewards(ctx, validator, outstanding.sub(DecCoins.fromCoins(paid)));
  if (!paid.isEmpty()) {
    // The operator's account has the same bytes as its stvaloper address.
    k.bank.sendCoinsFromModuleToAccount(ctx, DISTRIBUTION_MODULE_NAME, k.getWithdrawAddr(ctx, validator), paid);
  }
  ctx.emit(withdrawCommissionEvent({ amount: paid.toString() }));
  return paid.toArray();
}
