/** What staking needs from the modules below it (filled in with the staking keeper). */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { BlockHeader } from "../../baseapp/block.js";
import type { ReadContext } from "../../baseapp/context.js";
import type { Coin, Coins } from "../../math/coins.js";
import type { KVStore, StoreName } from "../../store/types.js";

export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
  /**
   * The block being executed. A baseapp `Context` carries it; staking reads height and time from it
   * (Slash compares the infraction height with it, entries mature by its time) and passes the same
   * context to every hook, so listeners that record heights (distribution) get it too.
   */
  readonly header?: BlockHeader;
}

/** A write context that has the block header: what staking's procedures run with. */
export interface StakingContext extends WriteContext {
  readonly header: BlockHeader;
}

/** The bank calls staking makes (SDK `x/staking/types/expected_keepers.go` BankKeeper, trimmed). */
export interface BankForStaking {
  getBalance(ctx: ReadContext, address: Uint8Array, denom: string): Coin;
  getAllBalances(ctx: ReadContext, address: Uint8Array): Coins;
  getSupply(ctx: ReadContext, denom: string): Coin;
  /** Delegator → staking pool, bypassing the spendable-coins rule (vesting). Emits coin_spent, coin_received. */
  delegateCoinsFromAccountToModule(ctx: WriteContext, sender: Uint8Array, recipientModule: string, amt: Coins): void;
  /** Staking pool → delegator (matured unbonding). Emits coin_spent, coin_received. */
  undelegateCoinsFromModuleToAccount(ctx: WriteContext, senderModule: string, recipient: Uint8Array, amt: Coins): void;
  sendCoinsFromModuleToModule(ctx: WriteContext, senderModule: string, recipientModule: string, amt: Coins): void;
  burnCoins(ctx: WriteContext, moduleName: string, amt: Coins): void;
}

/** The account calls staking makes: its two pool module accounts. */
export interface AccountsForStaking {
  getModuleAddress(name: string): Uint8Array | undefined;
  /** Created and stored on first use (SDK `GetModuleAccount`). */
  getModuleAccount(ctx: WriteContext, name: string): { readonly address: Uint8Array } | undefined;
}
