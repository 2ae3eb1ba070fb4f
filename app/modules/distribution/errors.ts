/**
 * Errors of the distribution module: codespace `distribution`, the reference's codes and texts
 * (SDK v0.47 `x/distribution/types/errors.go`; spec-staking §0.4). Names keep the reference's.
 */
import { registerError } from "../../baseapp/errors.js";

const D = "distribution";
export const ErrEmptyDelegatorAddr = registerError(D, 2, "delegator address is empty");
export const ErrEmptyWithdrawAddr = registerError(D, 3, "withdraw address is empty");
export const ErrEmptyValidatorAddr = registerError(D, 4, "validator address is empty");
export const ErrEmptyDelegationDistInfo = registerError(D, 5, "no delegation distribution info");
export const ErrNoValidatorDistInfo = registerError(D, 6, "no validator distribution info");
export const ErrNoValidatorCommission = registerError(D, 7, "no validator commission to withdraw");
export const ErrSetWithdrawAddrDisabled = registerError(D, 8, "set withdraw address disabled");
export const ErrBadDistribution = registerError(D, 9, "community pool does not have sufficient coins to distribute");
export const ErrInvalidProposalAmount = registerError(D, 10, "invalid community pool spend proposal amount");
export const ErrEmptyProposalRecipient = registerError(D, 11, "invalid community pool spend proposal recipient");
export const ErrNoValidatorExists = registerError(D, 12, "validator does not exist");
export const ErrNoDelegationExists = registerError(D, 13, "delegation does not exist");
