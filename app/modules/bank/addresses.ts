/**
 * `sdk.AccAddressFromBech32` with the SDK's error kinds: a registered `ErrUnknownAddress` (sdk/9) for
 * an empty or over-long payload, a plain Go error (undefined/1) for every other refusal.
 */
import type { TxError } from "../../baseapp/errors.js";
import { BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { addressTxError } from "./errors.js";

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
