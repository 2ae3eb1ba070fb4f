/**
 * The keeper side of the tally (SDK v0.47 `Keeper.Tally`): gathers the bonded validators, the
 * proposal's votes and the voters' delegations from staking, runs the pure tally (logic/tally.ts) and,
 * at voting end, deletes the votes. The TallyResult query runs it without deleting anything.
 */
import { create } from "@bufbuild/protobuf";
import type { Context, ReadContext } from "../../baseapp/context.js";
import { type Proposal, type TallyResult, TallyResultSchema } from "../../codec/cosmos/gov/v1/gov_pb.js";
import type { GovKeeper } from "./keeper.js";
import { parseGovParams } from "./params.js";
import { parseDecGo } from "./logic/goText.js";
import { type TallyOutcome, type TallyVote, type VoteOptionNumber, tallyVotes } from "./logic/tally.js";
import { isValidVoteOption } from "./logic/voteOptions.js";

export function tallyProposal(k: GovKeeper, ctx: ReadContext, proposal: Proposal): TallyOutcome {
  return tally(k, ctx, proposal, undefined);
}

/** The tally at voting end: the proposal's votes are deleted as they are counted. */
export function tallyAndDeleteVotes(k: GovKeeper, ctx: Context, proposal: Proposal): TallyOutcome {
  return tally(k, ctx, proposal, ctx);
}

function tally(k: GovKeeper, ctx: ReadContext, proposal: Proposal, deleteIn: Context | undefined): TallyOutcome {
  const staking = k.deps.staking;
  const validators = [...staking.bondedValidatorsByPower(ctx)].map((v) => ({
    operator: v.operator, bondedTokens: v.tokens, delegatorShares: v.delegatorShares,
  }));
  const votes: TallyVote[] = [];
  for (const { voter, vote } of k.votesOf(ctx, proposal.id)) {
    votes.push({
      voter,
      options: vote.options.map((o) => {
        const w = parseDecGo(o.weight);
        // Votes are checked when cast and at genesis; a bad one here is corrupt state.
        if ("error" in w || !isValidVoteOption(o.option)) throw new Error(`gov: proposal ${proposal.id} holds an invalid vote option ${o.option}/${o.weight}`);
        return { option: o.option as VoteOptionNumber, weight: w.dec };
      }),
      delegations: [...staking.delegatorDelegations(ctx, voter)].map((d) => ({ validator: d.validator, shares: d.shares })),
    });
    if (deleteIn) k.deleteVote(deleteIn, proposal.id, voter);
  }
  const params = k.getParams(ctx);
  const parsed = parseGovParams(params);
  return tallyVotes(validators, votes, staking.totalBondedTokens(ctx), {
    quorum: parsed.quorum,
    threshold: parsed.threshold,
    vetoThreshold: parsed.vetoThreshold,
    burnVoteQuorum: params.burnVoteQuorum,
    burnVoteVeto: params.burnVoteVeto,
  });
}

/** The stored / queried form of a tally. */
export function tallyResultOf(o: TallyOutcome): TallyResult {
  return create(TallyResultSchema, {
    yesCount: o.counts.yes.toString(),
    abstainCount: o.counts.abstain.toString(),
    noCount: o.counts.no.toString(),
    noWithVetoCount: o.counts.noWithVeto.toString(),
  });
}

export const EMPTY_TALLY_RESULT = (): TallyResult => create(TallyResultSchema, { yesCount: "0", abstainCount: "0", noCount: "0", noWithVetoCount: "0" });
