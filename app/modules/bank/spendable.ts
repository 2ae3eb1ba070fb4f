/**
 * Spendable coins (SDK v0.47 `x/bank/keeper/view.go`): balances minus locked coins. There are no vesting
 * accounts on this chain, so locked coins are always none, but `LockedCoins` still reads the account as
 * the reference does (the read is metered gas).
 */
import type { ReadContext } from "../../baseapp/context.js";
import { type Coin, Coins, coin } from "../../math/coins.js";
import { getAllBalances, getBalance } from "./balances.js";
import type { AccountReaderForBank } from "./expected.js";

/** SDK `LockedCoins`: none without vesting accounts; the account read is kept for gas parity. */
export function lockedCoins(accounts: AccountReaderForBank, ctx: ReadContext, address: Uint8Array): Coins {
  accounts.getAccount(ctx, address);
  return Coins.EMPTY;
}

/** SDK `SpendableCoins`: all balances minus locked coins. */
export function spendableCoins(accounts: AccountReaderForBank, ctx: ReadContext, address: Uint8Array): Coins {
  const total = getAllBalances(ctx, address);
  const { result, negative } = total.safeSub(lockedCoins(accounts, ctx, address));
  return negative ? Coins.EMPTY : result;
}

/** SDK `SpendableCoin`: balance of one denom minus its locked part. */
export function spendableCoin(accounts: AccountReaderForBank, ctx: ReadContext, address: Uint8Array, denom: string): Coin {
  const balance = getBalance(ctx, address, denom);
  const locked = lockedCoins(accounts, ctx, address);
  return coin(denom, balance.amount - locked.amountOf(denom));
}
