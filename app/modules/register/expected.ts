/**
 * What register needs from other modules (spec-register §9.3), declared by register and satisfied by
 * the keepers the app passes in (app/node/app.ts). Nothing else of bank, auth or distribution is
 * reachable from here.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { Coin, Coins } from "../../math/coins.js";
import type { KVStore, StoreName } from "../../store/types.js";

/** Store writes and the event sink: what a transfer needs (a baseapp `Context` is one). */
export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

export interface BankForRegister {
  /** The whole balance of one denom (the reference's `HasBalance` compares this, not the spendable part). */
  getBalance(ctx: ReadContext, address: Uint8Array, denom: string): Coin;
  sendCoinsFromAccountToModule(ctx: WriteContext, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: WriteContext, senderModule: string, recipientModule: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: WriteContext, senderModule: string, recipient: Uint8Array, amount: Coins): void;
}

export interface AccountsForRegister {
  /** Address of a module account by name (undefined for an unknown name). */
  getModuleAddress(name: string): Uint8Array | undefined;
  /** Unbonding payouts require the owner's account to exist (register E 16 otherwise). */
  hasAccount(ctx: ReadContext, address: Uint8Array): boolean;
}

export interface CommunityPoolForRegister {
  /** distribution `FundCommunityPool(amount, sender)`: slashed deposits go to the community pool. */
  fundCommunityPool(ctx: WriteContext, amount: Coins, sender: Uint8Array): void;
}
