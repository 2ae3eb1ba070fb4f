/**
 * `cosmos.gov.v1.Query` (spec-staking §5.7; SDK v0.47 `x/gov/keeper/grpc_query.go`): request checks
 * first, with the reference's texts and gRPC status kinds.
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { queryAddress, unary } from "../../baseapp/grpcQuery.js";
import { PaginationError, filteredPaginate, pageQueryFrom, paginate } from "../../baseapp/pagination.js";
import { type QueryHandler, QueryError, invalidArgument, notFound } from "../../baseapp/queryRouter.js";
import { PageResponseSchema } from "../../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import {
  type Deposit, DepositParamsSchema, DepositSchema, type Proposal, ProposalSchema, ProposalStatus, type TallyResult, TallyParamsSchema,
  type Vote, VoteSchema, VotingParamsSchema,
} from "../../codec/cosmos/gov/v1/gov_pb.js";
import { Query } from "../../codec/cosmos/gov/v1/query_pb.js";
import { BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { AddressError } from "../../crypto/address.js";
import type { ReadContext } from "../../baseapp/context.js";
import { GOV_STORE_KEY, PROPOSALS_PREFIX, depositsPrefix, votesPrefix } from "./keys.js";
import type { GovKeeper } from "./keeper.js";
import { EMPTY_TALLY_RESULT, tallyProposal, tallyResultOf } from "./tally.js";

const parseAcc = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.account);

/** A returned (non-status) error of the pager or a filter, which the reference reports as Internal. */
function internal<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof PaginationError || e instanceof AddressError) throw new QueryError("Internal", e.message);
    throw e;
  }
}

const pageResponse = (p: { nextKey: Uint8Array; total: bigint }) => create(PageResponseSchema, { nextKey: p.nextKey, total: p.total });

export type ParamsType = "voting" | "deposit" | "tallying";

/** The v1 query logic, shared with the v1beta1 server (which converts the answers). */
export interface GovQueries {
  proposal(ctx: ReadContext, id: bigint): Proposal;
  proposals(ctx: ReadContext, req: ProposalsRequest, bytes: Uint8Array, pageField: number): { proposals: Proposal[]; pagination: ReturnType<typeof pageResponse> };
  vote(ctx: ReadContext, id: bigint, voter: string): Vote;
  votes(ctx: ReadContext, id: bigint, req: { pagination?: PageLike }, bytes: Uint8Array): { votes: Vote[]; pagination: ReturnType<typeof pageResponse> };
  deposit(ctx: ReadContext, id: bigint, depositor: string): Deposit;
  deposits(ctx: ReadContext, id: bigint, req: { pagination?: PageLike }, bytes: Uint8Array): { deposits: Deposit[]; pagination: ReturnType<typeof pageResponse> };
  tally(ctx: ReadContext, id: bigint): TallyResult;
  checkParamsType(type: string): ParamsType;
}

interface PageLike {
  readonly key: Uint8Array;
  readonly offset: bigint;
  readonly limit: bigint;
  readonly countTotal: boolean;
  readonly reverse: boolean;
}

export interface ProposalsRequest {
  readonly proposalStatus: number;
  readonly voter: string;
  readonly depositor: string;
  readonly pagination?: PageLike | undefined;
}

const VALID_STATUSES = new Set<number>([
  ProposalStatus.DEPOSIT_PERIOD, ProposalStatus.VOTING_PERIOD, ProposalStatus.PASSED, ProposalStatus.REJECTED, ProposalStatus.FAILED,
]);

export function govQueries(k: GovKeeper): GovQueries {
  const requireId = (id: bigint): void => {
    if (id === 0n) throw invalidArgument("proposal id can not be 0");
  };
  return {
    proposal(ctx, id) {
      requireId(id);
      const p = k.getProposal(ctx, id);
      if (p === undefined) throw notFound(`proposal ${id} doesn't exist`);
      return p;
    },

    proposals(ctx, req, bytes, pageField) {
      const proposals: Proposal[] = [];
      const page = internal(() =>
        filteredPaginate(ctx.kv(GOV_STORE_KEY), PROPOSALS_PREFIX, pageQueryFrom(bytes, pageField, req.pagination), (_key, value, accumulate) => {
          const p = fromBinary(ProposalSchema, value);
          if (VALID_STATUSES.has(req.proposalStatus) && p.status !== req.proposalStatus) return false;
          if (req.voter.length > 0 && k.getVote(ctx, p.id, parseAcc(req.voter)) === undefined) return false;
          if (req.depositor.length > 0 && k.getDeposit(ctx, p.id, parseAcc(req.depositor)) === undefined) return false;
          if (accumulate) proposals.push(p);
          return true;
        }),
      );
      return { proposals, pagination: pageResponse(page) };
    },

    vote(ctx, id, voter) {
      requireId(id);
      if (voter === "") throw invalidArgument("empty voter address");
      const v = k.getVote(ctx, id, queryAddress(parseAcc, voter));
      if (v === undefined) throw invalidArgument(`voter: ${voter} not found for proposal: ${id}`);
      return v;
    },

    votes(ctx, id, req, bytes) {
      requireId(id);
      const votes: Vote[] = [];
      const page = internal(() =>
        paginate(ctx.kv(GOV_STORE_KEY), votesPrefix(id), pageQueryFrom(bytes, 2, req.pagination), (_key, value) => {
          votes.push(fromBinary(VoteSchema, value));
        }),
      );
      return { votes, pagination: pageResponse(page) };
    },

    deposit(ctx, id, depositor) {
      requireId(id);
      if (depositor === "") throw invalidArgument("empty depositor address");
      const d = k.getDeposit(ctx, id, queryAddress(parseAcc, depositor));
      if (d === undefined) throw invalidArgument(`depositer: ${depositor} not found for proposal: ${id}`);
      return d;
    },

    deposits(ctx, id, req, bytes) {
      requireId(id);
      const deposits: Deposit[] = [];
      const page = internal(() =>
        paginate(ctx.kv(GOV_STORE_KEY), depositsPrefix(id), pageQueryFrom(bytes, 2, req.pagination), (_key, value) => {
          deposits.push(fromBinary(DepositSchema, value));
        }),
      );
      return { deposits, pagination: pageResponse(page) };
    },

    tally(ctx, id) {
      requireId(id);
      const p = k.getProposal(ctx, id);
      if (p === undefined) throw notFound(`proposal ${id} doesn't exist`);
      switch (p.status) {
        case ProposalStatus.DEPOSIT_PERIOD:
          return EMPTY_TALLY_RESULT();
        case ProposalStatus.PASSED:
        case ProposalStatus.REJECTED:
        case ProposalStatus.FAILED:
          return p.finalTallyResult ?? EMPTY_TALLY_RESULT();
        default:
          // In its voting period: a live tally, nothing written.
          return tallyResultOf(tallyProposal(k, ctx, p));
      }
    },

    checkParamsType(type) {
      if (type === "voting" || type === "deposit" || type === "tallying") return type;
      throw invalidArgument(`${type} is not a valid parameter type`);
    },
  };
}

export function govQueryHandlers(k: GovKeeper, q: GovQueries = govQueries(k)): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.proposal, (ctx, req) => ({ proposal: q.proposal(ctx, req.proposalId) })),
    unary(m.proposals, (ctx, req, bytes) => q.proposals(ctx, req, bytes, 4)),
    unary(m.vote, (ctx, req) => ({ vote: q.vote(ctx, req.proposalId, req.voter) })),
    unary(m.votes, (ctx, req, bytes) => q.votes(ctx, req.proposalId, req, bytes)),
    unary(m.params, (ctx, req) => {
      const type = q.checkParamsType(req.paramsType);
      const params = k.getParamsProto(ctx);
      switch (type) {
        case "deposit":
          return { depositParams: create(DepositParamsSchema, { minDeposit: params.minDeposit, ...(params.maxDepositPeriod ? { maxDepositPeriod: params.maxDepositPeriod } : {}) }), params };
        case "voting":
          return { votingParams: create(VotingParamsSchema, params.votingPeriod ? { votingPeriod: params.votingPeriod } : {}), params };
        case "tallying":
          return { tallyParams: create(TallyParamsSchema, { quorum: params.quorum, threshold: params.threshold, vetoThreshold: params.vetoThreshold }), params };
      }
    }),
    unary(m.deposit, (ctx, req) => ({ deposit: q.deposit(ctx, req.proposalId, req.depositor) })),
    unary(m.deposits, (ctx, req, bytes) => q.deposits(ctx, req.proposalId, req, bytes)),
    unary(m.tallyResult, (ctx, req) => ({ tally: q.tally(ctx, req.proposalId) })),
  ]);
}
