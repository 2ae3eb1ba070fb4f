/** Errors of the sds module: codespace `sds`, codes and texts of the reference (spec-sds §4). */
import { registerError } from "../../baseapp/errors.js";

const S = "sds";
export const ErrInvalid = registerError(S, 2, "error invalid");
export const ErrInvalidHeight = registerError(S, 3, "invalid height");
export const ErrEmptyUploaderAddr = registerError(S, 4, "missing uploader address");
export const ErrEmptyReporters = registerError(S, 5, "missing reporters");
export const ErrEmptyFileHash = registerError(S, 6, "missing file hash");
export const ErrInvalidFileHash = registerError(S, 7, "invalid file hash");
export const ErrNoFileFound = registerError(S, 8, "file does not exist");
export const ErrInvalidDenom = registerError(S, 9, "invalid denomination");
export const ErrPrepayFailure = registerError(S, 10, "failure during prepay");
export const ErrReporterAddressOrOwner = registerError(S, 11, "invalid reporter address or owner address");
export const ErrInvalidSenderAddr = registerError(S, 12, "invalid sender address");
export const ErrInvalidBeneficiaryAddr = registerError(S, 13, "invalid beneficiary address");
export const ErrOzoneLimitNotEnough = registerError(S, 14, "not enough remaining ozone limit to complete prepay");
export const ErrEmitEvent = registerError(S, 15, "failed to emit event");
