/**
 * Address parse failures as a tx result shows them (SDK `sdk.AccAddressFromBech32` and friends): the
 * SDK wraps an empty or over-long payload in `ErrUnknownAddress` (sdk/9) and returns every other
 * refusal (bad checksum, wrong prefix, …) as a plain Go error (undefined/1). Apart from errors.ts because
 * it needs app/crypto.
 */
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../crypto/address.js";
import { ErrUnknownAddress, type TxError, plainError } from "./errors.js";

/**
 * The TxError for an address parse failure.
 * @throws `e` itself when it is not an `AddressError` (a bug, not a bad address).
 */
export function addressTxError(e: unknown): TxError {
  if (e instanceof AddressError) return e.sdkCode === 9 ? ErrUnknownAddress.wrap(e.message) : plainError(e.message);
  throw e;
}

/**
 * The `MsgUpdateParams` ValidateBasic check of the SDK modules: `errors.Wrap(err, "invalid authority
 * address")` over `AccAddressFromBech32`'s error — sdk 9 for an empty or over-long payload, else a
 * plain error (code 1).
 */
export function validateAuthorityAddress(authority: string): void {
  try {
    parseBech32Address(authority, BECH32_PREFIX.account);
  } catch (e) {
    throw addressTxError(e).wrap("invalid authority address");
  }
}
