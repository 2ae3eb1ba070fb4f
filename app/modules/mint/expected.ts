/**
 * What mint needs from bank, auth and staking (spec-staking §6), declared here and satisfied by their
 * keepers in app/node/app.ts.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { Coin, Coins } from "../../math/coins.js";
import type { KVStore, StoreName } from "../../store/types.js";
import type { StakingView } from "../staking/types.js";

export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

export interface BankForMint {
  getSupply(ctx: ReadContext, denom: string): Coin;
  /** Panics (ErrPanic) for a module without the minter permission. */
  mintCoins(ctx: WriteContext, moduleName: string, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: WriteContext, senderModule: string, recipientModule: string, amount: Coins): void;
}

export interface AccountsForMint {
  /** The module account, created and stored on first use (InitGenesis creates mint's). */
  getModuleAccount(ctx: WriteContext, name: string): { readonly address: Uint8Array } | undefined;
}

/** The staking supply is bank's supply of the bond denom; the bonded tokens are the bonded pool's balance. */
export type StakingForMint = Pick<StakingView, "bondDenom" | "totalBondedTokens">;
