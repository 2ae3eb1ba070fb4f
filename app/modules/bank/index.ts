/**
 * The bank module (SDK v0.47 x/bank as Stratos configures it, spec-chain §9): balances, supply, denom
 * metadata and send-enabled flags in store `bank`; MsgSend, MsgMultiSend, MsgUpdateParams,
 * MsgSetSendEnabled; the `cosmos.bank.v1beta1.Query` service; genesis. Depends on auth only through
 * `AccountKeeperForBank` (expected.ts).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import type { AccountKeeperForBank, BankAccountView } from "./expected.js";
import { exportBankGenesis, initBankGenesis, parseBankGenesis } from "./genesis.js";
import { BankKeeper } from "./keeper.js";
import { BANK_MODULE_NAME, BANK_STORE_KEY } from "./keys.js";
import { multiSendRoute } from "./msgs/multiSend.js";
import { sendRoute } from "./msgs/send.js";
import { setSendEnabledRoute } from "./msgs/setSendEnabled.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { bankQueryHandlers } from "./queries.js";

export { BankKeeper } from "./keeper.js";
export type { InputOutput } from "./logic/inputsOutputs.js";
export type { AccountKeeperForBank, BankAccountView, BankContext, WriteContext } from "./expected.js";
export { type BankParams, DEFAULT_BANK_PARAMS, type SendEnabled } from "./params.js";
export { type BankGenesis, parseBankGenesis } from "./genesis.js";
export * from "./errors.js";
export { BANK_MODULE_NAME, BANK_STORE_KEY, balanceKey, denomAddressKey, supplyKey, sendEnabledKey } from "./keys.js";
export { MSG_SEND_TYPE_URL } from "./msgs/send.js";
export { MSG_MULTI_SEND_TYPE_URL } from "./msgs/multiSend.js";

/**
 * Module accounts that may not receive funds through bank's user-facing paths (the reference's
 * `BlockedModuleAccountsOverride`, spec-chain §9): every module account except `distribution`,
 * `fee_collector` and `total_unissued_prepay`.
 */
export const BLOCKED_MODULE_ACCOUNTS: readonly string[] = [
  "gov", "mint", "bonded_tokens_pool", "not_bonded_tokens_pool", "transfer", "feeibc", "interchainaccounts",
  "register", "resource_node_bonded_pool", "resource_node_not_bonded_pool", "meta_node_bonded_pool",
  "meta_node_not_bonded_pool", "pot", "foundation_account", "total_reward_pool", "sds", "evm",
];

export interface BankModuleOptions {
  /** Module names whose accounts are blocked; default BLOCKED_MODULE_ACCOUNTS. */
  readonly blockedModuleAccounts?: readonly string[];
  /** Bech32 authority address; default: the gov module account. */
  readonly authority?: string;
}

export interface BankModule<A extends BankAccountView> {
  readonly module: ModuleHooks;
  readonly keeper: BankKeeper<A>;
}

const bech32 = (address: Uint8Array): string => formatBech32Address(address, BECH32_PREFIX.account);

export function createBankModule<A extends BankAccountView>(
  accountKeeper: AccountKeeperForBank<A>,
  options: BankModuleOptions = {},
): BankModule<A> {
  const blocked = new Set((options.blockedModuleAccounts ?? BLOCKED_MODULE_ACCOUNTS).map((name) => bech32(moduleAddress(name))));
  const authority = options.authority ?? bech32(moduleAddress("gov"));
  const keeper = new BankKeeper<A>(accountKeeper, blocked, authority);
  const module: ModuleHooks = {
    name: BANK_MODULE_NAME,
    stores: [{ name: BANK_STORE_KEY, kind: "iavl" }],
    msgs: [sendRoute(keeper), multiSendRoute(keeper), updateParamsRoute(keeper), setSendEnabledRoute(keeper)],
    queries: bankQueryHandlers(keeper),
    initGenesis(ctx, genesis) {
      // The SDK module manager skips a module whose app_state entry is absent.
      if (genesis === undefined) return;
      initBankGenesis(ctx, keeper, parseBankGenesis(genesis));
    },
    exportGenesis: (ctx) => exportBankGenesis(ctx, keeper),
  };
  return { module, keeper };
}
