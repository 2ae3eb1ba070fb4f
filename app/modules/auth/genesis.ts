/**
 * Auth genesis (SDK v0.47 `x/auth/types/genesis.go`, `x/auth/keeper/genesis.go`), JSON format of
 * spec-chain §11: `{"params": {…}, "accounts": [Any-JSON accounts]}`.
 *
 * Validation runs at InitChain (the reference only runs it in `validate-genesis`; a valid genesis is
 * applied identically). It follows `ValidateGenesis`, plus one stricter rule: every address must parse,
 * where the reference silently stores an account under an empty address.
 */
import type { Context, ReadContext } from "../../baseapp/context.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { goTrimSpace } from "../../math/coins.js";
import type { Account } from "./account.js";
import { type GenesisAccountEntry, accountFromJson, accountToJson, pubKeyAddressMismatch } from "./accountJson.js";
import type { AccountKeeper } from "./keeper.js";
import { FEE_COLLECTOR_NAME } from "./keys.js";
import { type AuthParams, authParamsToJson, validateAuthParams } from "./params.js";
import { GenesisError, JsonFields } from "./protoJson.js";

export interface AuthGenesis {
  readonly params: AuthParams;
  readonly accounts: readonly Account[];
}

/** Parses and validates the `auth` part of `app_state`. @throws GenesisError naming the problem. */
export function parseAuthGenesis(json: unknown): AuthGenesis {
  const root = JsonFields.of(json, "auth");
  const paramsFields = root.object("params");
  const params: AuthParams = {
    maxMemoCharacters: paramsFields?.uint64("max_memo_characters") ?? 0n,
    txSigLimit: paramsFields?.uint64("tx_sig_limit") ?? 0n,
    txSizeCostPerByte: paramsFields?.uint64("tx_size_cost_per_byte") ?? 0n,
    sigVerifyCostEd25519: paramsFields?.uint64("sig_verify_cost_ed25519") ?? 0n,
    sigVerifyCostSecp256k1: paramsFields?.uint64("sig_verify_cost_secp256k1") ?? 0n,
  };
  paramsFields?.finish();
  const entries = root.array("accounts").map((a, i) => accountFromJson(a, `auth.accounts[${i}]`));
  root.finish();

  const paramsProblem = validateAuthParams(params);
  if (paramsProblem !== undefined) throw new GenesisError(`auth.params: ${paramsProblem}`);
  return { params, accounts: validateGenesisAccounts(entries) };
}

/** SDK `ValidateGenAccounts`: no duplicate address, each account valid. Returns the accounts. */
function validateGenesisAccounts(entries: readonly GenesisAccountEntry[]): Account[] {
  const seen = new Set<string>();
  return entries.map((e) => {
    const problem = (text: string): GenesisError =>
      new GenesisError(`invalid account found in genesis state; address: ${e.addressText}, error: ${text}`);
    if (seen.has(e.addressText)) throw new GenesisError(`duplicate account found in genesis state; address: ${e.addressText}`);
    seen.add(e.addressText);
    if (e.module !== undefined) {
      if (goTrimSpace(e.module.name) === "") throw problem("module account name cannot be blank");
      if (e.module.baseMissing) throw problem("uninitialized ModuleAccount: BaseAccount is nil");
      const expected = moduleAddress(e.module.name);
      if (e.address === undefined || !Buffer.from(expected).equals(e.address)) {
        throw problem(`address ${e.addressText} cannot be derived from the module name '${e.module.name}'`);
      }
    }
    if (e.address === undefined) throw problem(e.addressError ?? "invalid address");
    if (e.pubKey !== undefined) {
      const mismatch = pubKeyAddressMismatch(e.address, e.pubKey);
      if (mismatch !== undefined) throw problem(mismatch);
    }
    const acc: Account = { address: e.address, pubKey: e.pubKey, accountNumber: e.accountNumber, sequence: e.sequence };
    return e.module === undefined ? acc : { ...acc, module: { name: e.module.name, permissions: e.module.permissions } };
  });
}

/**
 * SDK `SanitizeGenesisAccounts`: accounts sharing a number (all but the first of each) get the lowest
 * unused numbers, taken in increasing order of the shared number; then all are sorted by number.
 */
export function sanitizeGenesisAccounts(accounts: readonly Account[]): Account[] {
  const used = new Set<bigint>();
  const duplicates = new Map<bigint, number[]>();
  accounts.forEach((acc, i) => {
    if (!used.has(acc.accountNumber)) used.add(acc.accountNumber);
    else duplicates.set(acc.accountNumber, [...(duplicates.get(acc.accountNumber) ?? []), i]);
  });
  const out = [...accounts];
  let next = 0n;
  for (const number of [...duplicates.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const i of duplicates.get(number) ?? []) {
      while (used.has(next)) next++;
      out[i] = { ...out[i]!, accountNumber: next };
      used.add(next);
    }
  }
  return out.sort((a, b) => (a.accountNumber < b.accountNumber ? -1 : a.accountNumber > b.accountNumber ? 1 : 0));
}

/**
 * SDK `InitGenesis`: params, then accounts in account-number order with the global counter advanced
 * past each, then the fee collector module account (created if genesis lacks it).
 */
export function initAuthGenesis(ctx: Context, keeper: AccountKeeper, genesis: AuthGenesis): void {
  keeper.setParams(ctx, genesis.params);
  let last: bigint | undefined;
  for (const acc of sanitizeGenesisAccounts(genesis.accounts)) {
    // The reference: `for last == nil || last < n { last = NextAccountNumber() }`.
    if (last === undefined || last < acc.accountNumber) {
      last = keeper.nextAccountNumber(ctx);
      if (last < acc.accountNumber) {
        keeper.setNextAccountNumber(ctx, acc.accountNumber + 1n);
        last = acc.accountNumber;
      }
    }
    keeper.setAccount(ctx, acc);
  }
  keeper.getModuleAccount(ctx, FEE_COLLECTOR_NAME);
}

/** SDK `ExportGenesis`: params and every account, in address byte order. */
export function exportAuthGenesis(ctx: ReadContext, keeper: AccountKeeper): Record<string, unknown> {
  return {
    params: authParamsToJson(keeper.getParams(ctx)),
    accounts: keeper.getAllAccounts(ctx).map(accountToJson),
  };
}
