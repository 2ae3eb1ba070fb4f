/**
 * Distribution's staking-hook listener (spec-staking §1.3; SDK v0.47 `x/distribution/keeper/hooks.go`).
 * The app adds it to the staking keeper's `MultiStakingHooks` before slashing's (spec-staking §0.6).
 * A hook that throws fails the message or block step that fired it, as the SDK's returned error does.
 *
 * The contract's `WriteContext` does not promise the block header, but F1 records heights: staking
 * passes its baseapp `Context` through, which carries it; anything else is refused with a clear error.
 */
import type { Dec } from "../../math/dec.js";
import type { StakingHooks } from "../staking/hooks.js";
import type { WriteContext as StakingWriteContext } from "../staking/expected.js";
import { accString } from "./addresses.js";
import type { BlockContext } from "./expected.js";
import type { DistributionKeeper } from "./keeper.js";
import { DISTRIBUTION_MODULE_NAME } from "./keys.js";
import { DistributionInvariantError, incrementValidatorPeriod, initializeDelegation, initializeValidator, updateValidatorSlashFraction } from "./periods.js";
import { withdrawDelegationRewards } from "./rewards.js";

function blockContext(ctx: StakingWriteContext): BlockContext {
  const header = (ctx as Partial<BlockContext>).header;
  if (header === undefined || typeof header.height !== "bigint") {
    throw new Error("distribution staking hooks need a context with the block header (pass the baseapp Context)");
  }
  return ctx as BlockContext;
}

function validatorOf(k: DistributionKeeper, ctx: StakingWriteContext, valAddr: Uint8Array) {
  const validator = k.staking.validator(ctx, valAddr);
  if (validator === undefined) throw new DistributionInvariantError(`staking hook for unknown validator ${accString(valAddr)}`);
  return validator;
}

/** The listener: AfterValidatorCreated, AfterValidatorRemoved, BeforeDelegationCreated, BeforeDelegationSharesModified, AfterDelegationModified, BeforeValidatorSlashed. */
export function distributionStakingHooks(k: DistributionKeeper): StakingHooks {
  return {
    /** A new validator starts at period 1 with nothing owed. */
    afterValidatorCreated(ctx, valAddr) {
      validatorOf(k, ctx, valAddr);
      initializeValidator(k, ctx, valAddr);
    },

    /**
     * The validator is gone (no delegations left): whole coins of its commission go to the operator's
     * withdraw address, every fraction and all other outstanding rewards to the community pool, and
     * its distribution records are deleted.
     */
    afterValidatorRemoved(ctx, _consAddr, valAddr) {
      let outstanding = k.getOutstandingRewards(ctx, valAddr);
      const commission = k.getAccumulatedCommission(ctx, valAddr);
      if (!commission.isZero()) {
        outstanding = outstanding.sub(commission);
        const { truncated, change } = commission.truncateDecimal();
        k.addToCommunityPool(ctx, change);
        if (!truncated.isEmpty()) {
          k.bank.sendCoinsFromModuleToAccount(ctx, DISTRIBUTION_MODULE_NAME, k.getWithdrawAddr(ctx, valAddr), truncated);
        }
      }
      k.addToCommunityPool(ctx, outstanding);
      k.deleteOutstandingRewards(ctx, valAddr);
      k.deleteAccumulatedCommission(ctx, valAddr);
      k.deleteSlashEvents(ctx, valAddr);
      k.deleteHistoricalRewards(ctx, valAddr);
      k.deleteCurrentRewards(ctx, valAddr);
    },

    /** A new delegation starts after a period of its own: close the open one. */
    beforeDelegationCreated(ctx, _delAddr, valAddr) {
      incrementValidatorPeriod(k, ctx, validatorOf(k, ctx, valAddr));
    },

    /** Any change to an existing delegation first pays out its rewards (spec-staking §13 item 5). */
    beforeDelegationSharesModified(ctx, delAddr, valAddr) {
      const validator = validatorOf(k, ctx, valAddr);
      const delegation = k.staking.delegation(ctx, delAddr, valAddr);
      if (delegation === undefined) throw new DistributionInvariantError(`no delegation of ${accString(delAddr)} to modify`);
      withdrawDelegationRewards(k, blockContext(ctx), validator, delegation);
    },

    /** The delegation (re)starts with its new shares. */
    afterDelegationModified(ctx, delAddr, valAddr) {
      initializeDelegation(k, blockContext(ctx), valAddr, delAddr);
    },

    /** Record the slash (before staking burns the tokens). */
    beforeValidatorSlashed(ctx, valAddr, fraction: Dec) {
      updateValidatorSlashFraction(k, blockContext(ctx), valAddr, fraction);
    },
  };
}
