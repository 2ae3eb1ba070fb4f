/**
 * The register module (spec-register): resource and meta nodes of the SDS network, their deposits in
 * four pools, meta-node votes, unbonding, slashing debts, and the ozone economy S / Lt / rate that
 * prices all traffic. Other modules reach it only through the keeper methods their own `expected.ts`
 * declares (sds and pot read S, Lt, Pt, the rate and the meta nodes).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import type { AccountsForRegister, BankForRegister, CommunityPoolForRegister } from "./expected.js";
import { registerEndBlock, type EndBlockProblem } from "./endBlock.js";
import { exportRegisterGenesis, initRegisterGenesis, parseRegisterGenesis } from "./genesis.js";
import { RegisterKeeper } from "./keeper.js";
import { REGISTER_MODULE_NAME, REGISTER_STORE_KEY } from "./keys.js";
import { fromTimestamp } from "./logic/time.js";
import { NODE_PUBKEY_SCHEMAS } from "./msgs/common.js";
import { createMetaNodeRoute } from "./msgs/createMetaNode.js";
import { createResourceNodeRoute } from "./msgs/createResourceNode.js";
import { kickMetaNodeVoteRoute } from "./msgs/kickMetaNodeVote.js";
import { metaNodeRegistrationVoteRoute } from "./msgs/metaNodeRegistrationVote.js";
import { removeMetaNodeRoute } from "./msgs/removeMetaNode.js";
import { removeResourceNodeRoute } from "./msgs/removeResourceNode.js";
import { updateEffectiveDepositRoute } from "./msgs/updateEffectiveDeposit.js";
import { updateMetaNodeRoute } from "./msgs/updateMetaNode.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { updateResourceNodeRoute } from "./msgs/updateResourceNode.js";
import { updateMetaNodeDepositRoute, updateResourceNodeDepositRoute } from "./msgs/addDeposit.js";
import { registerQueryHandlers } from "./queries.js";
import { registerInvariants } from "./invariants.js";

export { RegisterKeeper, POOL, isActive } from "./keeper.js";
export type { EndBlockProblem } from "./endBlock.js";
export { REGISTER_MODULE_NAME, REGISTER_STORE_KEY } from "./keys.js";
export * from "./errors.js";

export interface RegisterModuleOptions {
  readonly bank: BankForRegister;
  readonly accounts: AccountsForRegister;
  readonly communityPool: CommunityPoolForRegister;
  /** Bech32 address of the MsgUpdateParams authority (the gov module account). */
  readonly authority: string;
  /** See RegisterKeeperDeps.referenceQuirks: replay `stratos-1` history's security quirks. Default off. */
  readonly referenceQuirks?: boolean;
  /** EndBlock failures the reference swallows (a payout that cannot be made); for the node's log. */
  readonly onEndBlockProblem?: (problem: EndBlockProblem) => void;
}

export interface RegisterModule {
  readonly module: ModuleHooks;
  readonly keeper: RegisterKeeper;
}

export function createRegisterModule(options: RegisterModuleOptions): RegisterModule {
  const keeper = new RegisterKeeper({
    bank: options.bank,
    accounts: options.accounts,
    communityPool: options.communityPool,
    authority: options.authority,
    referenceQuirks: options.referenceQuirks ?? false,
  });
  const module: ModuleHooks = {
    name: REGISTER_MODULE_NAME,
    stores: [{ name: REGISTER_STORE_KEY, kind: "iavl" }],
    msgs: [
      createResourceNodeRoute(keeper), removeResourceNodeRoute(keeper), updateResourceNodeRoute(keeper),
      updateResourceNodeDepositRoute(keeper), updateEffectiveDepositRoute(keeper), createMetaNodeRoute(keeper),
      removeMetaNodeRoute(keeper), updateMetaNodeRoute(keeper), updateMetaNodeDepositRoute(keeper),
      metaNodeRegistrationVoteRoute(keeper), kickMetaNodeVoteRoute(keeper), updateParamsRoute(keeper),
    ],
    anyTypes: NODE_PUBKEY_SCHEMAS,
    queries: registerQueryHandlers(keeper),
    invariants: registerInvariants(keeper),
    initGenesis(ctx, genesis) {
      // The SDK module manager skips a module whose app_state entry is absent.
      if (genesis === undefined) return;
      initRegisterGenesis(ctx, keeper, parseRegisterGenesis(genesis));
    },
    exportGenesis: (ctx) => exportRegisterGenesis(ctx, keeper),
    endBlock(ctx) {
      for (const problem of registerEndBlock(keeper, ctx, ctx.header.height, fromTimestamp(ctx.header.time))) {
        options.onEndBlockProblem?.(problem);
      }
    },
  };
  return { module, keeper };
}
