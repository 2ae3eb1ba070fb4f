/** sds params (spec-sds §3): the denom a prepay spends. Stored at 0x20 as plain protobuf. */
import { goTrimSpace, isValidDenom } from "../../math/coins.js";

export interface SdsParams {
  readonly bondDenom: string;
}

export const DEFAULT_SDS_PARAMS: SdsParams = { bondDenom: "wei" };
/** Go's zero params (nothing stored). */
export const ZERO_SDS_PARAMS: SdsParams = { bondDenom: "" };

/**
 * `Params.Validate`: a non-blank valid SDK denom, else `ErrInvalidDenom` wrapped "failed to validate
 * bond denomination". Returns the problem text or undefined.
 */
export function validateSdsParams(p: SdsParams): string | undefined {
  if (goTrimSpace(p.bondDenom) === "" || !isValidDenom(p.bondDenom)) return "failed to validate bond denomination";
  return undefined;
}
