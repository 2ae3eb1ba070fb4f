/**
 * The total supply (SDK v0.47 `x/bank/keeper/keeper.go`): one record per denom, set at genesis and
 * changed afterwards only by `MintCoins` and `BurnCoins`, which live here with it. Module-account and
 * permission failures are `ErrPanic` errors with the reference's panic text.
 */
import type { ReadContext } from "../../baseapp/context.js";
import { ErrPanic } from "../../baseapp/errors.js";
import type { Coin, Coins } from "../../math/coins.js";
import { prefixEnd } from "../../store/bytes.js";
import { accAddressString } from "./addresses.js";
import { burnEvent, coinbaseEvent } from "./events.js";
import type { AccountKeeperForBank, BankAccountView, BankContext, WriteContext } from "./expected.js";
import { BANK_STORE_KEY, SUPPLY_PREFIX, supplyKey } from "./keys.js";
import { moduleAccountOrPanic, requireModulePermission } from "./moduleAccounts.js";
import { addCoins, subUnlockedCoins } from "./send.js";
import { addAmounts, decodeAmount, encodeAmount } from "./store.js";

const utf8 = new TextDecoder();

/** auth's module-account permissions for minting and burning (SDK `authtypes.Minter`, `Burner`). */
const MINTER = "minter";
const BURNER = "burner";

/** SDK `GetSupply`: always a coin (0 when nothing is stored). */
export function getSupply(ctx: ReadContext, denom: string): Coin {
  const bytes = ctx.kv(BANK_STORE_KEY).get(supplyKey(denom));
  return { denom, amount: bytes === undefined ? 0n : decodeAmount(bytes) };
}

/** SDK `HasSupply`. */
export function hasSupply(ctx: ReadContext, denom: string): boolean {
  return ctx.kv(BANK_STORE_KEY).has(supplyKey(denom));
}

/** SDK `setSupply`: a zero supply deletes the entry. Genesis sets each denom's sum of balances with it. */
export function setSupply(ctx: WriteContext, supply: Coin): void {
  const store = ctx.kv(BANK_STORE_KEY);
  if (supply.amount === 0n) store.delete(supplyKey(supply.denom));
  else store.set(supplyKey(supply.denom), encodeAmount(supply.amount));
}

/** SDK `IterateTotalSupply`, in denom byte order; stops when `cb` returns true. */
export function iterateTotalSupply(ctx: ReadContext, cb: (supply: Coin) => boolean | void): void {
  for (const { key, value } of ctx.kv(BANK_STORE_KEY).iterator(SUPPLY_PREFIX, prefixEnd(SUPPLY_PREFIX))) {
    if (cb({ denom: utf8.decode(key.subarray(SUPPLY_PREFIX.length)), amount: decodeAmount(value) }) === true) break;
  }
}

/**
 * SDK `MintCoins`: credits the module account (created on first use), raises the supply per denom,
 * emits `coinbase` {minter, amount}. Panics (ErrPanic) for an unknown module or one without `minter`.
 */
export function mintCoins<A extends BankAccountView>(
  accounts: AccountKeeperForBank<A>,
  ctx: BankContext,
  moduleName: string,
  amounts: Coins,
): void {
  const acc = moduleAccountOrPanic(accounts, ctx, moduleName);
  requireModulePermission(acc, moduleName, MINTER, "mint tokens");
  addCoins(ctx, acc.address, amounts);
  for (const c of amounts.toArray()) {
    const supply = getSupply(ctx, c.denom);
    setSupply(ctx, { denom: c.denom, amount: addAmounts(supply.amount, c.amount) });
  }
  ctx.emit(coinbaseEvent({ minter: accAddressString(acc.address), amount: amounts.toString() }));
}

/**
 * SDK `BurnCoins`: debits the module account (spendable rule, ErrInsufficientFunds), lowers the
 * supply, emits `burn` {burner, amount}. Panics for an unknown module or one without `burner`.
 */
export function burnCoins<A extends BankAccountView>(
  accounts: AccountKeeperForBank<A>,
  ctx: BankContext,
  moduleName: string,
  amounts: Coins,
): void {
  const acc = moduleAccountOrPanic(accounts, ctx, moduleName);
  requireModulePermission(acc, moduleName, BURNER, "burn tokens");
  subUnlockedCoins(accounts, ctx, acc.address, amounts);
  for (const c of amounts.toArray()) {
    const supply = getSupply(ctx, c.denom);
    const left = supply.amount - c.amount;
    if (left < 0n) throw ErrPanic.wrap(`negative coin amount: ${left}${c.denom}`);
    setSupply(ctx, { denom: c.denom, amount: left });
  }
  ctx.emit(burnEvent({ burner: accAddressString(acc.address), amount: amounts.toString() }));
}
