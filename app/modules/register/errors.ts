/**
 * Errors of the register module: codespace `register`, codes and texts of the reference
 * (spec-register §4.0, `x/register/types/errors.go`). Names keep the reference's so grep works across
 * Go and TypeScript. Handlers wrap an inner error in the message's outer error as the reference's
 * `errors.Wrap(outer, inner.Error())` does: the code is the outer one, the log "<inner>: <outer>".
 */
import { registerError } from "../../baseapp/errors.js";

const R = "register";
export const ErrInvalid = registerError(R, 2, "error invalid");
export const ErrInvalidNetworkAddr = registerError(R, 3, "invalid network address");
export const ErrEmptyOwnerAddr = registerError(R, 4, "missing owner address");
export const ErrValueNegative = registerError(R, 5, "value must be positive");
export const ErrEmptyDescription = registerError(R, 6, "description must be not empty");
export const ErrEmptyMoniker = registerError(R, 7, "moniker must be not empty");
export const ErrEmptyResourceNodeAddr = registerError(R, 8, "missing resource node address");
export const ErrEmptyMetaNodeAddr = registerError(R, 9, "missing Meta node address");
export const ErrBadDenom = registerError(R, 10, "invalid coin denomination");
export const ErrInsufficientDeposit = registerError(R, 11, "insufficient deposit");
export const ErrResourceNodePubKeyExists = registerError(R, 12, "resource node already exist for this pubkey; must use new resource node pubkey");
export const ErrMetaNodePubKeyExists = registerError(R, 13, "meta node already exist for this pubkey; must use new meta node pubkey");
export const ErrNoResourceNodeFound = registerError(R, 14, "resource node does not exist");
export const ErrNoMetaNodeFound = registerError(R, 15, "meta node does not exist");
export const ErrNoOwnerAccountFound = registerError(R, 16, "account of owner does not exist");
export const ErrInsufficientBalance = registerError(R, 17, "insufficient balance");
export const ErrNodeType = registerError(R, 18, "node type(s) not supported");
export const ErrEmptyCandidateNetworkAddr = registerError(R, 19, "missing candidate network address");
export const ErrEmptyCandidateOwnerAddr = registerError(R, 20, "missing candidate owner address");
export const ErrEmptyVoterNetworkAddr = registerError(R, 21, "missing voter network address");
export const ErrEmptyVoterOwnerAddr = registerError(R, 22, "missing voter owner address");
export const ErrInvalidCandidateNetworkAddr = registerError(R, 23, "invalid candidate network address");
export const ErrInvalidCandidateOwnerAddr = registerError(R, 24, "invalid candidate owner address");
export const ErrNoCandidateMetaNodeFound = registerError(R, 25, "candidate meta node does not exist");
export const ErrInvalidVoterNetworkAddr = registerError(R, 26, "invalid voter network address");
export const ErrInvalidVoterOwnerAddr = registerError(R, 27, "invalid voter owner address");
export const ErrNoVoterMetaNodeFound = registerError(R, 28, "voter meta node does not exist");
export const ErrSameAddr = registerError(R, 29, "node address should not same as the voter address");
export const ErrInvalidOwnerAddr = registerError(R, 30, "invalid owner address");
export const ErrInvalidBeneficiaryAddr = registerError(R, 31, "invalid beneficiary address");
export const ErrInvalidVoterStatus = registerError(R, 32, "invalid voter status");
export const ErrNoRegistrationVotePoolFound = registerError(R, 33, "registration pool does not exist");
export const ErrDuplicateVoting = registerError(R, 34, "duplicate voting");
export const ErrVoteExpired = registerError(R, 35, "vote expired");
export const ErrInsufficientBalanceOfNotBondedPool = registerError(R, 36, "insufficient balance of not bonded pool");
export const ErrEmptyNodeNetworkAddress = registerError(R, 37, "missing node network address");
export const ErrEmptyPubKey = registerError(R, 38, "missing public key");
export const ErrNoUnbondingNode = registerError(R, 39, "no unbonding node found");
export const ErrMaxUnbondingNodeEntries = registerError(R, 40, "too many unbonding node entries for networkAddr tuple");
export const ErrUnbondingNode = registerError(R, 41, "changes cannot be made to an unbonding node");
export const ErrDepositNozRate = registerError(R, 42, "deposit noz rate must be positive");
export const ErrRemainingNozLimit = registerError(R, 43, "remaining Noz Limit must be non-negative");
export const ErrInvalidDepositChange = registerError(R, 44, "invalid change for deposit");
export const ErrInvalidNodeType = registerError(R, 45, "invalid node type");
export const ErrUnknownAccountAddress = registerError(R, 46, "account address does not exist");
export const ErrUnknownPubKey = registerError(R, 47, "unknown pubKey ");
export const ErrInvalidNodeStat = registerError(R, 48, "invalid node status");
export const ErrRegisterResourceNode = registerError(R, 49, "failed to register resource node");
export const ErrRegisterMetaNode = registerError(R, 50, "failed to register meta node");
export const ErrUnbondResourceNode = registerError(R, 51, "failed to unbond resource node");
export const ErrUnbondMetaNode = registerError(R, 52, "failed to unbond meta node");
export const ErrUpdateResourceNode = registerError(R, 53, "failed to update resource node");
export const ErrUpdateMetaNode = registerError(R, 54, "failed to update meta node");
export const ErrUpdateResourceNodeDeposit = registerError(R, 55, "failed to update deposit for resource node");
export const ErrUpdateMetaNodeDeposit = registerError(R, 56, "failed to update deposit for meta node");
export const ErrVoteMetaNode = registerError(R, 57, "failed to vote meta node");
export const ErrResourceNodeRegDisabled = registerError(R, 58, "resource node registration is disabled");
export const ErrInvalidSuspensionStatForUnbondNode = registerError(R, 59, "cannot unbond a suspended node");
export const ErrReporterAddress = registerError(R, 60, "invalid reporter address");
export const ErrInvalidAmount = registerError(R, 61, "invalid amount");
export const ErrReporterAddressOrOwner = registerError(R, 62, "invalid reporter address or owner address");
export const ErrInvalidEffectiveToken = registerError(R, 63, "invalid effective token");
export const ErrEmitEvent = registerError(R, 64, "failed to emit event");
export const ErrInvalidTargetNetworkAddr = registerError(R, 65, "invalid target network address");
export const ErrNoActiveTargetMetaNodeFound = registerError(R, 66, "target meta node does not exist or not active");
export const ErrNoActiveVoterMetaNodeFound = registerError(R, 67, "voter meta node does not exist or not active");
