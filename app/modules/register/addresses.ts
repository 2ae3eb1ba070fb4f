/**
 * Address parsing as register's handlers use it (spec-register §0): `parseSds` (HRP `stsds`) and
 * `parseAcc` (HRP `st`), any 1…255-byte payload. A failure carries the reference's raw error text so
 * a handler can wrap it into its own registered error (`ErrInvalidNetworkAddr.wrap(text)`).
 */
import { AddressError, BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { goTrimSpace } from "../../math/coins.js";
import type { TxError } from "../../baseapp/errors.js";

export function parseSds(text: string): Uint8Array {
  return parseBech32Address(text, BECH32_PREFIX.sds);
}

export function parseAcc(text: string): Uint8Array {
  return parseBech32Address(text, BECH32_PREFIX.account);
}

export const sdsString = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.sds);
export const accString = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.account);

/** Parses with `parse`; on failure throws `outer` wrapping the parse error's text. */
export function parseOr(parse: (text: string) => Uint8Array, text: string, outer: TxError): Uint8Array {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof AddressError) throw outer.wrap(e.message);
    throw e;
  }
}

/** Parses with `parse`; true when it fails (ValidateBasic returns the bare registered error then). */
export function fails(parse: (text: string) => Uint8Array, text: string): boolean {
  try {
    parse(text);
    return false;
  } catch (e) {
    if (e instanceof AddressError) return true;
    throw e;
  }
}

/** `len(strings.TrimSpace(s)) == 0`: an omitted optional address. */
export const isBlank = (s: string): boolean => goTrimSpace(s) === "";
