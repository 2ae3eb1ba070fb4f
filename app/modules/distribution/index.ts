/**
 * The distribution module (spec-staking §2; SDK v0.47 x/distribution, F1 fee distribution): every
 * block's fees (tx fees, PoT's validator slice, mint provisions) are split over the last commit's
 * votes into commission, delegator rewards and the community pool; delegators and validators withdraw
 * with messages or automatically on every delegation change (the staking hooks); queries; genesis;
 * invariants. Register and pot fund the community pool through the keeper.
 *
 * Wiring (app/node/app.ts): BeginBlock after mint and before slashing (spec-staking §0.5); `hooks` is
 * added to the staking keeper's `MultiStakingHooks` before slashing's listener (§0.6).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import type { StakingHooks } from "../staking/hooks.js";
import { distributionBeginBlock } from "./allocation.js";
import type { AccountsForDistribution, BankForDistribution, StakingForDistribution } from "./expected.js";
import { exportDistributionGenesis, initDistributionGenesis, parseDistributionGenesis } from "./genesis.js";
import { distributionStakingHooks } from "./hooks.js";
import { distributionInvariants } from "./invariants.js";
import { DistributionKeeper } from "./keeper.js";
import { DISTRIBUTION_MODULE_NAME, DISTRIBUTION_STORE_KEY } from "./keys.js";
import { communityPoolSpendRoute } from "./msgs/communityPoolSpend.js";
import { fundCommunityPoolRoute } from "./msgs/fundCommunityPool.js";
import { setWithdrawAddressRoute } from "./msgs/setWithdrawAddress.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { withdrawDelegatorRewardRoute } from "./msgs/withdrawDelegatorReward.js";
import { withdrawValidatorCommissionRoute } from "./msgs/withdrawValidatorCommission.js";
import { distributionQueryHandlers } from "./queries.js";

export { DistributionKeeper } from "./keeper.js";
export { DISTRIBUTION_MODULE_NAME, DISTRIBUTION_STORE_KEY, FEE_COLLECTOR_NAME } from "./keys.js";
export type { AccountsForDistribution, BankForDistribution, StakingForDistribution } from "./expected.js";
export type { DistributionParams } from "./types.js";
export { DEFAULT_DISTRIBUTION_PARAMS } from "./params.js";
export { mainnetDistributionGenesisJson } from "./genesis.js";
export * from "./errors.js";

export interface DistributionModuleOptions {
  readonly bank: BankForDistribution;
  readonly accounts: AccountsForDistribution;
  readonly staking: StakingForDistribution;
  /** Bech32 address of the MsgUpdateParams / MsgCommunityPoolSpend authority (the gov module account). */
  readonly authority: string;
}

export interface DistributionModule {
  readonly module: ModuleHooks;
  readonly keeper: DistributionKeeper;
  /** The staking-hook listener (AfterValidatorCreated, delegation changes, slashes, removal). */
  readonly hooks: StakingHooks;
}

/**
 * A staking view with no validators and no delegations: a chain before staking exists. The app passes
 * it until the staking keeper is wired; modules that only use the community pool test with it.
 */
export const NO_VALIDATORS: StakingForDistribution = {
  validator: () => undefined,
  validatorByConsAddr: () => undefined,
  validators: () => [],
  delegation: () => undefined,
  delegatorDelegations: () => [],
  validatorDelegations: () => [],
};

export function createDistributionModule(options: DistributionModuleOptions): DistributionModule {
  const keeper = new DistributionKeeper(options);
  const module: ModuleHooks = {
    name: DISTRIBUTION_MODULE_NAME,
    stores: [{ name: DISTRIBUTION_STORE_KEY, kind: "iavl" }],
    msgs: [
      setWithdrawAddressRoute(keeper), withdrawDelegatorRewardRoute(keeper), withdrawValidatorCommissionRoute(keeper),
      fundCommunityPoolRoute(keeper), updateParamsRoute(keeper), communityPoolSpendRoute(keeper),
    ],
    queries: distributionQueryHandlers(keeper),
    invariants: distributionInvariants(keeper),
    initGenesis(ctx, genesis) {
      // The SDK module manager skips a module whose app_state entry is absent.
      if (genesis === undefined) return;
      initDistributionGenesis(ctx, keeper, parseDistributionGenesis(genesis));
    },
    exportGenesis: (ctx) => exportDistributionGenesis(ctx, keeper),
    beginBlock(ctx) {
      distributionBeginBlock(keeper, ctx, {
        height: ctx.header.height,
        proposerAddress: ctx.header.proposerAddress,
        votes: ctx.header.comet?.votes ?? [],
      });
    },
  };
  return { module, keeper, hooks: distributionStakingHooks(keeper) };
}
