/**
 * Errors of the bank module: codespace `bank` (SDK v0.47 `x/bank/types/errors.go`, codes and texts
 * unchanged). Bank also returns the SDK's `sdk` errors, plain Go errors (`plainError`) and gov's
 * `ErrGovInvalidSigner`, all from app/baseapp/errors.ts, and address errors from
 * app/baseapp/addressErrors.ts.
 */
import { registerError } from "../../baseapp/errors.js";

const BANK = "bank";
export const ErrNoInputs = registerError(BANK, 2, "no inputs to send transaction");
export const ErrNoOutputs = registerError(BANK, 3, "no outputs to send transaction");
export const ErrInputOutputMismatch = registerError(BANK, 4, "sum inputs != sum outputs");
export const ErrSendDisabled = registerError(BANK, 5, "send transactions are disabled");
export const ErrDenomMetadataNotFound = registerError(BANK, 6, "client denom metadata not found");
export const ErrInvalidKey = registerError(BANK, 7, "invalid key");
export const ErrDuplicateEntry = registerError(BANK, 8, "duplicate entry");
export const ErrMultipleSenders = registerError(BANK, 9, "multiple senders not allowed");
