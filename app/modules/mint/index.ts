/**
 * The mint module (spec-staking §6; SDK v0.47 x/mint): present on stratos-1 with inflation 0. Every
 * BeginBlock, before distribution's, it recomputes inflation from the bonded ratio, mints one block's
 * provision into the fee collector (0 on mainnet, with its empty bank events) and emits `mint`.
 * Queries: Params, Inflation, AnnualProvisions. Message: MsgUpdateParams (gov authority).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import { mintBeginBlock } from "./beginBlock.js";
import type { AccountsForMint, BankForMint, StakingForMint } from "./expected.js";
import { exportMintGenesis, initMintGenesis, parseMintGenesis } from "./genesis.js";
import { MintKeeper } from "./keeper.js";
import { MINT_MODULE_NAME, MINT_STORE_KEY } from "./keys.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { mintQueryHandlers } from "./queries.js";

export { MintKeeper } from "./keeper.js";
export { MINT_MODULE_NAME, MINT_STORE_KEY } from "./keys.js";
export { MAINNET_MINT_PARAMS } from "./params.js";
export { mainnetMintGenesisJson } from "./genesis.js";
export type { AccountsForMint, BankForMint, StakingForMint } from "./expected.js";
export type { Minter, MintParams } from "./types.js";

export interface MintModuleOptions {
  readonly bank: BankForMint;
  readonly accounts: AccountsForMint;
  readonly staking: StakingForMint;
  /** Bech32 address of the MsgUpdateParams authority (the gov module account). */
  readonly authority: string;
}

export interface MintModule {
  readonly module: ModuleHooks;
  readonly keeper: MintKeeper;
}

export function createMintModule(options: MintModuleOptions): MintModule {
  const keeper = new MintKeeper(options);
  const module: ModuleHooks = {
    name: MINT_MODULE_NAME,
    stores: [{ name: MINT_STORE_KEY, kind: "iavl" }],
    msgs: [updateParamsRoute(keeper)],
    queries: mintQueryHandlers(keeper),
    initGenesis(ctx, genesis) {
      // The SDK module manager skips a module whose app_state entry is absent.
      if (genesis === undefined) return;
      initMintGenesis(ctx, keeper, parseMintGenesis(genesis));
    },
    exportGenesis: (ctx) => exportMintGenesis(ctx, keeper),
    beginBlock: (ctx) => mintBeginBlock(keeper, ctx),
  };
  return { module, keeper };
}
