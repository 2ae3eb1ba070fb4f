import { describe, expect, it } from "vitest";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { STRATOS_MODULE_ACCOUNT_PERMISSIONS, blankPermission, modulePermissionTable } from "./permissions.js";

/** spec-chain §9, copied verbatim (name, permissions, address); "–" rows have no address in the table. */
const SPEC_TABLE = [
  { name: "fee_collector", permissions: [], address: "st17xpfvakm2amg962yls6f84z3kell8c5lv5hj2q" },
  { name: "distribution", permissions: ["burner"], address: "st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz" },
  { name: "mint", permissions: ["minter"], address: "st1m3h30wlvsf8llruxtpukdvsy0km2kum85un2xa" },
  { name: "bonded_tokens_pool", permissions: ["burner", "staking"], address: "st1fl48vsnmsdzcv85q5d2q4z5ajdha8yu3fkaac2" },
  { name: "not_bonded_tokens_pool", permissions: ["burner", "staking"], address: "st1tygms3xhhs3yv487phx3dw4a95jn7t7lakpvw7" },
  { name: "gov", permissions: ["burner"], address: "st10d07y265gmmuvt4z0w9aw880jnsr700jx08hhw" },
  { name: "transfer", permissions: ["minter", "burner"], address: undefined },
  { name: "feeibc", permissions: [], address: undefined },
  { name: "interchainaccounts", permissions: [], address: undefined },
  { name: "register", permissions: ["minter", "burner"], address: "st1sauqlfw7dp8g0jujkfulp0q8k984w2z3v9jk6s" },
  { name: "resource_node_bonded_pool", permissions: ["minter"], address: "st17ancryq8j2d98qzpkx2nkr9j7htxd9jhtv7zjf" },
  { name: "resource_node_not_bonded_pool", permissions: ["minter"], address: "st1ah3srlga6mqr7cq4gd887k2ys97rzfspjae0sz" },
  { name: "meta_node_bonded_pool", permissions: ["minter"], address: "st1fz67scxv3hjy0nxafuf0c4made74gfcf7myjqg" },
  { name: "meta_node_not_bonded_pool", permissions: ["minter"], address: "st1cm90laq9qjzjd78lkyp49lpdxdfyjrm7jq9wmg" },
  { name: "total_unissued_prepay", permissions: ["minter"], address: "st15fmkzxwtq5p64gc0zxmd87cmdwjnn3sakmkuu7" },
  { name: "pot", permissions: ["minter"], address: "st1wjj3c08flup92g6c3swpmcwd4xzul9hu5wehxc" },
  { name: "foundation_account", permissions: ["minter", "burner"], address: "st1y0ujk7aqvuxt6t058gn6k2kq8f3pe96vzwknau" },
  { name: "total_reward_pool", permissions: [], address: "st100qkxrzlcahgh4zeug0p0l8aqcnuaygz3vvv42" },
  { name: "sds", permissions: [], address: "st1y23us4sf6ntzd0qpekra7uwsra4mnf3ww75x67" },
  { name: "evm", permissions: ["minter", "burner"], address: "st1vqu8rska6swzdmnhf90zuv0xmelej4lq3l3x44" },
] as const;

describe("module accounts (spec-chain §9)", () => {
  const table = modulePermissionTable(STRATOS_MODULE_ACCOUNT_PERMISSIONS);

  it("has exactly the spec's module accounts", () => {
    expect([...table.keys()].sort()).toEqual(SPEC_TABLE.map((r) => r.name).sort());
  });

  it.each(SPEC_TABLE)("$name: permissions and address sha256(name)[0:20]", ({ name, permissions, address }) => {
    const entry = table.get(name);
    expect(entry?.permissions).toEqual(permissions);
    if (address !== undefined) expect(formatBech32Address(entry!.address, BECH32_PREFIX.account)).toBe(address);
    expect(entry?.address.length).toBe(20);
  });

  it("a later entry for the same name replaces the earlier one (Go map)", () => {
    const t = modulePermissionTable([["x_module", ["minter"]], ["x_module", ["burner"]]]);
    expect(t.get("x_module")?.permissions).toEqual(["burner"]);
  });

  it("blank permissions are detected with Go's TrimSpace (U+0085 is space)", () => {
    expect(blankPermission(["minter", " \u0085\t"])).toBe(true);
    expect(blankPermission(["minter", "\ufeff"])).toBe(false);
  });
});
