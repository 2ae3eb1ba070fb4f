import type { Context } from "../../../baseapp/context.js";
import type { Coins } from "../../../math/coins.js";

/** What the ante chain needs of bank: paying the fee into `fee_collector`. */
export interface AnteBankKeeper {
  /** Throws the bank's insufficient-funds TxError when the account cannot pay. */
  sendCoinsFromAccountToModule(ctx: Context, from: Uint8Array, module: string, coins: Coins): void;
}
