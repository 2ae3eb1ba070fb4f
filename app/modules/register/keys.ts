/**
 * The register store (store key `register`, spec-register §2.1). `addr` = raw bytes of a network
 * address, `wallet` = raw account bytes; no length prefix inside keys (each variable part is the
 * key's last part). Changing any of this breaks state compatibility.
 */
import { concatBytes } from "../../store/bytes.js";
import { formatTimeBytes, type UnixNanos } from "./logic/time.js";

export const REGISTER_MODULE_NAME = "register";
export const REGISTER_STORE_KEY = "register";

export const PREFIX = {
  resourceNode: 0x01,
  metaNode: 0x02,
  metaNodeRegistrationVotePool: 0x03,
  /** Lt, remaining ozone limit (LP Int). */
  remainingOzoneLimit: 0x04,
  slashing: 0x05,
  /** Deprecated: S at InitGenesis (LP Int). */
  initialGenesisDepositTotal: 0x06,
  /** Deposit → noz rate (LP Dec). */
  depositNozRate: 0x07,
  bondedMetaNodeCount: 0x08,
  bondedResourceNodeCount: 0x09,
  /** S, effective total deposit (LP Int). */
  effectiveTotalDeposit: 0x10,
  unbondingNode: 0x11,
  /** 0x12 ‖ FormatTimeBytes(t): the unbonding queue slice maturing at t. */
  unbondingQueue: 0x12,
  kickMetaNodeVotePool: 0x13,
  /** Params, plain protobuf (not length-prefixed). */
  params: 0x20,
  /**
   * This port only (docs/deviations.md): 0x30 ‖ ASCII bech32 network address → raw address, one entry
   * per active (BONDED, not suspended) meta node. Derived from the meta-node records on every write, so
   * genesis never carries it; key order = the byte order of the bech32 strings, which is the sds
   * reporter-bitmap order (spec-sds §4.1.4 R:).
   */
  activeMetaNodeIndex: 0x30,
} as const;

const one = (p: number): Uint8Array => Uint8Array.of(p);
const under = (p: number, tail: Uint8Array): Uint8Array => concatBytes(Uint8Array.of(p), tail);

export const RESOURCE_NODE_PREFIX = one(PREFIX.resourceNode);
export const META_NODE_PREFIX = one(PREFIX.metaNode);
export const REGISTRATION_VOTE_POOL_PREFIX = one(PREFIX.metaNodeRegistrationVotePool);
export const SLASHING_PREFIX = one(PREFIX.slashing);
export const UNBONDING_NODE_PREFIX = one(PREFIX.unbondingNode);
export const UNBONDING_QUEUE_PREFIX = one(PREFIX.unbondingQueue);
export const KICK_VOTE_POOL_PREFIX = one(PREFIX.kickMetaNodeVotePool);
export const ACTIVE_META_NODE_INDEX_PREFIX = one(PREFIX.activeMetaNodeIndex);

export const REMAINING_OZONE_LIMIT_KEY = one(PREFIX.remainingOzoneLimit);
export const INITIAL_GENESIS_DEPOSIT_TOTAL_KEY = one(PREFIX.initialGenesisDepositTotal);
export const DEPOSIT_NOZ_RATE_KEY = one(PREFIX.depositNozRate);
export const BONDED_META_NODE_COUNT_KEY = one(PREFIX.bondedMetaNodeCount);
export const BONDED_RESOURCE_NODE_COUNT_KEY = one(PREFIX.bondedResourceNodeCount);
export const EFFECTIVE_TOTAL_DEPOSIT_KEY = one(PREFIX.effectiveTotalDeposit);
export const PARAMS_KEY = one(PREFIX.params);

export const resourceNodeKey = (addr: Uint8Array): Uint8Array => under(PREFIX.resourceNode, addr);
export const metaNodeKey = (addr: Uint8Array): Uint8Array => under(PREFIX.metaNode, addr);
export const registrationVotePoolKey = (addr: Uint8Array): Uint8Array => under(PREFIX.metaNodeRegistrationVotePool, addr);
export const slashingKey = (wallet: Uint8Array): Uint8Array => under(PREFIX.slashing, wallet);
export const unbondingNodeKey = (addr: Uint8Array): Uint8Array => under(PREFIX.unbondingNode, addr);
export const kickVotePoolKey = (addr: Uint8Array): Uint8Array => under(PREFIX.kickMetaNodeVotePool, addr);
/** `0x30 ‖ bech32 network address` (ASCII), so that key order is bech32 string order. */
export const activeMetaNodeIndexKey = (networkAddress: string): Uint8Array =>
  under(PREFIX.activeMetaNodeIndex, new TextEncoder().encode(networkAddress));

/** `0x12 ‖ FormatTimeBytes(t)`: byte order of these keys is chronological order. */
export const unbondingQueueKey = (t: UnixNanos): Uint8Array => under(PREFIX.unbondingQueue, new TextEncoder().encode(formatTimeBytes(t)));
