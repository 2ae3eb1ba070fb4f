/**
 * What sds needs from register and bank (spec-sds §9.1, §9.3). RegisterKeeper and BankKeeper satisfy
 * these structurally; the app passes them in.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { Coin, Coins } from "../../math/coins.js";
import type { Dec } from "../../math/dec.js";
import type { KVStore, StoreName } from "../../store/types.js";

export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

/** A meta node as sds sees it: its owner. */
export interface MetaNodeForSds {
  readonly ownerAddress: string;
}

export interface RegisterForSds {
  getMetaNode(ctx: ReadContext, addr: Uint8Array): MetaNodeForSds | undefined;
  /**
   * The deterministic reporter-bitmap index (spec-sds §4.1.4 R:): position of the bech32 network
   * address among the active meta nodes in byte order; `found` false (index 0) when not active.
   */
  activeMetaNodePosition(ctx: ReadContext, networkAddress: string): { index: number; found: boolean };
  /** S and Lt. */
  ozoneState(ctx: ReadContext): { readonly s: bigint; readonly lt: bigint };
  /** Pt: balance of total_unissued_prepay in register's bond denom. */
  getTotalUnissuedPrepay(ctx: ReadContext): bigint;
  setRemainingOzoneLimit(ctx: WriteContext, lt: bigint): void;
  getDepositNozRate(ctx: ReadContext): Dec;
  /** register's bond denom: sds's must equal it for prepaid tokens to count as Pt (spec-sds §10 item 11). */
  bondDenom(ctx: ReadContext): string;
}

export interface BankForSds {
  getBalance(ctx: ReadContext, address: Uint8Array, denom: string): Coin;
  sendCoinsFromAccountToModule(ctx: WriteContext, sender: Uint8Array, recipientModule: string, amount: Coins): void;
}
