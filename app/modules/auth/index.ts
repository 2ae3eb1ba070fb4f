/**
 * The auth module (SDK v0.47 x/auth as Stratos configures it, spec-chain §8–§10): accounts, account
 * numbers, module accounts and params in store `acc`. The ante chain lives in `./ante/` (baseapp's
 * tx pipeline calls it); other modules use the keeper through their own `expected.ts` interfaces.
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { exportAuthGenesis, initAuthGenesis, parseAuthGenesis } from "./genesis.js";
import { AccountKeeper } from "./keeper.js";
import { AUTH_MODULE_NAME, AUTH_STORE_KEY } from "./keys.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { STRATOS_MODULE_ACCOUNT_PERMISSIONS, modulePermissionTable } from "./permissions.js";
import { authQueryHandlers } from "./queries.js";

export { AccountKeeper, type StoreContext } from "./keeper.js";
export {
  type Account, type ModuleAccountInfo, type PubKeyAny, accountToAny, decodeAccount, encodeAccount, hasPermission,
  newBaseAccount, withPubKey, withSequence, BASE_ACCOUNT_TYPE_URL, MODULE_ACCOUNT_TYPE_URL,
} from "./account.js";
export { type AuthParams, DEFAULT_AUTH_PARAMS, sigVerifyCostSecp256r1 } from "./params.js";
export { PERMISSION, STRATOS_MODULE_ACCOUNT_PERMISSIONS, type ModulePermissions } from "./permissions.js";
export { AUTH_MODULE_NAME, AUTH_STORE_KEY, FEE_COLLECTOR_NAME, accountNumberStoreKey, addressStoreKey } from "./keys.js";
export { type AuthGenesis, parseAuthGenesis } from "./genesis.js";
export { GenesisError } from "./protoJson.js";

/** Name of the module whose account is the authority of every `MsgUpdateParams` (spec-chain §9). */
export const GOV_MODULE_NAME = "gov";

export interface AuthModuleOptions {
  /** Module account permissions; default: the Stratos table of spec-chain §9. */
  readonly moduleAccountPermissions?: ReadonlyArray<readonly [string, readonly string[]]>;
  /** Bech32 authority address; default: the gov module account. */
  readonly authority?: string;
}

export interface AuthModule {
  readonly module: ModuleHooks;
  readonly keeper: AccountKeeper;
}

export function createAuthModule(options: AuthModuleOptions = {}): AuthModule {
  const authority = options.authority ?? formatBech32Address(moduleAddress(GOV_MODULE_NAME), BECH32_PREFIX.account);
  const keeper = new AccountKeeper(
    modulePermissionTable(options.moduleAccountPermissions ?? STRATOS_MODULE_ACCOUNT_PERMISSIONS),
    authority,
  );
  const module: ModuleHooks = {
    name: AUTH_MODULE_NAME,
    stores: [{ name: AUTH_STORE_KEY, kind: "iavl" }],
    msgs: [updateParamsRoute(keeper)],
    queries: authQueryHandlers(keeper),
    initGenesis(ctx, genesis) {
      // The SDK module manager skips a module whose app_state entry is absent.
      if (genesis === undefined) return;
      initAuthGenesis(ctx, keeper, parseAuthGenesis(genesis));
    },
    exportGenesis: (ctx) => exportAuthGenesis(ctx, keeper),
  };
  return { module, keeper };
}
