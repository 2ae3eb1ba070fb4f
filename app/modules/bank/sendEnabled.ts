/**
 * Send-enabled settings of the bank store (SDK v0.47 `x/bank/keeper/send.go`): the params record (whose
 * only content is the default flag) and the per-denom flags that override it. Plain functions over a
 * read or write context; reads touch the store as the reference does (gas).
 */
import type { ReadContext } from "../../baseapp/context.js";
import type { Coin } from "../../math/coins.js";
import { prefixEnd } from "../../store/bytes.js";
import { ErrSendDisabled } from "./errors.js";
import type { WriteContext } from "./expected.js";
import { BANK_STORE_KEY, PARAMS_KEY, SEND_ENABLED_PREFIX, sendEnabledKey } from "./keys.js";
import { type BankParams, type SendEnabled, ZERO_BANK_PARAMS } from "./params.js";
import { decodeBankParams, decodeBoolValue, encodeBankParams, encodeBoolValue } from "./store.js";

const utf8 = new TextDecoder();

/** SDK `GetParams`: Go's zero params if none were ever stored. */
export function getParams(ctx: ReadContext): BankParams {
  const bytes = ctx.kv(BANK_STORE_KEY).get(PARAMS_KEY);
  return bytes === undefined ? ZERO_BANK_PARAMS : decodeBankParams(bytes);
}

/** SDK `SetParams`: deprecated per-denom entries move to their own records first. */
export function setParams(ctx: WriteContext, params: BankParams): void {
  let stored = params;
  if (params.sendEnabled.length > 0) {
    setAllSendEnabled(ctx, params.sendEnabled);
    stored = { sendEnabled: [], defaultSendEnabled: params.defaultSendEnabled };
  }
  ctx.kv(BANK_STORE_KEY).set(PARAMS_KEY, encodeBankParams(stored));
}

/** SDK `getSendEnabled`: `Has` then `Get`, as the reference reads it. */
export function getSendEnabledEntry(ctx: ReadContext, denom: string): SendEnabled | undefined {
  const store = ctx.kv(BANK_STORE_KEY);
  const key = sendEnabledKey(denom);
  if (!store.has(key)) return undefined;
  const bytes = store.get(key);
  return bytes === undefined ? undefined : { denom, enabled: decodeBoolValue(bytes) };
}

/** SDK `IsSendEnabledDenom`: the denom's own flag, else the default. */
export function isSendEnabledDenom(ctx: ReadContext, denom: string): boolean {
  return getSendEnabledEntry(ctx, denom)?.enabled ?? getParams(ctx).defaultSendEnabled;
}

/** SDK `IsSendEnabledCoins`. @throws ErrSendDisabled "<denom> transfers are currently disabled". */
export function isSendEnabledCoins(ctx: ReadContext, coins: readonly Coin[]): void {
  if (coins.length === 0) return;
  const defaultEnabled = getParams(ctx).defaultSendEnabled;
  for (const c of coins) {
    if (!(getSendEnabledEntry(ctx, c.denom)?.enabled ?? defaultEnabled)) {
      throw ErrSendDisabled.wrap(`${c.denom} transfers are currently disabled`);
    }
  }
}

/** SDK `SetSendEnabled`. */
export function setSendEnabled(ctx: WriteContext, denom: string, enabled: boolean): void {
  ctx.kv(BANK_STORE_KEY).set(sendEnabledKey(denom), encodeBoolValue(enabled));
}

/** SDK `SetAllSendEnabled`, in the order given. */
export function setAllSendEnabled(ctx: WriteContext, entries: readonly SendEnabled[]): void {
  for (const e of entries) setSendEnabled(ctx, e.denom, e.enabled);
}

/** SDK `DeleteSendEnabled`: the denoms fall back to the default flag. */
export function deleteSendEnabled(ctx: WriteContext, denoms: readonly string[]): void {
  const store = ctx.kv(BANK_STORE_KEY);
  for (const d of denoms) store.delete(sendEnabledKey(d));
}

/** SDK `IterateSendEnabledEntries`, in denom byte order; stops when `cb` returns true. */
export function iterateSendEnabledEntries(ctx: ReadContext, cb: (entry: SendEnabled) => boolean | void): void {
  for (const { key, value } of ctx.kv(BANK_STORE_KEY).iterator(SEND_ENABLED_PREFIX, prefixEnd(SEND_ENABLED_PREFIX))) {
    const entry = { denom: utf8.decode(key.subarray(SEND_ENABLED_PREFIX.length)), enabled: decodeBoolValue(value) };
    if (cb(entry) === true) break;
  }
}

/** SDK `GetAllSendEnabledEntries`. */
export function getAllSendEnabledEntries(ctx: ReadContext): SendEnabled[] {
  const out: SendEnabled[] = [];
  iterateSendEnabledEntries(ctx, (e) => void out.push(e));
  return out;
}
