/**
 * The delegation procedures (spec-staking §1.5; SDK v0.47 `keeper/delegation.go`, `keeper/validator.go`):
 * Delegate, Unbond, Undelegate, BeginRedelegation, the completions EndBlock runs, and the token/share
 * bookkeeping of a validator. Store accesses and hooks come in the reference's order (hooks see the
 * state the SDK's would).
 */
import { ErrInvalidRequest } from "../../baseapp/errors.js";
import { coin, Coins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { equalBytes } from "../../store/bytes.js";
import {
  ErrBadRedelegationDst, ErrDelegatorShareExRateInvalid, ErrInsufficientShares, ErrMaxRedelegationEntries, ErrMaxUnbondingDelegationEntries,
  ErrNoDelegation, ErrNoDelegatorForAddress, ErrNoRedelegation, ErrNoUnbondingDelegation, ErrNoValidatorFound, ErrNotEnoughDelegationShares,
  ErrSelfRedelegation, ErrTinyRedelegationAmount, ErrTransitiveRedelegation,
} from "./errors.js";
import type { StakingContext, WriteContext } from "./expected.js";
import type { StakingKeeper } from "./keeper.js";
import { BONDED_POOL_NAME, NOT_BONDED_POOL_NAME } from "./keys.js";
import { NoSharesError, sharesFromTokens, sharesFromTokensTruncated, tokensFromShares } from "./logic/shares.js";
import { bondedTokensToNotBonded, notBondedTokensToBonded } from "./pools.js";
import { blockTimeOf } from "./time.js";
import { BondStatus, type Delegation, type Redelegation, type UnbondingDelegation, type UnixNanos, type Validator } from "./types.js";
import { jailValidator } from "./validatorSet.js";
import { insertRedelegationQueue, insertUBDQueue } from "./queues.js";

// ---- validator tokens and shares ---------------------------------------------------------------

/** `Validator.InvalidExRate`: no tokens left but shares outstanding (after a 100 % slash). */
export const invalidExRate = (v: Validator): boolean => v.tokens === 0n && v.delegatorShares.isPositive();

/** `AddValidatorTokensAndShares`: shares issued at the current rate (1:1 for a validator without shares). */
export function addValidatorTokensAndShares(k: StakingKeeper, ctx: WriteContext, v: Validator, amount: bigint): { validator: Validator; shares: Dec } {
  k.deleteValidatorByPowerIndex(ctx, v);
  let shares: Dec;
  if (v.delegatorShares.isZero()) {
    shares = Dec.fromInt(amount);
  } else {
    try {
      shares = sharesFromTokens(v, amount);
    } catch (e) {
      // The reference panics (shares without tokens never reach here: invalidExRate refused them).
      if (e instanceof NoSharesError) throw new Error(`validator ${Buffer.from(v.operator).toString("hex")}: ${e.message}`);
      throw e;
    }
  }
  const updated: Validator = { ...v, tokens: v.tokens + amount, delegatorShares: v.delegatorShares.add(shares) };
  k.setValidator(ctx, updated);
  k.setValidatorByPowerIndex(ctx, updated);
  return { validator: updated, shares };
}

/**
 * `RemoveValidatorTokensAndShares`: the last shares take every remaining token; otherwise the tokens
 * the shares are worth, truncated (the dust stays with the validator).
 */
export function removeValidatorTokensAndShares(k: StakingKeeper, ctx: WriteContext, v: Validator, shares: Dec): { validator: Validator; tokens: bigint } {
  k.deleteValidatorByPowerIndex(ctx, v);
  const remaining = v.delegatorShares.sub(shares);
  let tokens: bigint;
  if (remaining.isZero()) {
    tokens = v.tokens;
  } else {
    tokens = tokensFromShares(v, shares).truncateInt();
    if (v.tokens - tokens < 0n) throw new Error("attempting to remove more tokens than available in validator");
  }
  const updated: Validator = { ...v, tokens: v.tokens - tokens, delegatorShares: remaining };
  k.setValidator(ctx, updated);
  k.setValidatorByPowerIndex(ctx, updated);
  return { validator: updated, tokens };
}

/** `RemoveValidatorTokens` (a slash): the shares stay, so the exchange rate drops. */
export function removeValidatorTokens(k: StakingKeeper, ctx: WriteContext, v: Validator, tokens: bigint): Validator {
  if (tokens < 0n) throw new Error(`should not happen: trying to remove negative tokens ${tokens}`);
  if (v.tokens < tokens) throw new Error(`should not happen: only have ${v.tokens} tokens, trying to remove ${tokens}`);
  k.deleteValidatorByPowerIndex(ctx, v);
  const updated: Validator = { ...v, tokens: v.tokens - tokens };
  k.setValidator(ctx, updated);
  k.setValidatorByPowerIndex(ctx, updated);
  return updated;
}

/**
 * `RemoveValidator`: only an Unbonded validator without tokens; deletes its record and indexes, then
 * fires AfterValidatorRemoved (distribution pays out and forgets it, slashing drops the key relation).
 */
export function removeValidator(k: StakingKeeper, ctx: WriteContext, operator: Uint8Array): void {
  const v = k.validator(ctx, operator);
  if (v === undefined) return;
  if (v.status !== BondStatus.Unbonded) throw new Error("cannot call RemoveValidator on bonded or unbonding validators");
  if (v.tokens > 0n) throw new Error("attempting to remove a validator which still contains tokens");
  k.deleteValidatorRecords(ctx, v);
  k.hooks.afterValidatorRemoved(ctx, v.consensusAddress, v.operator);
}

// ---- Delegate and Unbond -----------------------------------------------------------------------

/** Where delegated tokens come from: an account, or a pool whose status is `source`. */
export type TokenSource = { readonly fromAccount: true } | { readonly fromAccount: false; readonly source: BondStatus };

/**
 * `Delegate`: hooks (BeforeDelegationSharesModified for an existing delegation, else
 * BeforeDelegationCreated), the tokens into the pool of the validator's status (from the account, or
 * moved between pools when the source's bonded-ness differs), shares at the current rate, then
 * AfterDelegationModified. Returns the new shares.
 */
export function delegate(
  k: StakingKeeper, ctx: StakingContext, delegator: Uint8Array, amount: bigint, from: TokenSource, validator: Validator,
): Dec {
  if (invalidExRate(validator)) throw ErrDelegatorShareExRateInvalid;
  const existing = k.delegation(ctx, delegator, validator.operator);
  if (existing !== undefined) k.hooks.beforeDelegationSharesModified(ctx, delegator, validator.operator);
  else k.hooks.beforeDelegationCreated(ctx, delegator, validator.operator);

  const bonded = validator.status === BondStatus.Bonded;
  if (from.fromAccount) {
    const coins = Coins.of(coin(k.bondDenom(ctx), amount));
    k.bank.delegateCoinsFromAccountToModule(ctx, delegator, bonded ? BONDED_POOL_NAME : NOT_BONDED_POOL_NAME, coins);
  } else {
    const sourceBonded = from.source === BondStatus.Bonded;
    if (!sourceBonded && bonded) notBondedTokensToBonded(k, ctx, amount);
    else if (sourceBonded && !bonded) bondedTokensToNotBonded(k, ctx, amount);
  }

  // The hooks may have changed the validator record (distribution does not; a listener could): the
  // reference adds the tokens to the value it was handed, and so does this.
  const { shares } = addValidatorTokensAndShares(k, ctx, validator, amount);
  const base = existing ?? { delegator, validator: validator.operator, shares: Dec.ZERO };
  k.setDelegation(ctx, { ...base, shares: base.shares.add(shares) });
  k.hooks.afterDelegationModified(ctx, delegator, validator.operator);
  return shares;
}

/**
 * `Unbond`: withdraws `shares` from a delegation and returns the tokens they were worth. The
 * operator's self-delegation falling below its minimum jails the validator; a delegation reaching
 * zero shares is removed; an Unbonded validator left without shares is removed.
 */
export function unbond(k: StakingKeeper, ctx: StakingContext, delegator: Uint8Array, operator: Uint8Array, shares: Dec): bigint {
  const d = k.delegation(ctx, delegator, operator);
  if (d === undefined) throw ErrNoDelegatorForAddress;
  k.hooks.beforeDelegationSharesModified(ctx, delegator, operator);
  if (d.shares.lt(shares)) throw ErrNotEnoughDelegationShares.wrap(d.shares.toString());
  let validator = k.validator(ctx, operator);
  if (validator === undefined) throw ErrNoValidatorFound;
  const remaining: Delegation = { ...d, shares: d.shares.sub(shares) };

  if (equalBytes(delegator, validator.operator) && !validator.jailed &&
    tokensFromShares(validator, remaining.shares).truncateInt() < validator.minSelfDelegation) {
    jailValidator(k, ctx, validator);
    validator = k.mustGetValidator(ctx, validator.operator);
  }

  if (remaining.shares.isZero()) {
    k.removeDelegation(ctx, remaining);
  } else {
    k.setDelegation(ctx, remaining);
    k.hooks.afterDelegationModified(ctx, delegator, operator);
  }

  const { validator: after, tokens } = removeValidatorTokensAndShares(k, ctx, validator, shares);
  if (after.delegatorShares.isZero() && after.status === BondStatus.Unbonded) removeValidator(k, ctx, after.operator);
  return tokens;
}

/**
 * `ValidateUnbondAmount`: the shares `amount` tokens are worth now (rounded), capped at the
 * delegation; refused when even the truncated share count exceeds the delegation.
 */
export function validateUnbondAmount(k: StakingKeeper, ctx: StakingContext, delegator: Uint8Array, operator: Uint8Array, amount: bigint): Dec {
  const v = k.validator(ctx, operator);
  if (v === undefined) throw ErrNoValidatorFound;
  const d = k.delegation(ctx, delegator, operator);
  if (d === undefined) throw ErrNoDelegation;
  if (v.tokens === 0n) throw ErrInsufficientShares;
  const shares = sharesFromTokens(v, amount);
  const truncated = sharesFromTokensTruncated(v, amount);
  if (truncated.gt(d.shares)) throw ErrInvalidRequest.wrap("invalid shares amount");
  return shares.gt(d.shares) ? d.shares : shares;
}

// ---- Undelegate --------------------------------------------------------------------------------

/**
 * `Undelegate`: at most max_entries entries per pair; unbond; the tokens leave the bonded pool if the
 * validator was Bonded; a new entry maturing after unbonding_time. Returns the completion time.
 */
export function undelegate(k: StakingKeeper, ctx: StakingContext, delegator: Uint8Array, operator: Uint8Array, shares: Dec): UnixNanos {
  const validator = k.validator(ctx, operator);
  if (validator === undefined) throw ErrNoDelegatorForAddress;
  const params = k.getParams(ctx);
  const existing = k.unbondingDelegation(ctx, delegator, operator);
  if (existing !== undefined && existing.entries.length >= params.maxEntries) throw ErrMaxUnbondingDelegationEntries;

  const returned = unbond(k, ctx, delegator, operator, shares);
  if (validator.status === BondStatus.Bonded) bondedTokensToNotBonded(k, ctx, returned);

  const completionTime = blockTimeOf(ctx) + k.getParams(ctx).unbondingTime;
  const ubd = setUnbondingDelegationEntry(k, ctx, delegator, operator, ctx.header.height, completionTime, returned);
  insertUBDQueue(k, ctx, ubd, completionTime);
  return completionTime;
}

/** `SetUnbondingDelegationEntry`: appends an entry with a new unbonding id, indexes it, fires AfterUnbondingInitiated. */
export function setUnbondingDelegationEntry(
  k: StakingKeeper, ctx: WriteContext, delegator: Uint8Array, operator: Uint8Array, creationHeight: bigint, completionTime: UnixNanos, balance: bigint,
): UnbondingDelegation {
  const existing = k.unbondingDelegation(ctx, delegator, operator);
  const id = k.incrementUnbondingId(ctx);
  const entry = { creationHeight, completionTime, initialBalance: balance, balance, unbondingId: id, unbondingOnHoldRefCount: 0n };
  const ubd: UnbondingDelegation = existing === undefined
    ? { delegator, validator: operator, entries: [entry] }
    : { ...existing, entries: [...existing.entries, entry] };
  k.setUnbondingDelegation(ctx, ubd);
  k.setUnbondingDelegationIndex(ctx, ubd, id);
  k.hooks.afterUnbondingInitiated(ctx, id);
  return ubd;
}

/**
 * `CompleteUnbonding`: pays out every mature entry (not on hold) from the not-bonded pool and drops
 * it; returns the bond-denom amount paid. @throws ErrNoUnbondingDelegation when the record is gone.
 */
export function completeUnbonding(k: StakingKeeper, ctx: StakingContext, delegator: Uint8Array, operator: Uint8Array): bigint {
  const ubd = k.unbondingDelegation(ctx, delegator, operator);
  if (ubd === undefined) throw ErrNoUnbondingDelegation;
  const denom = k.getParams(ctx).bondDenom;
  const now = blockTimeOf(ctx);
  let paid = 0n;
  const kept = [];
  for (const entry of ubd.entries) {
    if (entry.completionTime <= now && entry.unbondingOnHoldRefCount === 0n) {
      k.deleteUnbondingIndex(ctx, entry.unbondingId);
      if (entry.balance !== 0n) {
        k.bank.undelegateCoinsFromModuleToAccount(ctx, NOT_BONDED_POOL_NAME, delegator, Coins.of(coin(denom, entry.balance)));
        paid += entry.balance;
      }
    } else {
      kept.push(entry);
    }
  }
  if (kept.length === 0) k.removeUnbondingDelegation(ctx, ubd);
  else k.setUnbondingDelegation(ctx, { ...ubd, entries: kept });
  return paid;
}

// ---- BeginRedelegation -------------------------------------------------------------------------

/**
 * `BeginRedelegation`: unbond from the source, delegate the returned tokens to the destination (moving
 * them between pools when the statuses differ), and remember the entry until the source's unbonding
 * would complete (none if the source is Unbonded). Returns the completion time (Go's zero time when
 * it completes at once).
 */
export function beginRedelegation(
  k: StakingKeeper, ctx: StakingContext, delegator: Uint8Array, src: Uint8Array, dst: Uint8Array, shares: Dec,
): UnixNanos {
  if (equalBytes(src, dst)) throw ErrSelfRedelegation;
  const dstValidator = k.validator(ctx, dst);
  if (dstValidator === undefined) throw ErrBadRedelegationDst;
  const srcValidator = k.validator(ctx, src);
  if (srcValidator === undefined) throw ErrBadRedelegationDst;
  if (k.hasReceivingRedelegation(ctx, delegator, src)) throw ErrTransitiveRedelegation;
  const existing = k.redelegation(ctx, delegator, src, dst);
  if (existing !== undefined && existing.entries.length >= k.getParams(ctx).maxEntries) throw ErrMaxRedelegationEntries;

  const returned = unbond(k, ctx, delegator, src, shares);
  if (returned === 0n) throw ErrTinyRedelegationAmount;
  // Delegate reads the destination as it was before the unbonding, as the reference does.
  const sharesCreated = delegate(k, ctx, delegator, returned, { fromAccount: false, source: srcValidator.status }, dstValidator);

  const begin = beginInfo(k, ctx, src);
  if (begin.completeNow) return GO_ZERO_TIME;
  const red = setRedelegationEntry(k, ctx, delegator, src, dst, begin.height, begin.completionTime, returned, sharesCreated);
  insertRedelegationQueue(k, ctx, red, begin.completionTime);
  return begin.completionTime;
}

/** Go's zero `time.Time` (0001-01-01T00:00:00Z) in Unix nanoseconds. */
export const GO_ZERO_TIME: UnixNanos = -62_135_596_800n * 1_000_000_000n;

/** `getBeginInfo`: when a redelegation (or unbonding) from `src` completes, judged by the source's status now. */
function beginInfo(k: StakingKeeper, ctx: StakingContext, src: Uint8Array): { completionTime: UnixNanos; height: bigint; completeNow: boolean } {
  const v = k.validator(ctx, src);
  if (v === undefined || v.status === BondStatus.Bonded) {
    return { completionTime: blockTimeOf(ctx) + k.getParams(ctx).unbondingTime, height: ctx.header.height, completeNow: false };
  }
  if (v.status === BondStatus.Unbonded) return { completionTime: GO_ZERO_TIME, height: 0n, completeNow: true };
  if (v.status === BondStatus.Unbonding) return { completionTime: v.unbondingTime, height: v.unbondingHeight, completeNow: false };
  throw new Error(`unknown validator status: ${v.status}`);
}

/** `SetRedelegationEntry`: appends an entry with a new unbonding id, indexes it, fires AfterUnbondingInitiated. */
function setRedelegationEntry(
  k: StakingKeeper, ctx: WriteContext, delegator: Uint8Array, src: Uint8Array, dst: Uint8Array, creationHeight: bigint,
  completionTime: UnixNanos, balance: bigint, sharesDst: Dec,
): Redelegation {
  const existing = k.redelegation(ctx, delegator, src, dst);
  const id = k.incrementUnbondingId(ctx);
  const entry = { creationHeight, completionTime, initialBalance: balance, sharesDst, unbondingId: id, unbondingOnHoldRefCount: 0n };
  const red: Redelegation = existing === undefined
    ? { delegator, validatorSrc: src, validatorDst: dst, entries: [entry] }
    : { ...existing, entries: [...existing.entries, entry] };
  k.setRedelegation(ctx, red);
  k.setRedelegationIndex(ctx, red, id);
  k.hooks.afterUnbondingInitiated(ctx, id);
  return red;
}

/**
 * `CompleteRedelegation`: drops every mature entry (no tokens move: they moved at the start) and
 * returns Σ of their initial balances. @throws ErrNoRedelegation when the record is gone.
 */
export function completeRedelegation(k: StakingKeeper, ctx: StakingContext, delegator: Uint8Array, src: Uint8Array, dst: Uint8Array): bigint {
  const red = k.redelegation(ctx, delegator, src, dst);
  if (red === undefined) throw ErrNoRedelegation;
  const now = blockTimeOf(ctx);
  let total = 0n;
  const kept = [];
  for (const entry of red.entries) {
    if (entry.completionTime <= now && entry.unbondingOnHoldRefCount === 0n) {
      k.deleteUnbondingIndex(ctx, entry.unbondingId);
      total += entry.initialBalance;
    } else {
      kept.push(entry);
    }
  }
  if (kept.length === 0) k.removeRedelegation(ctx, red);
  else k.setRedelegation(ctx, { ...red, entries: kept });
  return total;
}
