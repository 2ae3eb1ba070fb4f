/**
 * The two sides of a multi-send (SDK v0.47 `x/bank/types/msgs.go` `ValidateInputsOutputs`), checked
 * without touching the store: `MsgMultiSend`'s ValidateBasic and the keeper's `InputOutputCoins` both
 * run it.
 */
import { ErrInvalidAddress, ErrInvalidCoins } from "../../../baseapp/errors.js";
import { Coins } from "../../../math/coins.js";
import { accAddressProblem } from "../addresses.js";
import { ErrInputOutputMismatch } from "../errors.js";
import { coinsIsEqualGo } from "./msgCoins.js";

/** One side of a multi-send: the bech32 address as written in the message, and valid coins. */
export interface InputOutput {
  readonly address: string;
  readonly coins: Coins;
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
