/**
 * Read side of the bank keeper (SDK v0.47 `x/bank/keeper/view.go`): balances, spendable coins.
 * There are no vesting accounts on this chain, so locked coins are always none, but `LockedCoins` still
 * reads the account as the reference does (the read is metered gas).
 */
import type { ReadContext } from "../../baseapp/context.js";
import { type Coin, Coins, coin } from "../../math/coins.js";
import type { KVStore } from "../../store/types.js";
import { prefixEnd } from "../../store/bytes.js";
import type { AccountKeeperForBank, BankAccountView, WriteContext } from "./expected.js";
import { BALANCES_PREFIX, BANK_STORE_KEY, accountBalancesPrefix, balanceKey, denomAddressKey, splitBalanceKey } from "./keys.js";
import { checkBalanceDenom, decodeAmount, encodeAmount } from "./store.js";
import { ErrPanic } from "../../baseapp/errors.js";

const utf8 = new TextDecoder();
const ZERO_MARKER = Uint8Array.of(0);

export class BankViewKeeper<A extends BankAccountView = BankAccountView> {
  constructor(protected readonly ak: AccountKeeperForBank<A>) {}

  /** SDK `GetBalance`: always a coin (amount 0 when nothing is stored). */
  getBalance(ctx: ReadContext, address: Uint8Array, denom: string): Coin {
    const bytes = ctx.kv(BANK_STORE_KEY).get(balanceKey(address, denom));
    checkBalanceDenom(denom);
    return { denom, amount: bytes === undefined ? 0n : decodeAmount(bytes) };
  }

  /** SDK `HasBalance`: balance ≥ amt. */
  hasBalance(ctx: ReadContext, address: Uint8Array, amt: Coin): boolean {
    return this.getBalance(ctx, address, amt.denom).amount >= amt.amount;
  }

  /** SDK `IterateAccountBalances`, in denom byte order; stops when `cb` returns true. */
  iterateAccountBalances(ctx: ReadContext, address: Uint8Array, cb: (balance: Coin) => boolean | void): void {
    const prefix = accountBalancesPrefix(address);
    for (const { key, value } of ctx.kv(BANK_STORE_KEY).iterator(prefix, prefixEnd(prefix))) {
      const denom = utf8.decode(key.subarray(prefix.length));
      checkBalanceDenom(denom);
      if (cb({ denom, amount: decodeAmount(value) }) === true) break;
    }
  }

  /** SDK `GetAllBalances`. */
  getAllBalances(ctx: ReadContext, address: Uint8Array): Coins {
    const list: Coin[] = [];
    this.iterateAccountBalances(ctx, address, (b) => void list.push(b));
    return Coins.fromArray(list);
  }

  /** SDK `IterateAllBalances`: every (address, balance), in key order (address length, address, denom). */
  iterateAllBalances(ctx: ReadContext, cb: (address: Uint8Array, balance: Coin) => boolean | void): void {
    for (const { key, value } of ctx.kv(BANK_STORE_KEY).iterator(BALANCES_PREFIX, prefixEnd(BALANCES_PREFIX))) {
      const parts = splitBalanceKey(key.subarray(BALANCES_PREFIX.length));
      if (parts === undefined) throw ErrPanic.wrap("invalid key");
      checkBalanceDenom(parts.denom);
      if (cb(parts.address, { denom: parts.denom, amount: decodeAmount(value) }) === true) break;
    }
  }

  /** SDK `GetAccountsBalances`: one entry per address, in store order (the genesis export). */
  getAccountsBalances(ctx: ReadContext): Array<{ address: Uint8Array; coins: Coins }> {
    const out: Array<{ address: Uint8Array; coins: Coins }> = [];
    const index = new Map<string, number>();
    this.iterateAllBalances(ctx, (address, balance) => {
      const id = Buffer.from(address).toString("hex");
      const at = index.get(id);
      if (at === undefined) {
        index.set(id, out.length);
        out.push({ address, coins: Coins.of(balance) });
      } else {
        const entry = out[at]!;
        entry.coins = entry.coins.add(Coins.of(balance));
      }
    });
    return out;
  }

  /** SDK `LockedCoins`: none without vesting accounts; the account read is kept for gas parity. */
  lockedCoins(ctx: ReadContext, address: Uint8Array): Coins {
    this.ak.getAccount(ctx, address);
    return Coins.EMPTY;
  }

  /** SDK `SpendableCoins`: all balances minus locked coins. */
  spendableCoins(ctx: ReadContext, address: Uint8Array): Coins {
    const total = this.getAllBalances(ctx, address);
    const { result, negative } = total.safeSub(this.lockedCoins(ctx, address));
    return negative ? Coins.EMPTY : result;
  }

  /** SDK `SpendableCoin`: balance of one denom minus its locked part. */
  spendableCoin(ctx: ReadContext, address: Uint8Array, denom: string): Coin {
    const balance = this.getBalance(ctx, address, denom);
    const locked = this.lockedCoins(ctx, address);
    return coin(denom, balance.amount - locked.amountOf(denom));
  }

  /**
   * SDK `setBalance`: a zero balance deletes the entry and its denom→address index; otherwise the
   * amount is written and the index entry added if missing (one `Has` then maybe one `Set`).
   */
  protected setBalance(ctx: WriteContext, address: Uint8Array, balance: Coin): void {
    const store: KVStore = ctx.kv(BANK_STORE_KEY);
    if (balance.amount === 0n) {
      store.delete(balanceKey(address, balance.denom));
      store.delete(denomAddressKey(balance.denom, address));
      return;
    }
    store.set(balanceKey(address, balance.denom), encodeAmount(balance.amount));
    const indexKey = denomAddressKey(balance.denom, address);
    if (!store.has(indexKey)) store.set(indexKey, ZERO_MARKER);
  }
}
