import type { Context } from "../../../baseapp/context.js";
import {
  ErrInsufficientFee,
  ErrInsufficientFunds,
  ErrInvalidGasLimit,
  ErrInvalidRequest,
  ErrPanic,
  ErrUnknownAddress,
  TxError,
} from "../../../baseapp/errors.js";
import { type Coin, Coins, type DecCoins, validateCoinList } from "../../../math/coins.js";
import { parseCoinsNormalized } from "../../../math/coinParse.js";
import { Dec } from "../../../math/dec.js";
import type { AccountKeeper } from "../keeper.js";
import { txFeeEvent } from "./events.js";
import type { AnteBankKeeper } from "./expected.js";
import { coinsString, type AnteTxView } from "./txView.js";

export const FEE_COLLECTOR = "fee_collector";

/**
 * The reference's `CheckTxFeeWithValidatorMinGasPrices` (app/ante/validator_tx_fee.go): the fee is
 * re-parsed with denom normalisation (`3gwei` → wei), and in CheckTx only it must reach, in at least
 * one denom, ceil(min gas price × gas limit) of the node's `minimum-gas-prices`. Node-local: never
 * part of consensus.
 */
export function checkTxFee(ctx: Context, view: AnteTxView, minGasPrices: DecCoins): Coins {
  const feeText = coinsString(view.fee);
  const fee = parseFee(feeText);
  if (ctx.isCheckTx && !minGasPrices.isZero()) {
    const gas = Dec.fromInt(view.gasLimit);
    const required = minGasPrices.toArray().map((gp) => ({ denom: gp.denom, amount: gp.amount.mul(gas).ceil().roundInt() }));
    if (!isAnyGTE(fee, required)) {
      const requiredText = required.map((c) => `${c.amount}${c.denom}`).join(",");
      throw ErrInsufficientFee.wrap(`insufficient fees; got: ${fee.toString()} required: ${requiredText}`);
    }
  }
  return fee;
}

/** Fee strings repeat (wallets use a few gas prices); parsing is pure, so successes are memoised. */
const feeMemo = new Map<string, Coins>();

function parseFee(feeText: string): Coins {
  const hit = feeMemo.get(feeText);
  if (hit !== undefined) return hit;
  let fee: Coins;
  try {
    fee = parseCoinsNormalized(feeText);
  } catch {
    throw ErrInsufficientFee.wrap(`fee parsing error: ${feeText}`);
  }
  if (feeMemo.size >= 10_000) feeMemo.clear();
  feeMemo.set(feeText, fee);
  return fee;
}

/** SDK `Coins.IsAnyGTE`: some denom of `coins` reaches a non-zero required amount. */
function isAnyGTE(coins: Coins, required: readonly { denom: string; amount: bigint }[]): boolean {
  if (required.length === 0) return false;
  return coins.toArray().some((c) => {
    const want = required.find((r) => r.denom === c.denom)?.amount ?? 0n;
    return want !== 0n && c.amount >= want;
  });
}

/**
 * SDK `DeductFeeDecorator` (x/auth/ante/fee.go, v0.47): positive gas required outside simulation,
 * fee check, fee payer = `payer` or the first signer, fee moved to `fee_collector`, then the
 * `tx{fee, fee_payer}` event.
 */
export function deductFee(
  ctx: Context,
  view: AnteTxView,
  simulate: boolean,
  accounts: AccountKeeper,
  bank: AnteBankKeeper,
  minGasPrices: DecCoins,
): void {
  if (!simulate && ctx.blockHeight > 0n && view.gasLimit === 0n) {
    throw ErrInvalidGasLimit.wrap("must provide positive gas");
  }
  const fee = simulate ? rawFeeCoins(view) : checkTxFee(ctx, view, minGasPrices);
  if (view.granter !== "") throw ErrInvalidRequest.wrap("fee grants are not enabled");
  const payer = view.payer ?? view.signers[0];
  if (!payer) throw ErrUnknownAddress.wrap("fee payer address:  does not exist");
  const payerText = view.payer ? view.signerStrings[view.signers.indexOf(view.payer)] ?? "" : view.signerStrings[0]!;
  if (!accounts.getAccount(ctx, payer)) throw ErrUnknownAddress.wrap(`fee payer address: ${payerText} does not exist`);
  if (!fee.isZero()) {
    try {
      bank.sendCoinsFromAccountToModule(ctx, payer, FEE_COLLECTOR, fee);
    } catch (e) {
      // SDK `DeductFees` wraps the bank's error; a (recovered) panic is not an error value there.
      if (e instanceof TxError && !ErrPanic.is(e)) throw ErrInsufficientFunds.wrap(e.message);
      throw e;
    }
  }
  ctx.emit(txFeeEvent({ fee: fee.toString(), fee_payer: payerText }));
}

/**
 * In simulation the fee is taken as given: all-zero (or no) coins deduct nothing; anything else must
 * be a valid coin set as written — sorted, unique, positive — or it fails like `DeductFees`
 * (`!fees.IsValid()` → ErrInsufficientFee "invalid fee amount").
 */
function rawFeeCoins(view: AnteTxView): Coins {
  if (view.fee.every((c) => c.amount === 0n)) return Coins.EMPTY;
  // validateBasic has already refused nil amounts; the list is checked as written (SDK Coins.Validate).
  const list: Coin[] = view.fee.map((c) => ({ denom: c.denom, amount: c.amount ?? 0n }));
  if (validateCoinList(list) !== undefined) throw ErrInsufficientFee.wrap(`invalid fee amount: ${coinsString(view.fee)}`);
  return Coins.fromArray(list);
}
