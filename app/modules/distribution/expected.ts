/**
 * What distribution needs from bank, auth and staking (spec-staking §2, §10), declared here and satisfied
 * by their keepers in app/node/app.ts. Nothing else of those modules is reachable from here.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { Coins } from "../../math/coins.js";
import type { KVStore, StoreName } from "../../store/types.js";
import type { StakingView } from "../staking/types.js";

/** Store writes and the event sink: what a transfer needs (a baseapp `Context` is one). */
export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

/**
 * A write context that also knows the block height: F1 records the height a delegation starts at and
 * the height of each slash event (a baseapp `Context` is one). The staking hooks' `WriteContext`
 * (staking/expected.ts) does not promise a header; distribution's listener checks for it (hooks.ts).
 */
export interface BlockContext extends WriteContext {
  readonly header: { readonly height: bigint };
}

export interface BankForDistribution {
  /** Every balance of an address (the fee collector's, the module account's). */
  getAllBalances(ctx: ReadContext, address: Uint8Array): Coins;
  sendCoinsFromModuleToModule(ctx: WriteContext, senderModule: string, recipientModule: string, amount: Coins): void;
  /** Refuses blocked recipients (sdk 4), as the SDK's does. */
  sendCoinsFromModuleToAccount(ctx: WriteContext, senderModule: string, recipient: Uint8Array, amount: Coins): void;
  sendCoinsFromAccountToModule(ctx: WriteContext, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  /** Module accounts that may not receive user funds (spec-chain §9). */
  blockedAddr(address: Uint8Array): boolean;
}

export interface AccountsForDistribution {
  getModuleAddress(name: string): Uint8Array | undefined;
  /** The module account, created and stored on first use (the SDK's `GetModuleAccount`). */
  getModuleAccount(ctx: WriteContext, name: string): { readonly address: Uint8Array } | undefined;
}

/**
 * The part of staking distribution reads (the SDK's `StakingKeeper` as x/distribution uses it): the
 * validator of each vote, delegations and their shares, and the validator and delegation lists its
 * queries and invariants walk. Staking's hooks call into distribution (hooks.ts), never the reverse.
 */
export type StakingForDistribution = Pick<
  StakingView,
  "validator" | "validatorByConsAddr" | "validators" | "delegation" | "delegatorDelegations" | "validatorDelegations"
>;
