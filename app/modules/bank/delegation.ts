/**
 * Staking's coin movements (SDK v0.47 `x/bank/keeper/keeper.go` `DelegateCoins`, `UndelegateCoins` and
 * their module-account wrappers): without vesting accounts the delegation tracking only checks that the
 * account exists. Store access and events follow the reference's order (gas).
 */
import type { ReadContext } from "../../baseapp/context.js";
import { ErrInsufficientFunds, ErrUnknownAddress } from "../../baseapp/errors.js";
import type { Coins } from "../../math/coins.js";
import { accAddressString } from "./addresses.js";
import { getBalance, setBalance } from "./balances.js";
import { coinSpentEvent } from "./events.js";
import type { AccountKeeperForBank, AccountReaderForBank, BankAccountView, BankContext } from "./expected.js";
import { moduleAccountOrPanic, requireModulePermission } from "./moduleAccounts.js";
import { addCoins, subUnlockedCoins } from "./send.js";

/** auth's `Staking` module-account permission. */
const STAKING = "staking";

/** SDK `DelegateCoinsFromAccountToModule`: the module needs the `staking` permission (else panic). */
export function delegateCoinsFromAccountToModule<A extends BankAccountView>(
  accounts: AccountKeeperForBank<A>,
  ctx: BankContext,
  sender: Uint8Array,
  recipientModule: string,
  amt: Coins,
): void {
  const recipient = moduleAccountOrPanic(accounts, ctx, recipientModule);
  requireModulePermission(recipient, recipientModule, STAKING, "receive delegated coins");
  delegateCoins(accounts, ctx, sender, recipient.address, amt);
}

/** SDK `UndelegateCoinsFromModuleToAccount`: the module needs the `staking` permission (else panic). */
export function undelegateCoinsFromModuleToAccount<A extends BankAccountView>(
  accounts: AccountKeeperForBank<A>,
  ctx: BankContext,
  senderModule: string,
  recipient: Uint8Array,
  amt: Coins,
): void {
  const sender = moduleAccountOrPanic(accounts, ctx, senderModule);
  requireModulePermission(sender, senderModule, STAKING, "undelegate coins");
  undelegateCoins(accounts, ctx, sender.address, recipient, amt);
}

/**
 * SDK `DelegateCoins`: moves `amt` from a delegator to an existing module account without the
 * spendable-balance rule (vesting coins may be delegated); emits `coin_spent` then `coin_received`.
 */
export function delegateCoins(accounts: AccountReaderForBank, ctx: BankContext, delegator: Uint8Array, moduleAccount: Uint8Array, amt: Coins): void {
  if (accounts.getAccount(ctx, moduleAccount) === undefined) {
    throw ErrUnknownAddress.wrap(`module account ${accAddressString(moduleAccount)} does not exist`);
  }
  for (const c of amt.toArray()) {
    const balance = getBalance(ctx, delegator, c.denom);
    if (balance.amount < c.amount) {
      throw ErrInsufficientFunds.wrap(`failed to delegate; ${balance.amount}${balance.denom} is smaller than ${amt.toString()}`);
    }
    setBalance(ctx, delegator, { denom: c.denom, amount: balance.amount - c.amount });
  }
  trackAccount(accounts, ctx, delegator, "failed to track delegation");
  ctx.emit(coinSpentEvent({ spender: accAddressString(delegator), amount: amt.toString() }));
  addCoins(ctx, moduleAccount, amt);
}

/** SDK `UndelegateCoins`: from an existing module account back to the delegator. */
export function undelegateCoins(accounts: AccountReaderForBank, ctx: BankContext, moduleAccount: Uint8Array, delegator: Uint8Array, amt: Coins): void {
  if (accounts.getAccount(ctx, moduleAccount) === undefined) {
    throw ErrUnknownAddress.wrap(`module account ${accAddressString(moduleAccount)} does not exist`);
  }
  subUnlockedCoins(accounts, ctx, moduleAccount, amt);
  trackAccount(accounts, ctx, delegator, "failed to track undelegation");
  addCoins(ctx, delegator, amt);
}

/** SDK `trackDelegation`/`trackUndelegation` without vesting: the account must exist. */
function trackAccount(accounts: AccountReaderForBank, ctx: ReadContext, address: Uint8Array, context: string): void {
  if (accounts.getAccount(ctx, address) === undefined) {
    throw ErrUnknownAddress.wrap(`account ${accAddressString(address)} does not exist`).wrap(context);
  }
}
