/**
 * The staking module (spec-staking §1; SDK v0.47 x/staking as Stratos wires it): validators and their
 * consensus keys, delegations and shares, unbonding and redelegation with their queues, the validator
 * set CometBFT runs with (every EndBlock's updates), historical info, slashing and jailing for the
 * modules built on it. Other modules read it through `StakingView` (types.ts) and react to its hooks
 * (hooks.ts); the app adds distribution's listener, then slashing's, to `keeper.hooks` (§0.6).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import { stakingEndBlock, trackHistoricalInfo } from "./blocks.js";
import type { AccountsForStaking, BankForStaking } from "./expected.js";
import { exportStakingGenesis, initStakingGenesis, parseStakingGenesis } from "./genesis.js";
import { stakingInvariants } from "./invariants.js";
import { StakingKeeper } from "./keeper.js";
import { STAKING_MODULE_NAME, STAKING_STORE_KEY } from "./keys.js";
import { beginRedelegateRoute } from "./msgs/beginRedelegate.js";
import { cancelUnbondingDelegationRoute } from "./msgs/cancelUnbondingDelegation.js";
import { CONSENSUS_PUBKEY_SCHEMAS, createValidatorRoute } from "./msgs/createValidator.js";
import { delegateRoute } from "./msgs/delegate.js";
import { editValidatorRoute } from "./msgs/editValidator.js";
import { undelegateRoute } from "./msgs/undelegate.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { stakingQueryHandlers } from "./queries.js";

export { StakingKeeper } from "./keeper.js";
export { BONDED_POOL_NAME, NOT_BONDED_POOL_NAME, STAKING_MODULE_NAME, STAKING_STORE_KEY } from "./keys.js";
export { MAX_TOTAL_VOTING_POWER } from "./logic/validatorSet.js";
export { DEFAULT_STAKING_PARAMS } from "./params.js";
export type { AccountsForStaking, BankForStaking } from "./expected.js";
export * from "./errors.js";

export interface StakingModuleOptions {
  readonly bank: BankForStaking;
  readonly accounts: AccountsForStaking;
  /** Bech32 address of the MsgUpdateParams authority (the gov module account). */
  readonly authority: string;
  /** Consensus key types a validator may use; default ["ed25519"] (stratos-1, CometBFT's default). */
  readonly validatorPubKeyTypes?: readonly string[];
  /** The voting-power limit kept validators out of an EndBlock's set (for the node's log). */
  readonly onVotingPowerCap?: (height: bigint) => void;
}

export interface StakingModule {
  readonly module: ModuleHooks;
  readonly keeper: StakingKeeper;
}

export function createStakingModule(options: StakingModuleOptions): StakingModule {
  const keeper = new StakingKeeper({
    bank: options.bank,
    accounts: options.accounts,
    authority: options.authority,
    validatorPubKeyTypes: options.validatorPubKeyTypes ?? ["ed25519"],
  });
  const module: ModuleHooks = {
    name: STAKING_MODULE_NAME,
    stores: [{ name: STAKING_STORE_KEY, kind: "iavl" }],
    msgs: [
      createValidatorRoute(keeper), editValidatorRoute(keeper), delegateRoute(keeper), beginRedelegateRoute(keeper),
      undelegateRoute(keeper), cancelUnbondingDelegationRoute(keeper), updateParamsRoute(keeper),
    ],
    anyTypes: CONSENSUS_PUBKEY_SCHEMAS,
    queries: stakingQueryHandlers(keeper),
    invariants: stakingInvariants(keeper),
    initGenesis(ctx, genesis) {
      // The SDK module manager skips a module whose app_state entry is absent.
      if (genesis === undefined) return;
      return initStakingGenesis(ctx, keeper, parseStakingGenesis(genesis));
    },
    exportGenesis: (ctx) => exportStakingGenesis(ctx, keeper),
    beginBlock: (ctx) => trackHistoricalInfo(keeper, ctx),
    endBlock(ctx) {
      const { updates, capped } = stakingEndBlock(keeper, ctx);
      if (capped) options.onVotingPowerCap?.(ctx.header.height);
      return updates;
    },
  };
  return { module, keeper };
}
