/**
 * Applying the validator-set computation (spec-staking §1.6) and the validator state transitions it
 * and jailing cause (SDK `keeper/val_state_change.go`): bonding, beginning and completing unbonding,
 * jail and unjail. The pure decision is logic/validatorSet.ts.
 */
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import { hexOf } from "../../store/bytes.js";
import type { StakingContext, WriteContext } from "./expected.js";
import type { StakingKeeper } from "./keeper.js";
import { consensusPower } from "./logic/shares.js";
import { computeValidatorSetChanges, type RankedValidator, type ValidatorSetChanges } from "./logic/validatorSet.js";
import { bondedTokensToNotBonded, notBondedTokensToBonded } from "./pools.js";
import { deleteFromValidatorQueue, insertValidatorQueue, matureValidatorQueueSlices } from "./queues.js";
import { parseVal } from "./store.js";
import { blockTimeOf } from "./time.js";
import { BondStatus, type Validator } from "./types.js";
import { removeValidator } from "./delegation.js";

/** What one computation did, beyond the updates (for the node's log). */
export interface ValidatorSetResult {
  readonly updates: ValidatorUpdate[];
  /** The voting-power limit kept validators out of the set (logic/validatorSet.ts). */
  readonly capped: boolean;
}

export function validatorUpdate(v: Validator, power: bigint): ValidatorUpdate {
  return { pubKey: { ed25519: v.consensusPubKey }, power };
}

/** The power ranking as the pure walk reads it (lazily: it stops early). */
function* ranking(k: StakingKeeper, ctx: StakingContext): Generator<RankedValidator> {
  for (const { operator } of k.powerIndex(ctx)) {
    const v = k.mustGetValidator(ctx, operator);
    yield { operator: v.operator, potentialPower: consensusPower(v.tokens), bonded: v.status === BondStatus.Bonded, jailed: v.jailed };
  }
}

/**
 * `ApplyAndReturnValidatorSetUpdates`: bonds the entering validators (AfterValidatorBonded) and stores
 * the changed last powers in ranking order, moves the leaving ones to Unbonding in ascending address
 * order, makes one net transfer between the pools, stores the total power if anything changed.
 */
export function applyAndReturnValidatorSetUpdates(k: StakingKeeper, ctx: StakingContext): ValidatorSetResult {
  const params = k.getParams(ctx);
  const last = new Map<string, bigint>();
  for (const { operator, power } of k.lastValidatorPowers(ctx)) last.set(hexOf(operator), power);
  const changes: ValidatorSetChanges = computeValidatorSetChanges(ranking(k, ctx), last, params.maxValidators);

  const updates: ValidatorUpdate[] = [];
  let notBondedToBonded = 0n;
  let bondedToNotBonded = 0n;
  for (const member of changes.members) {
    let v = k.mustGetValidator(ctx, member.operator);
    if (member.entering) {
      v = bondValidator(k, ctx, v);
      notBondedToBonded += v.tokens;
    }
    if (member.changed) {
      updates.push(validatorUpdate(v, member.power));
      k.setLastValidatorPower(ctx, v.operator, member.power);
    }
  }
  for (const operator of changes.leaving) {
    const v = beginUnbondingValidator(k, ctx, k.mustGetValidator(ctx, operator));
    bondedToNotBonded += v.tokens;
    k.deleteLastValidatorPower(ctx, v.operator);
    updates.push(validatorUpdate(v, 0n));
  }
  if (notBondedToBonded > bondedToNotBonded) notBondedTokensToBonded(k, ctx, notBondedToBonded - bondedToNotBonded);
  else if (notBondedToBonded < bondedToNotBonded) bondedTokensToNotBonded(k, ctx, bondedToNotBonded - notBondedToBonded);
  if (updates.length > 0) k.setLastTotalPower(ctx, changes.totalPower);
  return { updates, capped: changes.capped };
}

/** `bondValidator`: Bonded, out of the validator queue, AfterValidatorBonded. */
function bondValidator(k: StakingKeeper, ctx: StakingContext, v: Validator): Validator {
  if (v.status === BondStatus.Bonded) throw new Error("bad state transition: validator is already bonded");
  k.deleteValidatorByPowerIndex(ctx, v);
  const bonded: Validator = { ...v, status: BondStatus.Bonded };
  k.setValidator(ctx, bonded);
  k.setValidatorByPowerIndex(ctx, bonded);
  deleteFromValidatorQueue(k, ctx, bonded);
  k.hooks.afterValidatorBonded(ctx, bonded.consensusAddress, bonded.operator);
  return bonded;
}

/**
 * `BeginUnbondingValidator`: Unbonding until block time + unbonding_time (and this height), a new
 * unbonding id, queued; AfterValidatorBeginUnbonding, then AfterUnbondingInitiated.
 */
export function beginUnbondingValidator(k: StakingKeeper, ctx: StakingContext, v: Validator): Validator {
  const params = k.getParams(ctx);
  k.deleteValidatorByPowerIndex(ctx, v);
  if (v.status !== BondStatus.Bonded) throw new Error("should not already be unbonded or unbonding");
  const id = k.incrementUnbondingId(ctx);
  const unbonding: Validator = {
    ...v,
    status: BondStatus.Unbonding,
    unbondingTime: blockTimeOf(ctx) + params.unbondingTime,
    unbondingHeight: ctx.header.height,
    unbondingIds: [...v.unbondingIds, id],
  };
  k.setValidator(ctx, unbonding);
  k.setValidatorByPowerIndex(ctx, unbonding);
  insertValidatorQueue(k, ctx, unbonding);
  k.hooks.afterValidatorBeginUnbonding(ctx, unbonding.consensusAddress, unbonding.operator);
  k.setValidatorUnbondingIndex(ctx, unbonding, id);
  k.hooks.afterUnbondingInitiated(ctx, id);
  return unbonding;
}

/**
 * `UnbondAllMatureValidators` (EndBlock step 2): each queued validator whose (unbonding time, height)
 * has passed and that is not on hold becomes Unbonded; one left without shares is removed. QUIRK
 * (spec-staking §1.7): the reference clears `unbonding_ids` only on its in-memory copy, so the stored
 * record keeps them; reproduced.
 */
export function unbondAllMatureValidators(k: StakingKeeper, ctx: StakingContext): void {
  for (const slice of matureValidatorQueueSlices(k, ctx, blockTimeOf(ctx), ctx.header.height)) {
    for (const address of slice.addresses) {
      const v = k.validator(ctx, parseVal(address));
      if (v === undefined) throw new Error("validator in the unbonding queue was not found");
      if (v.status !== BondStatus.Unbonding) throw new Error("unexpected validator in unbonding queue; status was not unbonding");
      if (v.unbondingOnHoldRefCount !== 0n) continue;
      for (const id of v.unbondingIds) k.deleteUnbondingIndex(ctx, id);
      const unbonded: Validator = { ...v, status: BondStatus.Unbonded };
      k.setValidator(ctx, unbonded);
      if (unbonded.delegatorShares.isZero()) removeValidator(k, ctx, unbonded.operator);
      deleteFromValidatorQueue(k, ctx, unbonded);
    }
  }
}

/** `jailValidator`: jailed and out of the ranking. The reference panics on an already jailed one. */
export function jailValidator(k: StakingKeeper, ctx: WriteContext, v: Validator): void {
  if (v.jailed) throw new Error(`cannot jail already jailed validator ${hexOf(v.operator)}`);
  const jailed: Validator = { ...v, jailed: true };
  k.setValidator(ctx, jailed);
  k.deleteValidatorByPowerIndex(ctx, jailed);
}

/** `unjailValidator`: back in the ranking. The reference panics on a validator that is not jailed. */
export function unjailValidator(k: StakingKeeper, ctx: WriteContext, v: Validator): void {
  if (!v.jailed) throw new Error(`cannot unjail already unjailed validator ${hexOf(v.operator)}`);
  const free: Validator = { ...v, jailed: false };
  k.setValidator(ctx, free);
  k.setValidatorByPowerIndex(ctx, free);
}
