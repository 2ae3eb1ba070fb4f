/**
 * The pot store (store key `pot`, spec-pot §2.1). `epochStr` = decimal text of the epoch, `addr` = raw
 * account bytes. The `_` separator keeps epoch prefixes unambiguous ("12_" is no prefix of "123_").
 * 0x09, 0x30, 0x31 and 0x40 are this chain's own keys (the reference has none there): an ordered epoch
 * index for maturity, registered BLS keys both ways, and the per-epoch reward audit.
 */
import { concatBytes } from "../../store/bytes.js";

export const POT_MODULE_NAME = "pot";
export const POT_STORE_KEY = "pot";

const one = (p: number): Uint8Array => Uint8Array.of(p);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const TOTAL_MINED_TOKEN_KEY = one(0x01);
export const LAST_DISTRIBUTED_EPOCH_KEY = one(0x02);
export const INDIVIDUAL_REWARD_PREFIX = one(0x03);
export const MATURE_TOTAL_PREFIX = one(0x04);
export const IMMATURE_TOTAL_PREFIX = one(0x05);
export const VOLUME_REPORT_PREFIX = one(0x06);
export const MATURED_EPOCH_KEY = one(0x07);
export const TOTAL_REWARD_PREFIX = one(0x08);
/** 0x09 ‖ uint64 big-endian epoch → 0x01: epochs that hold individual rewards, in numeric order. */
export const REWARD_EPOCH_INDEX_PREFIX = one(0x09);
export const PARAMS_KEY = one(0x20);
/** 0x30 ‖ meta-node addr → the BLS public key it registered. */
export const META_NODE_BLS_KEY_PREFIX = one(0x30);
/** 0x31 ‖ BLS public key → meta-node addr (a key belongs to one node). */
export const BLS_KEY_OWNER_PREFIX = one(0x31);
/** 0x40 ‖ epochStr → EpochRewardAudit. */
export const REWARD_AUDIT_PREFIX = one(0x40);

/** `0x03 ‖ epochStr ‖ "_"`: every individual reward maturing at `epoch`. */
export const individualRewardEpochPrefix = (epoch: bigint): Uint8Array => concatBytes(INDIVIDUAL_REWARD_PREFIX, utf8(`${epoch}_`));
export const individualRewardKey = (epoch: bigint, wallet: Uint8Array): Uint8Array => concatBytes(individualRewardEpochPrefix(epoch), wallet);
export const matureTotalKey = (wallet: Uint8Array): Uint8Array => concatBytes(MATURE_TOTAL_PREFIX, wallet);
export const immatureTotalKey = (wallet: Uint8Array): Uint8Array => concatBytes(IMMATURE_TOTAL_PREFIX, wallet);
export const volumeReportKey = (epoch: bigint): Uint8Array => concatBytes(VOLUME_REPORT_PREFIX, utf8(epoch.toString()));
export const totalRewardKey = (epoch: bigint): Uint8Array => concatBytes(TOTAL_REWARD_PREFIX, utf8(epoch.toString()));
export const rewardAuditKey = (epoch: bigint): Uint8Array => concatBytes(REWARD_AUDIT_PREFIX, utf8(epoch.toString()));
export const metaNodeBlsKeyKey = (addr: Uint8Array): Uint8Array => concatBytes(META_NODE_BLS_KEY_PREFIX, addr);
export const blsKeyOwnerKey = (pubKey: Uint8Array): Uint8Array => concatBytes(BLS_KEY_OWNER_PREFIX, pubKey);

export function rewardEpochIndexKey(epoch: bigint): Uint8Array {
  if (epoch < 0n || epoch >= 1n << 64n) throw new RangeError(`reward epoch ${epoch} does not fit the epoch index`);
  const key = new Uint8Array(9);
  key[0] = REWARD_EPOCH_INDEX_PREFIX[0]!;
  new DataView(key.buffer).setBigUint64(1, epoch);
  return key;
}

export function epochOfIndexKey(key: Uint8Array): bigint {
  return new DataView(key.buffer, key.byteOffset + key.length - 8, 8).getBigUint64(0);
}
