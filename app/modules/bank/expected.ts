/**
 * What bank needs from the auth module (SDK v0.47 `x/bank/types/expected_keepers.go`, trimmed to the
 * calls bank makes). The app passes the real account keeper; its account type stays opaque to bank
 * apart from the address and the module-account part.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { KVStore, StoreName } from "../../store/types.js";

/** Write access to module stores (a baseapp `Context` is one). */
export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
}

/** Write access plus the event sink: what sends, mints and burns need (a baseapp `Context` is one). */
export interface BankContext extends WriteContext {
  emit(event: Event): void;
}

/** The parts of an account bank looks at. */
export interface BankAccountView {
  readonly address: Uint8Array;
  readonly module?: { readonly name: string; readonly permissions: readonly string[] } | undefined;
}

export interface AccountKeeperForBank<A extends BankAccountView = BankAccountView> {
  getAccount(ctx: ReadContext, address: Uint8Array): A | undefined;
  hasAccount(ctx: ReadContext, address: Uint8Array): boolean;
  /** A new account with the next account number (not stored). */
  newAccountWithAddress(ctx: WriteContext, address: Uint8Array): A;
  setAccount(ctx: WriteContext, acc: A): void;
  /** Undefined for a name without module permissions. */
  getModuleAddress(name: string): Uint8Array | undefined;
  /** Created and stored on first use; undefined for a name without module permissions. */
  getModuleAccount(ctx: WriteContext, name: string): A | undefined;
}

/** The one account read spendable-coin math makes (SDK `LockedCoins` loads the account: metered gas). */
export type AccountReaderForBank<A extends BankAccountView = BankAccountView> = Pick<AccountKeeperForBank<A>, "getAccount">;

/** What moving coins between accounts needs: that read, and creating a recipient's account on first receipt. */
export type AccountWriterForBank<A extends BankAccountView = BankAccountView> = Pick<
  AccountKeeperForBank<A>,
  "getAccount" | "hasAccount" | "newAccountWithAddress" | "setAccount"
>;
