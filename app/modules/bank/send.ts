/**
 * Sending coins (SDK v0.47 `x/bank/keeper/send.go`): balances move, recipients become accounts, events
 * are emitted in the reference's order, and the store is touched in the reference's order (gas).
 */
import type { ReadContext } from "../../baseapp/context.js";
import { ErrInsufficientFunds, ErrInvalidAddress, ErrInvalidCoins } from "../../baseapp/errors.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { type Coin, Coins } from "../../math/coins.js";
import { prefixEnd } from "../../store/bytes.js";
import { accAddress, accAddressProblem } from "./addresses.js";
import { ErrInputOutputMismatch, ErrSendDisabled } from "./errors.js";
import { coinReceivedEvent, coinSpentEvent, messageSenderEvent, outputTransferEvent, transferEvent } from "./events.js";
import type { AccountKeeperForBank, BankAccountView, BankContext, WriteContext } from "./expected.js";
import { BANK_STORE_KEY, PARAMS_KEY, SEND_ENABLED_PREFIX, sendEnabledKey } from "./keys.js";
import { coinsIsEqualGo } from "./logic/msgCoins.js";
import { type BankParams, type SendEnabled, ZERO_BANK_PARAMS } from "./params.js";
import { addAmounts, decodeBankParams, decodeBoolValue, encodeBankParams, encodeBoolValue } from "./store.js";
import { BankViewKeeper } from "./view.js";

const bech32 = (address: Uint8Array): string => formatBech32Address(address, BECH32_PREFIX.account);
const utf8 = new TextDecoder();

/** One side of a multi-send: the bech32 address as written in the message, and valid coins. */
export interface InputOutput {
  readonly address: string;
  readonly coins: Coins;
}

export class BankSendKeeper<A extends BankAccountView = BankAccountView> extends BankViewKeeper<A> {
  constructor(
    ak: AccountKeeperForBank<A>,
    /** Bech32 addresses that may not receive funds from users (spec-chain §9). */
    private readonly blockedAddresses: ReadonlySet<string>,
    /** Bech32 address of the module authority (the gov module account). */
    readonly authority: string,
  ) {
    super(ak);
  }

  // ---- params and send-enabled flags ---------------------------------------------------------

  /** SDK `GetParams`: Go's zero params if none were ever stored. */
  getParams(ctx: ReadContext): BankParams {
    const bytes = ctx.kv(BANK_STORE_KEY).get(PARAMS_KEY);
    return bytes === undefined ? ZERO_BANK_PARAMS : decodeBankParams(bytes);
  }

  /** SDK `SetParams`: deprecated per-denom entries move to their own records first. */
  setParams(ctx: WriteContext, params: BankParams): void {
    let stored = params;
    if (params.sendEnabled.length > 0) {
      this.setAllSendEnabled(ctx, params.sendEnabled);
      stored = { sendEnabled: [], defaultSendEnabled: params.defaultSendEnabled };
    }
    ctx.kv(BANK_STORE_KEY).set(PARAMS_KEY, encodeBankParams(stored));
  }

  /** SDK `getSendEnabled`: `Has` then `Get`, as the reference reads it. */
  getSendEnabledEntry(ctx: ReadContext, denom: string): SendEnabled | undefined {
    const store = ctx.kv(BANK_STORE_KEY);
    const key = sendEnabledKey(denom);
    if (!store.has(key)) return undefined;
    const bytes = store.get(key);
    return bytes === undefined ? undefined : { denom, enabled: decodeBoolValue(bytes) };
  }

  /** SDK `IsSendEnabledDenom`: the denom's own flag, else the default. */
  isSendEnabledDenom(ctx: ReadContext, denom: string): boolean {
    return this.getSendEnabledEntry(ctx, denom)?.enabled ?? this.getParams(ctx).defaultSendEnabled;
  }

  /** SDK `IsSendEnabledCoins`. @throws ErrSendDisabled "<denom> transfers are currently disabled". */
  isSendEnabledCoins(ctx: ReadContext, coins: readonly Coin[]): void {
    if (coins.length === 0) return;
    const defaultEnabled = this.getParams(ctx).defaultSendEnabled;
    for (const c of coins) {
      if (!(this.getSendEnabledEntry(ctx, c.denom)?.enabled ?? defaultEnabled)) {
        throw ErrSendDisabled.wrap(`${c.denom} transfers are currently disabled`);
      }
    }
  }

  setSendEnabled(ctx: WriteContext, denom: string, enabled: boolean): void {
    ctx.kv(BANK_STORE_KEY).set(sendEnabledKey(denom), encodeBoolValue(enabled));
  }

  setAllSendEnabled(ctx: WriteContext, entries: readonly SendEnabled[]): void {
    for (const e of entries) this.setSendEnabled(ctx, e.denom, e.enabled);
  }

  deleteSendEnabled(ctx: WriteContext, denoms: readonly string[]): void {
    const store = ctx.kv(BANK_STORE_KEY);
    for (const d of denoms) store.delete(sendEnabledKey(d));
  }

  /** SDK `IterateSendEnabledEntries`, in denom byte order; stops when `cb` returns true. */
  iterateSendEnabledEntries(ctx: ReadContext, cb: (entry: SendEnabled) => boolean | void): void {
    for (const { key, value } of ctx.kv(BANK_STORE_KEY).iterator(SEND_ENABLED_PREFIX, prefixEnd(SEND_ENABLED_PREFIX))) {
      const entry = { denom: utf8.decode(key.subarray(SEND_ENABLED_PREFIX.length)), enabled: decodeBoolValue(value) };
      if (cb(entry) === true) break;
    }
  }

  getAllSendEnabledEntries(ctx: ReadContext): SendEnabled[] {
    const out: SendEnabled[] = [];
    this.iterateSendEnabledEntries(ctx, (e) => void out.push(e));
    return out;
  }

  /** SDK `BlockedAddr`. */
  blockedAddr(address: Uint8Array): boolean {
    return this.blockedAddresses.has(bech32(address));
  }

  getBlockedAddresses(): ReadonlySet<string> {
    return this.blockedAddresses;
  }

  // ---- moving coins --------------------------------------------------------------------------

  /**
   * SDK `SendCoins`: debit `from`, credit `to`, create `to`'s account if new, then emit `transfer`
   * {recipient, sender, amount} and `message` {sender}. Does not check blocked addresses or
   * send-enabled flags (the message handler and the module helpers do).
   * @throws ErrInsufficientFunds "spendable balance <b> is smaller than <coin>".
   */
  sendCoins(ctx: BankContext, from: Uint8Array, to: Uint8Array, amt: Coins): void {
    this.subUnlockedCoins(ctx, from, amt);
    this.addCoins(ctx, to, amt);
    this.ensureAccount(ctx, to);
    ctx.emit(transferEvent(bech32(to), bech32(from), amt.toString()));
    ctx.emit(messageSenderEvent(bech32(from)));
  }

  /**
   * SDK `InputOutputCoins` (MsgMultiSend): validates the sides, debits every input (event `message`
   * {sender} after each), credits every output (event `transfer` {recipient, amount}) and creates
   * missing output accounts. Addresses appear in events exactly as written in the message.
   */
  inputOutputCoins(ctx: BankContext, inputs: readonly InputOutput[], outputs: readonly InputOutput[]): void {
    validateInputsOutputs(inputs, outputs);
    for (const input of inputs) {
      const address = accAddress(input.address);
      this.subUnlockedCoins(ctx, address, input.coins);
      ctx.emit(messageSenderEvent(input.address));
    }
    for (const output of outputs) {
      const address = accAddress(output.address);
      this.addCoins(ctx, address, output.coins);
      ctx.emit(outputTransferEvent(output.address, output.coins.toString()));
      this.ensureAccount(ctx, address);
    }
  }

  /**
   * SDK `initBalances` (genesis): writes each non-zero balance and its denom→address index entry,
   * without events or account creation.
   */
  initBalances(ctx: WriteContext, address: Uint8Array, balances: Coins): void {
    for (const c of balances.toArray()) this.setBalance(ctx, address, c);
  }

  /** SDK: `if !HasAccount(to) { SetAccount(NewAccountWithAddress(to)) }`. */
  protected ensureAccount(ctx: WriteContext, address: Uint8Array): void {
    if (!this.ak.hasAccount(ctx, address)) this.ak.setAccount(ctx, this.ak.newAccountWithAddress(ctx, address));
  }

  /** SDK `subUnlockedCoins`: per coin, balance − locked must cover it; emits `coin_spent`. */
  protected subUnlockedCoins(ctx: BankContext, address: Uint8Array, amt: Coins): void {
    const locked = this.lockedCoins(ctx, address);
    for (const c of amt.toArray()) {
      const balance = this.getBalance(ctx, address, c.denom);
      const lockedAmount = locked.amountOf(c.denom);
      if (balance.amount < lockedAmount) {
        throw ErrInsufficientFunds.wrap(
          `locked amount exceeds account balance funds: ${lockedAmount}${c.denom} > ${balance.amount}${c.denom}`,
        );
      }
      const spendable = balance.amount - lockedAmount;
      if (spendable < c.amount) {
        // Go prints `Coins{balance}.SafeSub(locked)`: a zero result is the empty set, printed as "".
        const spendableText = spendable === 0n ? "" : `${spendable}${c.denom}`;
        throw ErrInsufficientFunds.wrap(`spendable balance ${spendableText} is smaller than ${c.amount}${c.denom}`);
      }
      this.setBalance(ctx, address, { denom: c.denom, amount: balance.amount - c.amount });
    }
    ctx.emit(coinSpentEvent(bech32(address), amt.toString()));
  }

  /** SDK `addCoins`: per coin, balance + amount; emits `coin_received`. */
  protected addCoins(ctx: BankContext, address: Uint8Array, amt: Coins): void {
    for (const c of amt.toArray()) {
      const balance = this.getBalance(ctx, address, c.denom);
      this.setBalance(ctx, address, { denom: c.denom, amount: addAmounts(balance.amount, c.amount) });
    }
    ctx.emit(coinReceivedEvent(bech32(address), amt.toString()));
  }
}

/**
 * SDK `ValidateInputsOutputs` on valid coin sets: each side's address parses and its coins are
 * non-empty, and the sums match (a denom mismatch at equal length panics, as in Go).
 */
export function validateInputsOutputs(inputs: readonly InputOutput[], outputs: readonly InputOutput[]): void {
  let totalIn = Coins.EMPTY;
  let totalOut = Coins.EMPTY;
  for (const input of inputs) {
    checkSide(input, "input");
    totalIn = totalIn.add(input.coins);
  }
  for (const output of outputs) {
    checkSide(output, "output");
    totalOut = totalOut.add(output.coins);
  }
  if (!coinsIsEqualGo(totalIn, totalOut)) throw ErrInputOutputMismatch;
}

function checkSide(side: InputOutput, kind: "input" | "output"): void {
  const problem = accAddressProblem(side.address);
  if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid ${kind} address: ${problem.message}`);
  // A valid set is never invalid; an empty one is not all-positive.
  if (side.coins.isEmpty()) throw ErrInvalidCoins.wrap(side.coins.toString());
}
