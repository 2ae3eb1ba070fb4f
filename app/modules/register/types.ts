/**
 * Register's records as the keeper and handlers see them (spec-register §2.2): amounts are bigint,
 * times are nanoseconds since the Unix epoch, addresses are the strings stored in the record (the
 * handlers store canonical bech32; genesis records keep whatever text the genesis had). Immutable:
 * an update builds a new object. The protobuf forms live in store.ts.
 */
import type { BondStatus } from "./logic/bondStatus.js";
import type { UnixNanos } from "./logic/time.js";

/** A `cosmos.crypto.PubKey` packed as Any (SDS nodes: `/cosmos.crypto.ed25519.PubKey`). */
export interface PubKeyAny {
  readonly typeUrl: string;
  readonly value: Uint8Array;
}

export interface Description {
  readonly moniker: string;
  readonly identity: string;
  readonly website: string;
  readonly securityContact: string;
  readonly details: string;
}

export const EMPTY_DESCRIPTION: Description = { moniker: "", identity: "", website: "", securityContact: "", details: "" };

/** What resource and meta nodes share. */
export interface NodeRecord {
  readonly networkAddress: string;
  readonly pubKey: PubKeyAny | undefined;
  readonly suspend: boolean;
  readonly status: BondStatus;
  /** The whole deposit held in the register pools, unbonding part included (wei). */
  readonly tokens: bigint;
  readonly ownerAddress: string;
  readonly description: Description;
  readonly creationTime: UnixNanos;
  readonly beneficiaryAddress: string;
}

export interface ResourceNode extends NodeRecord {
  /** Bit flags: computation 1, database 2, storage 4 (§2.3). */
  readonly nodeType: number;
  /** The part of the deposit that counts in the ozone economy, set by meta nodes (wei). */
  readonly effectiveTokens: bigint;
}

export type MetaNode = NodeRecord;

/** A registration vote (`network_address` = the candidate) or a kick vote (the target). */
export interface VotePool {
  readonly networkAddress: string;
  readonly approveList: readonly string[];
  readonly rejectList: readonly string[];
  readonly expireTime: UnixNanos;
  readonly isVotePassed: boolean;
}

export interface UnbondingEntry {
  readonly creationHeight: bigint;
  readonly completionTime: UnixNanos;
  readonly initialBalance: bigint;
  readonly balance: bigint;
}

export interface UnbondingNode {
  readonly networkAddr: string;
  readonly isMetaNode: boolean;
  readonly entries: readonly UnbondingEntry[];
}

/** Σ balances of the entries (0 without a record): the part of `tokens` already leaving. */
export function unbondingBalance(record: UnbondingNode | undefined): bigint {
  let sum = 0n;
  for (const e of record?.entries ?? []) sum += e.balance;
  return sum;
}

/** Node type names (pot's `EventSlashing.slashing_type`, §2.3); 0 and ≥ 8 are `UNKNOWN`. */
const NODE_TYPE_NAMES = ["UNKNOWN", "computation", "database", "computation/database", "storage", "computation/storage", "database/storage", "storage/database/computation"];

export function nodeTypeName(nodeType: number): string {
  return NODE_TYPE_NAMES[nodeType] ?? "UNKNOWN";
}

/** Valid node types are 1…7. */
export function isValidNodeType(nodeType: number): boolean {
  return Number.isInteger(nodeType) && nodeType >= 1 && nodeType <= 7;
}
