/**
 * Distribution's BeginBlock (spec-staking §2.5; SDK v0.47 `x/distribution/abci.go`,
 * `keeper/allocation.go`): everything `fee_collector` holds moves to the distribution account and is
 * split over the last commit's votes; the block's proposer is recorded. The split itself is
 * logic/allocation.ts.
 */
import type { CommitVote } from "../../baseapp/block.js";
import { DecCoins } from "../../math/coins.js";
import { hexOf } from "../../store/bytes.js";
import type { Validator } from "../staking/types.js";
import { valconsString, valoperString } from "./addresses.js";
import { commissionEvent, rewardsEvent } from "./events.js";
import type { BlockContext } from "./expected.js";
import type { DistributionKeeper } from "./keeper.js";
import { DISTRIBUTION_MODULE_NAME, FEE_COLLECTOR_NAME } from "./keys.js";
import { allocate, splitCommission } from "./logic/allocation.js";
import { DistributionInvariantError } from "./periods.js";

/** What BeginBlock needs of the block: its height, proposer and the last commit's votes. */
export interface AllocationBlock {
  readonly height: bigint;
  readonly proposerAddress: Uint8Array;
  readonly votes: readonly Pick<CommitVote, "validatorAddress" | "power">[];
}

/**
 * BeginBlock: from height 2 on, allocate the fees collected during the previous block to the
 * validators that voted for it (every vote counts, absent ones included, spec-staking §13 item 3);
 * then remember this block's proposer (the reference records it and pays no proposer reward).
 */
export function distributionBeginBlock(k: DistributionKeeper, ctx: BlockContext, block: AllocationBlock): void {
  if (block.height > 1n) allocateTokens(k, ctx, block.votes);
  k.setPreviousProposer(ctx, block.proposerAddress);
}

/** `AllocateTokens`. A vote whose validator staking does not know is fatal, as in the reference. */
export function allocateTokens(k: DistributionKeeper, ctx: BlockContext, votes: readonly Pick<CommitVote, "validatorAddress" | "power">[]): void {
  const feeCollector = k.deps.accounts.getModuleAccount(ctx, FEE_COLLECTOR_NAME);
  if (feeCollector === undefined) throw new Error(`${FEE_COLLECTOR_NAME} module account has not been set`);
  const collected = k.bank.getAllBalances(ctx, feeCollector.address);
  // The send runs (with its bank events) even when nothing was collected.
  k.bank.sendCoinsFromModuleToModule(ctx, FEE_COLLECTOR_NAME, DISTRIBUTION_MODULE_NAME, collected);
  const fees = DecCoins.fromCoins(collected);

  const pool = k.getCommunityPool(ctx);
  const { rewards, communityPool } = allocate(fees, k.getParams(ctx).communityTax, votes);
  // With no voting power at all, everything went to the community pool and no validator is touched.
  if (rewards.length > 0) votes.forEach((vote, i) => {
    const validator = k.staking.validatorByConsAddr(ctx, vote.validatorAddress);
    if (validator === undefined) {
      throw new DistributionInvariantError(`AllocateTokens: no validator for consensus address ${valconsString(vote.validatorAddress) || hexOf(vote.validatorAddress)}`);
    }
    allocateTokensToValidator(k, ctx, validator, rewards[i] ?? DecCoins.EMPTY);
  });
  k.setCommunityPool(ctx, pool.add(communityPool));
}

/** `AllocateTokensToValidator`: commission to the validator, the rest to its delegators' open period. */
export function allocateTokensToValidator(k: DistributionKeeper, ctx: BlockContext, validator: Validator, tokens: DecCoins): void {
  const val = validator.operator;
  const { commission, shared } = splitCommission(tokens, validator.commission.rates.rate);
  const operator = valoperString(val);
  ctx.emit(commissionEvent({ amount: commission.toString(), validator: operator }));
  k.setAccumulatedCommission(ctx, val, k.getAccumulatedCommission(ctx, val).add(commission));
  const current = k.getCurrentRewards(ctx, val);
  k.setCurrentRewards(ctx, val, { ...current, rewards: current.rewards.add(shared) });
  ctx.emit(rewardsEvent({ amount: tokens.toString(), validator: operator }));
  k.setOutstandingRewards(ctx, val, k.getOutstandingRewards(ctx, val).add(tokens));
}
