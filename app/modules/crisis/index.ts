/**
 * The crisis module (spec-staking §7; SDK v0.47 x/crisis): MsgVerifyInvariant checks one registered
 * invariant for a constant fee (606 STOS on stratos-1), MsgUpdateParams changes the fee, InitChain
 * asserts every invariant after the other modules' genesis (unless skipped), and EndBlock asserts them
 * every `invCheckPeriod` blocks when the node asks for it (default never). No query service.
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import type { BankForCrisis } from "./expected.js";
import { exportCrisisGenesis, initCrisisGenesis, parseCrisisGenesis } from "./genesis.js";
import { CrisisKeeper } from "./keeper.js";
import { CRISIS_MODULE_NAME, CRISIS_STORE_KEY } from "./keys.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { verifyInvariantRoute } from "./msgs/verifyInvariant.js";

export { CrisisKeeper, fullRoute, InvariantBrokenError, type InvariantRoute } from "./keeper.js";
export type { BankForCrisis } from "./expected.js";
export { CRISIS_MODULE_NAME, CRISIS_STORE_KEY } from "./keys.js";
export * from "./errors.js";

/** stratos-1's constant fee (spec-staking §0.7): 606 STOS. */
export const MAINNET_CONSTANT_FEE = { denom: "wei", amount: 606n * 10n ** 18n } as const;

export interface CrisisModuleOptions {
  readonly bank: BankForCrisis;
  /** Bech32 address of the MsgUpdateParams authority (the gov module account). */
  readonly authority: string;
  /** The node's `--inv-check-period`: assert every invariant at heights divisible by it; 0 (default) = never. */
  readonly invCheckPeriod?: bigint;
  /** The node's `--x-crisis-skip-assert-invariants`: no assertion at InitChain. */
  readonly skipGenesisInvariants?: boolean;
}

export interface CrisisModule {
  readonly module: ModuleHooks;
  readonly keeper: CrisisKeeper;
  /**
   * Registers every invariant of `modules` (`RegisterInvariants`), module by module, each module's in
   * name order. The app calls it once with all its modules before the first block.
   */
  registerInvariants(modules: readonly ModuleHooks[]): void;
}

export function createCrisisModule(options: CrisisModuleOptions): CrisisModule {
  const invCheckPeriod = options.invCheckPeriod ?? 0n;
  if (invCheckPeriod < 0n) throw new RangeError(`inv-check-period must not be negative, got ${invCheckPeriod}`);
  const keeper = new CrisisKeeper({ bank: options.bank, authority: options.authority, invCheckPeriod });
  const module: ModuleHooks = {
    name: CRISIS_MODULE_NAME,
    stores: [{ name: CRISIS_STORE_KEY, kind: "iavl" }],
    msgs: [verifyInvariantRoute(keeper), updateParamsRoute(keeper)],
    initGenesis(ctx, genesis) {
      // The SDK module manager skips a module whose app_state entry is absent (and so its assertion).
      if (genesis === undefined) return;
      initCrisisGenesis(ctx, keeper, parseCrisisGenesis(genesis));
      if (options.skipGenesisInvariants !== true) keeper.assertInvariants(ctx);
    },
    exportGenesis: (ctx) => exportCrisisGenesis(ctx, keeper),
    endBlock(ctx) {
      if (invCheckPeriod === 0n || ctx.header.height % invCheckPeriod !== 0n) return;
      keeper.assertInvariants(ctx);
    },
  };
  const registerInvariants = (modules: readonly ModuleHooks[]): void => {
    for (const m of modules) {
      const entries = Object.entries(m.invariants ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [name, invariant] of entries) keeper.registerRoute(m.name, name, invariant);
    }
  };
  return { module, keeper, registerInvariants };
}
