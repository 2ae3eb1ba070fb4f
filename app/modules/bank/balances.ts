/**
 * Balance records of the bank store (SDK v0.47 `x/bank/keeper/view.go` reads, `send.go` `setBalance`):
 * one entry per (address, denom) plus the denom→address index. Plain functions over a read or write
 * context; the store is touched in the reference's order (gas).
 */
import type { ReadContext } from "../../baseapp/context.js";
import { ErrPanic } from "../../baseapp/errors.js";
import { type Coin, Coins } from "../../math/coins.js";
import { prefixEnd } from "../../store/bytes.js";
import type { WriteContext } from "./expected.js";
import { BALANCES_PREFIX, BANK_STORE_KEY, accountBalancesPrefix, balanceKey, denomAddressKey, splitBalanceKey } from "./keys.js";
import { checkBalanceDenom, decodeAmount, encodeAmount } from "./store.js";

const utf8 = new TextDecoder();
/** The value of a denom→address index entry (SDK `[]byte{0}`). */
const ZERO_MARKER = Uint8Array.of(0);

/** SDK `GetBalance`: always a coin (amount 0 when nothing is stored). */
export function getBalance(ctx: ReadContext, address: Uint8Array, denom: string): Coin {
  const bytes = ctx.kv(BANK_STORE_KEY).get(balanceKey(address, denom));
  checkBalanceDenom(denom);
  return { denom, amount: bytes === undefined ? 0n : decodeAmount(bytes) };
}

/** SDK `HasBalance`: balance ≥ amt. */
export function hasBalance(ctx: ReadContext, address: Uint8Array, amt: Coin): boolean {
  return getBalance(ctx, address, amt.denom).amount >= amt.amount;
}

/** SDK `IterateAccountBalances`, in denom byte order; stops when `cb` returns true. */
export function iterateAccountBalances(ctx: ReadContext, address: Uint8Array, cb: (balance: Coin) => boolean | void): void {
  const prefix = accountBalancesPrefix(address);
  for (const { key, value } of ctx.kv(BANK_STORE_KEY).iterator(prefix, prefixEnd(prefix))) {
    const denom = utf8.decode(key.subarray(prefix.length));
    checkBalanceDenom(denom);
    if (cb({ denom, amount: decodeAmount(value) }) === true) break;
  }
}

/** SDK `GetAllBalances`. */
export function getAllBalances(ctx: ReadContext, address: Uint8Array): Coins {
  const list: Coin[] = [];
  iterateAccountBalances(ctx, address, (b) => void list.push(b));
  return Coins.fromArray(list);
}

/** SDK `IterateAllBalances`: every (address, balance), in key order (address length, address, denom). */
export function iterateAllBalances(ctx: ReadContext, cb: (address: Uint8Array, balance: Coin) => boolean | void): void {
  for (const { key, value } of ctx.kv(BANK_STORE_KEY).iterator(BALANCES_PREFIX, prefixEnd(BALANCES_PREFIX))) {
    const parts = splitBalanceKey(key.subarray(BALANCES_PREFIX.length));
    if (parts === undefined) throw ErrPanic.wrap("invalid key");
    checkBalanceDenom(parts.denom);
    if (cb(parts.address, { denom: parts.denom, amount: decodeAmount(value) }) === true) break;
  }
}

/** SDK `GetAccountsBalances`: one entry per address, in store order (the genesis export). */
export function getAccountsBalances(ctx: ReadContext): Array<{ address: Uint8Array; coins: Coins }> {
  const out: Array<{ address: Uint8Array; coins: Coins }> = [];
  const index = new Map<string, { address: Uint8Array; coins: Coins }>();
  iterateAllBalances(ctx, (address, balance) => {
    const id = Buffer.from(address).toString("hex");
    const entry = index.get(id);
    if (entry === undefined) {
      const created = { address, coins: Coins.of(balance) };
      index.set(id, created);
      out.push(created);
    } else {
      entry.coins = entry.coins.add(Coins.of(balance));
    }
  });
  return out;
}

/**
 * SDK `setBalance`: a zero balance deletes the entry and its denom→address index; otherwise the
 * amount is written and the index entry added if missing (one `Has` then maybe one `Set`).
 */
export function setBalance(ctx: WriteContext, address: Uint8Array, balance: Coin): void {
  const store = ctx.kv(BANK_STORE_KEY);
  if (balance.amount === 0n) {
    store.delete(balanceKey(address, balance.denom));
    store.delete(denomAddressKey(balance.denom, address));
    return;
  }
  store.set(balanceKey(address, balance.denom), encodeAmount(balance.amount));
  const indexKey = denomAddressKey(balance.denom, address);
  if (!store.has(indexKey)) store.set(indexKey, ZERO_MARKER);
}

/**
 * SDK `initBalances` (genesis): writes each non-zero balance and its denom→address index entry,
 * without events or account creation.
 */
export function initBalances(ctx: WriteContext, address: Uint8Array, balances: Coins): void {
  for (const c of balances.toArray()) setBalance(ctx, address, c);
}
