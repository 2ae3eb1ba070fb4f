/**
 * The sds module (spec-sds): file-upload audit records reported by meta nodes, and prepay — tokens
 * into `total_unissued_prepay` for noz at the ozone price. Reads register's S, Pt, Lt, rate and meta
 * nodes through `RegisterForSds` (expected.ts).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import type { BankForSds, RegisterForSds } from "./expected.js";
import { exportSdsGenesis, initSdsGenesis, parseSdsGenesis } from "./genesis.js";
import { SdsKeeper } from "./keeper.js";
import { SDS_MODULE_NAME, SDS_STORE_KEY } from "./keys.js";
import { fileUploadRoute } from "./msgs/fileUpload.js";
import { prepayRoute } from "./msgs/prepay.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { sdsQueryHandlers } from "./queries.js";

export { SdsKeeper } from "./keeper.js";
export { SDS_MODULE_NAME, SDS_STORE_KEY } from "./keys.js";
export * from "./errors.js";

export interface SdsModuleOptions {
  readonly register: RegisterForSds;
  readonly bank: BankForSds;
  readonly authority: string;
}

export interface SdsModule {
  readonly module: ModuleHooks;
  readonly keeper: SdsKeeper;
}

export function createSdsModule(options: SdsModuleOptions): SdsModule {
  const keeper = new SdsKeeper(options);
  const module: ModuleHooks = {
    name: SDS_MODULE_NAME,
    stores: [{ name: SDS_STORE_KEY, kind: "iavl" }],
    msgs: [fileUploadRoute(keeper), prepayRoute(keeper), updateParamsRoute(keeper)],
    queries: sdsQueryHandlers(keeper),
    initGenesis(ctx, genesis) {
      if (genesis === undefined) return;
      initSdsGenesis(ctx, keeper, parseSdsGenesis(genesis));
    },
    exportGenesis: (ctx) => exportSdsGenesis(ctx, keeper),
  };
  return { module, keeper };
}
