/**
 * What pot needs from register, bank, distribution and auth (spec-pot §9), declared here and
 * satisfied by their keepers in app/node/app.ts.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { Coin, Coins, DecCoins } from "../../math/coins.js";
import type { Dec } from "../../math/dec.js";
import type { KVStore, StoreName } from "../../store/types.js";
import type { BondStatus } from "../register/logic/bondStatus.js";

export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

/** A meta node as pot reads it. */
export interface MetaNodeForPot {
  readonly networkAddress: string;
  readonly ownerAddress: string;
  readonly beneficiaryAddress: string;
  readonly status: BondStatus;
  readonly suspend: boolean;
}

/** A resource node as pot's slashing reads it. */
export interface ResourceNodeForPot {
  readonly suspend: boolean;
  readonly effectiveTokens: bigint;
  readonly nodeType: number;
}

export interface RegisterForPot {
  getMetaNode(ctx: ReadContext, addr: Uint8Array): MetaNodeForPot | undefined;
  /** Every meta node in store-key order. */
  metaNodes(ctx: ReadContext): Iterable<{ readonly addr: Uint8Array; readonly value: MetaNodeForPot }>;
  getBondedMetaNodeCount(ctx: ReadContext): bigint;
  getResourceNode(ctx: ReadContext, addr: Uint8Array): ResourceNodeForPot | undefined;
  /** Sets the node's suspend flag and effective deposit (register owns the record). */
  setResourceNodeSuspension(ctx: WriteContext, addr: Uint8Array, suspend: boolean, effectiveTokens: bigint): void;
  ozoneState(ctx: ReadContext): { readonly s: bigint; readonly lt: bigint };
  getTotalUnissuedPrepay(ctx: ReadContext): bigint;
  getDepositNozRate(ctx: ReadContext): Dec;
  setRemainingOzoneLimit(ctx: WriteContext, lt: bigint): void;
  /** register's Decrease (§5.1): S −= amount; Lt −= amount/rate unless S was 0. */
  decreaseOzoneLimit(ctx: WriteContext, amount: bigint): bigint;
  getSlashing(ctx: ReadContext, wallet: Uint8Array): bigint;
  setSlashing(ctx: WriteContext, wallet: Uint8Array, debt: bigint): void;
  /** Bond-denom balance of one of register's module accounts (metrics). */
  poolBalance(ctx: ReadContext, pool: "resource_node_bonded_pool" | "resource_node_not_bonded_pool" | "meta_node_bonded_pool" | "meta_node_not_bonded_pool" | "total_unissued_prepay"): bigint;
}

export interface BankForPot {
  getBalance(ctx: ReadContext, address: Uint8Array, denom: string): Coin;
  getSupply(ctx: ReadContext, denom: string): Coin;
  sendCoinsFromModuleToModule(ctx: WriteContext, senderModule: string, recipientModule: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: WriteContext, senderModule: string, recipient: Uint8Array, amount: Coins): void;
  sendCoinsFromAccountToModule(ctx: WriteContext, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  mintCoins(ctx: WriteContext, moduleName: string, amount: Coins): void;
  burnCoins(ctx: WriteContext, moduleName: string, amount: Coins): void;
}

export interface DistributionForPot {
  fundCommunityPool(ctx: WriteContext, amount: Coins, sender: Uint8Array): void;
  getCommunityPool(ctx: ReadContext): DecCoins;
  setCommunityPool(ctx: WriteContext, pool: DecCoins): void;
}

export interface AccountsForPot {
  getModuleAddress(name: string): Uint8Array | undefined;
}
