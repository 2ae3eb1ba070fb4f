/**
 * The distribution store (store key `distribution`; SDK v0.47 `x/distribution/types/keys.go`).
 * `len` is a one-byte length prefix before each address (`address.MustLengthPrefix`), so a key's
 * address parts can be split again and keys of one validator share a prefix. Periods in historical
 * keys are little-endian (the reference's choice: iteration is by validator, not by period order);
 * heights and periods in slash-event keys are big-endian, so events iterate in (height, period) order.
 * Values are plain protobuf. Changing any of this breaks state compatibility.
 */
import { concatBytes } from "../../store/bytes.js";

export const DISTRIBUTION_MODULE_NAME = "distribution";
export const DISTRIBUTION_STORE_KEY = "distribution";
/** The module account that collects fees during a block (auth's `fee_collector`). */
export const FEE_COLLECTOR_NAME = "fee_collector";

export const PREFIX = {
  /** The global `FeePool` (community pool). */
  feePool: 0x00,
  /** `BytesValue{consensus address}` of the previous block's proposer. */
  previousProposer: 0x01,
  /** 0x02 ‖ len ‖ val → `ValidatorOutstandingRewards`. */
  outstandingRewards: 0x02,
  /** 0x03 ‖ len ‖ del → raw withdraw address bytes. */
  withdrawAddress: 0x03,
  /** 0x04 ‖ len ‖ val ‖ len ‖ del → `DelegatorStartingInfo`. */
  startingInfo: 0x04,
  /** 0x05 ‖ len ‖ val ‖ period (u64 LE) → `ValidatorHistoricalRewards`. */
  historicalRewards: 0x05,
  /** 0x06 ‖ len ‖ val → `ValidatorCurrentRewards`. */
  currentRewards: 0x06,
  /** 0x07 ‖ len ‖ val → `ValidatorAccumulatedCommission`. */
  accumulatedCommission: 0x07,
  /** 0x08 ‖ len ‖ val ‖ height (u64 BE) ‖ period (u64 BE) → `ValidatorSlashEvent`. */
  slashEvent: 0x08,
  /** Params. */
  params: 0x09,
} as const;

export const FEE_POOL_KEY = Uint8Array.of(PREFIX.feePool);
export const PREVIOUS_PROPOSER_KEY = Uint8Array.of(PREFIX.previousProposer);
export const PARAMS_KEY = Uint8Array.of(PREFIX.params);

/** `address.MustLengthPrefix`: one length byte, then the address (1…255 bytes). */
export function lengthPrefixed(addr: Uint8Array): Uint8Array {
  if (addr.length === 0 || addr.length > 255) throw new RangeError(`distribution keys: address length ${addr.length} is not 1…255`);
  return concatBytes(Uint8Array.of(addr.length), addr);
}

const u64 = (n: bigint, littleEndian: boolean): Uint8Array => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, n), littleEndian);
  return out;
};

const under = (prefix: number, ...parts: Uint8Array[]): Uint8Array => concatBytes(Uint8Array.of(prefix), ...parts);

export const outstandingRewardsKey = (val: Uint8Array): Uint8Array => under(PREFIX.outstandingRewards, lengthPrefixed(val));
export const withdrawAddressKey = (del: Uint8Array): Uint8Array => under(PREFIX.withdrawAddress, lengthPrefixed(del));
export const startingInfoKey = (val: Uint8Array, del: Uint8Array): Uint8Array =>
  under(PREFIX.startingInfo, lengthPrefixed(val), lengthPrefixed(del));
export const historicalRewardsPrefix = (val: Uint8Array): Uint8Array => under(PREFIX.historicalRewards, lengthPrefixed(val));
export const historicalRewardsKey = (val: Uint8Array, period: bigint): Uint8Array =>
  concatBytes(historicalRewardsPrefix(val), u64(period, true));
export const currentRewardsKey = (val: Uint8Array): Uint8Array => under(PREFIX.currentRewards, lengthPrefixed(val));
export const accumulatedCommissionKey = (val: Uint8Array): Uint8Array => under(PREFIX.accumulatedCommission, lengthPrefixed(val));
export const slashEventPrefix = (val: Uint8Array): Uint8Array => under(PREFIX.slashEvent, lengthPrefixed(val));
/** The slash events of `val` at `height` and later start here. */
export const slashEventHeightPrefix = (val: Uint8Array, height: bigint): Uint8Array => concatBytes(slashEventPrefix(val), u64(height, false));
export const slashEventKey = (val: Uint8Array, height: bigint, period: bigint): Uint8Array =>
  concatBytes(slashEventHeightPrefix(val, height), u64(period, false));

/** The address after a one-byte prefix in a `prefix ‖ len ‖ addr` key. */
export function addressAfterPrefix(key: Uint8Array): Uint8Array {
  const len = key[1] ?? 0;
  if (key.length !== 2 + len || len === 0) throw new RangeError(`distribution keys: malformed key of length ${key.length}`);
  return key.slice(2);
}

/** Validator and delegator of a starting-info key. */
export function startingInfoAddresses(key: Uint8Array): { val: Uint8Array; del: Uint8Array } {
  const valLen = key[1] ?? 0;
  const delLen = key[2 + valLen] ?? 0;
  if (valLen === 0 || delLen === 0 || key.length !== 3 + valLen + delLen) throw new RangeError("distribution keys: malformed starting-info key");
  return { val: key.slice(2, 2 + valLen), del: key.slice(3 + valLen) };
}

/** Validator and period of a historical-rewards key. */
export function historicalRewardsKeyParts(key: Uint8Array): { val: Uint8Array; period: bigint } {
  const valLen = key[1] ?? 0;
  if (valLen === 0 || key.length !== 2 + valLen + 8) throw new RangeError("distribution keys: malformed historical-rewards key");
  const period = new DataView(key.buffer, key.byteOffset + 2 + valLen, 8).getBigUint64(0, true);
  return { val: key.slice(2, 2 + valLen), period };
}

/** Validator, height and period of a slash-event key. */
export function slashEventKeyParts(key: Uint8Array): { val: Uint8Array; height: bigint; period: bigint } {
  const valLen = key[1] ?? 0;
  if (valLen === 0 || key.length !== 2 + valLen + 16) throw new RangeError("distribution keys: malformed slash-event key");
  const view = new DataView(key.buffer, key.byteOffset + 2 + valLen, 16);
  return { val: key.slice(2, 2 + valLen), height: view.getBigUint64(0, false), period: view.getBigUint64(8, false) };
}
