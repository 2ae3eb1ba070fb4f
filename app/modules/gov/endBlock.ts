/**
 * gov's EndBlock (spec-staking §5.6; SDK v0.47 `x/gov/abci.go`). It runs before staking's EndBlock
 * (spec-staking §0.5), so a passed staking MsgUpdateParams takes effect in the same block's
 * validator-set update.
 *
 * 1. Proposals whose deposit period ended are deleted, their deposits refunded (or burned with
 *    `burn_proposal_deposit_prevote`): `inactive_proposal{proposal_dropped}`.
 * 2. Proposals whose voting period ended are tallied; deposits are burned or refunded as the tally
 *    says; a passing proposal's messages run in order, through the app's message router, in a branch
 *    of the block state that is written only if every one succeeds (PASSED, their events follow);
 *    otherwise nothing of them stays (FAILED). `active_proposal{proposal_passed|rejected|failed}`.
 */
import type { Context } from "../../baseapp/context.js";
import { TxError } from "../../baseapp/errors.js";
import { EventManager } from "../../baseapp/events.js";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { type Proposal, ProposalStatus } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { fromTimestamp } from "../register/logic/time.js";
import { deleteAndBurnDeposits, refundAndDeleteDeposits } from "./deposits.js";
import { type ProposalResult, activeProposalEvent, inactiveProposalEvent } from "./events.js";
import type { GovKeeper } from "./keeper.js";
import { decodeProposalMessages } from "./proposalMessages.js";
import { tallyAndDeleteVotes, tallyResultOf } from "./tally.js";
import { blockTimeOf } from "./time.js";

export function govEndBlock(k: GovKeeper, ctx: Context): void {
  const now = blockTimeOf(ctx);

  for (const id of k.dueIds(ctx, "inactive", now)) {
    const proposal = mustGet(k, ctx, id);
    k.deleteProposal(ctx, proposal.id);
    if (k.getParams(ctx).burnProposalDepositPrevote) deleteAndBurnDeposits(k, ctx, proposal.id);
    else refundAndDeleteDeposits(k, ctx, proposal.id);
    ctx.emit(inactiveProposalEvent(proposal.id, "proposal_dropped"));
  }

  for (const id of k.dueIds(ctx, "active", now)) {
    const proposal = mustGet(k, ctx, id);
    const outcome = tallyAndDeleteVotes(k, ctx, proposal);
    if (outcome.burnDeposits) deleteAndBurnDeposits(k, ctx, proposal.id);
    else refundAndDeleteDeposits(k, ctx, proposal.id);

    let result: ProposalResult;
    if (outcome.passes) {
      const executed = executeMessages(k, ctx, proposal);
      if (executed.ok) {
        proposal.status = ProposalStatus.PASSED;
        result = "proposal_passed";
        ctx.events.emitAll(executed.events);
      } else {
        proposal.status = ProposalStatus.FAILED;
        result = "proposal_failed";
        k.deps.onProposalFailed?.(proposal.id, executed.reason);
      }
    } else {
      proposal.status = ProposalStatus.REJECTED;
      result = "proposal_rejected";
    }
    proposal.finalTallyResult = tallyResultOf(outcome);
    k.setProposal(ctx, proposal);
    if (proposal.votingEndTime) k.removeFromQueue(ctx, "active", proposal.id, fromTimestamp(proposal.votingEndTime));
    ctx.emit(activeProposalEvent(proposal.id, result));
  }
}

function mustGet(k: GovKeeper, ctx: Context, id: bigint): Proposal {
  const p = k.getProposal(ctx, id);
  if (p === undefined) throw new Error(`proposal ${id} does not exist`);
  return p;
}

type Execution = { readonly ok: true; readonly events: readonly Event[] } | { readonly ok: false; readonly reason: string };

/**
 * The proposal's messages, each with its ValidateBasic and handler as the message router runs them,
 * the gov account being their signer. A thrown error of any kind — a registered error, a decode
 * failure, a bug (the reference recovers panics here) — fails the proposal and discards the branch.
 */
function executeMessages(k: GovKeeper, ctx: Context, proposal: Proposal): Execution {
  const branch = ctx.multiStore.branch();
  const events: Event[] = [];
  let index = 0;
  let typeUrl = "";
  try {
    const messages = decodeProposalMessages(k.deps.router, proposal.messages);
    for (const [i, { any, msg }] of messages.entries()) {
      index = i;
      typeUrl = any.typeUrl;
      const sink = new EventManager();
      msg.validateBasic();
      msg.execute(ctx.withMultiStore(branch, sink));
      events.push(...sink.events);
    }
  } catch (e) {
    branch.discard();
    const text = e instanceof TxError ? e.message : `handling x/gov proposal msg [${typeUrl}] PANICKED: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, reason: `passed, but msg ${index} (${typeUrl}) failed on execution: ${text}` };
  }
  branch.write();
  return { ok: true, events };
}
