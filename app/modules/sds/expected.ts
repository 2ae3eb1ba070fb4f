/**
 * What sds needs from register and bank (spec-sds §9.1, §9.3). RegisterKeeper and BankKeeper satisfy
 * these structurally; the app passes them in.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { Coin, Coins } from "../../math/coins.js";
import type { Dec } from "../../math/dec.js";
import type { KVStore, StoreName } from "../../store/types.js";
import type { MetaNodeForIndex } from "./logic/reporterBitmap.js";

export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

/** A meta node as sds sees it: the bitmap-index fields and its owner. */
export interface MetaNodeForSds extends MetaNodeForIndex {
  readonly ownerAddress: string;
}

export interface RegisterForSds {
  getMetaNode(ctx: ReadContext, addr: Uint8Array): MetaNodeForSds | undefined;
  /** Every meta node record (for the deterministic reporter bitmap index). */
  metaNodes(ctx: ReadContext): Iterable<{ readonly value: MetaNodeForSds }>;
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
