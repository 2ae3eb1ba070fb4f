/** `cosmos.gov.v1.MsgVote` and `MsgVoteWeighted` (spec-staking §5.3). */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrInvalidAddress, ErrInvalidRequest } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import {
  type MsgVote, MsgVoteResponseSchema, MsgVoteSchema, type MsgVoteWeighted, MsgVoteWeightedResponseSchema, MsgVoteWeightedSchema,
} from "../../../codec/cosmos/gov/v1/tx_pb.js";
import { Dec } from "../../../math/dec.js";
import { emptyResponse, typeUrlOf } from "../../register/msgs/common.js";
import { accountProblem, parseAccount, signerOf } from "../addresses.js";
import { ErrInvalidVote } from "../errors.js";
import type { GovKeeper } from "../keeper.js";
import { parseDecGo } from "../logic/goText.js";
import {
  WEIGHT_ONE, type WeightedOptionText, isValidVoteOption, isValidWeightedOption, voteOptionName, weightedOptionText, weightedOptionsText,
} from "../logic/voteOptions.js";
import { addVote } from "../votes.js";

function checkVoter(voter: string): void {
  const problem = accountProblem(voter);
  if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid voter address: ${problem.message}`);
}

/** `MsgVote.ValidateBasic` (v1; v1beta1 is the same). */
export function validateVote(voter: string, option: number): void {
  checkVoter(voter);
  if (!isValidVoteOption(option)) throw ErrInvalidVote.wrap(voteOptionName(option));
}

/**
 * `MsgVoteWeighted.ValidateBasic` (v1): at least one option, each valid and not repeated, the weights
 * adding up to exactly 1.
 */
export function validateVoteWeighted(voter: string, options: readonly WeightedOptionText[]): void {
  checkVoter(voter);
  if (options.length === 0) throw ErrInvalidRequest.wrap(weightedOptionsText(options));
  let total = Dec.ZERO;
  const used = new Set<number>();
  for (const o of options) {
    if (!isValidWeightedOption(o)) throw ErrInvalidVote.wrap(weightedOptionText(o));
    const w = parseDecGo(o.weight);
    if ("error" in w) throw ErrInvalidVote.wrap(`Invalid weight: ${w.error}`);
    total = total.add(w.dec);
    if (used.has(o.option)) throw ErrInvalidVote.wrap("Duplicated vote option");
    used.add(o.option);
  }
  if (total.gt(Dec.ONE)) throw ErrInvalidVote.wrap("Total weight overflow 1.00");
  if (total.lt(Dec.ONE)) throw ErrInvalidVote.wrap("Total weight lower than 1.00");
}

export function voteRoute(k: GovKeeper): MsgRoute {
  return msgRoute<MsgVote>({
    typeUrl: typeUrlOf(MsgVoteSchema),
    schema: MsgVoteSchema,
    decode: (bytes) => fromBinary(MsgVoteSchema, bytes),
    validateBasic: (msg) => validateVote(msg.voter, msg.option),
    signers: (msg) => [signerOf(msg.voter)],
    handle(ctx, msg) {
      addVote(k, ctx, msg.proposalId, parseAccount(msg.voter), [{ option: msg.option, weight: WEIGHT_ONE }], msg.metadata);
      return emptyResponse(MsgVoteResponseSchema);
    },
  });
}

export function voteWeightedRoute(k: GovKeeper): MsgRoute {
  return msgRoute<MsgVoteWeighted>({
    typeUrl: typeUrlOf(MsgVoteWeightedSchema),
    schema: MsgVoteWeightedSchema,
    decode: (bytes) => fromBinary(MsgVoteWeightedSchema, bytes),
    validateBasic: (msg) => validateVoteWeighted(msg.voter, msg.options),
    signers: (msg) => [signerOf(msg.voter)],
    handle(ctx, msg) {
      addVote(k, ctx, msg.proposalId, parseAccount(msg.voter), msg.options, msg.metadata);
      return emptyResponse(MsgVoteWeightedResponseSchema);
    },
  });
}
