/**
 * Slashing and jailing, the write contract of slashing and evidence (spec-staking §1.9, §1.10; SDK
 * v0.47 `keeper/slash.go`). Where the reference panics (a negative fraction, an Unbonded or future
 * infraction, a broken record) this throws a plain Error: it is a bug in the caller, not bad input.
 */
import { Dec } from "../../math/dec.js";
import { equalBytes } from "../../store/bytes.js";
import { removeValidatorTokens, unbond } from "./delegation.js";
import type { StakingContext, WriteContext } from "./expected.js";
import type { StakingKeeper } from "./keeper.js";
import { POWER_REDUCTION, BondStatus, type Redelegation, type UnbondingDelegation, type Validator } from "./types.js";
import { burnBondedTokens, burnNotBondedTokens } from "./pools.js";
import { blockTimeOf, withHeader } from "./time.js";
import { jailValidator, unjailValidator } from "./validatorSet.js";
import { assertVotingPowerLimit } from "./votingPowerLimit.js";
import { consString } from "./store.js";

/**
 * `Slash`: `amount = trunc(power × 10^15 × fraction)`; for a past infraction the unbonding and
 * redelegation entries created at or after it are slashed first (their part counts toward the
 * amount); the validator burns the rest, at most its tokens. Returns what the validator burned.
 */
export function slashValidator(k: StakingKeeper, anyCtx: WriteContext, consAddr: Uint8Array, infractionHeight: bigint, power: bigint, fraction: Dec): bigint {
  const ctx = withHeader(anyCtx, "Slash");
  if (fraction.isNegative()) throw new Error(`attempted to slash with a negative slash factor: ${fraction.toString()}`);
  const amount = Dec.fromInt(power * POWER_REDUCTION).mul(fraction).truncateInt();
  const validator = k.validatorByConsAddr(ctx, consAddr);
  // The reference logs "ignored attempt to slash a nonexistent validator" and returns 0.
  if (validator === undefined) return 0n;
  if (validator.status === BondStatus.Unbonded) throw new Error(`should not be slashing unbonded validator: ${consString(consAddr)}`);
  k.hooks.beforeValidatorModified(ctx, validator.operator);

  let remaining = amount;
  const height = ctx.header.height;
  if (infractionHeight > height) {
    throw new Error(`impossible attempt to slash future infraction at height ${infractionHeight} but we are at height ${height}`);
  }
  if (infractionHeight < height) {
    for (const ubd of [...k.unbondingDelegationsFromValidator(ctx, validator.operator)]) {
      remaining -= slashUnbondingDelegation(k, ctx, ubd, infractionHeight, fraction);
    }
    for (const red of [...k.redelegationsFromSrcValidator(ctx, validator.operator)]) {
      remaining -= slashRedelegation(k, ctx, red, infractionHeight, fraction);
    }
  }

  let toBurn = remaining < validator.tokens ? remaining : validator.tokens;
  if (toBurn < 0n) toBurn = 0n;
  if (validator.tokens > 0n) {
    let effective = Dec.fromInt(toBurn).quoRoundUp(Dec.fromInt(validator.tokens));
    if (effective.gt(Dec.ONE)) effective = Dec.ONE;
    k.hooks.beforeValidatorSlashed(ctx, validator.operator, effective);
  }
  // The hooks do not touch staking state; the reference burns from the record it read above.
  const after = removeValidatorTokens(k, ctx, validator, toBurn);
  if (after.status === BondStatus.Bonded) burnBondedTokens(k, ctx, toBurn);
  else burnNotBondedTokens(k, ctx, toBurn);
  return toBurn;
}

/** An entry created at or after the infraction and not yet mature (or on hold) is slashable. */
function slashable(entry: { creationHeight: bigint; completionTime: bigint; unbondingOnHoldRefCount: bigint }, infractionHeight: bigint, now: bigint): boolean {
  if (entry.creationHeight < infractionHeight) return false;
  return !(entry.completionTime <= now && entry.unbondingOnHoldRefCount === 0n);
}

/**
 * `SlashUnbondingDelegation`: each slashable entry loses `trunc(fraction × initial_balance)`, at most
 * its balance, burned from the not-bonded pool. Returns Σ of the uncapped amounts.
 */
function slashUnbondingDelegation(k: StakingKeeper, ctx: StakingContext, ubd: UnbondingDelegation, infractionHeight: bigint, fraction: Dec): bigint {
  const now = blockTimeOf(ctx);
  let total = 0n;
  let burned = 0n;
  const entries = [...ubd.entries];
  entries.forEach((entry, i) => {
    if (!slashable(entry, infractionHeight, now)) return;
    const slash = fraction.mulInt(entry.initialBalance).truncateInt();
    total += slash;
    const cut = slash < entry.balance ? slash : entry.balance;
    if (cut === 0n) return;
    burned += cut;
    entries[i] = { ...entry, balance: entry.balance - cut };
    k.setUnbondingDelegation(ctx, { ...ubd, entries: [...entries] });
  });
  burnNotBondedTokens(k, ctx, burned);
  return total;
}

/**
 * `SlashRedelegation`: for each slashable entry, `trunc(fraction × initial_balance)` counts toward the
 * amount; it is taken first from the delegator's unbonding entries at the destination (created at or
 * after the infraction), then by unbonding `fraction × shares_dst` from the destination delegation
 * and burning what that returns from the destination's pool.
 */
function slashRedelegation(k: StakingKeeper, ctx: StakingContext, red: Redelegation, infractionHeight: bigint, fraction: Dec): bigint {
  const now = blockTimeOf(ctx);
  let total = 0n;
  let bondedBurned = 0n;
  let notBondedBurned = 0n;
  for (const entry of red.entries) {
    if (!slashable(entry, infractionHeight, now)) continue;
    let slash = fraction.mulInt(entry.initialBalance).truncateInt();
    total += slash;

    const ubd = k.unbondingDelegation(ctx, red.delegator, red.validatorDst);
    if (ubd !== undefined) {
      const ubdEntries = [...ubd.entries];
      ubdEntries.forEach((ue, i) => {
        const cut = slash < ue.balance ? slash : ue.balance;
        if (cut === 0n) return;
        if (ue.creationHeight < infractionHeight) return;
        if (ue.completionTime <= now && ue.unbondingOnHoldRefCount === 0n) return;
        slash -= cut;
        notBondedBurned += cut;
        ubdEntries[i] = { ...ue, balance: ue.balance - cut };
        k.setUnbondingDelegation(ctx, { ...ubd, entries: [...ubdEntries] });
      });
    }

    let shares = fraction.mul(entry.sharesDst);
    if (shares.isZero() || slash === 0n) continue;
    const delegation = k.delegation(ctx, red.delegator, red.validatorDst);
    if (delegation === undefined) continue;
    if (shares.gt(delegation.shares)) shares = delegation.shares;
    const tokens = unbond(k, ctx, red.delegator, red.validatorDst, shares);
    const dst: Validator | undefined = k.validator(ctx, red.validatorDst);
    if (dst === undefined) throw new Error("destination validator not found");
    if (dst.status === BondStatus.Bonded) bondedBurned += tokens;
    else notBondedBurned += tokens;
  }
  burnBondedTokens(k, ctx, bondedBurned);
  burnNotBondedTokens(k, ctx, notBondedBurned);
  return total;
}

/** `Jail` (§1.9): the validator with this consensus address leaves the ranking. */
export function jailByConsAddr(k: StakingKeeper, ctx: WriteContext, consAddr: Uint8Array): void {
  const v = k.validatorByConsAddr(ctx, consAddr);
  if (v === undefined) throw new Error(`validator with consensus-Address ${consString(consAddr)} not found`);
  jailValidator(k, ctx, v);
}

/**
 * `Unjail` (§1.9): back in the ranking. Port-only: refused with staking 100 when its return would
 * make the next validator set exceed CometBFT's total-power limit (votingPowerLimit.ts).
 */
export function unjailByConsAddr(k: StakingKeeper, ctx: WriteContext, consAddr: Uint8Array): void {
  const v = k.validatorByConsAddr(ctx, consAddr);
  if (v === undefined) throw new Error(`validator with consensus-Address ${consString(consAddr)} not found`);
  unjailValidator(k, ctx, v);
  assertVotingPowerLimit(k, ctx);
}

/** True if both records are of the same validator (used by tests). */
export const sameValidator = (a: Validator, b: Validator): boolean => equalBytes(a.operator, b.operator);
