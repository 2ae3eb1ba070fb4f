/** Errors of the slashing module: codespace `slashing`, codes and texts of SDK v0.47 `x/slashing/types/errors.go`. */
import { registerError } from "../../baseapp/errors.js";

const S = "slashing";
export const ErrNoValidatorForAddress = registerError(S, 2, "address is not associated with any known validator");
export const ErrBadValidatorAddr = registerError(S, 3, "validator does not exist for that address");
export const ErrValidatorJailed = registerError(S, 4, "validator still jailed; cannot be unjailed");
export const ErrValidatorNotJailed = registerError(S, 5, "validator not jailed; cannot be unjailed");
export const ErrMissingSelfDelegation = registerError(S, 6, "validator has no self-delegation; cannot be unjailed");
export const ErrSelfDelegationTooLowToUnjail = registerError(S, 7, "validator's self delegation less than minimum; cannot be unjailed");
export const ErrNoSigningInfoFound = registerError(S, 8, "no validator signing info found");
