/**
 * Suspension of a resource node by pot's MsgSlashingResourceNode, the register-state part
 * (spec-pot §4.4 steps 5 and 8, spec-register §5.2): the stored flag becomes `suspend`; only a
 * transition from not suspended to suspended removes the node's effective deposit from the economy
 * (Decrease without an IsUnbondable guard, so Lt may go negative) and zeroes it. Clearing the flag
 * restores nothing — MsgUpdateEffectiveDeposit does that (§11 R5). Pot's handler calls this; the
 * slash amount and the debt are pot's (its `slashResourceNode`).
 */
import type { Dec } from "../../../math/dec.js";
import { decreaseOzoneLimit, type OzoneLimitState } from "./ozone.js";

export interface SuspensionResult {
  readonly suspend: boolean;
  readonly effectiveTokens: bigint;
  /** True iff this call suspended a node that was not suspended. */
  readonly toBeSuspended: boolean;
  readonly ozone: OzoneLimitState;
}

/**
 * The reference decreases by |effective_tokens| (`ZeroInt().Sub(eff)` then `.Abs()` in pot's
 * SlashingResourceNode); it differs from eff only for a negative value, which only a genesis can
 * store (nothing checks effective_tokens ≥ 0 there, spec-register §8.2–§8.3).
 * @throws as decreaseOzoneLimit (DivisionByZeroError if suspending with S ≠ 0 and a zero rate)
 */
export function applySlashingSuspension(
  ozone: OzoneLimitState,
  node: { readonly suspend: boolean; readonly effectiveTokens: bigint },
  suspend: boolean,
  rate: Dec,
): SuspensionResult {
  const toBeSuspended = !node.suspend && suspend;
  if (!toBeSuspended) return { suspend, effectiveTokens: node.effectiveTokens, toBeSuspended, ozone };
  const eff = node.effectiveTokens < 0n ? -node.effectiveTokens : node.effectiveTokens;
  const after = decreaseOzoneLimit(ozone, eff, rate);
  return { suspend, effectiveTokens: 0n, toBeSuspended, ozone: { s: after.s, lt: after.lt } };
}
