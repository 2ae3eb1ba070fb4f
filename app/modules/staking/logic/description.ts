/**
 * Validator descriptions (SDK v0.47 `x/staking/types/validator.go`): byte-length limits and the
 * `[do-not-modify]` merge of MsgEditValidator. Pure; the errors are sdk 18 (invalid request).
 */
import { ErrInvalidRequest, type TxError } from "../../../baseapp/errors.js";
import type { Description } from "../types.js";

export const DO_NOT_MODIFY = "[do-not-modify]";

const LIMITS: ReadonlyArray<readonly [keyof Description, string, number]> = [
  ["moniker", "moniker", 70],
  ["identity", "identity", 3000],
  ["website", "website", 140],
  ["securityContact", "security contact", 140],
  ["details", "details", 280],
];

const byteLength = (s: string): number => Buffer.byteLength(s, "utf8");

/** `Description.EnsureLength`: the first field over its limit (UTF-8 bytes, as Go's `len`), or undefined. */
export function descriptionLengthError(d: Description): TxError | undefined {
  for (const [field, name, max] of LIMITS) {
    const length = byteLength(d[field]);
    if (length > max) return ErrInvalidRequest.wrap(`invalid ${name} length; got: ${length}, max: ${max}`);
  }
  return undefined;
}

/** `UpdateDescription`: each `[do-not-modify]` field keeps the current value. */
export function mergeDescription(current: Description, update: Description): Description {
  const pick = (field: keyof Description): string => (update[field] === DO_NOT_MODIFY ? current[field] : update[field]);
  return {
    moniker: pick("moniker"),
    identity: pick("identity"),
    website: pick("website"),
    securityContact: pick("securityContact"),
    details: pick("details"),
  };
}

export function isEmptyDescription(d: Description): boolean {
  return d.moniker === "" && d.identity === "" && d.website === "" && d.securityContact === "" && d.details === "";
}
