/**
 * The handler both submit messages end in (v1 `msgServer.SubmitProposal`; the v1beta1 message is
 * converted to it): initial-deposit ratio, the proposal itself, the reference's extra gas for its size,
 * then the proposer's deposit.
 */
import { toBinary } from "@bufbuild/protobuf";
import type { Context } from "../../../baseapp/context.js";
import { ProposalSchema } from "../../../codec/cosmos/gov/v1/gov_pb.js";
import { DEFAULT_KV_GAS_CONFIG } from "../../../store/types.js";
import type { MsgCoin } from "../coins.js";
import { addDeposit, validateInitialDeposit } from "../deposits.js";
import { submitProposalVotingStartEvent } from "../events.js";
import type { GovKeeper } from "../keeper.js";
import type { ProposalMessage } from "../proposalMessages.js";
import { submitProposal } from "../proposals.js";
import { parseAccount } from "../addresses.js";

export interface SubmitRequest {
  readonly messages: readonly ProposalMessage[];
  readonly initialDeposit: readonly MsgCoin[];
  readonly proposer: string;
  readonly metadata: string;
  readonly title: string;
  readonly summary: string;
}

/** @returns the new proposal's id. */
export function handleSubmit(k: GovKeeper, ctx: Context, r: SubmitRequest): bigint {
  // ValidateBasic has refused nil amounts already (a panic there).
  const initial = r.initialDeposit.map((c) => ({ denom: c.denom, amount: c.amount ?? 0n }));
  validateInitialDeposit(k, ctx, initial);
  const proposer = parseAccount(r.proposer);
  const proposal = submitProposal(k, ctx, { messages: r.messages, metadata: r.metadata, title: r.title, summary: r.summary, proposer });
  // SDK issue 9683: storing a proposal costs three times its write gas.
  ctx.gasMeter.consumeGas(3n * DEFAULT_KV_GAS_CONFIG.writeCostPerByte * BigInt(toBinary(ProposalSchema, proposal).length), "submit proposal");
  if (addDeposit(k, ctx, proposal.id, proposer, initial)) ctx.emit(submitProposalVotingStartEvent(proposal.id));
  return proposal.id;
}
