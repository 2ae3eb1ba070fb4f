/**
 * The minter's arithmetic (spec-staking §6; SDK v0.47 `x/mint/types/minter.go`, staking `BondedRatio`).
 * Pure. On stratos-1 every rate is 0, so inflation, provisions and the minted amount stay 0 — the
 * computation still runs every block.
 */
import { Dec } from "../../../math/dec.js";
import type { Minter, MintParams } from "../types.js";

/** `BondedRatio`: bonded tokens / staking supply (QuoInt), 0 when there is no supply. */
export function bondedRatio(totalBonded: bigint, stakingSupply: bigint): Dec {
  return stakingSupply > 0n ? Dec.fromInt(totalBonded).quoInt(stakingSupply) : Dec.ZERO;
}

/**
 * `NextInflationRate`: inflation moves towards the bonded goal by at most `inflation_rate_change` a
 * year, per block: `inflation + (1 − ratio/goal) × change / blocks_per_year`, clamped to [min, max].
 */
export function nextInflationRate(minter: Minter, params: MintParams, ratio: Dec): Dec {
  const perYear = Dec.ONE.sub(ratio.quo(params.goalBonded)).mul(params.inflationRateChange);
  const perBlock = perYear.quo(Dec.fromInt(params.blocksPerYear));
  let inflation = minter.inflation.add(perBlock);
  if (inflation.gt(params.inflationMax)) inflation = params.inflationMax;
  if (inflation.lt(params.inflationMin)) inflation = params.inflationMin;
  return inflation;
}

/** `NextAnnualProvisions`: inflation × staking supply. */
export function nextAnnualProvisions(inflation: Dec, stakingSupply: bigint): Dec {
  return inflation.mulInt(stakingSupply);
}

/** `BlockProvision`: the whole coins of one block's share of the annual provisions. */
export function blockProvision(annualProvisions: Dec, params: MintParams): bigint {
  return annualProvisions.quoInt(params.blocksPerYear).truncateInt();
}
