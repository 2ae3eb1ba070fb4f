/** Address parsing for pot's handlers: a failure carries the raw parse text for wrapping. */
import { AddressError, BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../../crypto/address.js";
import type { TxError } from "../../../baseapp/errors.js";

export function parseOr(text: string, prefix: string, outer: TxError): Uint8Array {
  try {
    return parseBech32Address(text, prefix);
  } catch (e) {
    if (e instanceof AddressError) throw outer.wrap(e.message);
    throw e;
  }
}

export function parses(text: string, prefix: string): boolean {
  try {
    parseBech32Address(text, prefix);
    return true;
  } catch (e) {
    if (e instanceof AddressError) return false;
    throw e;
  }
}

export const accText = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.account);
export { BECH32_PREFIX };
