/**
 * Mint params (spec-staking §6, §0.7; SDK v0.47 `x/mint/types/params.go`): the reference's validation
 * order and texts, including the nil-Dec cases a message or genesis file can produce.
 */
import { goTrimSpace, isValidDenom } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import type { MintParams, MintParamsInput } from "./types.js";

/** stratos-1's values: inflation off (0 / 0 / 0), goal 67 %, 6 311 520 blocks a year. */
export const MAINNET_MINT_PARAMS: MintParams = {
  mintDenom: "wei",
  inflationRateChange: Dec.ZERO,
  inflationMax: Dec.ZERO,
  inflationMin: Dec.ZERO,
  goalBonded: Dec.parse("0.67"),
  blocksPerYear: 6_311_520n,
};

/** `blocks_per_year` becomes an int64 in the reference's arithmetic; larger values would turn negative. */
const INT64_MAX = (1n << 63n) - 1n;

const nilText = (d: Dec | undefined): string => (d === undefined ? "<nil>" : d.toString());

function rate(d: Dec | undefined, name: string): string | undefined {
  if (d === undefined) return `${name} cannot be nil: ${nilText(d)}`;
  if (d.isNegative()) return `${name} cannot be negative: ${d.toString()}`;
  if (d.gt(Dec.ONE)) return `${name} too large: ${d.toString()}`;
  return undefined;
}

/** `Params.Validate`: the first problem's text, or undefined. */
export function validateMintParams(p: MintParamsInput): string | undefined {
  if (goTrimSpace(p.mintDenom) === "") return "mint denom cannot be blank";
  if (!isValidDenom(p.mintDenom)) return `invalid denom: ${p.mintDenom}`;
  const problem = rate(p.inflationRateChange, "inflation rate change") ?? rate(p.inflationMax, "max inflation") ?? rate(p.inflationMin, "min inflation");
  if (problem !== undefined) return problem;
  const goal = p.goalBonded;
  if (goal === undefined) return `goal bonded cannot be nil: ${nilText(goal)}`;
  if (!goal.isPositive()) return `goal bonded must be positive: ${goal.toString()}`;
  if (goal.gt(Dec.ONE)) return `goal bonded too large: ${goal.toString()}`;
  if (p.blocksPerYear === 0n) return `blocks per year must be positive: ${p.blocksPerYear}`;
  // Beyond the reference (docs/deviations.md): it would divide by a negative int64 and halt in BeginBlock.
  if (p.blocksPerYear > INT64_MAX) return `blocks per year must be at most ${INT64_MAX}: ${p.blocksPerYear}`;
  const max = p.inflationMax as Dec;
  const min = p.inflationMin as Dec;
  if (max.lt(min)) return `max inflation (${max.toString()}) must be greater than or equal to min inflation (${min.toString()})`;
  return undefined;
}

/** Validated input as params. @throws Error with the validation text. */
export function toMintParams(p: MintParamsInput): MintParams {
  const problem = validateMintParams(p);
  if (problem !== undefined) throw new Error(problem);
  return p as MintParams;
}
