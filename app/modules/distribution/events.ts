/**
 * Events of the distribution module (SDK v0.47 `x/distribution/types/events.go`; spec-staking §0.3,
 * §2.4–§2.6): plain events, attributes in the reference's order, built from named attributes whose keys
 * are the wire keys. Amounts are `DecCoins.String()` / `Coins.String()` ("" when empty), validators
 * `stvaloper1…`, delegators and withdraw addresses `st1…`.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { legacyEvent } from "../../baseapp/events.js";

/** BeginBlock, per vote: the commission part of the validator's reward. */
export const commissionEvent = (a: { amount: string; validator: string }): Event =>
  legacyEvent("commission", { amount: a.amount, validator: a.validator });

/** BeginBlock, per vote: the validator's whole reward (commission included). */
export const rewardsEvent = (a: { amount: string; validator: string }): Event =>
  legacyEvent("rewards", { amount: a.amount, validator: a.validator });

export const withdrawRewardsEvent = (a: { amount: string; validator: string; delegator: string }): Event =>
  legacyEvent("withdraw_rewards", { amount: a.amount, validator: a.validator, delegator: a.delegator });

export const withdrawCommissionEvent = (a: { amount: string }): Event => legacyEvent("withdraw_commission", { amount: a.amount });

export const setWithdrawAddressEvent = (a: { withdraw_address: string }): Event =>
  legacyEvent("set_withdraw_address", { withdraw_address: a.withdraw_address });
