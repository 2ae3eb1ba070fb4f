// Arithmetic of MsgSlashingResourceNode (spec-pot §4.4 steps 5-8) and of register's DeductSlashing
// (spec-register §5.8), used at maturity (spec-pot §6.2).
import { Coins, coin } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import { checkInt } from "../../../math/int.js";
import { ZeroDivisorError, withReferencePanics } from "./errors.js";
import { trafficReward } from "./trafficReward.js";

/** §4.4 step 6: `trunc(R)` with Y = the slashing in noz, on the current S, Pt, Lt. */
export function slashingTokenAmount(s: bigint, pt: bigint, lt: bigint, slashingNoz: bigint): bigint {
  return withReferencePanics("slashingTokenAmount", () => trafficReward(s, pt, lt, slashingNoz).truncateInt());
}

/** §4.4 step 5: only a transition from not suspended to suspended shrinks S and Lt. */
export function isToBeSuspended(nodeSuspended: boolean, msgSuspend: boolean): boolean {
  return !nodeSuspended && msgSuspend;
}

export interface OzoneAfterDepositDecrease {
  readonly effectiveTotalDeposit: bigint;
  readonly remainingOzoneLimit: bigint;
}

/**
 * register `DecreaseOzoneLimitBySubtractDeposit(deposit)` (§4.4 step 8): S ← S − deposit always; Lt ←
 * trunc(toDec(Lt) − quo(toDec(deposit), rate)) only if S before was non-zero (else Lt is unchanged).
 * @throws ZeroDivisorError if S ≠ 0 and the rate is zero (the reference panics)
 */
export function ozoneAfterDepositDecrease(
  effectiveTotalDeposit: bigint,
  remainingOzoneLimit: bigint,
  deposit: bigint,
  depositNozRate: Dec,
): OzoneAfterDepositDecrease {
  const where = "ozoneAfterDepositDecrease";
  return withReferencePanics(where, () => {
    const after = checkInt(effectiveTotalDeposit - deposit, `${where}: effective total deposit`);
    if (effectiveTotalDeposit === 0n) return { effectiveTotalDeposit: after, remainingOzoneLimit };
    if (depositNozRate.isZero()) throw new ZeroDivisorError(where, "deposit→noz rate");
    const limitToSub = Dec.fromInt(deposit).quo(depositNozRate);
    return { effectiveTotalDeposit: after, remainingOzoneLimit: Dec.fromInt(remainingOzoneLimit).sub(limitToSub).truncateInt() };
  });
}

export interface SlashResourceNodeInput {
  readonly effectiveTotalDeposit: bigint; // S
  readonly unissuedPrepay: bigint; // Pt
  readonly remainingOzoneLimit: bigint; // Lt
  readonly depositNozRate: Dec;
  /** The node's stored `suspend` flag and `effective_tokens`. */
  readonly nodeSuspended: boolean;
  readonly nodeEffectiveTokens: bigint;
  /** The wallet's current slashing debt (register 0x05, absent → 0). */
  readonly currentDebt: bigint;
  /** Message fields. */
  readonly slashingNoz: bigint;
  readonly suspend: boolean;
}

export interface SlashResourceNodeOutcome {
  /** Event `amount` and the debt increase. */
  readonly slashTokens: bigint;
  /** Always written by the reference, even when nothing was added (a 0 is stored). */
  readonly newDebt: bigint;
  readonly toBeSuspended: boolean;
  /** The node after the message: `suspend = msg.suspend`; effective tokens zeroed on suspension. */
  readonly nodeSuspended: boolean;
  readonly nodeEffectiveTokens: bigint;
  /** S and Lt after the message (unchanged unless toBeSuspended). */
  readonly effectiveTotalDeposit: bigint;
  readonly remainingOzoneLimit: bigint;
}

/**
 * §4.4 steps 5-8 after the node has been loaded: the slash converts noz to tokens on the S, Pt, Lt
 * *before* any suspension; a suspension then removes the node's effective tokens from S and Lt.
 * @throws ZeroDivisorError if Lt + slashing = 0, or on suspension with S ≠ 0 and a zero rate
 */
export function slashResourceNode(input: SlashResourceNodeInput): SlashResourceNodeOutcome {
  const slashTokens = slashingTokenAmount(
    input.effectiveTotalDeposit,
    input.unissuedPrepay,
    input.remainingOzoneLimit,
    input.slashingNoz,
  );
  const newDebt = withReferencePanics("slashResourceNode", () =>
    checkInt(input.currentDebt + slashTokens, "slashResourceNode: debt"),
  );
  const toBeSuspended = isToBeSuspended(input.nodeSuspended, input.suspend);
  if (!toBeSuspended) {
    return {
      slashTokens,
      newDebt,
      toBeSuspended,
      nodeSuspended: input.suspend,
      nodeEffectiveTokens: input.nodeEffectiveTokens,
      effectiveTotalDeposit: input.effectiveTotalDeposit,
      remainingOzoneLimit: input.remainingOzoneLimit,
    };
  }
  // The reference subtracts |effective_tokens| (it negates the change and takes Abs).
  const eff = input.nodeEffectiveTokens < 0n ? -input.nodeEffectiveTokens : input.nodeEffectiveTokens;
  const ozone = ozoneAfterDepositDecrease(input.effectiveTotalDeposit, input.remainingOzoneLimit, eff, input.depositNozRate);
  return {
    slashTokens,
    newDebt,
    toBeSuspended,
    nodeSuspended: true,
    nodeEffectiveTokens: 0n,
    effectiveTotalDeposit: ozone.effectiveTotalDeposit,
    remainingOzoneLimit: ozone.remainingOzoneLimit,
  };
}

export interface SlashingDeduction {
  readonly remaining: Coins;
  readonly deducted: Coins;
  /** The debt to store, or undefined when the reference writes nothing. */
  readonly newDebt: bigint | undefined;
}

/**
 * register `DeductSlashing(wallet, coins, denom)` (spec-register §5.8) on a given debt: take
 * min(debt, coins.amountOf(denom)) out of the coins. Nothing happens (and nothing is written) when the
 * debt is ≤ 0, the coins are empty or hold none of `denom`; otherwise the reduced debt (maybe 0) is written.
 */
export function deductSlashing(debt: bigint, coins: Coins, denom: string): SlashingDeduction {
  const available = coins.amountOf(denom);
  if (debt <= 0n || coins.isEmpty() || available === 0n) {
    return { remaining: coins, deducted: Coins.EMPTY, newDebt: undefined };
  }
  const taken = available >= debt ? debt : available;
  const deducted = Coins.of(coin(denom, taken));
  return { remaining: coins.sub(deducted), deducted, newDebt: debt - taken };
}
