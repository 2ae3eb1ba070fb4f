/**
 * Staking's events (SDK v0.47 `x/staking/types/events.go`, spec-staking §1.4, §1.7): plain events,
 * attributes in the reference's order. Each builder takes its attributes by wire key, so the order on
 * the wire is the builder's, not the caller's. Amounts are `Coin.String()` ("1500000000000000000wei"),
 * completion times RFC 3339 without fraction.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { legacyEvent } from "../../baseapp/events.js";

export const createValidatorEvent = (a: { validator: string; amount: string }): Event =>
  legacyEvent("create_validator", { validator: a.validator, amount: a.amount });

export const editValidatorEvent = (a: { commission_rate: string; min_self_delegation: string }): Event =>
  legacyEvent("edit_validator", { commission_rate: a.commission_rate, min_self_delegation: a.min_self_delegation });

export const delegateEvent = (a: { validator: string; delegator: string; amount: string; new_shares: string }): Event =>
  legacyEvent("delegate", { validator: a.validator, delegator: a.delegator, amount: a.amount, new_shares: a.new_shares });

export const redelegateEvent = (a: { source_validator: string; destination_validator: string; amount: string; completion_time: string }): Event =>
  legacyEvent("redelegate", {
    source_validator: a.source_validator, destination_validator: a.destination_validator, amount: a.amount, completion_time: a.completion_time,
  });

export const unbondEvent = (a: { validator: string; amount: string; delegator: string; completion_time: string }): Event =>
  legacyEvent("unbond", { validator: a.validator, amount: a.amount, delegator: a.delegator, completion_time: a.completion_time });

export const cancelUnbondingDelegationEvent = (a: { amount: string; validator: string; delegator: string; creation_height: string }): Event =>
  legacyEvent("cancel_unbonding_delegation", { amount: a.amount, validator: a.validator, delegator: a.delegator, creation_height: a.creation_height });

export const completeUnbondingEvent = (a: { amount: string; validator: string; delegator: string }): Event =>
  legacyEvent("complete_unbonding", { amount: a.amount, validator: a.validator, delegator: a.delegator });

export const completeRedelegationEvent = (a: { amount: string; delegator: string; source_validator: string; destination_validator: string }): Event =>
  legacyEvent("complete_redelegation", {
    amount: a.amount, delegator: a.delegator, source_validator: a.source_validator, destination_validator: a.destination_validator,
  });
