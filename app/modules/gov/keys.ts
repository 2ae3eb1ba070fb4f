/**
 * The gov store (SDK v0.47 `x/gov/types/keys.go`). The app hash is this port's own, but the layout is
 * the reference's, so that iteration orders (proposals by id, deposits and votes by address bytes,
 * queues by time then id) come out as the reference's (spec-staking §0.8).
 *
 *   0x00 ‖ id(8, BE)                          → Proposal (plain protobuf)
 *   0x01 ‖ timeBytes(voting end) ‖ id(8)      → id(8): active (voting) queue
 *   0x02 ‖ timeBytes(deposit end) ‖ id(8)     → id(8): inactive (deposit) queue
 *   0x03                                      → next proposal id (8, BE)
 *   0x04 ‖ id(8)                              → 0x01 while the proposal is in its voting period
 *   0x10 ‖ id(8) ‖ len(1) ‖ depositor         → Deposit
 *   0x20 ‖ id(8) ‖ len(1) ‖ voter             → Vote
 *   0x30                                      → Params
 *
 * timeBytes is the SDK's `FormatTimeBytes` text (fixed width, so byte order is time order).
 */
import { utf8 } from "../../store/bytes.js";
import { formatTimeBytes, type UnixNanos } from "../register/logic/time.js";

export const GOV_MODULE_NAME = "gov";
export const GOV_STORE_KEY = "gov";

export const PREFIX = {
  proposal: 0x00,
  activeQueue: 0x01,
  inactiveQueue: 0x02,
  proposalId: 0x03,
  votingPeriod: 0x04,
  deposit: 0x10,
  vote: 0x20,
  params: 0x30,
} as const;

export const PROPOSAL_ID_KEY = Uint8Array.of(PREFIX.proposalId);
export const PARAMS_KEY = Uint8Array.of(PREFIX.params);
export const PROPOSALS_PREFIX = Uint8Array.of(PREFIX.proposal);
export const ACTIVE_QUEUE_PREFIX = Uint8Array.of(PREFIX.activeQueue);
export const INACTIVE_QUEUE_PREFIX = Uint8Array.of(PREFIX.inactiveQueue);

export function idBytes(id: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, id);
  return out;
}

export function idFromBytes(bytes: Uint8Array): bigint {
  if (bytes.length !== 8) throw new RangeError(`gov: a proposal id is 8 bytes, got ${bytes.length}`);
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
}

const withPrefix = (prefix: number, ...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(1 + parts.reduce((n, p) => n + p.length, 0));
  out[0] = prefix;
  let at = 1;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** `address.MustLengthPrefix`: one length byte, then the address. */
function lengthPrefixed(address: Uint8Array): Uint8Array {
  if (address.length === 0 || address.length > 255) throw new RangeError(`gov: cannot length-prefix an address of ${address.length} bytes`);
  return withPrefix(address.length, address);
}

export const proposalKey = (id: bigint): Uint8Array => withPrefix(PREFIX.proposal, idBytes(id));
export const votingPeriodKey = (id: bigint): Uint8Array => withPrefix(PREFIX.votingPeriod, idBytes(id));

/** Every queue key with time ≤ `t` lies below `queueUntil(prefix, t)` (the SDK's PrefixEndBytes of the time key). */
export const queueTimeKey = (prefix: number, t: UnixNanos): Uint8Array => withPrefix(prefix, utf8(formatTimeBytes(t)));
export const queueKey = (prefix: number, t: UnixNanos, id: bigint): Uint8Array => withPrefix(prefix, utf8(formatTimeBytes(t)), idBytes(id));

/** The proposal id at the end of a queue key. */
export const queueKeyId = (key: Uint8Array): bigint => idFromBytes(key.subarray(key.length - 8));

export const depositsPrefix = (id: bigint): Uint8Array => withPrefix(PREFIX.deposit, idBytes(id));
export const depositKey = (id: bigint, depositor: Uint8Array): Uint8Array => withPrefix(PREFIX.deposit, idBytes(id), lengthPrefixed(depositor));
export const votesPrefix = (id: bigint): Uint8Array => withPrefix(PREFIX.vote, idBytes(id));
export const voteKey = (id: bigint, voter: Uint8Array): Uint8Array => withPrefix(PREFIX.vote, idBytes(id), lengthPrefixed(voter));
