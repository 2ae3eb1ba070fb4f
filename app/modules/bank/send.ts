/**
 * Moving coins between accounts (SDK v0.47 `x/bank/keeper/send.go`): balances move, recipients become
 * accounts, events are emitted in the reference's order, and the store is touched in the reference's
 * order (gas). Does not check blocked addresses or send-enabled flags: the message handlers and the
 * module-account helpers (moduleAccounts.ts) do.
 */
import { ErrInsufficientFunds } from "../../baseapp/errors.js";
import type { Coins } from "../../math/coins.js";
import { accAddress, accAddressString } from "./addresses.js";
import { getBalance, setBalance } from "./balances.js";
import { coinReceivedEvent, coinSpentEvent, messageSenderEvent, outputTransferEvent, transferEvent } from "./events.js";
import type { AccountReaderForBank, AccountWriterForBank, BankAccountView, BankContext, WriteContext } from "./expected.js";
import { type InputOutput, validateInputsOutputs } from "./logic/inputsOutputs.js";
import { lockedCoins } from "./spendable.js";
import { addAmounts } from "./store.js";

/**
 * SDK `SendCoins`: debit `from`, credit `to`, create `to`'s account if new, then emit `transfer`
 * {recipient, sender, amount} and `message` {sender}.
 * @throws ErrInsufficientFunds "spendable balance <b> is smaller than <coin>".
 */
export function sendCoins<A extends BankAccountView>(
  accounts: AccountWriterForBank<A>,
  ctx: BankContext,
  from: Uint8Array,
  to: Uint8Array,
  amt: Coins,
): void {
  subUnlockedCoins(accounts, ctx, from, amt);
  addCoins(ctx, to, amt);
  ensureAccount(accounts, ctx, to);
  ctx.emit(transferEvent({ recipient: accAddressString(to), sender: accAddressString(from), amount: amt.toString() }));
  ctx.emit(messageSenderEvent({ sender: accAddressString(from) }));
}

/**
 * SDK `InputOutputCoins` (MsgMultiSend): validates the sides, debits every input (event `message`
 * {sender} after each), credits every output (event `transfer` {recipient, amount}) and creates
 * missing output accounts. Addresses appear in events exactly as written in the message.
 */
export function inputOutputCoins<A extends BankAccountView>(
  accounts: AccountWriterForBank<A>,
  ctx: BankContext,
  inputs: readonly InputOutput[],
  outputs: readonly InputOutput[],
): void {
  validateInputsOutputs(inputs, outputs);
  for (const input of inputs) {
    const address = accAddress(input.address);
    subUnlockedCoins(accounts, ctx, address, input.coins);
    ctx.emit(messageSenderEvent({ sender: input.address }));
  }
  for (const output of outputs) {
    const address = accAddress(output.address);
    addCoins(ctx, address, output.coins);
    ctx.emit(outputTransferEvent({ recipient: output.address, amount: output.coins.toString() }));
    ensureAccount(accounts, ctx, address);
  }
}

/** SDK: `if !HasAccount(to) { SetAccount(NewAccountWithAddress(to)) }`. */
function ensureAccount<A extends BankAccountView>(accounts: AccountWriterForBank<A>, ctx: WriteContext, address: Uint8Array): void {
  if (!accounts.hasAccount(ctx, address)) accounts.setAccount(ctx, accounts.newAccountWithAddress(ctx, address));
}

/** SDK `subUnlockedCoins`: per coin, balance − locked must cover it; emits `coin_spent`. */
export function subUnlockedCoins(accounts: AccountReaderForBank, ctx: BankContext, address: Uint8Array, amt: Coins): void {
  const locked = lockedCoins(accounts, ctx, address);
  for (const c of amt.toArray()) {
    const balance = getBalance(ctx, address, c.denom);
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
    setBalance(ctx, address, { denom: c.denom, amount: balance.amount - c.amount });
  }
  ctx.emit(coinSpentEvent({ spender: accAddressString(address), amount: amt.toString() }));
}

/** SDK `addCoins`: per coin, balance + amount; emits `coin_received`. */
export function addCoins(ctx: BankContext, address: Uint8Array, amt: Coins): void {
  for (const c of amt.toArray()) {
    const balance = getBalance(ctx, address, c.denom);
    setBalance(ctx, address, { denom: c.denom, amount: addAmounts(balance.amount, c.amount) });
  }
  ctx.emit(coinReceivedEvent({ receiver: accAddressString(address), amount: amt.toString() }));
}
