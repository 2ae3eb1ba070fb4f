/**
 * Suspension of a resource node by pot's MsgSlashingResourceNode, the register-state part
 * (spec-pot §4.4 steps 5 and 8, spec-register §5.2): the stored flag becomes `suspend`; only a
 * transition from not suspended to suspended removes the node's effective deposit from the economy
 * (Decrease without an IsUnbondable guard, so Lt may go negative) and zeroes it. Clearing the flag
 * restores nothing — MsgUpdateEffectiveDeposit does that (§11 R5).
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

export function applySlashingSuspension(
  ozone: OzoneLimitState,
  node: { readonly suspend: boolean; readonly effectiveTokens: bigint },
  suspend: boolean,
  rate: Dec,
): SuspensionResult {
  const toBeSuspended = !node.suspend && suspend;
  if (!toBeSuspended) return { suspend, effectiveTokens: node.effectiveTokens, toBeSuspended, ozone };
  const after = decreaseOzoneLimit(ozone, node.effectiveTokens, rate);
  return { suspend, effectiveTokens: 0n, toBeSuspended, ozone: { s: after.s, lt: after.lt } };
}
