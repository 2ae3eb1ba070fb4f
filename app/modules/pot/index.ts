/**
 * The pot (Proof-of-Traffic) module (spec-pot): BLS-multisigned volume reports from meta nodes, the
 * epoch distribution of mining and traffic rewards, maturity, withdrawals, the foundation reserve,
 * resource-node slashing and the total-supply restoration. Reads and writes register state only
 * through `RegisterForPot` (expected.ts).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import type { AccountsForPot, BankForPot, DistributionForPot, RegisterForPot } from "./expected.js";
import { potEndBlock, type PotEndBlockProblem } from "./endBlock.js";
import { exportPotGenesis, initPotGenesis, parsePotGenesis } from "./genesis.js";
import { potInvariants } from "./invariants.js";
import { PotKeeper } from "./keeper.js";
import { POT_MODULE_NAME, POT_STORE_KEY } from "./keys.js";
import { foundationDepositRoute } from "./msgs/foundationDeposit.js";
import { setMetaNodeBlsKeyRoute } from "./msgs/setMetaNodeBlsKey.js";
import { slashingResourceNodeRoute } from "./msgs/slashingResourceNode.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { volumeReportRoute } from "./msgs/volumeReport.js";
import { withdrawRoute } from "./msgs/withdraw.js";
import { potQueryHandlers } from "./queries.js";

export { PotKeeper, POT_ACCOUNT } from "./keeper.js";
export { POT_MODULE_NAME, POT_STORE_KEY } from "./keys.js";
export type { PotEndBlockProblem } from "./endBlock.js";
export * from "./errors.js";

export interface PotModuleOptions {
  readonly register: RegisterForPot;
  readonly bank: BankForPot;
  readonly distribution: DistributionForPot;
  readonly accounts: AccountsForPot;
  readonly authority: string;
  /** Replay mode: no reward audit records (app option referenceQuirks). */
  readonly referenceQuirks?: boolean;
  /** EndBlock failures the reference only logs. */
  readonly onEndBlockProblem?: (problem: PotEndBlockProblem) => void;
}

export interface PotModule {
  readonly module: ModuleHooks;
  readonly keeper: PotKeeper;
}

export function createPotModule(options: PotModuleOptions): PotModule {
  const k = new PotKeeper({
    register: options.register,
    bank: options.bank,
    distribution: options.distribution,
    accounts: options.accounts,
    authority: options.authority,
    referenceQuirks: options.referenceQuirks ?? false,
  });
  const module: ModuleHooks = {
    name: POT_MODULE_NAME,
    stores: [{ name: POT_STORE_KEY, kind: "iavl" }],
    msgs: [volumeReportRoute(k), withdrawRoute(k), foundationDepositRoute(k), slashingResourceNodeRoute(k), updateParamsRoute(k), setMetaNodeBlsKeyRoute(k)],
    queries: potQueryHandlers(k),
    invariants: potInvariants(k),
    initGenesis(ctx, genesis) {
      if (genesis === undefined) return;
      initPotGenesis(ctx, k, parsePotGenesis(genesis));
    },
    exportGenesis: (ctx) => exportPotGenesis(ctx, k),
    endBlock(ctx) {
      for (const problem of potEndBlock(k, ctx)) options.onEndBlockProblem?.(problem);
    },
  };
  return { module, keeper: k };
}
