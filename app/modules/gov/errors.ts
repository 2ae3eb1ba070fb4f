/** Registered errors of gov (codespace `gov`, SDK v0.47 `x/gov/types/errors.go`; spec-staking §0.4). */
import { registerError } from "../../baseapp/errors.js";

const GOV = "gov";
export const ErrUnknownProposal = registerError(GOV, 2, "unknown proposal");
export const ErrInactiveProposal = registerError(GOV, 3, "inactive proposal");
export const ErrAlreadyActiveProposal = registerError(GOV, 4, "proposal already active");
export const ErrInvalidProposalContent = registerError(GOV, 5, "invalid proposal content");
export const ErrInvalidProposalType = registerError(GOV, 6, "invalid proposal type");
export const ErrInvalidVote = registerError(GOV, 7, "invalid vote option");
export const ErrInvalidGenesis = registerError(GOV, 8, "invalid genesis state");
export const ErrNoProposalHandlerExists = registerError(GOV, 9, "no handler exists for proposal type");
export const ErrUnroutableProposalMsg = registerError(GOV, 10, "proposal message not recognized by router");
export const ErrNoProposalMsgs = registerError(GOV, 11, "no messages proposed");
export const ErrInvalidProposalMsg = registerError(GOV, 12, "invalid proposal message");
/**
 * Also returned by every other module's authority check; they use baseapp's unregistered copy
 * (`ErrGovInvalidSigner`, same codespace, code and text) so they load without gov.
 */
export const ErrInvalidSigner = registerError(GOV, 13, "expected gov account as only signer for proposal message");
export const ErrInvalidSignalMsg = registerError(GOV, 14, "signal message is invalid");
export const ErrMetadataTooLong = registerError(GOV, 15, "metadata too long");
export const ErrMinDepositTooSmall = registerError(GOV, 16, "minimum deposit is too small");
