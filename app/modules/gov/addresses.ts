/** Account addresses in gov messages and records (`sdk.AccAddressFromBech32` and its error texts). */
import { addressTxError } from "../../baseapp/addressErrors.js";
import type { TxError } from "../../baseapp/errors.js";
import { AddressError, BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";

/** @throws TxError: sdk 9 for an empty or over-long payload, a plain error (code 1) otherwise. */
export function parseAccount(text: string): Uint8Array {
  try {
    return parseBech32Address(text, BECH32_PREFIX.account);
  } catch (e) {
    throw addressTxError(e);
  }
}

/** The error `parseAccount` would throw, or undefined. */
export function accountProblem(text: string): TxError | undefined {
  try {
    parseBech32Address(text, BECH32_PREFIX.account);
    return undefined;
  } catch (e) {
    if (e instanceof AddressError) return addressTxError(e);
    throw e;
  }
}

/** `GetSigners`: the parsed address, or Go's nil (empty) when it does not parse. */
export function signerOf(text: string): Uint8Array {
  try {
    return parseBech32Address(text, BECH32_PREFIX.account);
  } catch (e) {
    if (e instanceof AddressError) return new Uint8Array();
    throw e;
  }
}

/** `sdk.AccAddress.String()`. */
export const accountString = (bytes: Uint8Array): string => formatBech32Address(bytes, BECH32_PREFIX.account);
