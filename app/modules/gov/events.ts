/**
 * gov's events (SDK v0.47 `x/gov/types/events.go`): plain SDK events, attributes in the reference's
 * order (spec-staking §0.3, §5.3, §5.6). Indexers and `stchaind q gov` search them by these keys.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { legacyEvent } from "../../baseapp/events.js";

export type ProposalResult = "proposal_dropped" | "proposal_passed" | "proposal_rejected" | "proposal_failed";

/** `proposal_messages` is ",<typeURL1>,<typeURL2>…" (leading comma, as the reference builds it). */
export const submitProposalEvent = (a: { proposal_id: bigint; proposal_messages: string }): Event =>
  legacyEvent("submit_proposal", { proposal_id: a.proposal_id.toString(), proposal_messages: a.proposal_messages });

export const submitProposalVotingStartEvent = (id: bigint): Event => legacyEvent("submit_proposal", { voting_period_start: id.toString() });

export const proposalDepositEvent = (a: { amount: string; proposal_id: bigint }): Event =>
  legacyEvent("proposal_deposit", { amount: a.amount, proposal_id: a.proposal_id.toString() });

export const depositVotingStartEvent = (id: bigint): Event => legacyEvent("proposal_deposit", { voting_period_start: id.toString() });

export const proposalVoteEvent = (a: { voter: string; option: string; proposal_id: bigint }): Event =>
  legacyEvent("proposal_vote", { voter: a.voter, option: a.option, proposal_id: a.proposal_id.toString() });

export const inactiveProposalEvent = (id: bigint, result: ProposalResult): Event =>
  legacyEvent("inactive_proposal", { proposal_id: id.toString(), proposal_result: result });

export const activeProposalEvent = (id: bigint, result: ProposalResult): Event =>
  legacyEvent("active_proposal", { proposal_id: id.toString(), proposal_result: result });
