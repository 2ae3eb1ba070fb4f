/**
 * Staking records ↔ their protobuf forms (app/codec/cosmos/staking/v1beta1). Values are plain protobuf
 * (the SDK codec's `MustMarshal`, no length prefix), with every field gogoproto writes for a
 * non-nullable one (description, commission, times, Int/Dec text) set, so the bytes are the
 * reference's. Decoding is memoised per stored value object: a pure function of immutable bytes.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { AnySchema, Int64ValueSchema, TimestampSchema, type Timestamp } from "@bufbuild/protobuf/wkt";
import { CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../../codec/cosmos/crypto/ed25519/keys_pb.js";
import {
  type Commission as CommissionProto, CommissionSchema, CommissionRatesSchema, type Delegation as DelegationProto, DelegationSchema,
  type Description as DescriptionProto, DescriptionSchema, DVPairsSchema, DVVTripletsSchema, type HistoricalInfo as HistoricalInfoProto,
  HistoricalInfoSchema, type Redelegation as RedelegationProto, RedelegationEntrySchema, RedelegationSchema,
  type UnbondingDelegation as UnbondingDelegationProto, UnbondingDelegationEntrySchema, UnbondingDelegationSchema, ValAddressesSchema,
  type Validator as ValidatorProto, ValidatorSchema,
} from "../../codec/cosmos/staking/v1beta1/staking_pb.js";
import { IntSchema } from "../../codec/stratos/types/v1/wrappers_pb.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { Dec } from "../../math/dec.js";
import { fromTimestamp, toTimestamp, type UnixNanos } from "../register/logic/time.js";
import { bondStatusOf } from "../register/store.js";
import type {
  Commission, Delegation, Description, Redelegation, RedelegationEntry, UnbondingDelegation, UnbondingEntry, Validator,
} from "./types.js";

export const ED25519_PUBKEY_TYPE_URL = "/cosmos.crypto.ed25519.PubKey";

// ---- addresses ---------------------------------------------------------------------------------

export const accString = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.account);
export const valString = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.validator);
export const consString = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.consensus);
export const parseAcc = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.account);
export const parseVal = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.validator);
export const parseCons = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.consensus);

// ---- scalars -----------------------------------------------------------------------------------

export const timestampOf = (t: UnixNanos): Timestamp => create(TimestampSchema, toTimestamp(t));
export const nanosOf = (t: Timestamp | undefined): UnixNanos => (t === undefined ? 0n : fromTimestamp(t));

/** gogoproto Int text of a stored record ("" never occurs in records this port writes; read as 0). */
export function intOf(text: string): bigint {
  if (text === "") return 0n;
  if (!/^-?\d+$/.test(text)) throw new RangeError(`invalid Int text "${text}" in a staking record`);
  return BigInt(text);
}

/** `Int64Value{power}`: a last validator power. */
export const encodeLastPower = (power: bigint): Uint8Array => toBinary(Int64ValueSchema, create(Int64ValueSchema, { value: power }));
export const decodeLastPower = (bytes: Uint8Array): bigint => fromBinary(Int64ValueSchema, bytes).value;

/** `IntProto{int}` (same wire as stratos.types.v1.Int: field 1, decimal text): the last total power. */
export const encodeIntProto = (n: bigint): Uint8Array => toBinary(IntSchema, create(IntSchema, { Value: n.toString() }));
export const decodeIntProto = (bytes: Uint8Array): bigint => intOf(fromBinary(IntSchema, bytes).Value);

// ---- validators --------------------------------------------------------------------------------

export function descriptionToProto(d: Description): DescriptionProto {
  return create(DescriptionSchema, { moniker: d.moniker, identity: d.identity, website: d.website, securityContact: d.securityContact, details: d.details });
}

export function descriptionFromProto(d: DescriptionProto | undefined): Description {
  return { moniker: d?.moniker ?? "", identity: d?.identity ?? "", website: d?.website ?? "", securityContact: d?.securityContact ?? "", details: d?.details ?? "" };
}

export function commissionToProto(c: Commission): CommissionProto {
  return create(CommissionSchema, {
    commissionRates: create(CommissionRatesSchema, {
      rate: c.rates.rate.toProtoString(), maxRate: c.rates.maxRate.toProtoString(), maxChangeRate: c.rates.maxChangeRate.toProtoString(),
    }),
    updateTime: timestampOf(c.updateTime),
  });
}

export function commissionFromProto(c: CommissionProto | undefined): Commission {
  const r = c?.commissionRates;
  return {
    rates: { rate: Dec.fromProtoString(r?.rate ?? ""), maxRate: Dec.fromProtoString(r?.maxRate ?? ""), maxChangeRate: Dec.fromProtoString(r?.maxChangeRate ?? "") },
    updateTime: nanosOf(c?.updateTime),
  };
}

/** The consensus key as the SDK packs it: `Any{/cosmos.crypto.ed25519.PubKey, PubKey{key}}`. */
export function consensusPubKeyAny(key: Uint8Array): { typeUrl: string; value: Uint8Array } {
  return { typeUrl: ED25519_PUBKEY_TYPE_URL, value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key })) };
}

/** The 32-byte ed25519 key of a consensus-key Any. @throws RangeError for another key type or size. */
export function consensusKeyFromAny(any: { typeUrl: string; value: Uint8Array } | undefined): Uint8Array {
  if (any === undefined) throw new RangeError("validator without a consensus public key");
  if (any.typeUrl !== ED25519_PUBKEY_TYPE_URL) throw new RangeError(`consensus public key of type ${any.typeUrl} is not supported (ed25519 only)`);
  const key = fromBinary(Ed25519PubKeySchema, any.value).key;
  if (key.length !== 32) throw new RangeError(`ed25519 consensus public key of ${key.length} bytes (want 32)`);
  return key;
}

export function validatorToProto(v: Validator): ValidatorProto {
  const pk = consensusPubKeyAny(v.consensusPubKey);
  return create(ValidatorSchema, {
    operatorAddress: valString(v.operator),
    consensusPubkey: create(AnySchema, pk),
    jailed: v.jailed,
    status: v.status,
    tokens: v.tokens.toString(),
    delegatorShares: v.delegatorShares.toProtoString(),
    description: descriptionToProto(v.description),
    unbondingHeight: v.unbondingHeight,
    unbondingTime: timestampOf(v.unbondingTime),
    commission: commissionToProto(v.commission),
    minSelfDelegation: v.minSelfDelegation.toString(),
    unbondingOnHoldRefCount: v.unbondingOnHoldRefCount,
    unbondingIds: [...v.unbondingIds],
  });
}

export function validatorFromProto(p: ValidatorProto): Validator {
  const consensusPubKey = consensusKeyFromAny(p.consensusPubkey);
  return {
    operator: parseVal(p.operatorAddress),
    consensusPubKey,
    consensusAddress: ed25519Address(consensusPubKey),
    jailed: p.jailed,
    status: bondStatusOf(p.status),
    tokens: intOf(p.tokens),
    delegatorShares: Dec.fromProtoString(p.delegatorShares),
    description: descriptionFromProto(p.description),
    unbondingHeight: p.unbondingHeight,
    unbondingTime: nanosOf(p.unbondingTime),
    commission: commissionFromProto(p.commission),
    minSelfDelegation: intOf(p.minSelfDelegation),
    unbondingOnHoldRefCount: p.unbondingOnHoldRefCount,
    unbondingIds: [...p.unbondingIds],
  };
}

const decodedValidators = new WeakMap<Uint8Array, Validator>();

export const encodeValidator = (v: Validator): Uint8Array => toBinary(ValidatorSchema, validatorToProto(v));

export function decodeValidator(bytes: Uint8Array): Validator {
  const hit = decodedValidators.get(bytes);
  if (hit !== undefined) return hit;
  const v = validatorFromProto(fromBinary(ValidatorSchema, bytes));
  decodedValidators.set(bytes, v);
  return v;
}

// ---- delegations -------------------------------------------------------------------------------

export function delegationToProto(d: Delegation): DelegationProto {
  return create(DelegationSchema, { delegatorAddress: accString(d.delegator), validatorAddress: valString(d.validator), shares: d.shares.toProtoString() });
}

export function delegationFromProto(p: DelegationProto): Delegation {
  return { delegator: parseAcc(p.delegatorAddress), validator: parseVal(p.validatorAddress), shares: Dec.fromProtoString(p.shares) };
}

const decodedDelegations = new WeakMap<Uint8Array, Delegation>();
export const encodeDelegation = (d: Delegation): Uint8Array => toBinary(DelegationSchema, delegationToProto(d));
export function decodeDelegation(bytes: Uint8Array): Delegation {
  const hit = decodedDelegations.get(bytes);
  if (hit !== undefined) return hit;
  const d = delegationFromProto(fromBinary(DelegationSchema, bytes));
  decodedDelegations.set(bytes, d);
  return d;
}

export function unbondingDelegationToProto(u: UnbondingDelegation): UnbondingDelegationProto {
  return create(UnbondingDelegationSchema, {
    delegatorAddress: accString(u.delegator),
    validatorAddress: valString(u.validator),
    entries: u.entries.map((e) => create(UnbondingDelegationEntrySchema, {
      creationHeight: e.creationHeight,
      completionTime: timestampOf(e.completionTime),
      initialBalance: e.initialBalance.toString(),
      balance: e.balance.toString(),
      unbondingId: e.unbondingId,
      unbondingOnHoldRefCount: e.unbondingOnHoldRefCount,
    })),
  });
}

export function unbondingDelegationFromProto(p: UnbondingDelegationProto): UnbondingDelegation {
  return {
    delegator: parseAcc(p.delegatorAddress),
    validator: parseVal(p.validatorAddress),
    entries: p.entries.map((e): UnbondingEntry => ({
      creationHeight: e.creationHeight,
      completionTime: nanosOf(e.completionTime),
      initialBalance: intOf(e.initialBalance),
      balance: intOf(e.balance),
      unbondingId: e.unbondingId,
      unbondingOnHoldRefCount: e.unbondingOnHoldRefCount,
    })),
  };
}

export const encodeUnbondingDelegation = (u: UnbondingDelegation): Uint8Array => toBinary(UnbondingDelegationSchema, unbondingDelegationToProto(u));
export const decodeUnbondingDelegation = (bytes: Uint8Array): UnbondingDelegation =>
  unbondingDelegationFromProto(fromBinary(UnbondingDelegationSchema, bytes));

export function redelegationToProto(r: Redelegation): RedelegationProto {
  return create(RedelegationSchema, {
    delegatorAddress: accString(r.delegator),
    validatorSrcAddress: valString(r.validatorSrc),
    validatorDstAddress: valString(r.validatorDst),
    entries: r.entries.map((e) => create(RedelegationEntrySchema, {
      creationHeight: e.creationHeight,
      completionTime: timestampOf(e.completionTime),
      initialBalance: e.initialBalance.toString(),
      sharesDst: e.sharesDst.toProtoString(),
      unbondingId: e.unbondingId,
      unbondingOnHoldRefCount: e.unbondingOnHoldRefCount,
    })),
  });
}

export function redelegationFromProto(p: RedelegationProto): Redelegation {
  return {
    delegator: parseAcc(p.delegatorAddress),
    validatorSrc: parseVal(p.validatorSrcAddress),
    validatorDst: parseVal(p.validatorDstAddress),
    entries: p.entries.map((e): RedelegationEntry => ({
      creationHeight: e.creationHeight,
      completionTime: nanosOf(e.completionTime),
      initialBalance: intOf(e.initialBalance),
      sharesDst: Dec.fromProtoString(e.sharesDst),
      unbondingId: e.unbondingId,
      unbondingOnHoldRefCount: e.unbondingOnHoldRefCount,
    })),
  };
}

export const encodeRedelegation = (r: Redelegation): Uint8Array => toBinary(RedelegationSchema, redelegationToProto(r));
export const decodeRedelegation = (bytes: Uint8Array): Redelegation => redelegationFromProto(fromBinary(RedelegationSchema, bytes));

// ---- queues ------------------------------------------------------------------------------------

/** A queued (delegator, validator) pair, as the bech32 strings the reference stores. */
export interface DVPair {
  readonly delegatorAddress: string;
  readonly validatorAddress: string;
}

export interface DVVTriplet {
  readonly delegatorAddress: string;
  readonly validatorSrcAddress: string;
  readonly validatorDstAddress: string;
}

export const encodeDVPairs = (pairs: readonly DVPair[]): Uint8Array =>
  toBinary(DVPairsSchema, create(DVPairsSchema, { pairs: pairs.map((p) => ({ ...p })) }));
export const decodeDVPairs = (bytes: Uint8Array): DVPair[] =>
  fromBinary(DVPairsSchema, bytes).pairs.map((p) => ({ delegatorAddress: p.delegatorAddress, validatorAddress: p.validatorAddress }));

export const encodeDVVTriplets = (triplets: readonly DVVTriplet[]): Uint8Array =>
  toBinary(DVVTripletsSchema, create(DVVTripletsSchema, { triplets: triplets.map((t) => ({ ...t })) }));
export const decodeDVVTriplets = (bytes: Uint8Array): DVVTriplet[] =>
  fromBinary(DVVTripletsSchema, bytes).triplets.map((t) => ({
    delegatorAddress: t.delegatorAddress, validatorSrcAddress: t.validatorSrcAddress, validatorDstAddress: t.validatorDstAddress,
  }));

export const encodeValAddresses = (addresses: readonly string[]): Uint8Array =>
  toBinary(ValAddressesSchema, create(ValAddressesSchema, { addresses: [...addresses] }));
export const decodeValAddresses = (bytes: Uint8Array): string[] => fromBinary(ValAddressesSchema, bytes).addresses;

// ---- historical info ---------------------------------------------------------------------------

export const encodeHistoricalInfo = (h: HistoricalInfoProto): Uint8Array => toBinary(HistoricalInfoSchema, h);
export const decodeHistoricalInfo = (bytes: Uint8Array): HistoricalInfoProto => fromBinary(HistoricalInfoSchema, bytes);

/** The bond status enum name ("BOND_STATUS_BONDED"). */
export { bondStatusName } from "../register/store.js";

export const coinProto = (denom: string, amount: bigint) => create(CoinSchema, { denom, amount: amount.toString() });
