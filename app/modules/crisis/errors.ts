/** Errors of the crisis module: codespace `crisis`, codes and texts of SDK v0.47 `x/crisis/types/errors.go`. */
import { registerError } from "../../baseapp/errors.js";

const C = "crisis";
export const ErrNoSender = registerError(C, 2, "sender address is empty");
export const ErrUnknownInvariant = registerError(C, 3, "unknown invariant");
