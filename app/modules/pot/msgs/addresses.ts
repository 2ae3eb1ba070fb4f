/** Address parsing for pot's handlers: register's helpers with the prefix as an argument. */
import { BECH32_PREFIX, formatBech32Address, isBech32Address, parseBech32Address } from "../../../crypto/address.js";
import type { TxError } from "../../../baseapp/errors.js";
import { parseOr as parseWith } from "../../register/addresses.js";

/** Parses under `prefix`; a failure throws `outer` wrapping the parse error's text. */
export function parseOr(text: string, prefix: string, outer: TxError): Uint8Array {
  return parseWith((t) => parseBech32Address(t, prefix), text, outer);
}

export { BECH32_PREFIX, isBech32Address as parses };
export const accText = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.account);
