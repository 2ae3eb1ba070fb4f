/**
 * Staking hooks (spec-staking §1.3): the SDK's `StakingHooks`, fired by the staking keeper at the
 * points the table gives and implemented by distribution, then slashing (§0.6: that order). Each
 * listener implements only what it needs; a hook that throws fails the message or block step that
 * fired it, as in the SDK (it returns an error there).
 *
 * Arguments are raw address bytes: `consAddr` the 20-byte consensus address, `valAddr` the operator,
 * `delAddr` the delegator account.
 */
import type { Dec } from "../../math/dec.js";
import type { WriteContext } from "./expected.js";

export interface StakingHooks {
  afterValidatorCreated?(ctx: WriteContext, valAddr: Uint8Array): void;
  beforeValidatorModified?(ctx: WriteContext, valAddr: Uint8Array): void;
  afterValidatorRemoved?(ctx: WriteContext, consAddr: Uint8Array, valAddr: Uint8Array): void;
  afterValidatorBonded?(ctx: WriteContext, consAddr: Uint8Array, valAddr: Uint8Array): void;
  afterValidatorBeginUnbonding?(ctx: WriteContext, consAddr: Uint8Array, valAddr: Uint8Array): void;
  beforeDelegationCreated?(ctx: WriteContext, delAddr: Uint8Array, valAddr: Uint8Array): void;
  beforeDelegationSharesModified?(ctx: WriteContext, delAddr: Uint8Array, valAddr: Uint8Array): void;
  beforeDelegationRemoved?(ctx: WriteContext, delAddr: Uint8Array, valAddr: Uint8Array): void;
  afterDelegationModified?(ctx: WriteContext, delAddr: Uint8Array, valAddr: Uint8Array): void;
  beforeValidatorSlashed?(ctx: WriteContext, valAddr: Uint8Array, fraction: Dec): void;
  afterUnbondingInitiated?(ctx: WriteContext, unbondingId: bigint): void;
}

/** The listeners in registration order (distribution, then slashing), called one after the other. */
export class MultiStakingHooks implements Required<StakingHooks> {
  private readonly listeners: StakingHooks[] = [];

  add(listener: StakingHooks): void {
    this.listeners.push(listener);
  }

  afterValidatorCreated(ctx: WriteContext, valAddr: Uint8Array): void {
    for (const l of this.listeners) l.afterValidatorCreated?.(ctx, valAddr);
  }
  beforeValidatorModified(ctx: WriteContext, valAddr: Uint8Array): void {
    for (const l of this.listeners) l.beforeValidatorModified?.(ctx, valAddr);
  }
  afterValidatorRemoved(ctx: WriteContext, consAddr: Uint8Array, valAddr: Uint8Array): void {
    for (const l of this.listeners) l.afterValidatorRemoved?.(ctx, consAddr, valAddr);
  }
  afterValidatorBonded(ctx: WriteContext, consAddr: Uint8Array, valAddr: Uint8Array): void {
    for (const l of this.listeners) l.afterValidatorBonded?.(ctx, consAddr, valAddr);
  }
  afterValidatorBeginUnbonding(ctx: WriteContext, consAddr: Uint8Array, valAddr: Uint8Array): void {
    for (const l of this.listeners) l.afterValidatorBeginUnbonding?.(ctx, consAddr, valAddr);
  }
  beforeDelegationCreated(ctx: WriteContext, delAddr: Uint8Array, valAddr: Uint8Array): void {
    for (const l of this.listeners) l.beforeDelegationCreated?.(ctx, delAddr, valAddr);
  }
  beforeDelegationSharesModified(ctx: WriteContext, delAddr: Uint8Array, valAddr: Uint8Array): void {
    for (const l of this.listeners) l.beforeDelegationSharesModified?.(ctx, delAddr, valAddr);
  }
  beforeDelegationRemoved(ctx: WriteContext, delAddr: Uint8Array, valAddr: Uint8Array): void {
    for (const l of this.listeners) l.beforeDelegationRemoved?.(ctx, delAddr, valAddr);
  }
  afterDelegationModified(ctx: WriteContext, delAddr: Uint8Array, valAddr: Uint8Array): void {
    for (const l of this.listeners) l.afterDelegationModified?.(ctx, delAddr, valAddr);
  }
  beforeValidatorSlashed(ctx: WriteContext, valAddr: Uint8Array, fraction: Dec): void {
    for (const l of this.listeners) l.beforeValidatorSlashed?.(ctx, valAddr, fraction);
  }
  afterUnbondingInitiated(ctx: WriteContext, unbondingId: bigint): void {
    for (const l of this.listeners) l.afterUnbondingInitiated?.(ctx, unbondingId);
  }
}
