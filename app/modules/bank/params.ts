/**
 * Bank params (SDK v0.47 `x/bank/types/params.go`), kept in the module store under 0x05. The
 * per-denom `send_enabled` list inside params is deprecated: it must be empty once stored (SetParams
 * moves entries into the 0x04 records), and validation refuses it.
 */
import { isValidDenom } from "../../math/coins.js";

export interface SendEnabled {
  readonly denom: string;
  readonly enabled: boolean;
}

export interface BankParams {
  /** Deprecated; always empty in stored params. */
  readonly sendEnabled: readonly SendEnabled[];
  readonly defaultSendEnabled: boolean;
}

export const DEFAULT_BANK_PARAMS: BankParams = Object.freeze({ sendEnabled: [], defaultSendEnabled: true });

/** What `GetParams` returns before any params were stored: Go's zero value. */
export const ZERO_BANK_PARAMS: BankParams = Object.freeze({ sendEnabled: [], defaultSendEnabled: false });

/** SDK `Params.Validate`: the error text (a plain Go error) or undefined. */
export function validateBankParams(p: BankParams): string | undefined {
  if (p.sendEnabled.length > 0) return "use of send_enabled in params is no longer supported";
  return undefined;
}

/** SDK `SendEnabled.Validate`: `ValidateDenom`'s text or undefined. */
export function validateSendEnabled(se: SendEnabled): string | undefined {
  return isValidDenom(se.denom) ? undefined : `invalid denom: ${se.denom}`;
}

export function sendEnabledToJson(se: SendEnabled): Record<string, unknown> {
  return { denom: se.denom, enabled: se.enabled };
}

/** Proto-JSON as the SDK exports it (OrigName field names, defaults emitted, proto field order). */
export function bankParamsToJson(p: BankParams): Record<string, unknown> {
  return { send_enabled: p.sendEnabled.map(sendEnabledToJson), default_send_enabled: p.defaultSendEnabled };
}
