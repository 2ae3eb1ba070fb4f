/**
 * Nodes leaving (spec-register §4.5, §4.11, §5.6): the deposit moves to the not-bonded pool and waits
 * in the unbonding queue until it matures (endBlock.ts pays it out). Errors are the inner registered
 * errors; MsgRemove* handlers wrap them (51, 52), a passing kick vote returns them unwrapped.
 */
import { coin, Coins } from "../../math/coins.js";
import {
  ErrInsufficientBalance, ErrInvalidNodeStat, ErrInvalidOwnerAddr, ErrInvalidSuspensionStatForUnbondNode,
  ErrMaxUnbondingNodeEntries, ErrNoMetaNodeFound, ErrNoRegistrationVotePoolFound, ErrNoResourceNodeFound,
} from "./errors.js";
import type { WriteContext } from "./expected.js";
import { POOL, type RegisterKeeper, type RegisterPool } from "./keeper.js";
import { BondStatus } from "./logic/bondStatus.js";
import { unbondingMatureTime } from "./logic/maturity.js";
import type { UnixNanos } from "./logic/time.js";
import { sdsString } from "./addresses.js";

export interface UnbondingStarted {
  /** The deposit that leaves: tokens − what is already unbonding. */
  readonly amount: bigint;
  readonly matureTime: UnixNanos;
  /**
   * trunc(amount / rate) removed from the ozone limit; undefined for a pending meta candidate, whose
   * deposit never entered the economy (the reference leaves it unset and then panics, §10 Q3).
   */
  readonly ozoneLimitChange: bigint | undefined;
}

export interface BlockTime {
  readonly height: bigint;
  readonly time: UnixNanos;
}

/** §4.5 steps 1–9; `owner` = the signer's canonical address string. */
export function unbondResourceNode(k: RegisterKeeper, ctx: WriteContext, addr: Uint8Array, owner: string, block: BlockTime): UnbondingStarted {
  const node = k.getResourceNode(ctx, addr);
  if (node === undefined) throw ErrNoResourceNodeFound;
  if (owner !== node.ownerAddress) throw ErrInvalidOwnerAddr;
  const params = k.getParams(ctx);
  const record = k.getUnbondingNode(ctx, addr);
  if (record !== undefined && record.entries.length >= params.maxEntries) throw ErrMaxUnbondingNodeEntries;
  const amount = node.tokens - k.getUnbondingBalance(ctx, addr);
  if (amount <= 0n) throw ErrInsufficientBalance;
  if (node.status !== BondStatus.Bonded) throw ErrInvalidNodeStat;
  moveIfCovered(k, ctx, POOL.resourceBonded, POOL.resourceNotBonded, amount);
  k.setBondedResourceNodeCount(ctx, k.getBondedResourceNodeCount(ctx) - 1n);
  const matureTime = matureTimeOf(k, ctx, node.status, node.creationTime, block.time);
  addUnbondingEntry(k, ctx, addr, false, block.height, matureTime, amount);
  // S and Lt keep the node's effective deposit (QUIRK §10 Q6, consensus: reproduced).
  k.setResourceNode(ctx, addr, { ...node, status: BondStatus.Unbonding });
  return { amount, matureTime, ozoneLimitChange: 0n };
}

/**
 * §4.11 steps 1–9, also run by a passing kick vote (with the target's own owner). A BONDED node's
 * deposit leaves the economy (guarded by IsUnbondable so Lt cannot go negative); a pending UNBONDED
 * candidate only gets an unbonding entry.
 */
export function unbondMetaNode(k: RegisterKeeper, ctx: WriteContext, addr: Uint8Array, owner: string, block: BlockTime): UnbondingStarted {
  const node = k.getMetaNode(ctx, addr);
  if (node === undefined) throw ErrNoMetaNodeFound;
  const amount = node.tokens - k.getUnbondingBalance(ctx, addr);
  if (amount <= 0n) throw ErrInsufficientBalance;
  if (owner !== node.ownerAddress) throw ErrInvalidOwnerAddr;
  const params = k.getParams(ctx);
  const record = k.getUnbondingNode(ctx, addr);
  if (record !== undefined && record.entries.length >= params.maxEntries) throw ErrMaxUnbondingNodeEntries;
  let ozoneLimitChange: bigint | undefined;
  if (node.status === BondStatus.Bonded) {
    if (node.suspend) throw ErrInvalidSuspensionStatForUnbondNode;
    if (!k.isUnbondable(ctx, amount)) throw ErrInsufficientBalance;
    moveIfCovered(k, ctx, POOL.metaBonded, POOL.metaNotBonded, amount);
    ozoneLimitChange = k.decreaseOzoneLimit(ctx, amount);
    k.setBondedMetaNodeCount(ctx, k.getBondedMetaNodeCount(ctx) - 1n);
  } else if (node.status === BondStatus.Unbonded) {
    const pool = k.getRegistrationPool(ctx, addr);
    if (pool === undefined) throw ErrNoRegistrationVotePoolFound;
    if (!node.suspend || pool.isVotePassed) throw ErrInvalidNodeStat;
  } else {
    throw ErrInvalidNodeStat;
  }
  const matureTime = matureTimeOf(k, ctx, node.status, node.creationTime, block.time);
  addUnbondingEntry(k, ctx, addr, true, block.height, matureTime, amount);
  k.setMetaNode(ctx, addr, { ...node, status: BondStatus.Unbonding });
  if (k.getRegistrationPool(ctx, addr) !== undefined) k.deleteRegistrationPool(ctx, addr);
  return { amount, matureTime, ozoneLimitChange };
}

function matureTimeOf(k: RegisterKeeper, ctx: WriteContext, status: BondStatus, creationTime: UnixNanos, now: UnixNanos): UnixNanos {
  const p = k.getParams(ctx);
  return unbondingMatureTime(status, creationTime, now, { thresholdNanos: p.unbondingThresholdNanos, completionNanos: p.unbondingCompletionNanos });
}

/**
 * bonded → not-bonded pool. The reference ignores a failure here (a pool holding less than the
 * amount; QUIRK §10 Q16, unreachable while the pool invariant holds): nothing moves then.
 */
function moveIfCovered(k: RegisterKeeper, ctx: WriteContext, from: RegisterPool, to: RegisterPool, amount: bigint): void {
  if (k.poolBalance(ctx, from) < amount) return;
  k.bank.sendCoinsFromModuleToModule(ctx, from, to, Coins.of(coin(k.bondDenom(ctx), amount)));
}

/** *New unbonding entry* (§5.6): the record at 0x11‖addr gains an entry; the queue slice at `mature` gains the address. */
export function addUnbondingEntry(
  k: RegisterKeeper, ctx: WriteContext, addr: Uint8Array, isMetaNode: boolean, height: bigint, matureTime: UnixNanos, amount: bigint,
): void {
  const record = k.getUnbondingNode(ctx, addr) ?? { networkAddr: sdsString(addr), isMetaNode, entries: [] };
  const entry = { creationHeight: height, completionTime: matureTime, initialBalance: amount, balance: amount };
  k.setUnbondingNode(ctx, addr, { ...record, entries: [...record.entries, entry] });
  k.enqueueUnbonding(ctx, matureTime, sdsString(addr));
}
