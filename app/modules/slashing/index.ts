/**
 * The slashing module (spec-staking §3; SDK v0.47 x/slashing): liveness over a circular window of votes,
 * downtime slashing and jailing, MsgUnjail, the consensus address ↔ pubkey relation evidence relies on,
 * the params, the `cosmos.slashing.v1beta1.Query` service and genesis. It reads and jails validators
 * through the staking keeper (expected.ts) and reacts to staking's hooks (hooks.ts).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import type { StakingHooks } from "../staking/hooks.js";
import { slashingBeginBlock } from "./beginBlock.js";
import type { StakingForSlashing } from "./expected.js";
import { exportSlashingGenesis, initSlashingGenesis, parseSlashingGenesis } from "./genesis.js";
import { slashingStakingHooks } from "./hooks.js";
import { SlashingKeeper } from "./keeper.js";
import { SLASHING_MODULE_NAME, SLASHING_STORE_KEY } from "./keys.js";
import { unjailRoute } from "./msgs/unjail.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { slashingQueryHandlers } from "./queries.js";

export { SlashingKeeper, consAddrString } from "./keeper.js";
export type { StakingForSlashing, StakingViewForSlashing, StakingWritesForSlashing } from "./expected.js";
export { SLASHING_MODULE_NAME, SLASHING_STORE_KEY } from "./keys.js";
export { MAINNET_SLASHING_PARAMS, SDK_DEFAULT_SLASHING_PARAMS, type SlashingParams, slashingParamsJson } from "./params.js";
export type { ValidatorSigningInfo } from "./types.js";
export type { SlashReason } from "./events.js";
export * from "./errors.js";

export interface SlashingModuleOptions {
  readonly staking: StakingForSlashing;
  /** Bech32 address of the MsgUpdateParams authority (the gov module account). */
  readonly authority: string;
}

export interface SlashingModule {
  readonly module: ModuleHooks;
  readonly keeper: SlashingKeeper;
  /** The staking-hook listener; the app adds it to staking's MultiStakingHooks after distribution's. */
  readonly hooks: StakingHooks;
}

export function createSlashingModule(options: SlashingModuleOptions): SlashingModule {
  const keeper = new SlashingKeeper(options.staking, options.authority);
  const module: ModuleHooks = {
    name: SLASHING_MODULE_NAME,
    stores: [{ name: SLASHING_STORE_KEY, kind: "iavl" }],
    msgs: [unjailRoute(keeper), updateParamsRoute(keeper)],
    queries: slashingQueryHandlers(keeper),
    initGenesis(ctx, genesis) {
      // The SDK module manager skips a module whose app_state entry is absent.
      if (genesis === undefined) return;
      initSlashingGenesis(ctx, keeper, parseSlashingGenesis(genesis));
    },
    exportGenesis: (ctx) => exportSlashingGenesis(ctx, keeper),
    beginBlock(ctx) {
      slashingBeginBlock(keeper, ctx, ctx.header.comet?.votes ?? []);
    },
  };
  return { module, keeper, hooks: slashingStakingHooks(keeper) };
}
