/**
 * The bank keeper (SDK v0.47 `x/bank/keeper/keeper.go`): supply, denom metadata, transfers to and from
 * module accounts, minting, burning and the staking delegation helpers, on top of the send and view
 * keepers. Module-permission failures are panics in the reference; here they are `ErrPanic` errors
 * carrying the same text.
 */
import { Metadata } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import type { ReadContext } from "../../baseapp/context.js";
import { ErrInsufficientFunds, ErrPanic, ErrUnauthorized, ErrUnknownAddress } from "../../baseapp/errors.js";
import { prefixEnd } from "../../store/bytes.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import type { Coin, Coins } from "../../math/coins.js";
import { burnEvent, coinbaseEvent, coinSpentEvent } from "./events.js";
import type { BankAccountView, BankContext, WriteContext } from "./expected.js";
import { BANK_STORE_KEY, DENOM_METADATA_PREFIX, SUPPLY_PREFIX, denomMetadataKey, supplyKey } from "./keys.js";
import { addAmounts, decodeAmount, encodeAmount } from "./store.js";
import { BankSendKeeper } from "./send.js";

const bech32 = (address: Uint8Array): string => formatBech32Address(address, BECH32_PREFIX.account);
const utf8 = new TextDecoder();

/** `auth` module-account permissions bank checks (SDK `authtypes.Minter`, `Burner`, `Staking`). */
const MINTER = "minter";
const BURNER = "burner";
const STAKING = "staking";

export class BankKeeper<A extends BankAccountView = BankAccountView> extends BankSendKeeper<A> {
  // ---- supply --------------------------------------------------------------------------------

  /** SDK `GetSupply`: always a coin (0 when nothing is stored). */
  getSupply(ctx: ReadContext, denom: string): Coin {
    const bytes = ctx.kv(BANK_STORE_KEY).get(supplyKey(denom));
    return { denom, amount: bytes === undefined ? 0n : decodeAmount(bytes) };
  }

  hasSupply(ctx: ReadContext, denom: string): boolean {
    return ctx.kv(BANK_STORE_KEY).has(supplyKey(denom));
  }

  /** Genesis: the supply of one denom, as `InitGenesis` sets it from the summed balances. */
  initSupply(ctx: WriteContext, supply: Coin): void {
    this.setSupply(ctx, supply);
  }

  /** SDK `setSupply`: a zero supply deletes the entry. */
  protected setSupply(ctx: WriteContext, supply: Coin): void {
    const store = ctx.kv(BANK_STORE_KEY);
    if (supply.amount === 0n) store.delete(supplyKey(supply.denom));
    else store.set(supplyKey(supply.denom), encodeAmount(supply.amount));
  }

  /** SDK `IterateTotalSupply`, in denom byte order; stops when `cb` returns true. */
  iterateTotalSupply(ctx: ReadContext, cb: (supply: Coin) => boolean | void): void {
    for (const { key, value } of ctx.kv(BANK_STORE_KEY).iterator(SUPPLY_PREFIX, prefixEnd(SUPPLY_PREFIX))) {
      if (cb({ denom: utf8.decode(key.subarray(SUPPLY_PREFIX.length)), amount: decodeAmount(value) }) === true) break;
    }
  }

  // ---- denom metadata ------------------------------------------------------------------------

  getDenomMetaData(ctx: ReadContext, denom: string): Metadata | undefined {
    const bytes = ctx.kv(BANK_STORE_KEY).get(denomMetadataKey(denom));
    return bytes === undefined ? undefined : Metadata.decode(bytes);
  }

  hasDenomMetaData(ctx: ReadContext, denom: string): boolean {
    return ctx.kv(BANK_STORE_KEY).has(denomMetadataKey(denom));
  }

  /** SDK `SetDenomMetaData`: stored under its base denom. */
  setDenomMetaData(ctx: WriteContext, metadata: Metadata): void {
    ctx.kv(BANK_STORE_KEY).set(denomMetadataKey(metadata.base), Metadata.encode(metadata).finish());
  }

  /** SDK `IterateAllDenomMetaData`, in base-denom byte order. */
  iterateAllDenomMetaData(ctx: ReadContext, cb: (metadata: Metadata) => boolean | void): void {
    for (const { value } of ctx.kv(BANK_STORE_KEY).iterator(DENOM_METADATA_PREFIX, prefixEnd(DENOM_METADATA_PREFIX))) {
      if (cb(Metadata.decode(value)) === true) break;
    }
  }

  getAllDenomMetaData(ctx: ReadContext): Metadata[] {
    const out: Metadata[] = [];
    this.iterateAllDenomMetaData(ctx, (m) => void out.push(m));
    return out;
  }

  // ---- module accounts -----------------------------------------------------------------------

  /** SDK `SendCoinsFromModuleToAccount`: refuses blocked recipients (ErrUnauthorized). */
  sendCoinsFromModuleToAccount(ctx: BankContext, senderModule: string, recipient: Uint8Array, amt: Coins): void {
    const sender = this.moduleAddressOrPanic(senderModule);
    if (this.blockedAddr(recipient)) throw ErrUnauthorized.wrap(`${bech32(recipient)} is not allowed to receive funds`);
    this.sendCoins(ctx, sender, recipient, amt);
  }

  /** SDK `SendCoinsFromModuleToModule`: the recipient module account is created on first use. */
  sendCoinsFromModuleToModule(ctx: BankContext, senderModule: string, recipientModule: string, amt: Coins): void {
    const sender = this.moduleAddressOrPanic(senderModule);
    const recipient = this.moduleAccountOrPanic(ctx, recipientModule);
    this.sendCoins(ctx, sender, recipient.address, amt);
  }

  /** SDK `SendCoinsFromAccountToModule`. */
  sendCoinsFromAccountToModule(ctx: BankContext, sender: Uint8Array, recipientModule: string, amt: Coins): void {
    const recipient = this.moduleAccountOrPanic(ctx, recipientModule);
    this.sendCoins(ctx, sender, recipient.address, amt);
  }

  /** SDK `DelegateCoinsFromAccountToModule`: the module needs the `staking` permission (else panic). */
  delegateCoinsFromAccountToModule(ctx: BankContext, sender: Uint8Array, recipientModule: string, amt: Coins): void {
    const recipient = this.moduleAccountOrPanic(ctx, recipientModule);
    if (!recipient.module?.permissions.includes(STAKING)) {
      throw ErrPanic.wrap(ErrUnauthorized.wrap(`module account ${recipientModule} does not have permissions to receive delegated coins`).message);
    }
    this.delegateCoins(ctx, sender, recipient.address, amt);
  }

  /** SDK `UndelegateCoinsFromModuleToAccount`: the module needs the `staking` permission (else panic). */
  undelegateCoinsFromModuleToAccount(ctx: BankContext, senderModule: string, recipient: Uint8Array, amt: Coins): void {
    const sender = this.moduleAccountOrPanic(ctx, senderModule);
    if (!sender.module?.permissions.includes(STAKING)) {
      throw ErrPanic.wrap(ErrUnauthorized.wrap(`module account ${senderModule} does not have permissions to undelegate coins`).message);
    }
    this.undelegateCoins(ctx, sender.address, recipient, amt);
  }

  /**
   * SDK `DelegateCoins`: moves `amt` from a delegator to an existing module account without the
   * spendable-balance rule (vesting coins may be delegated); emits `coin_spent` then `coin_received`.
   */
  delegateCoins(ctx: BankContext, delegator: Uint8Array, moduleAccount: Uint8Array, amt: Coins): void {
    if (this.ak.getAccount(ctx, moduleAccount) === undefined) {
      throw ErrUnknownAddress.wrap(`module account ${bech32(moduleAccount)} does not exist`);
    }
    for (const c of amt.toArray()) {
      const balance = this.getBalance(ctx, delegator, c.denom);
      if (balance.amount < c.amount) {
        throw ErrInsufficientFunds.wrap(`failed to delegate; ${balance.amount}${balance.denom} is smaller than ${amt.toString()}`);
      }
      this.setBalance(ctx, delegator, { denom: c.denom, amount: balance.amount - c.amount });
    }
    this.trackAccount(ctx, delegator, "failed to track delegation");
    ctx.emit(coinSpentEvent(bech32(delegator), amt.toString()));
    this.addCoins(ctx, moduleAccount, amt);
  }

  /** SDK `UndelegateCoins`: from an existing module account back to the delegator. */
  undelegateCoins(ctx: BankContext, moduleAccount: Uint8Array, delegator: Uint8Array, amt: Coins): void {
    if (this.ak.getAccount(ctx, moduleAccount) === undefined) {
      throw ErrUnknownAddress.wrap(`module account ${bech32(moduleAccount)} does not exist`);
    }
    this.subUnlockedCoins(ctx, moduleAccount, amt);
    this.trackAccount(ctx, delegator, "failed to track undelegation");
    this.addCoins(ctx, delegator, amt);
  }

  /** SDK `trackDelegation`/`trackUndelegation` without vesting: the account must exist. */
  private trackAccount(ctx: ReadContext, address: Uint8Array, context: string): void {
    if (this.ak.getAccount(ctx, address) === undefined) {
      throw ErrUnknownAddress.wrap(`account ${bech32(address)} does not exist`).wrap(context);
    }
  }

  /**
   * SDK `MintCoins`: credits the module account (created on first use), raises the supply per denom,
   * emits `coinbase` {minter, amount}. Panics (ErrPanic) for an unknown module or one without `minter`.
   */
  mintCoins(ctx: BankContext, moduleName: string, amounts: Coins): void {
    const acc = this.moduleAccountOrPanic(ctx, moduleName);
    if (!acc.module?.permissions.includes(MINTER)) {
      throw ErrPanic.wrap(ErrUnauthorized.wrap(`module account ${moduleName} does not have permissions to mint tokens`).message);
    }
    this.addCoins(ctx, acc.address, amounts);
    for (const c of amounts.toArray()) {
      const supply = this.getSupply(ctx, c.denom);
      this.setSupply(ctx, { denom: c.denom, amount: addAmounts(supply.amount, c.amount) });
    }
    ctx.emit(coinbaseEvent(bech32(acc.address), amounts.toString()));
  }

  /**
   * SDK `BurnCoins`: debits the module account (spendable rule, ErrInsufficientFunds), lowers the
   * supply, emits `burn` {burner, amount}. Panics for an unknown module or one without `burner`.
   */
  burnCoins(ctx: BankContext, moduleName: string, amounts: Coins): void {
    const acc = this.moduleAccountOrPanic(ctx, moduleName);
    if (!acc.module?.permissions.includes(BURNER)) {
      throw ErrPanic.wrap(ErrUnauthorized.wrap(`module account ${moduleName} does not have permissions to burn tokens`).message);
    }
    this.subUnlockedCoins(ctx, acc.address, amounts);
    for (const c of amounts.toArray()) {
      const supply = this.getSupply(ctx, c.denom);
      const left = supply.amount - c.amount;
      if (left < 0n) throw ErrPanic.wrap(`negative coin amount: ${left}${c.denom}`);
      this.setSupply(ctx, { denom: c.denom, amount: left });
    }
    ctx.emit(burnEvent(bech32(acc.address), amounts.toString()));
  }

  private moduleAddressOrPanic(name: string): Uint8Array {
    const address = this.ak.getModuleAddress(name);
    if (address === undefined) throw ErrPanic.wrap(ErrUnknownAddress.wrap(`module account ${name} does not exist`).message);
    return address;
  }

  private moduleAccountOrPanic(ctx: WriteContext, name: string): A {
    const acc = this.ak.getModuleAccount(ctx, name);
    if (acc === undefined) throw ErrPanic.wrap(ErrUnknownAddress.wrap(`module account ${name} does not exist`).message);
    return acc;
  }
}
