/**
 * The bank keeper (SDK v0.47 `x/bank/keeper`): the one object other modules receive. It holds the
 * keeper's configuration (the account keeper, the blocked addresses, the authority) and nothing else;
 * every method is one call into the file that does the work, named in each section below, with the
 * SDK method's name and store-access order. Other modules should declare the slice they use in their
 * own `expected.ts` rather than take this whole type.
 */
import type { Metadata } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import type { ReadContext } from "../../baseapp/context.js";
import type { Coin, Coins } from "../../math/coins.js";
import * as balances from "./balances.js";
import * as delegation from "./delegation.js";
import * as denomMetadata from "./denomMetadata.js";
import type { AccountKeeperForBank, BankAccountView, BankContext, WriteContext } from "./expected.js";
import type { InputOutput } from "./logic/inputsOutputs.js";
import * as moduleAccounts from "./moduleAccounts.js";
import type { BankParams, SendEnabled } from "./params.js";
import * as send from "./send.js";
import * as sendEnabled from "./sendEnabled.js";
import * as spendable from "./spendable.js";
import * as supply from "./supply.js";

export class BankKeeper<A extends BankAccountView = BankAccountView> {
  constructor(
    private readonly ak: AccountKeeperForBank<A>,
    /** Bech32 addresses that may not receive funds from users (spec-chain §9). */
    private readonly blockedAddresses: ReadonlySet<string>,
    /** Bech32 address of the module authority (the gov module account). */
    readonly authority: string,
  ) {}

  // ---- balances (balances.ts) ------------------------------------------------------------------

  getBalance(ctx: ReadContext, address: Uint8Array, denom: string): Coin {
    return balances.getBalance(ctx, address, denom);
  }
  hasBalance(ctx: ReadContext, address: Uint8Array, amt: Coin): boolean {
    return balances.hasBalance(ctx, address, amt);
  }
  iterateAccountBalances(ctx: ReadContext, address: Uint8Array, cb: (balance: Coin) => boolean | void): void {
    balances.iterateAccountBalances(ctx, address, cb);
  }
  getAllBalances(ctx: ReadContext, address: Uint8Array): Coins {
    return balances.getAllBalances(ctx, address);
  }
  iterateAllBalances(ctx: ReadContext, cb: (address: Uint8Array, balance: Coin) => boolean | void): void {
    balances.iterateAllBalances(ctx, cb);
  }
  getAccountsBalances(ctx: ReadContext): Array<{ address: Uint8Array; coins: Coins }> {
    return balances.getAccountsBalances(ctx);
  }
  initBalances(ctx: WriteContext, address: Uint8Array, coins: Coins): void {
    balances.initBalances(ctx, address, coins);
  }

  // ---- spendable coins (spendable.ts) ----------------------------------------------------------

  lockedCoins(ctx: ReadContext, address: Uint8Array): Coins {
    return spendable.lockedCoins(this.ak, ctx, address);
  }
  spendableCoins(ctx: ReadContext, address: Uint8Array): Coins {
    return spendable.spendableCoins(this.ak, ctx, address);
  }
  spendableCoin(ctx: ReadContext, address: Uint8Array, denom: string): Coin {
    return spendable.spendableCoin(this.ak, ctx, address, denom);
  }

  // ---- params and send-enabled flags (sendEnabled.ts) ------------------------------------------

  getParams(ctx: ReadContext): BankParams {
    return sendEnabled.getParams(ctx);
  }
  setParams(ctx: WriteContext, params: BankParams): void {
    sendEnabled.setParams(ctx, params);
  }
  getSendEnabledEntry(ctx: ReadContext, denom: string): SendEnabled | undefined {
    return sendEnabled.getSendEnabledEntry(ctx, denom);
  }
  isSendEnabledDenom(ctx: ReadContext, denom: string): boolean {
    return sendEnabled.isSendEnabledDenom(ctx, denom);
  }
  /** @throws ErrSendDisabled for the first disabled denom. */
  isSendEnabledCoins(ctx: ReadContext, coins: readonly Coin[]): void {
    sendEnabled.isSendEnabledCoins(ctx, coins);
  }
  setSendEnabled(ctx: WriteContext, denom: string, enabled: boolean): void {
    sendEnabled.setSendEnabled(ctx, denom, enabled);
  }
  setAllSendEnabled(ctx: WriteContext, entries: readonly SendEnabled[]): void {
    sendEnabled.setAllSendEnabled(ctx, entries);
  }
  deleteSendEnabled(ctx: WriteContext, denoms: readonly string[]): void {
    sendEnabled.deleteSendEnabled(ctx, denoms);
  }
  iterateSendEnabledEntries(ctx: ReadContext, cb: (entry: SendEnabled) => boolean | void): void {
    sendEnabled.iterateSendEnabledEntries(ctx, cb);
  }
  getAllSendEnabledEntries(ctx: ReadContext): SendEnabled[] {
    return sendEnabled.getAllSendEnabledEntries(ctx);
  }

  // ---- moving coins between accounts (send.ts) -------------------------------------------------

  /** @throws ErrInsufficientFunds when `from` cannot spend `amt`. */
  sendCoins(ctx: BankContext, from: Uint8Array, to: Uint8Array, amt: Coins): void {
    send.sendCoins(this.ak, ctx, from, to, amt);
  }
  inputOutputCoins(ctx: BankContext, inputs: readonly InputOutput[], outputs: readonly InputOutput[]): void {
    send.inputOutputCoins(this.ak, ctx, inputs, outputs);
  }

  // ---- module accounts (moduleAccounts.ts) -----------------------------------------------------

  blockedAddr(address: Uint8Array): boolean {
    return moduleAccounts.isBlockedAddr(this.blockedAddresses, address);
  }
  getBlockedAddresses(): ReadonlySet<string> {
    return this.blockedAddresses;
  }
  sendCoinsFromModuleToAccount(ctx: BankContext, senderModule: string, recipient: Uint8Array, amt: Coins): void {
    moduleAccounts.sendCoinsFromModuleToAccount(this.ak, this.blockedAddresses, ctx, senderModule, recipient, amt);
  }
  sendCoinsFromModuleToModule(ctx: BankContext, senderModule: string, recipientModule: string, amt: Coins): void {
    moduleAccounts.sendCoinsFromModuleToModule(this.ak, ctx, senderModule, recipientModule, amt);
  }
  sendCoinsFromAccountToModule(ctx: BankContext, sender: Uint8Array, recipientModule: string, amt: Coins): void {
    moduleAccounts.sendCoinsFromAccountToModule(this.ak, ctx, sender, recipientModule, amt);
  }

  // ---- staking delegations (delegation.ts) -----------------------------------------------------

  delegateCoinsFromAccountToModule(ctx: BankContext, sender: Uint8Array, recipientModule: string, amt: Coins): void {
    delegation.delegateCoinsFromAccountToModule(this.ak, ctx, sender, recipientModule, amt);
  }
  undelegateCoinsFromModuleToAccount(ctx: BankContext, senderModule: string, recipient: Uint8Array, amt: Coins): void {
    delegation.undelegateCoinsFromModuleToAccount(this.ak, ctx, senderModule, recipient, amt);
  }
  delegateCoins(ctx: BankContext, delegator: Uint8Array, moduleAccount: Uint8Array, amt: Coins): void {
    delegation.delegateCoins(this.ak, ctx, delegator, moduleAccount, amt);
  }
  undelegateCoins(ctx: BankContext, moduleAccount: Uint8Array, delegator: Uint8Array, amt: Coins): void {
    delegation.undelegateCoins(this.ak, ctx, moduleAccount, delegator, amt);
  }

  // ---- supply, minting and burning (supply.ts) -------------------------------------------------

  getSupply(ctx: ReadContext, denom: string): Coin {
    return supply.getSupply(ctx, denom);
  }
  hasSupply(ctx: ReadContext, denom: string): boolean {
    return supply.hasSupply(ctx, denom);
  }
  /** Genesis: the supply of one denom, as `InitGenesis` sets it from the summed balances. */
  initSupply(ctx: WriteContext, coin: Coin): void {
    supply.setSupply(ctx, coin);
  }
  iterateTotalSupply(ctx: ReadContext, cb: (supply: Coin) => boolean | void): void {
    supply.iterateTotalSupply(ctx, cb);
  }
  mintCoins(ctx: BankContext, moduleName: string, amounts: Coins): void {
    supply.mintCoins(this.ak, ctx, moduleName, amounts);
  }
  burnCoins(ctx: BankContext, moduleName: string, amounts: Coins): void {
    supply.burnCoins(this.ak, ctx, moduleName, amounts);
  }

  // ---- denom metadata (denomMetadata.ts) -------------------------------------------------------

  getDenomMetaData(ctx: ReadContext, denom: string): Metadata | undefined {
    return denomMetadata.getDenomMetaData(ctx, denom);
  }
  hasDenomMetaData(ctx: ReadContext, denom: string): boolean {
    return denomMetadata.hasDenomMetaData(ctx, denom);
  }
  setDenomMetaData(ctx: WriteContext, metadata: Metadata): void {
    denomMetadata.setDenomMetaData(ctx, metadata);
  }
  iterateAllDenomMetaData(ctx: ReadContext, cb: (metadata: Metadata) => boolean | void): void {
    denomMetadata.iterateAllDenomMetaData(ctx, cb);
  }
  getAllDenomMetaData(ctx: ReadContext): Metadata[] {
    return denomMetadata.getAllDenomMetaData(ctx);
  }
}
