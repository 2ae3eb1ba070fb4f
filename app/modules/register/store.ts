/**
 * Register records ↔ their protobuf forms (app/codec/stratos/register/v1). Stored values are
 * length-prefixed (§2.1) and byte-equal to the reference's gogoproto encoding: fields ascending,
 * proto3 defaults omitted, non-nullable messages (description, times) always written.
 */
import { create } from "@bufbuild/protobuf";
import { AnySchema, TimestampSchema, type Timestamp } from "@bufbuild/protobuf/wkt";
import { decodeLengthPrefixed, encodeLengthPrefixed } from "../../baseapp/lengthPrefixed.js";
import { DecSchema, IntSchema, SdsAddressesSchema } from "../../codec/stratos/types/v1/wrappers_pb.js";
import {
  type Description as DescriptionProto, DescriptionSchema, type KickMetaNodeVotePool, KickMetaNodeVotePoolSchema,
  type MetaNode as MetaNodeProto, MetaNodeRegistrationVotePoolSchema, type MetaNodeRegistrationVotePool, MetaNodeSchema,
  type ResourceNode as ResourceNodeProto, ResourceNodeSchema, type UnbondingNode as UnbondingNodeProto, UnbondingNodeSchema,
  UnbondingNodeEntrySchema,
} from "../../codec/stratos/register/v1/register_pb.js";
import { Dec } from "../../math/dec.js";
import { BondStatus } from "./logic/bondStatus.js";
import { fromTimestamp, toTimestamp, type UnixNanos } from "./logic/time.js";
import { parseAmountText } from "./params.js";
import type { Description, MetaNode, PubKeyAny, ResourceNode, UnbondingNode, VotePool } from "./types.js";

// ---- scalars -----------------------------------------------------------------------------------

export const timestampOf = (t: UnixNanos): Timestamp => create(TimestampSchema, toTimestamp(t));
export const nanosOf = (t: Timestamp | undefined): UnixNanos => (t === undefined ? 0n : fromTimestamp(t));

/** LP `stratos.types.v1.Int`: Lt, S, the counters, slashing debts. */
export const encodeIntValue = (n: bigint): Uint8Array => encodeLengthPrefixed(IntSchema, create(IntSchema, { Value: n.toString() }));
export const decodeIntValue = (bytes: Uint8Array): bigint => parseAmountText(decodeLengthPrefixed(IntSchema, bytes).Value);

/** LP `stratos.types.v1.Dec`: the raw scaled integer as text. */
export const encodeDecValue = (d: Dec): Uint8Array => encodeLengthPrefixed(DecSchema, create(DecSchema, { Value: d.toProtoString() }));
export const decodeDecValue = (bytes: Uint8Array): Dec => Dec.fromProtoString(decodeLengthPrefixed(DecSchema, bytes).Value);

/** LP `stratos.types.v1.SdsAddresses`: an unbonding queue slice. */
export const encodeAddressList = (addresses: readonly string[]): Uint8Array =>
  encodeLengthPrefixed(SdsAddressesSchema, create(SdsAddressesSchema, { Addresses: [...addresses] }));
export const decodeAddressList = (bytes: Uint8Array): string[] => decodeLengthPrefixed(SdsAddressesSchema, bytes).Addresses;

/** A stored bond status; anything but the four enum values means a corrupt record. */
export function bondStatusOf(n: number): BondStatus {
  if (n === BondStatus.Unspecified || n === BondStatus.Unbonded || n === BondStatus.Unbonding || n === BondStatus.Bonded) return n;
  throw new RangeError(`unknown bond status ${n}`);
}

const BOND_STATUS_NAMES = ["BOND_STATUS_UNSPECIFIED", "BOND_STATUS_UNBONDED", "BOND_STATUS_UNBONDING", "BOND_STATUS_BONDED"] as const;

/** The enum name events and JSON carry ("BOND_STATUS_BONDED"). */
export const bondStatusName = (s: BondStatus): string => BOND_STATUS_NAMES[s];

// ---- nodes -------------------------------------------------------------------------------------

export function descriptionToProto(d: Description): DescriptionProto {
  return create(DescriptionSchema, { ...d });
}

export function descriptionFromProto(d: DescriptionProto | undefined): Description {
  return {
    moniker: d?.moniker ?? "",
    identity: d?.identity ?? "",
    website: d?.website ?? "",
    securityContact: d?.securityContact ?? "",
    details: d?.details ?? "",
  };
}

const anyToProto = (k: PubKeyAny | undefined) => (k === undefined ? undefined : create(AnySchema, { typeUrl: k.typeUrl, value: k.value }));
const anyFromProto = (k: { typeUrl: string; value: Uint8Array } | undefined): PubKeyAny | undefined =>
  k === undefined ? undefined : { typeUrl: k.typeUrl, value: k.value };

export function resourceNodeToProto(n: ResourceNode): ResourceNodeProto {
  return create(ResourceNodeSchema, {
    networkAddress: n.networkAddress,
    pubkey: anyToProto(n.pubKey),
    suspend: n.suspend,
    status: n.status,
    tokens: n.tokens.toString(),
    ownerAddress: n.ownerAddress,
    description: descriptionToProto(n.description),
    creationTime: timestampOf(n.creationTime),
    nodeType: n.nodeType,
    effectiveTokens: n.effectiveTokens.toString(),
    beneficiaryAddress: n.beneficiaryAddress,
  });
}

export function resourceNodeFromProto(p: ResourceNodeProto): ResourceNode {
  return {
    networkAddress: p.networkAddress,
    pubKey: anyFromProto(p.pubkey),
    suspend: p.suspend,
    status: bondStatusOf(p.status),
    tokens: parseAmountText(p.tokens),
    ownerAddress: p.ownerAddress,
    description: descriptionFromProto(p.description),
    creationTime: nanosOf(p.creationTime),
    nodeType: p.nodeType,
    effectiveTokens: parseAmountText(p.effectiveTokens),
    beneficiaryAddress: p.beneficiaryAddress,
  };
}

export function metaNodeToProto(n: MetaNode): MetaNodeProto {
  return create(MetaNodeSchema, {
    networkAddress: n.networkAddress,
    pubkey: anyToProto(n.pubKey),
    suspend: n.suspend,
    status: n.status,
    tokens: n.tokens.toString(),
    ownerAddress: n.ownerAddress,
    description: descriptionToProto(n.description),
    creationTime: timestampOf(n.creationTime),
    beneficiaryAddress: n.beneficiaryAddress,
  });
}

export function metaNodeFromProto(p: MetaNodeProto): MetaNode {
  return {
    networkAddress: p.networkAddress,
    pubKey: anyFromProto(p.pubkey),
    suspend: p.suspend,
    status: bondStatusOf(p.status),
    tokens: parseAmountText(p.tokens),
    ownerAddress: p.ownerAddress,
    description: descriptionFromProto(p.description),
    creationTime: nanosOf(p.creationTime),
    beneficiaryAddress: p.beneficiaryAddress,
  };
}

export const encodeResourceNode = (n: ResourceNode): Uint8Array => encodeLengthPrefixed(ResourceNodeSchema, resourceNodeToProto(n));
export const decodeResourceNode = (b: Uint8Array): ResourceNode => resourceNodeFromProto(decodeLengthPrefixed(ResourceNodeSchema, b));
export const encodeMetaNode = (n: MetaNode): Uint8Array => encodeLengthPrefixed(MetaNodeSchema, metaNodeToProto(n));
export const decodeMetaNode = (b: Uint8Array): MetaNode => metaNodeFromProto(decodeLengthPrefixed(MetaNodeSchema, b));

// ---- vote pools --------------------------------------------------------------------------------

export function registrationPoolToProto(p: VotePool): MetaNodeRegistrationVotePool {
  return create(MetaNodeRegistrationVotePoolSchema, {
    networkAddress: p.networkAddress,
    approveList: [...p.approveList],
    rejectList: [...p.rejectList],
    expireTime: timestampOf(p.expireTime),
    isVotePassed: p.isVotePassed,
  });
}

export function registrationPoolFromProto(p: MetaNodeRegistrationVotePool): VotePool {
  return { networkAddress: p.networkAddress, approveList: p.approveList, rejectList: p.rejectList, expireTime: nanosOf(p.expireTime), isVotePassed: p.isVotePassed };
}

export function kickPoolToProto(p: VotePool): KickMetaNodeVotePool {
  return create(KickMetaNodeVotePoolSchema, {
    targetNetworkAddress: p.networkAddress,
    approveList: [...p.approveList],
    rejectList: [...p.rejectList],
    expireTime: timestampOf(p.expireTime),
    isVotePassed: p.isVotePassed,
  });
}

export function kickPoolFromProto(p: KickMetaNodeVotePool): VotePool {
  return { networkAddress: p.targetNetworkAddress, approveList: p.approveList, rejectList: p.rejectList, expireTime: nanosOf(p.expireTime), isVotePassed: p.isVotePassed };
}

export const encodeRegistrationPool = (p: VotePool): Uint8Array => encodeLengthPrefixed(MetaNodeRegistrationVotePoolSchema, registrationPoolToProto(p));
export const decodeRegistrationPool = (b: Uint8Array): VotePool => registrationPoolFromProto(decodeLengthPrefixed(MetaNodeRegistrationVotePoolSchema, b));
export const encodeKickPool = (p: VotePool): Uint8Array => encodeLengthPrefixed(KickMetaNodeVotePoolSchema, kickPoolToProto(p));
export const decodeKickPool = (b: Uint8Array): VotePool => kickPoolFromProto(decodeLengthPrefixed(KickMetaNodeVotePoolSchema, b));

// ---- unbonding ---------------------------------------------------------------------------------

export function unbondingNodeToProto(u: UnbondingNode): UnbondingNodeProto {
  return create(UnbondingNodeSchema, {
    networkAddr: u.networkAddr,
    isMetaNode: u.isMetaNode,
    entries: u.entries.map((e) =>
      create(UnbondingNodeEntrySchema, {
        creationHeight: e.creationHeight,
        completionTime: timestampOf(e.completionTime),
        initialBalance: e.initialBalance.toString(),
        balance: e.balance.toString(),
      }),
    ),
  });
}

export function unbondingNodeFromProto(p: UnbondingNodeProto): UnbondingNode {
  return {
    networkAddr: p.networkAddr,
    isMetaNode: p.isMetaNode,
    entries: p.entries.map((e) => ({
      creationHeight: e.creationHeight,
      completionTime: nanosOf(e.completionTime),
      initialBalance: parseAmountText(e.initialBalance),
      balance: parseAmountText(e.balance),
    })),
  };
}

export const encodeUnbondingNode = (u: UnbondingNode): Uint8Array => encodeLengthPrefixed(UnbondingNodeSchema, unbondingNodeToProto(u));
export const decodeUnbondingNode = (b: Uint8Array): UnbondingNode => unbondingNodeFromProto(decodeLengthPrefixed(UnbondingNodeSchema, b));
