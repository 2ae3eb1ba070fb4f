/** Mint records (spec-staking §6): rates and provisions are Dec, blocks per year a uint64. */
import type { Dec } from "../../math/dec.js";

export interface Minter {
  /** Current annual inflation rate. */
  readonly inflation: Dec;
  /** Current annual expected provisions (in `mint_denom`). */
  readonly annualProvisions: Dec;
}

export interface MintParams {
  readonly mintDenom: string;
  readonly inflationRateChange: Dec;
  readonly inflationMax: Dec;
  readonly inflationMin: Dec;
  readonly goalBonded: Dec;
  readonly blocksPerYear: bigint;
}

/**
 * Params as a message or genesis file may carry them: a Dec field may be absent (Go's nil Dec), which
 * validation reports with the reference's "cannot be nil" text.
 */
export type MintParamsInput = {
  readonly [K in keyof MintParams]: MintParams[K] extends Dec ? Dec | undefined : MintParams[K];
};
