/**
 * `cosmos.gov.v1beta1.Query` (spec-staking §5.7): the v1 answers converted to the legacy shapes, as the
 * reference's legacy query server does. CosmJS's `setupGovExtension` and explorers' default configs
 * use these. A proposal with other than exactly one message cannot be converted, and makes Proposal
 * and Proposals fail (QUIRK kept: spec-staking §15 item 7).
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { type Any, AnySchema, DurationSchema, type Timestamp, TimestampSchema } from "@bufbuild/protobuf/wkt";
import { ErrInvalidType } from "../../baseapp/errors.js";
import { unary } from "../../baseapp/grpcQuery.js";
import type { QueryHandler } from "../../baseapp/queryRouter.js";
import type { Proposal as ProposalV1, TallyResult as TallyV1, Vote as VoteV1, Deposit as DepositV1 } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { MsgExecLegacyContentSchema } from "../../codec/cosmos/gov/v1/tx_pb.js";
import {
  type Deposit, DepositParamsSchema, DepositSchema, type Proposal, ProposalSchema, type TallyResult, TallyParamsSchema, TallyResultSchema, type Vote,
  VoteSchema, VotingParamsSchema, WeightedVoteOptionSchema,
} from "../../codec/cosmos/gov/v1beta1/gov_pb.js";
import { Query } from "../../codec/cosmos/gov/v1beta1/query_pb.js";
import { Coins } from "../../math/coins.js";
import { parseIntSdk } from "../../math/int.js";
import { utf8 } from "../../store/bytes.js";
import type { GovKeeper } from "./keeper.js";
import { coinFromProto, coinToProto } from "./params.js";
import { MSG_EXEC_LEGACY_CONTENT_TYPE_URL } from "./proposals.js";
import { type GovQueries, govQueries } from "./queries.js";
import { parseDecGo } from "./logic/goText.js";

/** Go's zero `time.Time`: what a non-nullable v1beta1 timestamp holds when the v1 one is unset. */
const GO_ZERO_TIME: Timestamp = create(TimestampSchema, { seconds: -62135596800n, nanos: 0 });

const sorted = (coins: ProposalV1["totalDeposit"]) => Coins.fromArray(coins.map(coinFromProto)).toArray().map(coinToProto);

function intText(text: string, name: string): string {
  try {
    return parseIntSdk(text).toString();
  } catch {
    throw new Error(`unable to convert ${name} tally string (${text}) to int`);
  }
}

export function legacyTally(t: TallyV1 | undefined): TallyResult {
  if (t === undefined) throw new Error("unable to convert a missing tally");
  return create(TallyResultSchema, {
    yes: intText(t.yesCount, "yes"),
    no: intText(t.noCount, "no"),
    noWithVeto: intText(t.noWithVetoCount, "no with veto"),
    abstain: intText(t.abstainCount, "abstain"),
  });
}

/** `ConvertToLegacyProposal`. @throws ErrInvalidType when the proposal does not hold exactly one message. */
export function legacyProposal(p: ProposalV1): Proposal {
  const tally = legacyTally(p.finalTallyResult);
  if (p.messages.length !== 1) {
    throw ErrInvalidType.wrap("can't convert a gov/v1 Proposal to gov/v1beta1 Proposal when amount of proposal messages not exactly one");
  }
  const only = p.messages[0]!;
  let content: Any = only;
  if (only.typeUrl === MSG_EXEC_LEGACY_CONTENT_TYPE_URL) {
    const exec = fromBinary(MsgExecLegacyContentSchema, only.value);
    content = exec.content ?? create(AnySchema);
  }
  return create(ProposalSchema, {
    proposalId: p.id,
    content,
    status: p.status,
    finalTallyResult: tally,
    submitTime: p.submitTime ?? GO_ZERO_TIME,
    depositEndTime: p.depositEndTime ?? GO_ZERO_TIME,
    totalDeposit: sorted(p.totalDeposit),
    votingStartTime: p.votingStartTime ?? GO_ZERO_TIME,
    votingEndTime: p.votingEndTime ?? GO_ZERO_TIME,
  });
}

/** `ConvertToLegacyVote`: weights become Dec (raw scaled integer on the wire); the single `option` stays 0. */
export function legacyVote(v: VoteV1): Vote {
  return create(VoteSchema, {
    proposalId: v.proposalId,
    voter: v.voter,
    options: v.options.map((o) => {
      const w = parseDecGo(o.weight);
      if ("error" in w) throw new Error(w.error);
      return create(WeightedVoteOptionSchema, { option: o.option, weight: w.dec.toProtoString() });
    }),
  });
}

export const legacyDeposit = (d: DepositV1): Deposit =>
  create(DepositSchema, { proposalId: d.proposalId, depositor: d.depositor, amount: sorted(d.amount) });

/** Dec text as the raw-integer bytes of a v1beta1 TallyParams field. */
function decBytes(text: string): Uint8Array {
  const d = parseDecGo(text);
  if ("error" in d) throw new Error(d.error);
  return utf8(d.dec.toProtoString());
}

export function govV1beta1QueryHandlers(k: GovKeeper, q: GovQueries = govQueries(k)): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.proposal, (ctx, req) => ({ proposal: legacyProposal(q.proposal(ctx, req.proposalId)) })),
    unary(m.proposals, (ctx, req, bytes) => {
      const r = q.proposals(ctx, req, bytes, 4);
      return { proposals: r.proposals.map(legacyProposal), pagination: r.pagination };
    }),
    unary(m.vote, (ctx, req) => ({ vote: legacyVote(q.vote(ctx, req.proposalId, req.voter)) })),
    unary(m.votes, (ctx, req, bytes) => {
      const r = q.votes(ctx, req.proposalId, req, bytes);
      return { votes: r.votes.map(legacyVote), pagination: r.pagination };
    }),
    unary(m.params, (ctx, req) => {
      const type = q.checkParamsType(req.paramsType);
      const p = k.getParamsProto(ctx);
      // Non-nullable in v1beta1: the blocks not asked for are sent zero-valued (Dec zero is "0").
      return {
        depositParams: type === "deposit"
          ? create(DepositParamsSchema, { minDeposit: sorted(p.minDeposit), maxDepositPeriod: p.maxDepositPeriod ?? create(DurationSchema) })
          : create(DepositParamsSchema, { maxDepositPeriod: create(DurationSchema) }),
        votingParams: create(VotingParamsSchema, { votingPeriod: (type === "voting" ? p.votingPeriod : undefined) ?? create(DurationSchema) }),
        tallyParams: type === "tallying"
          ? create(TallyParamsSchema, { quorum: decBytes(p.quorum), threshold: decBytes(p.threshold), vetoThreshold: decBytes(p.vetoThreshold) })
          : create(TallyParamsSchema, { quorum: utf8("0"), threshold: utf8("0"), vetoThreshold: utf8("0") }),
      };
    }),
    unary(m.deposit, (ctx, req) => ({ deposit: legacyDeposit(q.deposit(ctx, req.proposalId, req.depositor)) })),
    unary(m.deposits, (ctx, req, bytes) => {
      const r = q.deposits(ctx, req.proposalId, req, bytes);
      return { deposits: r.deposits.map(legacyDeposit), pagination: r.pagination };
    }),
    unary(m.tallyResult, (ctx, req) => ({ tally: legacyTally(q.tally(ctx, req.proposalId)) })),
  ]);
}
