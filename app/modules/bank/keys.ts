/**
 * Store layout of the bank module (SDK v0.47 `x/bank/types/keys.go`), store key `bank`. Changing any
 * of these changes the app hash and breaks raw-store tools and proofs.
 *
 *   0x00 ‖ denom                              → total supply of denom (math.Int text, e.g. "100")
 *   0x01 ‖ denom                              → Metadata (proto), keyed by its base denom
 *   0x02 ‖ len(addr) ‖ addr ‖ denom           → balance (math.Int text); absent when zero
 *   0x03 ‖ denom ‖ 0x00 ‖ len(addr) ‖ addr    → 0x00 (reverse index: who holds denom)
 *   0x04 ‖ denom                              → google.protobuf.BoolValue (per-denom send enabled)
 *   0x05                                      → Params (proto)
 */
import { concatBytes } from "../../store/bytes.js";

export const BANK_MODULE_NAME = "bank";
export const BANK_STORE_KEY = "bank";

export const SUPPLY_PREFIX: Uint8Array = Uint8Array.of(0x00);
export const DENOM_METADATA_PREFIX: Uint8Array = Uint8Array.of(0x01);
export const BALANCES_PREFIX: Uint8Array = Uint8Array.of(0x02);
export const DENOM_ADDRESS_PREFIX: Uint8Array = Uint8Array.of(0x03);
export const SEND_ENABLED_PREFIX: Uint8Array = Uint8Array.of(0x04);
export const PARAMS_KEY: Uint8Array = Uint8Array.of(0x05);

const utf8 = new TextEncoder();
/** Denoms are few and every balance key encodes one: encode each once. */
const denomBytesMemo = new Map<string, Uint8Array>();

function denomBytes(denom: string): Uint8Array {
  let b = denomBytesMemo.get(denom);
  if (b === undefined) {
    if (denomBytesMemo.size >= 4096) denomBytesMemo.clear();
    b = utf8.encode(denom);
    denomBytesMemo.set(denom, b);
  }
  return b;
}


/** SDK `address.MustLengthPrefix`: one length byte, then the address (≤ 255 bytes, else Go panics). */
export function lengthPrefixed(address: Uint8Array): Uint8Array {
  if (address.length > 255) throw new RangeError(`lengthPrefixed: address length ${address.length} exceeds 255`);
  return concatBytes(Uint8Array.of(address.length), address);
}

/** SDK `CreateAccountBalancesPrefix`: `0x02 ‖ len ‖ addr`. */
export function accountBalancesPrefix(address: Uint8Array): Uint8Array {
  return concatBytes(BALANCES_PREFIX, lengthPrefixed(address));
}

/** SDK `CreatePrefixedAccountStoreKey`: `0x02 ‖ len ‖ addr ‖ denom`. */
export function balanceKey(address: Uint8Array, denom: string): Uint8Array {
  const d = denomBytes(denom);
  if (address.length > 255) throw new RangeError(`lengthPrefixed: address length ${address.length} exceeds 255`);
  const out = new Uint8Array(2 + address.length + d.length);
  out[0] = BALANCES_PREFIX[0]!;
  out[1] = address.length;
  out.set(address, 2);
  out.set(d, 2 + address.length);
  return out;
}

/** SDK `CreateDenomAddressPrefix`: `0x03 ‖ denom ‖ 0x00`. */
export function denomAddressPrefix(denom: string): Uint8Array {
  return concatBytes(DENOM_ADDRESS_PREFIX, denomBytes(denom), Uint8Array.of(0));
}

/** The reverse-index entry `0x03 ‖ denom ‖ 0x00 ‖ len ‖ addr`. */
export function denomAddressKey(denom: string, address: Uint8Array): Uint8Array {
  return concatBytes(denomAddressPrefix(denom), lengthPrefixed(address));
}

/** `0x00 ‖ denom`. */
export function supplyKey(denom: string): Uint8Array {
  return concatBytes(SUPPLY_PREFIX, denomBytes(denom));
}

/** `0x01 ‖ base denom`. */
export function denomMetadataKey(denom: string): Uint8Array {
  return concatBytes(DENOM_METADATA_PREFIX, utf8.encode(denom));
}

/** SDK `CreateSendEnabledKey`: `0x04 ‖ denom`. */
export function sendEnabledKey(denom: string): Uint8Array {
  return concatBytes(SEND_ENABLED_PREFIX, denomBytes(denom));
}

/**
 * SDK `AddressAndDenomFromBalancesStore` on a key with the 0x02 prefix already removed:
 * `len ‖ addr ‖ denom`. Undefined where Go returns `ErrInvalidKey`.
 */
export function splitBalanceKey(key: Uint8Array): { address: Uint8Array; denom: string } | undefined {
  if (key.length === 0) return undefined;
  const n = key[0]!;
  if (key.length - 1 < n) return undefined;
  return { address: key.slice(1, n + 1), denom: new TextDecoder().decode(key.subarray(n + 1)) };
}
