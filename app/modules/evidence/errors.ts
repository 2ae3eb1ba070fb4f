/** Errors of the evidence module: codespace `evidence`, codes and texts of SDK v0.47 `x/evidence/types/errors.go`. */
import { registerError } from "../../baseapp/errors.js";

const E = "evidence";
export const ErrNoEvidenceHandlerExists = registerError(E, 2, "unregistered handler for evidence type");
export const ErrInvalidEvidence = registerError(E, 3, "invalid evidence");
export const ErrNoEvidenceExists = registerError(E, 4, "evidence does not exist");
export const ErrEvidenceExists = registerError(E, 5, "evidence already exists");
