/**
 * The upgrade module (`cosmos.upgrade.v1beta1`, spec-staking §9): a plan scheduled by governance
 * (MsgSoftwareUpgrade, or the legacy SoftwareUpgradeProposal) stops the chain at its height until a
 * binary with a handler of that name runs it; the handler registry (name → migration) is this
 * binary's. Queries CurrentPlan, AppliedPlan, ModuleVersions, Authority. Genesis is `{}`; InitChain
 * stores the module version map.
 *
 * Wiring (app/node/app.ts): first in BeginBlock; its legacy contents go to gov's legacy router.
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import { type UpgradeNeeded, upgradeBeginBlock } from "./beginBlock.js";
import { UpgradeKeeper, type UpgradeHandler, type VersionMap } from "./keeper.js";
import { UPGRADE_MODULE_NAME, UPGRADE_STORE_KEY } from "./keys.js";
import { upgradeLegacyContents } from "./legacyProposals.js";
import { cancelUpgradeRoute, softwareUpgradeRoute } from "./msgs/softwareUpgrade.js";
import { upgradeQueryHandlers } from "./queries.js";

export { UpgradeKeeper, type UpgradeHandler, type VersionMap } from "./keeper.js";
export { UpgradeHaltError, type UpgradeNeeded } from "./beginBlock.js";
export { type Plan, upgradeInfoJson } from "./plan.js";
export { REFERENCE_CONSENSUS_VERSIONS } from "./consensusVersions.js";
export { UPGRADE_MODULE_NAME, UPGRADE_STORE_KEY } from "./keys.js";

export interface UpgradeModuleOptions {
  /** Bech32 authority (the gov module account). */
  readonly authority: string;
  /** This binary's migrations by plan name. */
  readonly handlers?: ReadonlyMap<string, UpgradeHandler>;
  /** The version map stored at InitChain (module name → consensus version), read then. */
  readonly initialVersions: () => VersionMap;
  /**
   * Called at a plan's height when this binary has no handler for it, just before the block is
   * refused: the node logs the message and writes upgrade-info.json.
   */
  readonly onUpgradeNeeded?: (needed: UpgradeNeeded) => void;
}

export interface UpgradeModule {
  readonly module: ModuleHooks;
  readonly keeper: UpgradeKeeper;
  /** SoftwareUpgradeProposal and CancelSoftwareUpgradeProposal, for gov's legacy router. */
  readonly legacyContents: ReturnType<typeof upgradeLegacyContents>;
}

export function createUpgradeModule(options: UpgradeModuleOptions): UpgradeModule {
  const keeper = new UpgradeKeeper(options.authority, options.handlers ?? new Map());
  const module: ModuleHooks = {
    name: UPGRADE_MODULE_NAME,
    stores: [{ name: UPGRADE_STORE_KEY, kind: "iavl" }],
    msgs: [softwareUpgradeRoute(keeper), cancelUpgradeRoute(keeper)],
    queries: upgradeQueryHandlers(keeper),
    initGenesis(ctx) {
      // Whatever app_state says (`{}`), the version map is set, merged over what is stored.
      const merged = new Map(keeper.getVersionMap(ctx));
      for (const [name, version] of options.initialVersions()) merged.set(name, version);
      keeper.setVersionMap(ctx, merged);
    },
    exportGenesis: () => ({}),
    beginBlock(ctx) {
      upgradeBeginBlock(keeper, ctx, (n) => options.onUpgradeNeeded?.(n));
    },
  };
  return { module, keeper, legacyContents: upgradeLegacyContents(keeper) };
}
