/**
 * Coins to and from module accounts (SDK v0.47 `x/bank/keeper/keeper.go`), and the blocked-address
 * rule for module payouts. Module-account and permission failures are panics in the reference; here
 * they are `ErrPanic` errors carrying the same text.
 */
import { ErrPanic, ErrUnauthorized, ErrUnknownAddress } from "../../baseapp/errors.js";
import type { Coins } from "../../math/coins.js";
import { accAddressString } from "./addresses.js";
import type { AccountKeeperForBank, BankAccountView, BankContext, WriteContext } from "./expected.js";
import { sendCoins } from "./send.js";

/** SDK `BlockedAddr`: `blocked` holds the bech32 texts of the addresses that may not receive user funds. */
export function isBlockedAddr(blocked: ReadonlySet<string>, address: Uint8Array): boolean {
  return blocked.has(accAddressString(address));
}

/** SDK `SendCoinsFromModuleToAccount`: refuses blocked recipients (ErrUnauthorized). */
export function sendCoinsFromModuleToAccount<A extends BankAccountView>(
  accounts: AccountKeeperForBank<A>,
  blocked: ReadonlySet<string>,
  ctx: BankContext,
  senderModule: string,
  recipient: Uint8Array,
  amt: Coins,
): void {
  const sender = moduleAddressOrPanic(accounts, senderModule);
  if (isBlockedAddr(blocked, recipient)) throw ErrUnauthorized.wrap(`${accAddressString(recipient)} is not allowed to receive funds`);
  sendCoins(accounts, ctx, sender, recipient, amt);
}

/** SDK `SendCoinsFromModuleToModule`: the recipient module account is created on first use. */
export function sendCoinsFromModuleToModule<A extends BankAccountView>(
  accounts: AccountKeeperForBank<A>,
  ctx: BankContext,
  senderModule: string,
  recipientModule: string,
  amt: Coins,
): void {
  const sender = moduleAddressOrPanic(accounts, senderModule);
  const recipient = moduleAccountOrPanic(accounts, ctx, recipientModule);
  sendCoins(accounts, ctx, sender, recipient.address, amt);
}

/** SDK `SendCoinsFromAccountToModule`: the recipient module account is created on first use. */
export function sendCoinsFromAccountToModule<A extends BankAccountView>(
  accounts: AccountKeeperForBank<A>,
  ctx: BankContext,
  sender: Uint8Array,
  recipientModule: string,
  amt: Coins,
): void {
  const recipient = moduleAccountOrPanic(accounts, ctx, recipientModule);
  sendCoins(accounts, ctx, sender, recipient.address, amt);
}

/** `ak.GetModuleAddress(name)`, panicking (no store access) for a name without module permissions. */
export function moduleAddressOrPanic(accounts: Pick<AccountKeeperForBank, "getModuleAddress">, name: string): Uint8Array {
  const address = accounts.getModuleAddress(name);
  if (address === undefined) throw ErrPanic.wrap(ErrUnknownAddress.wrap(`module account ${name} does not exist`).message);
  return address;
}

/** `ak.GetModuleAccount(ctx, name)` (created and stored on first use), panicking for an unknown name. */
export function moduleAccountOrPanic<A extends BankAccountView>(
  accounts: Pick<AccountKeeperForBank<A>, "getModuleAccount">,
  ctx: WriteContext,
  name: string,
): A {
  const acc = accounts.getModuleAccount(ctx, name);
  if (acc === undefined) throw ErrPanic.wrap(ErrUnknownAddress.wrap(`module account ${name} does not exist`).message);
  return acc;
}

/**
 * The reference's `panic(errorsmod.Wrapf(sdkerrors.ErrUnauthorized, "module account %s does not have
 * permissions to %s", …))` unless the module account holds `permission` (auth's `Minter`, `Burner`,
 * `Staking`).
 */
export function requireModulePermission(acc: BankAccountView, name: string, permission: string, action: string): void {
  if (!acc.module?.permissions.includes(permission)) {
    throw ErrPanic.wrap(ErrUnauthorized.wrap(`module account ${name} does not have permissions to ${action}`).message);
  }
}
