/**
 * Errors of the pot module: codespace `pot`, codes and texts of the reference (spec-pot §4), plus the
 * hardened-mode errors this chain adds (37–40, unused by the reference). `fromLogicError` turns a
 * failure of the pure economics (logic/errors.ts) into the registered error with the same code.
 */
import { ErrPanic, registerError, type TxError } from "../../baseapp/errors.js";
import { PotLogicError } from "./logic/errors.js";

const P = "pot";
export const ErrInvalid = registerError(P, 2, "error invalid");
export const ErrOutOfIssuance = registerError(P, 3, "mining reward reaches the issuance limit");
export const ErrWithdrawAmountInvalid = registerError(P, 4, "withdraw amount is invalid");
export const ErrMissingWalletAddress = registerError(P, 5, "missing wallet address");
export const ErrMissingTargetAddress = registerError(P, 6, "missing target address");
export const ErrInsufficientMatureTotal = registerError(P, 7, "insufficient mature total");
export const ErrMatureEpoch = registerError(P, 8, "the value of epoch must be positive and greater than its previous one");
export const ErrMiningRewardParams = registerError(P, 9, "invalid mining reward param");
export const ErrCommunityTax = registerError(P, 10, "invalid community tax param");
export const ErrInitialTotalSupply = registerError(P, 11, "invalid initial total supply param");
export const ErrEmptyFromAddr = registerError(P, 12, "missing from address");
export const ErrEmptyReporterAddr = registerError(P, 13, "missing reporter address");
export const ErrEmptyWalletVolumes = registerError(P, 14, "wallet volumes list empty");
export const ErrEpochNotPositive = registerError(P, 15, "report epoch is not positive");
export const ErrEmptyReportReference = registerError(P, 16, "missing report reference");
export const ErrReporterOwnerAddr = registerError(P, 17, "invalid reporter owner address");
export const ErrNegativeVolume = registerError(P, 18, "report volume is negative");
export const ErrFoundationDepositAmountInvalid = registerError(P, 19, "foundation deposit amount is invalid");
export const ErrBLSSignatureInvalid = registerError(P, 20, "BLS signature is invalid");
export const ErrBLSTxDataInvalid = registerError(P, 21, "BLS signature txData is invalid");
export const ErrBLSPubkeysInvalid = registerError(P, 22, "BLS signature pubkeys are invalid");
export const ErrBLSVerifyFailed = registerError(P, 23, "BLS signature verify failed");
export const ErrBLSNotReachThreshold = registerError(P, 24, "BLS signed meta-nodes does not reach the threshold");
export const ErrReporterAddress = registerError(P, 25, "invalid reporter address");
export const ErrInvalidAmount = registerError(P, 26, "invalid amount");
export const ErrInvalidAddress = registerError(P, 27, "invalid address");
export const ErrInvalidDenom = registerError(P, 28, "invalid denomination");
export const ErrWithdrawFailure = registerError(P, 29, "failure during withdraw");
export const ErrFoundationDepositFailure = registerError(P, 30, "failure during foundation deposit");
export const ErrSlashingResourceNodeFailure = registerError(P, 31, "failure during slashing resource node");
export const ErrVolumeReport = registerError(P, 32, "volume report failed");
export const ErrReporterAddressOrOwner = registerError(P, 33, "invalid reporter address or owner address");
export const ErrTotalSupplyCapHit = registerError(P, 34, "minting not completed because total supply cap is hit");
export const ErrInsufficientCommunityPool = registerError(P, 35, "burning not completed as a result of insufficient balance in community pool");
export const ErrEmitEvent = registerError(P, 36, "failed to emit event");
// Beyond the reference: the hardened BLS rules (Params.require_registered_bls_keys) and key registration.
export const ErrBLSKeyNotRegistered = registerError(P, 37, "BLS public key is not registered to a bonded, unsuspended meta node");
export const ErrBLSKeyDuplicate = registerError(P, 38, "BLS public key listed twice");
export const ErrBLSProofOfPossession = registerError(P, 39, "invalid BLS key or proof of possession");
export const ErrBLSKeyTaken = registerError(P, 40, "BLS public key is registered to another meta node");

const BY_CODE = new Map<number, TxError>(
  [
    ErrInvalid, ErrOutOfIssuance, ErrWithdrawAmountInvalid, ErrMissingWalletAddress, ErrMissingTargetAddress, ErrInsufficientMatureTotal,
    ErrMatureEpoch, ErrMiningRewardParams, ErrCommunityTax, ErrInitialTotalSupply, ErrEmptyFromAddr, ErrEmptyReporterAddr,
    ErrEmptyWalletVolumes, ErrEpochNotPositive, ErrEmptyReportReference, ErrReporterOwnerAddr, ErrNegativeVolume,
    ErrFoundationDepositAmountInvalid, ErrBLSSignatureInvalid, ErrBLSTxDataInvalid, ErrBLSPubkeysInvalid, ErrBLSVerifyFailed,
    ErrBLSNotReachThreshold, ErrReporterAddress, ErrInvalidAmount, ErrInvalidAddress, ErrInvalidDenom, ErrWithdrawFailure,
    ErrFoundationDepositFailure, ErrSlashingResourceNodeFailure, ErrVolumeReport, ErrReporterAddressOrOwner, ErrTotalSupplyCapHit,
    ErrInsufficientCommunityPool, ErrEmitEvent,
  ].map((e) => [e.code, e]),
);

/**
 * The registered error a pure-economics failure stands for: pot codes keep their code (the log is the
 * failure's message, which already says what went wrong); the reference's panics become ErrPanic
 * (sdk 111222 in our codespace mapping) with the explicit message.
 */
export function fromLogicError(e: PotLogicError): TxError {
  if (e.codespace === P) {
    const registered = BY_CODE.get(e.code);
    if (registered !== undefined) return registered.wrap(e.message);
  }
  return ErrPanic.wrap(e.message);
}

export { PotLogicError };
