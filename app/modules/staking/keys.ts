/**
 * The staking store (store key `staking`), laid out as the SDK v0.47 `x/staking/types/keys.go` lays it
 * out: every address inside a key is length-prefixed (`len ‖ bytes`), so a prefix scan over one
 * delegator, validator or (delegator, validator) pair is a key range. Changing any of this breaks state.
 */
import { concatBytes } from "../../store/bytes.js";
import { formatTimeBytes, type UnixNanos } from "../register/logic/time.js";

export const STAKING_MODULE_NAME = "staking";
export const STAKING_STORE_KEY = "staking";

/** The two module accounts holding staked tokens (spec-chain §9: Burner and Staking permissions). */
export const BONDED_POOL_NAME = "bonded_tokens_pool";
export const NOT_BONDED_POOL_NAME = "not_bonded_tokens_pool";

export const PREFIX = {
  /** 0x11 ‖ len ‖ operator → Int64Value: the power CometBFT has for a bonded validator. */
  lastValidatorPower: 0x11,
  /** 0x12 → IntProto: Σ of the last powers. */
  lastTotalPower: 0x12,
  /** 0x21 ‖ len ‖ operator → Validator. */
  validators: 0x21,
  /** 0x22 ‖ len ‖ consensus address → operator bytes. */
  validatorsByConsAddr: 0x22,
  /** 0x23 ‖ power (8 bytes BE) ‖ len ‖ ^operator → operator bytes: the power ranking. */
  validatorsByPower: 0x23,
  /** 0x31 ‖ len ‖ delegator ‖ len ‖ validator → Delegation. */
  delegation: 0x31,
  /** 0x32 ‖ len ‖ delegator ‖ len ‖ validator → UnbondingDelegation. */
  unbondingDelegation: 0x32,
  /** 0x33 ‖ len ‖ validator ‖ len ‖ delegator → index marker. */
  unbondingDelegationByValidator: 0x33,
  /** 0x34 ‖ len ‖ delegator ‖ len ‖ src ‖ len ‖ dst → Redelegation. */
  redelegation: 0x34,
  /** 0x35 ‖ len ‖ src ‖ len ‖ delegator ‖ len ‖ dst → index marker. */
  redelegationBySrc: 0x35,
  /** 0x36 ‖ len ‖ dst ‖ len ‖ delegator ‖ len ‖ src → index marker. */
  redelegationByDst: 0x36,
  /** 0x37 → uint64 BE: the last unbonding id handed out. */
  unbondingId: 0x37,
  /** 0x38 ‖ id (8 bytes BE) → the store key of the record the id belongs to. */
  unbondingIndex: 0x38,
  /** 0x39 ‖ id (8 bytes BE) → uint64 BE unbonding type (1 delegation, 2 redelegation, 3 validator). */
  unbondingType: 0x39,
  /** 0x41 ‖ FormatTimeBytes(t) → DVPairs maturing at t. */
  unbondingQueue: 0x41,
  /** 0x42 ‖ FormatTimeBytes(t) → DVVTriplets maturing at t. */
  redelegationQueue: 0x42,
  /** 0x43 ‖ len(time) (8 bytes BE) ‖ FormatTimeBytes(t) ‖ height (8 bytes BE) → ValAddresses. */
  validatorQueue: 0x43,
  /** 0x50 ‖ decimal text of the height → HistoricalInfo. */
  historicalInfo: 0x50,
  /** 0x51 → Params (plain protobuf). */
  params: 0x51,
} as const;

/**
 * Value of an index entry. The reference stores zero bytes, which the IAVL store refuses
 * (docs/deviations.md "No zero-length store values"); only the key of an index entry is ever read.
 */
export const INDEX_MARKER = Uint8Array.of(0x01);

/** The unbonding operation types of the 0x39 index (SDK `UnbondingType`). */
export const UnbondingType = { UnbondingDelegation: 1n, Redelegation: 2n, ValidatorUnbonding: 3n } as const;

const one = (p: number): Uint8Array => Uint8Array.of(p);

/** `address.MustLengthPrefix`: one length byte, then the address (1…255 bytes). */
export function lengthPrefixed(addr: Uint8Array): Uint8Array {
  if (addr.length === 0 || addr.length > 255) throw new RangeError(`address of ${addr.length} bytes cannot be length-prefixed`);
  return concatBytes(Uint8Array.of(addr.length), addr);
}

export function uint64Bytes(n: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, n));
  return out;
}

export function readUint64(bytes: Uint8Array, offset = 0): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(offset);
}

export const LAST_VALIDATOR_POWER_PREFIX = one(PREFIX.lastValidatorPower);
export const LAST_TOTAL_POWER_KEY = one(PREFIX.lastTotalPower);
export const VALIDATORS_PREFIX = one(PREFIX.validators);
export const VALIDATORS_BY_POWER_PREFIX = one(PREFIX.validatorsByPower);
export const DELEGATION_PREFIX = one(PREFIX.delegation);
export const UNBONDING_DELEGATION_PREFIX = one(PREFIX.unbondingDelegation);
export const REDELEGATION_PREFIX = one(PREFIX.redelegation);
export const UNBONDING_ID_KEY = one(PREFIX.unbondingId);
export const UNBONDING_QUEUE_PREFIX = one(PREFIX.unbondingQueue);
export const REDELEGATION_QUEUE_PREFIX = one(PREFIX.redelegationQueue);
export const VALIDATOR_QUEUE_PREFIX = one(PREFIX.validatorQueue);
export const HISTORICAL_INFO_PREFIX = one(PREFIX.historicalInfo);
export const PARAMS_KEY = one(PREFIX.params);

export const lastValidatorPowerKey = (operator: Uint8Array): Uint8Array => concatBytes(LAST_VALIDATOR_POWER_PREFIX, lengthPrefixed(operator));
/** The operator of a 0x11 key (prefix and length byte dropped). */
export const operatorFromLastPowerKey = (key: Uint8Array): Uint8Array => key.subarray(2);

export const validatorKey = (operator: Uint8Array): Uint8Array => concatBytes(VALIDATORS_PREFIX, lengthPrefixed(operator));
export const validatorByConsAddrKey = (consAddr: Uint8Array): Uint8Array => concatBytes(one(PREFIX.validatorsByConsAddr), lengthPrefixed(consAddr));

/**
 * `GetValidatorsByPowerIndexKey`: 0x23 ‖ power as uint64 BE ‖ len ‖ bitwise-inverted operator. Read
 * backwards, the highest power comes first and, within one power, the lowest operator address.
 */
export function validatorPowerIndexKey(power: bigint, operator: Uint8Array): Uint8Array {
  const inverted = operator.map((b) => ~b & 0xff);
  return concatBytes(VALIDATORS_BY_POWER_PREFIX, uint64Bytes(power), Uint8Array.of(operator.length), inverted);
}

export const delegationsKey = (delegator: Uint8Array): Uint8Array => concatBytes(DELEGATION_PREFIX, lengthPrefixed(delegator));
export const delegationKey = (delegator: Uint8Array, validator: Uint8Array): Uint8Array => concatBytes(delegationsKey(delegator), lengthPrefixed(validator));

export const unbondingDelegationsKey = (delegator: Uint8Array): Uint8Array => concatBytes(UNBONDING_DELEGATION_PREFIX, lengthPrefixed(delegator));
export const unbondingDelegationKey = (delegator: Uint8Array, validator: Uint8Array): Uint8Array =>
  concatBytes(unbondingDelegationsKey(delegator), lengthPrefixed(validator));
export const unbondingDelegationsByValidatorKey = (validator: Uint8Array): Uint8Array =>
  concatBytes(one(PREFIX.unbondingDelegationByValidator), lengthPrefixed(validator));
export const unbondingDelegationByValidatorKey = (delegator: Uint8Array, validator: Uint8Array): Uint8Array =>
  concatBytes(unbondingDelegationsByValidatorKey(validator), lengthPrefixed(delegator));

export const redelegationsKey = (delegator: Uint8Array): Uint8Array => concatBytes(REDELEGATION_PREFIX, lengthPrefixed(delegator));
export const redelegationKey = (delegator: Uint8Array, src: Uint8Array, dst: Uint8Array): Uint8Array =>
  concatBytes(redelegationsKey(delegator), lengthPrefixed(src), lengthPrefixed(dst));
export const redelegationsBySrcKey = (src: Uint8Array): Uint8Array => concatBytes(one(PREFIX.redelegationBySrc), lengthPrefixed(src));
export const redelegationBySrcKey = (delegator: Uint8Array, src: Uint8Array, dst: Uint8Array): Uint8Array =>
  concatBytes(redelegationsBySrcKey(src), lengthPrefixed(delegator), lengthPrefixed(dst));
export const redelegationsByDstKey = (dst: Uint8Array): Uint8Array => concatBytes(one(PREFIX.redelegationByDst), lengthPrefixed(dst));
/** 0x36 ‖ len ‖ dst ‖ len ‖ delegator: every redelegation of `delegator` into `dst` (the transitive check). */
export const redelegationsByDelegatorToDstKey = (delegator: Uint8Array, dst: Uint8Array): Uint8Array =>
  concatBytes(redelegationsByDstKey(dst), lengthPrefixed(delegator));
export const redelegationByDstKey = (delegator: Uint8Array, src: Uint8Array, dst: Uint8Array): Uint8Array =>
  concatBytes(redelegationsByDelegatorToDstKey(delegator, dst), lengthPrefixed(src));

/** Splits `len ‖ a ‖ len ‖ b [‖ len ‖ c]` (the tail of an index key) into its addresses. */
export function splitLengthPrefixed(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const len = bytes[pos]!;
    if (pos + 1 + len > bytes.length) throw new RangeError("truncated length-prefixed address in a staking key");
    out.push(bytes.subarray(pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  return out;
}

export const unbondingIndexKey = (id: bigint): Uint8Array => concatBytes(one(PREFIX.unbondingIndex), uint64Bytes(id));
export const unbondingTypeKey = (id: bigint): Uint8Array => concatBytes(one(PREFIX.unbondingType), uint64Bytes(id));

const timeText = (t: UnixNanos): Uint8Array => new TextEncoder().encode(formatTimeBytes(t));

/** 0x41 ‖ FormatTimeBytes(t): byte order of these keys is chronological order. */
export const unbondingQueueKey = (t: UnixNanos): Uint8Array => concatBytes(UNBONDING_QUEUE_PREFIX, timeText(t));
export const redelegationQueueKey = (t: UnixNanos): Uint8Array => concatBytes(REDELEGATION_QUEUE_PREFIX, timeText(t));

/** `GetValidatorQueueKey(t, height)`. FormatTimeBytes has a fixed length, so the order is (time, height). */
export function validatorQueueKey(t: UnixNanos, height: bigint): Uint8Array {
  const text = timeText(t);
  return concatBytes(VALIDATOR_QUEUE_PREFIX, uint64Bytes(BigInt(text.length)), text, uint64Bytes(height));
}

/** The (time text, height) of a 0x43 key. */
export function parseValidatorQueueKey(key: Uint8Array): { timeText: string; height: bigint } {
  const length = Number(readUint64(key, 1));
  const text = new TextDecoder().decode(key.subarray(9, 9 + length));
  return { timeText: text, height: BigInt.asIntN(64, readUint64(key, 9 + length)) };
}

export const historicalInfoKey = (height: bigint): Uint8Array => concatBytes(HISTORICAL_INFO_PREFIX, new TextEncoder().encode(height.toString()));
