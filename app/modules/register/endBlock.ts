/**
 * Register's EndBlock (spec-register §7): matured unbondings are paid to the node owners (minus their
 * slashing debt, which goes to the community pool), then, every 10 000 blocks, expired kick pools are
 * removed. Like the reference, EndBlock runs without a cache branch: a payout that fails abandons its
 * node (§10 Q9) but what was already paid stays, and the next node is processed.
 */
import { typedEvent } from "../../baseapp/events.js";
import { TxError } from "../../baseapp/errors.js";
import { EventCompleteUnBondingMetaNodeSchema, EventCompleteUnBondingResourceNodeSchema } from "../../codec/stratos/register/v1/event_pb.js";
import { AddressError } from "../../crypto/address.js";
import { coin, Coins } from "../../math/coins.js";
import { parseAcc, parseSds } from "./addresses.js";
import {
  ErrInsufficientBalance, ErrInsufficientBalanceOfNotBondedPool, ErrNoMetaNodeFound, ErrNoOwnerAccountFound,
} from "./errors.js";
import type { WriteContext } from "./expected.js";
import { POOL, type RegisterKeeper, type RegisterPool } from "./keeper.js";
import { BondStatus } from "./logic/bondStatus.js";
import { isUnbondingMature } from "./logic/maturity.js";
import { deductSlashing } from "./logic/slashing.js";
import type { UnixNanos } from "./logic/time.js";
import { isVoteExpired } from "./logic/votes.js";
import type { NodeRecord, UnbondingEntry } from "./types.js";

/** Kick pools are swept at heights that are multiples of this (§7.2). */
export const KICK_POOL_CLEANUP_INTERVAL = 10_000n;

/** What EndBlock could not do, for the node's log (the reference swallows these errors). */
export interface EndBlockProblem {
  readonly networkAddress: string;
  readonly error: string;
}

export function registerEndBlock(k: RegisterKeeper, ctx: WriteContext, height: bigint, now: UnixNanos): EndBlockProblem[] {
  const problems = completeUnbondings(k, ctx, now);
  if (height % KICK_POOL_CLEANUP_INTERVAL === 0n) removeExpiredKickPools(k, ctx, now);
  return problems;
}

/** §7.1: every queue slice due at `now`, address by address. */
export function completeUnbondings(k: RegisterKeeper, ctx: WriteContext, now: UnixNanos): EndBlockProblem[] {
  const problems: EndBlockProblem[] = [];
  for (const networkAddress of k.dequeueMatureUnbondings(ctx, now)) {
    let addr: Uint8Array;
    try {
      addr = parseSds(networkAddress);
    } catch (e) {
      if (e instanceof AddressError) continue;
      throw e;
    }
    const record = k.getUnbondingNode(ctx, addr);
    if (record === undefined) continue; // e.g. a duplicate queue entry already handled
    const remaining: UnbondingEntry[] = [];
    let paid = 0n;
    try {
      for (const entry of record.entries) {
        if (!isUnbondingMature(entry.completionTime, now)) {
          remaining.push(entry);
          continue;
        }
        if (entry.balance !== 0n) {
          payOut(k, ctx, record.isMetaNode, addr, entry.balance);
          paid += entry.balance;
        }
      }
    } catch (e) {
      // The record is not rewritten and the queue slice is already gone: the node stays stuck (§10 Q9).
      if (e instanceof TxError) {
        problems.push({ networkAddress, error: e.message });
        continue;
      }
      throw e;
    }
    if (remaining.length > 0) {
      k.setUnbondingNode(ctx, addr, { ...record, entries: remaining });
    } else {
      k.deleteUnbondingNode(ctx, addr);
      markUnbonded(k, ctx, record.isMetaNode, addr);
    }
    // Emitted for every completion (the reference only manages it when the node record survives the
    // payout, i.e. practically never: §10 Q8; a documented addition, events are not consensus data).
    const denom = k.bondDenom(ctx);
    const amount = Coins.of(coin(denom, paid)).toString();
    ctx.emit(record.isMetaNode
      ? typedEvent(EventCompleteUnBondingMetaNodeSchema, { amount, networkAddress })
      : typedEvent(EventCompleteUnBondingResourceNodeSchema, { amount, networkAddress }));
  }
  return problems;
}

/** PAYOUT of §7.1: the owner gets `amount` minus their slashing debt; the debt part funds the community pool. */
function payOut(k: RegisterKeeper, ctx: WriteContext, isMeta: boolean, addr: Uint8Array, amount: bigint): void {
  if (isMeta) {
    const node = k.getMetaNode(ctx, addr);
    // The reference reports a missing node of either kind with "meta node does not exist".
    if (node === undefined) throw ErrNoMetaNodeFound;
    const tokens = payFromPool(k, ctx, POOL.metaNotBonded, node, amount);
    if (tokens === 0n) k.deleteMetaNode(ctx, addr);
    else k.setMetaNode(ctx, addr, { ...node, tokens });
  } else {
    const node = k.getResourceNode(ctx, addr);
    if (node === undefined) throw ErrNoMetaNodeFound;
    const tokens = payFromPool(k, ctx, POOL.resourceNotBonded, node, amount);
    if (tokens === 0n) k.deleteResourceNode(ctx, addr);
    else k.setResourceNode(ctx, addr, { ...node, tokens });
  }
}

/** The bank side of a payout; returns the node's tokens after it. */
function payFromPool(k: RegisterKeeper, ctx: WriteContext, pool: RegisterPool, node: NodeRecord, amount: bigint): bigint {
  let owner: Uint8Array;
  try {
    owner = parseAcc(node.ownerAddress);
  } catch (e) {
    if (e instanceof AddressError) throw ErrNoOwnerAccountFound.wrap(e.message);
    throw e;
  }
  if (!k.deps.accounts.hasAccount(ctx, owner)) throw ErrNoOwnerAccountFound;
  if (node.tokens < amount) throw ErrInsufficientBalance;
  if (k.poolBalance(ctx, pool) < amount) throw ErrInsufficientBalanceOfNotBondedPool;
  const denom = k.bondDenom(ctx);
  const deduction = deductSlashing(k.getSlashing(ctx, owner), Coins.of(coin(denom, amount)), denom);
  if (deduction.storeDebt) k.setSlashing(ctx, owner, deduction.debtAfter);
  if (!deduction.remaining.isEmpty()) k.bank.sendCoinsFromModuleToAccount(ctx, pool, owner, deduction.remaining);
  if (!deduction.deducted.isEmpty()) k.deps.communityPool.fundCommunityPool(ctx, deduction.deducted, k.moduleAddress(pool));
  return node.tokens - amount;
}

/** `unbondingToUnbonded`: only possible when the node record survived its payouts. */
function markUnbonded(k: RegisterKeeper, ctx: WriteContext, isMeta: boolean, addr: Uint8Array): void {
  if (isMeta) {
    const node = k.getMetaNode(ctx, addr);
    if (node !== undefined) k.setMetaNode(ctx, addr, { ...node, status: BondStatus.Unbonded });
  } else {
    const node = k.getResourceNode(ctx, addr);
    if (node !== undefined) k.setResourceNode(ctx, addr, { ...node, status: BondStatus.Unbonded });
  }
}

/** §7.2: every kick pool whose expiry is before `now`, passed or not. */
export function removeExpiredKickPools(k: RegisterKeeper, ctx: WriteContext, now: UnixNanos): void {
  const expired = [...k.kickPools(ctx)].filter(({ value }) => isVoteExpired(value.expireTime, now));
  for (const { addr } of expired) k.deleteKickPool(ctx, addr);
}
