// Arithmetic of MsgSlashingResourceNode (spec-pot §4.4 steps 5-8). The suspension's S/Lt decrease is
// register's (register/logic/suspension.ts, ozone.ts); the debt deduction at maturity is register's
// deductSlashing (spec-register §5.8). Pot owns only the slash's noz→token conversion and maps the
// register formulas' math errors to its ReferencePanicError classes here.
import type { Dec } from "../../../math/dec.js";
import { checkInt } from "../../../math/int.js";
import { applySlashingSuspension } from "../../register/logic/suspension.js";
import { withReferencePanics } from "./errors.js";
import { trafficReward } from "./trafficReward.js";

/**
 * §4.4 step 6: `trunc(R)` with Y = the slashing in noz, on the current S, Pt, Lt.
 * @throws ZeroDivisorError if Lt + slashing = 0 (the reference panics)
 */
export function slashingTokenAmount(s: bigint, pt: bigint, lt: bigint, slashingNoz: bigint): bigint {
  return withReferencePanics("slashingTokenAmount", () => trafficReward(s, pt, lt, slashingNoz).truncateInt());
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
 * *before* any suspension; a suspension then removes the node's effective tokens from S and Lt
 * (register's applySlashingSuspension).
 * @throws ZeroDivisorError if Lt + slashing = 0, or on suspension with S ≠ 0 and a zero rate;
 *   ArithmeticOverflowError if the debt or S passes 256 bits
 */
export function slashResourceNode(input: SlashResourceNodeInput): SlashResourceNodeOutcome {
  const slashTokens = slashingTokenAmount(
    input.effectiveTotalDeposit,
    input.unissuedPrepay,
    input.remainingOzoneLimit,
    input.slashingNoz,
  );
  return withReferencePanics("slashResourceNode", () => {
    const newDebt = checkInt(input.currentDebt + slashTokens, "slashResourceNode: debt");
    const suspension = applySlashingSuspension(
      { s: input.effectiveTotalDeposit, lt: input.remainingOzoneLimit },
      { suspend: input.nodeSuspended, effectiveTokens: input.nodeEffectiveTokens },
      input.suspend,
      input.depositNozRate,
    );
    return {
      slashTokens,
      newDebt,
      toBeSuspended: suspension.toBeSuspended,
      nodeSuspended: suspension.suspend,
      nodeEffectiveTokens: suspension.effectiveTokens,
      effectiveTotalDeposit: suspension.ozone.s,
      remainingOzoneLimit: suspension.ozone.lt,
    };
  });
}
