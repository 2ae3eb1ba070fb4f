/**
 * Errors of the auth module. Auth registers no codespace of its own: the reference returns the SDK's
 * `sdk` errors (app/baseapp/errors.ts), plain Go errors, or gov's `ErrInvalidSigner`.
 */
import { ErrUnknownAddress, TxError, UNDEFINED_CODESPACE } from "../../baseapp/errors.js";
import { AddressError } from "../../crypto/address.js";

/**
 * A plain (unregistered) Go error as it reaches a tx result: codespace `undefined`, code 1, the text as
 * is (cosmossdk.io/errors `ABCIInfo` on an error without a code).
 */
export function plainError(text: string): TxError {
  return new TxError(UNDEFINED_CODESPACE, 1, text);
}

/**
 * gov's `ErrInvalidSigner` (codespace `gov`, code 13), returned by `MsgUpdateParams` for a wrong
 * authority. The gov module owns (registers) it; this is an unregistered copy with the same identity,
 * so both modules can load without a duplicate registration.
 */
export const ErrGovInvalidSigner = new TxError("gov", 13, "expected gov account as only signer for proposal message");

/**
 * An address parse failure as a tx sees it: `ErrUnknownAddress` (sdk/9) for an empty or over-long
 * payload (the SDK wraps those), a plain Go error (undefined/1) for anything else.
 */
export function addressTxError(e: unknown): TxError {
  if (e instanceof AddressError) return e.sdkCode === 9 ? ErrUnknownAddress.wrap(e.message) : plainError(e.message);
  throw e;
}
