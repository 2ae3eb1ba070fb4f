/**
 * MsgUpdateEffectiveDeposit, the pure part (spec-register §4.4 handler step 5): checks the new
 * effective deposit against the node's available deposit, computes the unsuspension flag and moves
 * S/Lt. Reference quirk kept (§10 Q7, §11 R4): a decrease that IsUnbondable refuses still lowers the
 * node's effective deposit but leaves S and Lt unchanged.
 */
import type { Dec } from "../../../math/dec.js";
import { decreaseOzoneLimit, increaseOzoneLimit, isUnbondable, type OzoneLimitState } from "./ozone.js";

/** register E 17 "insufficient balance" (the handler wraps it into E 55). */
export class InsufficientBalanceError extends RangeError {
  override readonly name = "InsufficientBalanceError";
}
/** register E 63 "invalid effective token": the new effective deposit must be positive. */
export class InvalidEffectiveTokenError extends RangeError {
  override readonly name = "InvalidEffectiveTokenError";
}

/** The deposit fields of a resource node that this update reads. */
export interface ResourceNodeDeposit {
  readonly tokens: bigint;
  readonly effectiveTokens: bigint;
  readonly suspend: boolean;
}

export interface EffectiveDepositUpdate {
  /** New node fields: `suspend` is always cleared, whatever happened to S and Lt. */
  readonly effectiveTokens: bigint;
  readonly suspend: false;
  /** Event field `is_unsuspended`: the node was suspended with nothing effective and now has some. */
  readonly unsuspended: boolean;
  /** New effective − old effective. */
  readonly delta: bigint;
  /** S and Lt after the update (unchanged for a refused decrease). */
  readonly ozone: OzoneLimitState;
  /** trunc(|Δ| / rate) when S/Lt moved, else 0 (the reference does not report it). */
  readonly ozoneLimitChange: bigint;
  /** The register procedure the keeper runs on the stored S/Lt (none: nothing is written). */
  readonly ozoneAction: { readonly op: "increase" | "decrease"; readonly amount: bigint } | undefined;
}

/**
 * @param unbondingBalance Σ balances of the node's unbonding entries (0 if none)
 * @throws InvalidEffectiveTokenError if `effectiveTokens` ≤ 0;
 *         InsufficientBalanceError if the node is all unbonding or `effectiveTokens` > tokens − unbonding
 */
export function updateEffectiveDeposit(
  ozone: OzoneLimitState,
  node: ResourceNodeDeposit,
  unbondingBalance: bigint,
  effectiveTokens: bigint,
  rate: Dec,
): EffectiveDepositUpdate {
  if (effectiveTokens <= 0n) throw new InvalidEffectiveTokenError(`updateEffectiveDeposit: invalid effective token ${effectiveTokens}`);
  if (node.tokens <= unbondingBalance || node.tokens - unbondingBalance < effectiveTokens) {
    throw new InsufficientBalanceError(
      `updateEffectiveDeposit: insufficient balance (tokens ${node.tokens}, unbonding ${unbondingBalance}, wanted ${effectiveTokens})`,
    );
  }
  const unsuspended = node.suspend && node.effectiveTokens === 0n && effectiveTokens > 0n;
  const delta = effectiveTokens - node.effectiveTokens;
  let moved = { s: ozone.s, lt: ozone.lt, ozoneLimitChange: 0n };
  let ozoneAction: EffectiveDepositUpdate["ozoneAction"];
  if (delta < 0n && isUnbondable(ozone.lt, -delta, rate)) {
    moved = decreaseOzoneLimit(ozone, -delta, rate);
    ozoneAction = { op: "decrease", amount: -delta };
  }
  if (delta > 0n) {
    moved = increaseOzoneLimit(ozone, delta, rate);
    ozoneAction = { op: "increase", amount: delta };
  }
  return {
    effectiveTokens, suspend: false, unsuspended, delta,
    ozone: { s: moved.s, lt: moved.lt }, ozoneLimitChange: moved.ozoneLimitChange, ozoneAction,
  };
}
