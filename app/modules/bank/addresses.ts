/**
 * `sdk.AccAddressFromBech32` with the SDK's error kinds: a registered `ErrUnknownAddress` (sdk/9) for
 * an empty or over-long payload, a plain Go error (undefined/1) for every other refusal.
 */
import { addressTxError } from "../../baseapp/addressErrors.js";
import type { TxError } from "../../baseapp/errors.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";

/** @throws TxError as described above. */
export function accAddress(text: string): Uint8Array {
  try {
    return parseBech32Address(text, BECH32_PREFIX.account);
  } catch (e) {
    throw addressTxError(e);
  }
}

/** Why `text` is not an account address (the error `accAddress` would throw), or undefined. */
export function accAddressProblem(text: string): TxError | undefined {
  try {
    parseBech32Address(text, BECH32_PREFIX.account);
    return undefined;
  } catch (e) {
    return addressTxError(e);
  }
}

/** `GetSigners`: the parsed address, or Go's nil (empty) when it does not parse. */
export function signerAddress(text: string): Uint8Array {
  try {
    return parseBech32Address(text, BECH32_PREFIX.account);
  } catch {
    return new Uint8Array();
  }
}

/** `sdk.AccAddress.String()`: the bech32 `st1…` text bank writes into events and error logs. */
export function accAddressString(address: Uint8Array): string {
  return formatBech32Address(address, BECH32_PREFIX.account);
}
