/** `AddVote` (spec-staking §5.3; SDK v0.47 `x/gov/keeper/vote.go`): a vote replaces the voter's earlier one. */
import { create } from "@bufbuild/protobuf";
import type { Context } from "../../baseapp/context.js";
import { VoteSchema, WeightedVoteOptionSchema } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { accountString } from "./addresses.js";
import { ErrInactiveProposal, ErrInvalidVote } from "./errors.js";
import { proposalVoteEvent } from "./events.js";
import type { GovKeeper } from "./keeper.js";
import { assertMetadataLength } from "./proposals.js";
import { type WeightedOptionText, isValidWeightedOption, weightedOptionText, weightedOptionsText } from "./logic/voteOptions.js";

export function addVote(k: GovKeeper, ctx: Context, id: bigint, voter: Uint8Array, options: readonly WeightedOptionText[], metadata: string): void {
  // An unknown proposal is "inactive" too: only the voting-period marker is looked at.
  if (!k.isInVotingPeriod(ctx, id)) throw ErrInactiveProposal.wrap(`${id}`);
  assertMetadataLength(metadata);
  for (const o of options) {
    if (!isValidWeightedOption(o)) throw ErrInvalidVote.wrap(weightedOptionText(o));
  }
  const voterText = accountString(voter);
  k.setVote(ctx, voter, create(VoteSchema, {
    proposalId: id,
    voter: voterText,
    options: options.map((o) => create(WeightedVoteOptionSchema, { option: o.option, weight: o.weight })),
    metadata,
  }));
  ctx.emit(proposalVoteEvent({ voter: voterText, option: weightedOptionsText(options), proposal_id: id }));
}
