import { Dec } from "../../../math/dec.js";
import { EmptyMiningValvesError } from "./errors.js";

/**
 * One `MiningRewardParam` (spec-pot §3) with its coin amounts as plain integers in `reward_denom`
 * (the module checks denoms when it validates params). Basis points are out of 10000.
 */
export interface MiningValve {
  readonly totalMinedValveStart: bigint; // inclusive
  readonly totalMinedValveEnd: bigint; // exclusive
  readonly miningReward: bigint; // per accepted report
  readonly blockChainPercentageInBp: bigint;
  readonly resourceNodePercentageInBp: bigint;
  readonly metaNodePercentageInBp: bigint;
}

export interface ValveSelection {
  readonly valve: MiningValve;
  /** No valve contains total_mined_token: `valve` is then the last one (ErrOutOfIssuance in Go). */
  readonly outOfIssuance: boolean;
}

/**
 * `GetMiningRewardParamByMinedToken` (§3): the first valve in list order with start ≤ mined < end;
 * if none matches, the last valve with `outOfIssuance = true`.
 * @throws EmptyMiningValvesError for an empty list (the reference panics on index -1)
 */
export function selectMiningValve(valves: readonly MiningValve[], totalMinedToken: bigint): ValveSelection {
  const last = valves[valves.length - 1];
  if (last === undefined) throw new EmptyMiningValvesError();
  for (const valve of valves) {
    if (totalMinedToken >= valve.totalMinedValveStart && totalMinedToken < valve.totalMinedValveEnd) {
      return { valve, outOfIssuance: false };
    }
  }
  return { valve: last, outOfIssuance: true };
}

/** `GetTotalMining` (§3): the last valve's end. */
export function totalMining(valves: readonly MiningValve[]): bigint {
  const last = valves[valves.length - 1];
  if (last === undefined) throw new EmptyMiningValvesError();
  return last.totalMinedValveEnd;
}

const BP_DENOMINATOR = Dec.fromInt(10000n);

/** `pct(x, bp) = trunc(quo(mul(x, toDec(bp)), toDec(10000)))` (§5.3 step 3). */
export function percentInBp(x: Dec, bp: bigint): bigint {
  return x.mul(Dec.fromInt(bp)).quo(BP_DENOMINATOR).truncateInt();
}

/** The three slices of an amount under a valve's basis points (§5.3 steps 3 and 4). */
export interface ValveSplit {
  readonly blockChain: bigint;
  readonly resourceNode: bigint;
  readonly metaNode: bigint;
}

export function splitByValve(x: Dec, valve: MiningValve): ValveSplit {
  return {
    blockChain: percentInBp(x, valve.blockChainPercentageInBp),
    resourceNode: percentInBp(x, valve.resourceNodePercentageInBp),
    metaNode: percentInBp(x, valve.metaNodePercentageInBp),
  };
}
