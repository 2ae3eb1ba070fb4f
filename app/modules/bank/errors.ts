/**
 * Errors of the bank module: codespace `bank` (SDK v0.47 `x/bank/types/errors.go`, codes and texts
 * unchanged), plus the SDK's `sdk` errors (app/baseapp/errors.ts) and plain Go errors.
 */
import { ErrUnknownAddress, TxError, UNDEFINED_CODESPACE, registerError } from "../../baseapp/errors.js";
import { AddressError } from "../../crypto/address.js";

const BANK = "bank";
export const ErrNoInputs = registerError(BANK, 2, "no inputs to send transaction");
export const ErrNoOutputs = registerError(BANK, 3, "no outputs to send transaction");
export const ErrInputOutputMismatch = registerError(BANK, 4, "sum inputs != sum outputs");
export const ErrSendDisabled = registerError(BANK, 5, "send transactions are disabled");
export const ErrDenomMetadataNotFound = registerError(BANK, 6, "client denom metadata not found");
export const ErrInvalidKey = registerError(BANK, 7, "invalid key");
export const ErrDuplicateEntry = registerError(BANK, 8, "duplicate entry");
export const ErrMultipleSenders = registerError(BANK, 9, "multiple senders not allowed");

/**
 * gov's `ErrInvalidSigner` (gov/13), returned by the authority messages. Owned and registered by the
 * gov module; this unregistered copy has the same codespace, code and text.
 */
export const ErrGovInvalidSigner = new TxError("gov", 13, "expected gov account as only signer for proposal message");

/** A plain (unregistered) Go error in a tx result: codespace `undefined`, code 1. */
export function plainError(text: string): TxError {
  return new TxError(UNDEFINED_CODESPACE, 1, text);
}

/**
 * The text and kind of an address parse failure as the SDK produces it: `ErrUnknownAddress` (sdk/9)
 * for an empty or over-long payload, a plain Go error for anything else.
 */
export function addressTxError(e: unknown): TxError {
  if (e instanceof AddressError) return e.sdkCode === 9 ? ErrUnknownAddress.wrap(e.message) : plainError(e.message);
  throw e;
}
