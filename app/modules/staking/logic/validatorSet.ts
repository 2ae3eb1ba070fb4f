/**
 * The validator-set computation of every EndBlock (SDK `ApplyAndReturnValidatorSetUpdates`,
 * spec-staking §1.6), as a pure function over the power ranking and the last set; the keeper applies
 * the state changes it lists in the order it lists them.
 *
 * 1. Walk the ranking from the top (power desc, lower operator first) for at most `maxValidators`
 *    entries, stopping at the first zero power: each is in the new set. It needs bonding if it is not
 *    Bonded; it needs an update if CometBFT does not have it at this power.
 * 2. Every operator of the last set that is not in the new set leaves it, in ascending operator byte
 *    order, with a power-0 update: removals after the additions and changes.
 *
 * One port-only rule (docs/deviations.md "staking"): CometBFT halts when a set's total power exceeds
 * MaxTotalVotingPower (MaxInt64 / 8). The walk stops before the validator whose power would pass it,
 * so the set handed to CometBFT always fits; the messages refuse to get there in the first place
 * (votingPowerLimit.ts), so this only matters for a genesis or a params change.
 */
import { compareBytes } from "../../../store/bytes.js";

/** CometBFT `types.MaxTotalVotingPower`: MaxInt64 / 8. */
export const MAX_TOTAL_VOTING_POWER = ((1n << 63n) - 1n) / 8n;

/** One entry of the power ranking, as the walk needs it. */
export interface RankedValidator {
  readonly operator: Uint8Array;
  /** trunc(tokens / 10^15), whatever the status. */
  readonly potentialPower: bigint;
  readonly bonded: boolean;
  readonly jailed: boolean;
}

export interface SetMember {
  readonly operator: Uint8Array;
  readonly power: bigint;
  /** Not Bonded yet: the keeper bonds it (its tokens move to the bonded pool). */
  readonly entering: boolean;
  /** CometBFT does not have it at this power: an update, and a new last power. */
  readonly changed: boolean;
}

export interface ValidatorSetChanges {
  /** The new set in ranking order. */
  readonly members: readonly SetMember[];
  /** Operators of the last set no longer in it, ascending bytes: each goes Bonded → Unbonding. */
  readonly leaving: readonly Uint8Array[];
  /** Σ power of the new set. */
  readonly totalPower: bigint;
  /** True if the voting-power limit stopped the walk before max_validators or a zero power. */
  readonly capped: boolean;
}

/** Thrown where the reference panics: the ranking holds a jailed validator (a broken index). */
export class JailedInRankingError extends Error {
  override readonly name = "JailedInRankingError";
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

/**
 * @param ranking the power index from the top; consumed lazily (the walk stops early).
 * @param lastPowers operator (hex) → the power CometBFT has.
 */
export function computeValidatorSetChanges(
  ranking: Iterable<RankedValidator>,
  lastPowers: ReadonlyMap<string, bigint>,
  maxValidators: number,
  maxTotalPower: bigint = MAX_TOTAL_VOTING_POWER,
): ValidatorSetChanges {
  const remaining = new Map(lastPowers);
  const members: SetMember[] = [];
  let totalPower = 0n;
  let capped = false;
  for (const v of ranking) {
    if (members.length >= maxValidators) break;
    if (v.jailed) throw new JailedInRankingError("should never retrieve a jailed validator from the power store");
    if (v.potentialPower === 0n) break;
    if (totalPower + v.potentialPower > maxTotalPower) {
      capped = true;
      break;
    }
    const key = hex(v.operator);
    const last = remaining.get(key);
    members.push({ operator: v.operator, power: v.potentialPower, entering: !v.bonded, changed: last !== v.potentialPower });
    remaining.delete(key);
    totalPower += v.potentialPower;
  }
  // Hex strings of the operators compare like their bytes.
  const leaving = [...remaining.keys()].sort().map((k) => new Uint8Array(Buffer.from(k, "hex")));
  return { members, leaving, totalPower, capped };
}

/** The update list CometBFT receives: changed members in ranking order, then the leaving ones at power 0. */
export function updateOrder(changes: ValidatorSetChanges): Array<{ readonly operator: Uint8Array; readonly power: bigint }> {
  return [
    ...changes.members.filter((m) => m.changed).map((m) => ({ operator: m.operator, power: m.power })),
    ...changes.leaving.map((operator) => ({ operator, power: 0n })),
  ];
}

/** CometBFT's order of a validator set (historical info): power desc, then consensus address asc. */
export function compareByVotingPower(
  a: { readonly power: bigint; readonly consensusAddress: Uint8Array },
  b: { readonly power: bigint; readonly consensusAddress: Uint8Array },
): number {
  if (a.power !== b.power) return a.power > b.power ? -1 : 1;
  return compareBytes(a.consensusAddress, b.consensusAddress);
}
