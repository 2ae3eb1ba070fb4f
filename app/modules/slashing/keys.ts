/**
 * The slashing store (`slashing`), laid out as the SDK v0.47 reference lays it out (`types/keys.go`);
 * addresses carry a one-byte length prefix, so a key prefix never matches a longer address.
 *   0x00                                   → Params
 *   0x01 ‖ len ‖ consAddr                  → ValidatorSigningInfo
 *   0x02 ‖ len ‖ consAddr ‖ index (u64 LE) → BoolValue{true}: the bitmap slot is a miss (absent = signed)
 *   0x03 ‖ len ‖ consAddr                  → Any(consensus pubkey): the address ↔ pubkey relation
 */
import { concatBytes } from "../../store/bytes.js";

export const SLASHING_MODULE_NAME = "slashing";
export const SLASHING_STORE_KEY = "slashing";

export const PARAMS_KEY = Uint8Array.of(0x00);
export const SIGNING_INFO_PREFIX = Uint8Array.of(0x01);
export const MISSED_BLOCK_PREFIX = Uint8Array.of(0x02);
export const PUBKEY_RELATION_PREFIX = Uint8Array.of(0x03);

/** `address.MustLengthPrefix`. */
function lengthPrefixed(addr: Uint8Array): Uint8Array {
  if (addr.length > 255) throw new RangeError(`address of ${addr.length} bytes cannot be length-prefixed`);
  return concatBytes(Uint8Array.of(addr.length), addr);
}

export const signingInfoKey = (consAddr: Uint8Array): Uint8Array => concatBytes(SIGNING_INFO_PREFIX, lengthPrefixed(consAddr));

/** The consensus address of a signing-info key relative to SIGNING_INFO_PREFIX (len ‖ addr). */
export function addressOfSigningInfoKey(relative: Uint8Array): Uint8Array {
  const len = relative[0] ?? 0;
  if (relative.length !== 1 + len) throw new RangeError(`malformed signing info key of ${relative.length} bytes`);
  return relative.subarray(1);
}

export const missedBlocksPrefix = (consAddr: Uint8Array): Uint8Array => concatBytes(MISSED_BLOCK_PREFIX, lengthPrefixed(consAddr));

export function missedBlockKey(consAddr: Uint8Array, index: bigint): Uint8Array {
  const le = new Uint8Array(8);
  new DataView(le.buffer).setBigUint64(0, BigInt.asUintN(64, index), true);
  return concatBytes(missedBlocksPrefix(consAddr), le);
}

/** The slot index of a missed-block key relative to `missedBlocksPrefix(addr)` (8 bytes, little endian, as int64). */
export function indexOfMissedBlockKey(relative: Uint8Array): bigint {
  if (relative.length !== 8) throw new RangeError(`malformed missed block key of ${relative.length} bytes`);
  return new DataView(relative.buffer, relative.byteOffset, 8).getBigInt64(0, true);
}

export const pubkeyRelationKey = (consAddr: Uint8Array): Uint8Array => concatBytes(PUBKEY_RELATION_PREFIX, lengthPrefixed(consAddr));
