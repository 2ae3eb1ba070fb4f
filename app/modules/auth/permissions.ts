/**
 * Module accounts of the chain and their permissions (spec-chain §9; reference `app/app_config.go`
 * `maccPerms`). Each module account lives at SHA-256(name)[0:20] (`authtypes.NewModuleAddress`).
 */
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { goTrimSpace } from "../../math/coins.js";

/** SDK `authtypes.Minter`, `Burner`, `Staking`. */
export const PERMISSION = { minter: "minter", burner: "burner", staking: "staking" } as const;

const { minter, burner, staking } = PERMISSION;

/** Module account name → permissions, in the reference's declaration order (spec-chain §9). */
export const STRATOS_MODULE_ACCOUNT_PERMISSIONS: ReadonlyArray<readonly [name: string, permissions: readonly string[]]> = [
  ["fee_collector", []],
  ["distribution", [burner]],
  ["mint", [minter]],
  ["bonded_tokens_pool", [burner, staking]],
  ["not_bonded_tokens_pool", [burner, staking]],
  ["gov", [burner]],
  ["transfer", [minter, burner]],
  ["feeibc", []],
  ["interchainaccounts", []],
  ["register", [minter, burner]],
  ["resource_node_bonded_pool", [minter]],
  ["resource_node_not_bonded_pool", [minter]],
  ["meta_node_bonded_pool", [minter]],
  ["meta_node_not_bonded_pool", [minter]],
  ["total_unissued_prepay", [minter]],
  ["pot", [minter]],
  ["foundation_account", [minter, burner]],
  ["total_reward_pool", []],
  ["sds", []],
  ["evm", [minter, burner]],
];

/** SDK `PermissionsForAddress`: a module account's derived address and its permissions. */
export interface ModulePermissions {
  readonly name: string;
  readonly address: Uint8Array;
  readonly permissions: readonly string[];
}

/**
 * The keeper's permission table (SDK `NewAccountKeeper` building `permAddrs`). Later duplicates of a
 * name replace earlier ones, as a Go map assignment does.
 */
export function modulePermissionTable(
  entries: ReadonlyArray<readonly [string, readonly string[]]>,
): ReadonlyMap<string, ModulePermissions> {
  const table = new Map<string, ModulePermissions>();
  for (const [name, permissions] of entries) {
    table.set(name, { name, address: moduleAddress(name), permissions: [...permissions] });
  }
  return table;
}

/** SDK `validatePermissions`: no blank permission (Go panics in `NewEmptyModuleAccount`). */
export function blankPermission(permissions: readonly string[]): boolean {
  return permissions.some((p) => goTrimSpace(p) === "");
}
