/**
 * Errors of the staking module: codespace `staking`, the codes and texts of SDK v0.47
 * `x/staking/types/errors.go` (spec-staking §0.4). Names keep the reference's so grep works across Go
 * and TypeScript. The codes of the SDK's liquid-staking era that v0.47 never returns are registered
 * too, so no other module can take them.
 */
import { registerError } from "../../baseapp/errors.js";

const S = "staking";
export const ErrEmptyValidatorAddr = registerError(S, 2, "empty validator address");
export const ErrNoValidatorFound = registerError(S, 3, "validator does not exist");
export const ErrValidatorOwnerExists = registerError(S, 4, "validator already exist for this operator address; must use new validator operator address");
export const ErrValidatorPubKeyExists = registerError(S, 5, "validator already exist for this pubkey; must use new validator pubkey");
export const ErrValidatorPubKeyTypeNotSupported = registerError(S, 6, "validator pubkey type is not supported");
export const ErrValidatorJailed = registerError(S, 7, "validator for this address is currently jailed");
export const ErrBadRemoveValidator = registerError(S, 8, "failed to remove validator");
export const ErrCommissionNegative = registerError(S, 9, "commission must be positive");
export const ErrCommissionHuge = registerError(S, 10, "commission cannot be more than 100%");
export const ErrCommissionGTMaxRate = registerError(S, 11, "commission cannot be more than the max rate");
export const ErrCommissionUpdateTime = registerError(S, 12, "commission cannot be changed more than once in 24h");
export const ErrCommissionChangeRateNegative = registerError(S, 13, "commission change rate must be positive");
export const ErrCommissionChangeRateGTMaxRate = registerError(S, 14, "commission change rate cannot be more than the max rate");
export const ErrCommissionGTMaxChangeRate = registerError(S, 15, "commission cannot be changed more than max change rate");
export const ErrSelfDelegationBelowMinimum = registerError(S, 16, "validator's self delegation must be greater than their minimum self delegation");
export const ErrMinSelfDelegationDecreased = registerError(S, 17, "minimum self delegation cannot be decrease");
export const ErrEmptyDelegatorAddr = registerError(S, 18, "empty delegator address");
export const ErrNoDelegation = registerError(S, 19, "no delegation for (address, validator) tuple");
export const ErrBadDelegatorAddr = registerError(S, 20, "delegator does not exist with address");
export const ErrNoDelegatorForAddress = registerError(S, 21, "delegator does not contain delegation");
export const ErrInsufficientShares = registerError(S, 22, "insufficient delegation shares");
export const ErrDelegationValidatorEmpty = registerError(S, 23, "cannot delegate to an empty validator");
export const ErrNotEnoughDelegationShares = registerError(S, 24, "not enough delegation shares");
export const ErrNotMature = registerError(S, 25, "entry not mature");
export const ErrNoUnbondingDelegation = registerError(S, 26, "no unbonding delegation found");
export const ErrMaxUnbondingDelegationEntries = registerError(S, 27, "too many unbonding delegation entries for (delegator, validator) tuple");
export const ErrNoRedelegation = registerError(S, 28, "no redelegation found");
export const ErrSelfRedelegation = registerError(S, 29, "cannot redelegate to the same validator");
export const ErrTinyRedelegationAmount = registerError(S, 30, "too few tokens to redelegate (truncates to zero tokens)");
export const ErrBadRedelegationDst = registerError(S, 31, "redelegation destination validator not found");
export const ErrTransitiveRedelegation = registerError(
  S, 32,
  "redelegation to this validator already in progress; first redelegation to this validator must complete before next redelegation",
);
export const ErrMaxRedelegationEntries = registerError(S, 33, "too many redelegation entries for (delegator, src-validator, dst-validator) tuple");
export const ErrDelegatorShareExRateInvalid = registerError(S, 34, "cannot delegate to validators with invalid (zero) ex-rate");
export const ErrBothShareMsgsGiven = registerError(S, 35, "both shares amount and shares percent provided");
export const ErrNeitherShareMsgsGiven = registerError(S, 36, "neither shares amount nor shares percent provided");
export const ErrInvalidHistoricalInfo = registerError(S, 37, "invalid historical info");
export const ErrNoHistoricalInfo = registerError(S, 38, "no historical info found");
export const ErrEmptyValidatorPubKey = registerError(S, 39, "empty validator public key");
export const ErrCommissionLTMinRate = registerError(S, 40, "commission cannot be less than min rate");
export const ErrUnbondingNotFound = registerError(S, 41, "unbonding operation not found");
export const ErrUnbondingOnHoldRefCountNegative = registerError(S, 42, "cannot un-hold unbonding operation that is not on hold");

/**
 * This port only (docs/deviations.md "staking"): a message that would make the next validator set
 * exceed what CometBFT accepts (total voting power above MaxInt64/8). The reference has no such error:
 * it hands CometBFT the update, and CometBFT halts.
 */
export const ErrVotingPowerLimit = registerError(S, 100, "validator set voting power would exceed the consensus engine's limit");
