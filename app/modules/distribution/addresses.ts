/**
 * Address texts of the distribution module (spec-chain §2): `st1…` accounts, `stvaloper1…` operators
 * (the same bytes as the operator's account), `stvalcons1…` consensus addresses, with the SDK's parse
 * errors for messages (`ErrInvalidAddress` wrapping the parse error in ValidateBasic, the raw error in
 * handlers).
 */
import { addressTxError } from "../../baseapp/addressErrors.js";
import { ErrInvalidAddress } from "../../baseapp/errors.js";
import { AddressError, BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";

export const accString = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.account);
export const valoperString = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.validator);
export const valconsString = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.consensus);

export const parseAcc = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.account);
export const parseValoper = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.validator);
export const parseValcons = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.consensus);

/**
 * ValidateBasic's address check: `ErrInvalidAddress.Wrapf("invalid <what> address: %s", err)`, i.e. the
 * log "invalid <what> address: <parse error>: invalid address".
 */
export function requireAddress(parse: (text: string) => Uint8Array, text: string, what: string): void {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof AddressError) throw ErrInvalidAddress.wrap(`invalid ${what} address: ${e.message}`);
    throw e;
  }
}

/** A handler's parse: the SDK returns the parse error itself (sdk 9 for empty/too long, else code 1). */
export function handlerAddress(parse: (text: string) => Uint8Array, text: string): Uint8Array {
  try {
    return parse(text);
  } catch (e) {
    throw addressTxError(e);
  }
}

/** `GetSigners`: the parsed address, or Go's nil (empty) when it does not parse. */
export function signerOf(parse: (text: string) => Uint8Array, text: string): Uint8Array {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof AddressError) return new Uint8Array();
    throw e;
  }
}
