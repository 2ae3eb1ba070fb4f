/**
 * The gov tally (spec-staking §5.5; SDK v0.47 `x/gov/keeper/tally.go`), pure: the keeper gathers the
 * bonded validators, the votes and each voter's delegations, this decides. All arithmetic is the SDK's
 * LegacyDec: voting power = Quo(MulInt(shares, bonded tokens), validator shares), per option
 * Mul(power, weight); comparisons on the Dec sums, the reported counts truncated.
 */
import { Dec } from "../../../math/dec.js";
import { hexOf } from "../../../store/bytes.js";

export const VOTE_OPTION = { yes: 1, abstain: 2, no: 3, noWithVeto: 4 } as const;
export type VoteOptionNumber = (typeof VOTE_OPTION)[keyof typeof VOTE_OPTION];

export interface TallyValidator {
  /** Operator address bytes (= the operator's account bytes). */
  readonly operator: Uint8Array;
  readonly bondedTokens: bigint;
  readonly delegatorShares: Dec;
}

export interface TallyVote {
  readonly voter: Uint8Array;
  readonly options: ReadonlyArray<{ readonly option: VoteOptionNumber; readonly weight: Dec }>;
  /** Every delegation of the voter (to any validator; only the bonded ones count). */
  readonly delegations: ReadonlyArray<{ readonly validator: Uint8Array; readonly shares: Dec }>;
}

export interface TallyRules {
  readonly quorum: Dec;
  readonly threshold: Dec;
  readonly vetoThreshold: Dec;
  readonly burnVoteQuorum: boolean;
  readonly burnVoteVeto: boolean;
}

export interface OptionTotals<T> {
  readonly yes: T;
  readonly abstain: T;
  readonly no: T;
  readonly noWithVeto: T;
}

export type TallyReason = "no bonded stake" | "quorum not met" | "all abstain" | "veto" | "threshold not met" | "passed";

export interface TallyOutcome {
  readonly passes: boolean;
  readonly burnDeposits: boolean;
  readonly reason: TallyReason;
  /** The stored `final_tally_result`: each option's power truncated to an integer. */
  readonly counts: OptionTotals<bigint>;
  readonly powers: OptionTotals<Dec>;
  readonly totalVotingPower: Dec;
  /** total / bonded, when there is bonded stake. */
  readonly turnout?: Dec;
  /** veto / total, when the quorum is met and not everyone abstained. */
  readonly vetoRatio?: Dec;
  /** yes / (total − abstain), when not vetoed. */
  readonly yesRatio?: Dec;
}

interface Snapshot {
  readonly validator: TallyValidator;
  deductions: Dec;
  vote: TallyVote["options"] | undefined;
}

/**
 * @param validators the bonded validators (power-index order, at most max_validators)
 * @param votes the proposal's votes in store order (by voter bytes)
 * @param totalBonded the bonded pool's balance (staking `TotalBondedTokens`)
 */
export function tallyVotes(validators: readonly TallyValidator[], votes: readonly TallyVote[], totalBonded: bigint, rules: TallyRules): TallyOutcome {
  const snapshot = new Map<string, Snapshot>();
  for (const v of validators) snapshot.set(hexOf(v.operator), { validator: v, deductions: Dec.ZERO, vote: undefined });

  const sums = new Map<VoteOptionNumber, Dec>([[1, Dec.ZERO], [2, Dec.ZERO], [3, Dec.ZERO], [4, Dec.ZERO]]);
  const add = (option: VoteOptionNumber, power: Dec): void => {
    sums.set(option, (sums.get(option) ?? Dec.ZERO).add(power));
  };
  let total = Dec.ZERO;

  for (const vote of votes) {
    // A validator's own vote is remembered and applied to the shares its delegators did not vote with.
    const asValidator = snapshot.get(hexOf(vote.voter));
    if (asValidator) asValidator.vote = vote.options;
    for (const d of vote.delegations) {
      const val = snapshot.get(hexOf(d.validator));
      if (!val) continue; // delegated to a validator that is not bonded
      val.deductions = val.deductions.add(d.shares);
      const power = d.shares.mulInt(val.validator.bondedTokens).quo(val.validator.delegatorShares);
      for (const o of vote.options) add(o.option, power.mul(o.weight));
      total = total.add(power);
    }
  }

  // Additions are exact, so the order of the validators does not matter here.
  for (const val of snapshot.values()) {
    if (val.vote === undefined || val.vote.length === 0) continue;
    const shares = val.validator.delegatorShares.sub(val.deductions);
    const power = shares.mulInt(val.validator.bondedTokens).quo(val.validator.delegatorShares);
    for (const o of val.vote) add(o.option, power.mul(o.weight));
    total = total.add(power);
  }

  const powers: OptionTotals<Dec> = { yes: sums.get(1)!, abstain: sums.get(2)!, no: sums.get(3)!, noWithVeto: sums.get(4)! };
  const counts: OptionTotals<bigint> = {
    yes: powers.yes.truncateInt(), abstain: powers.abstain.truncateInt(), no: powers.no.truncateInt(), noWithVeto: powers.noWithVeto.truncateInt(),
  };
  const base = { counts, powers, totalVotingPower: total };

  if (totalBonded === 0n) return { ...base, passes: false, burnDeposits: false, reason: "no bonded stake" };
  const turnout = total.quo(Dec.fromInt(totalBonded));
  if (turnout.lt(rules.quorum)) return { ...base, turnout, passes: false, burnDeposits: rules.burnVoteQuorum, reason: "quorum not met" };
  const nonAbstaining = total.sub(powers.abstain);
  if (nonAbstaining.isZero()) return { ...base, turnout, passes: false, burnDeposits: false, reason: "all abstain" };
  const vetoRatio = powers.noWithVeto.quo(total);
  if (vetoRatio.gt(rules.vetoThreshold)) return { ...base, turnout, vetoRatio, passes: false, burnDeposits: rules.burnVoteVeto, reason: "veto" };
  const yesRatio = powers.yes.quo(nonAbstaining);
  if (yesRatio.gt(rules.threshold)) return { ...base, turnout, vetoRatio, yesRatio, passes: true, burnDeposits: false, reason: "passed" };
  return { ...base, turnout, vetoRatio, yesRatio, passes: false, burnDeposits: false, reason: "threshold not met" };
}
