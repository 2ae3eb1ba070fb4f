/**
 * Denom metadata records of the bank store (SDK v0.47 `x/bank/keeper/keeper.go`), keyed by base denom.
 * Validation and the genesis JSON form are in metadata.ts.
 */
import { Metadata } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import type { ReadContext } from "../../baseapp/context.js";
import { prefixEnd } from "../../store/bytes.js";
import type { WriteContext } from "./expected.js";
import { BANK_STORE_KEY, DENOM_METADATA_PREFIX, denomMetadataKey } from "./keys.js";

/** SDK `GetDenomMetaData`. */
export function getDenomMetaData(ctx: ReadContext, denom: string): Metadata | undefined {
  const bytes = ctx.kv(BANK_STORE_KEY).get(denomMetadataKey(denom));
  return bytes === undefined ? undefined : Metadata.decode(bytes);
}

/** SDK `HasDenomMetaData`. */
export function hasDenomMetaData(ctx: ReadContext, denom: string): boolean {
  return ctx.kv(BANK_STORE_KEY).has(denomMetadataKey(denom));
}

/** SDK `SetDenomMetaData`: stored under its base denom. */
export function setDenomMetaData(ctx: WriteContext, metadata: Metadata): void {
  ctx.kv(BANK_STORE_KEY).set(denomMetadataKey(metadata.base), Metadata.encode(metadata).finish());
}

/** SDK `IterateAllDenomMetaData`, in base-denom byte order; stops when `cb` returns true. */
export function iterateAllDenomMetaData(ctx: ReadContext, cb: (metadata: Metadata) => boolean | void): void {
  for (const { value } of ctx.kv(BANK_STORE_KEY).iterator(DENOM_METADATA_PREFIX, prefixEnd(DENOM_METADATA_PREFIX))) {
    if (cb(Metadata.decode(value)) === true) break;
  }
}

/** SDK `GetAllDenomMetaData`. */
export function getAllDenomMetaData(ctx: ReadContext): Metadata[] {
  const out: Metadata[] = [];
  iterateAllDenomMetaData(ctx, (m) => void out.push(m));
  return out;
}
