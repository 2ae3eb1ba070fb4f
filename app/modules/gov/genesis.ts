/**
 * gov genesis (spec-staking §5.8; SDK v0.47 `x/gov/genesis.go`, `types/v1/genesis.go`): the v1
 * `GenesisState` in proto-JSON, read with protobuf-es `fromJson` (unknown fields refused), validated,
 * applied as the reference's InitGenesis, and exported so that importing the export rebuilds the same
 * store. InitGenesis reads `params` only; the legacy `deposit_params` / `voting_params` /
 * `tally_params` blocks are accepted and ignored, and exported as null.
 *
 * Beyond the reference's ValidateGenesis (R:, docs/deviations.md "gov"): every depositor and voter is
 * a valid address, deposits are valid coin sets, vote options are valid, proposals have the times their
 * status needs and messages this chain routes — the reference panics later, in InitGenesis or at the
 * proposal's end, on each of these.
 */
import { create, fromJson, type JsonValue } from "@bufbuild/protobuf";
import type { Context, ReadContext } from "../../baseapp/context.js";
import { toGoProtoJson } from "../../baseapp/protoJson.js";
import { type GenesisState, GenesisStateSchema } from "../../codec/cosmos/gov/v1/genesis_pb.js";
import { ProposalStatus } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { Coins, validateCoinList } from "../../math/coins.js";
import { fromTimestamp } from "../register/logic/time.js";
import { GenesisError } from "../auth/protoJson.js";
import { accountProblem, parseAccount } from "./addresses.js";
import { registryForAnys, registryForJson, withSdkTypeUrls } from "./anyRegistry.js";
import type { MessageRouterForGov } from "./expected.js";
import type { GovKeeper } from "./keeper.js";
import { coinFromProto, govParamsFromProto, govParamsToProto, validateGovParams, type GovParams } from "./params.js";
import { decodeProposalMessages } from "./proposalMessages.js";
import { isValidWeightedOption } from "./logic/voteOptions.js";

const ROOT = "gov";

export interface GovGenesis {
  readonly state: GenesisState;
  readonly params: GovParams;
}

/** Parses and validates the `gov` part of `app_state`. @throws GenesisError naming the problem. */
export function parseGovGenesis(json: unknown, router: MessageRouterForGov): GovGenesis {
  let state: GenesisState;
  try {
    const registry = registryForJson(router, json as JsonValue);
    state = fromJson(GenesisStateSchema, json as JsonValue, { registry });
    withSdkTypeUrls(GenesisStateSchema, state, registry);
  } catch (e) {
    throw new GenesisError(`${ROOT}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (state.startingProposalId === 0n) throw new GenesisError(`${ROOT}.starting_proposal_id: starting proposal id must be greater than 0`);

  const ids = new Set<bigint>();
  state.proposals.forEach((p, i) => {
    const path = `${ROOT}.proposals[${i}]`;
    if (ids.has(p.id)) throw new GenesisError(`${path}: duplicate proposal id: ${p.id}`);
    ids.add(p.id);
    if (p.status === ProposalStatus.DEPOSIT_PERIOD && !p.depositEndTime) throw new GenesisError(`${path}: a proposal in its deposit period needs deposit_end_time`);
    if (p.status === ProposalStatus.VOTING_PERIOD && !p.votingEndTime) throw new GenesisError(`${path}: a proposal in its voting period needs voting_end_time`);
    if (p.status === ProposalStatus.UNSPECIFIED) throw new GenesisError(`${path}: status must be set`);
    try {
      decodeProposalMessages(router, p.messages);
    } catch (e) {
      throw new GenesisError(`${path}.messages: ${e instanceof Error ? e.message : String(e)}`);
    }
  });

  const deposits = new Set<string>();
  state.deposits.forEach((d, i) => {
    const path = `${ROOT}.deposits[${i}]`;
    if (!ids.has(d.proposalId)) throw new GenesisError(`${path}: deposit has non-existent proposal id: ${d.proposalId}`);
    const key = `${d.proposalId}/${d.depositor}`;
    if (deposits.has(key)) throw new GenesisError(`${path}: duplicate deposit of ${d.depositor} on proposal ${d.proposalId}`);
    deposits.add(key);
    const bad = accountProblem(d.depositor);
    if (bad !== undefined) throw new GenesisError(`${path}.depositor: ${bad.message}`);
    const coinsProblem = validateCoinList(d.amount.map(coinFromProto));
    if (coinsProblem !== undefined) throw new GenesisError(`${path}.amount: ${coinsProblem}`);
  });

  const votes = new Set<string>();
  state.votes.forEach((v, i) => {
    const path = `${ROOT}.votes[${i}]`;
    if (!ids.has(v.proposalId)) throw new GenesisError(`${path}: vote has non-existent proposal id: ${v.proposalId}`);
    const key = `${v.proposalId}/${v.voter}`;
    if (votes.has(key)) throw new GenesisError(`${path}: duplicate vote of ${v.voter} on proposal ${v.proposalId}`);
    votes.add(key);
    const bad = accountProblem(v.voter);
    if (bad !== undefined) throw new GenesisError(`${path}.voter: ${bad.message}`);
    if (v.options.length === 0 || !v.options.every(isValidWeightedOption)) throw new GenesisError(`${path}.options: every option needs a valid option and a weight in (0, 1]`);
  });

  if (state.params === undefined) throw new GenesisError(`${ROOT}.params: missing`);
  let params: GovParams;
  try {
    params = govParamsFromProto(state.params);
  } catch (e) {
    throw new GenesisError(`${ROOT}.params: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problem = validateGovParams(params);
  if (problem !== undefined) throw new GenesisError(`${ROOT}.params: ${problem}`);
  return { state, params };
}

/** `InitGenesis`. @throws GenesisError when the gov account's balance is not the sum of the deposits. */
export function initGovGenesis(ctx: Context, k: GovKeeper, g: GovGenesis): void {
  k.setProposalId(ctx, g.state.startingProposalId);
  k.setParams(ctx, g.params);
  const account = k.governanceAccount(ctx);
  let total = Coins.EMPTY;
  for (const d of g.state.deposits) {
    k.setDeposit(ctx, parseAccount(d.depositor), d);
    total = total.add(Coins.fromArray(d.amount.map(coinFromProto)));
  }
  for (const v of g.state.votes) k.setVote(ctx, parseAccount(v.voter), v);
  for (const p of g.state.proposals) {
    if (p.status === ProposalStatus.DEPOSIT_PERIOD && p.depositEndTime) k.insertIntoQueue(ctx, "inactive", p.id, fromTimestamp(p.depositEndTime));
    if (p.status === ProposalStatus.VOTING_PERIOD && p.votingEndTime) k.insertIntoQueue(ctx, "active", p.id, fromTimestamp(p.votingEndTime));
    k.setProposal(ctx, p);
  }
  const balance = k.deps.bank.getAllBalances(ctx, account);
  if (!balance.equals(total)) {
    throw new GenesisError(`${ROOT}: expected module account was ${balance.toString()} but we got ${total.toString()}`);
  }
}

/** A fresh chain's `gov` section with these params (what `stchaind init` writes, edited). */
export function govGenesisOf(params: GovParams): JsonValue {
  return toGoProtoJson(GenesisStateSchema, create(GenesisStateSchema, { startingProposalId: 1n, params: govParamsToProto(params) }));
}

/** `ExportGenesis`: proposals by id, each one's deposits and votes, params; the legacy blocks null. */
export function exportGovGenesis(ctx: ReadContext, k: GovKeeper): JsonValue {
  const proposals = [...k.proposals(ctx)];
  const state = create(GenesisStateSchema, {
    startingProposalId: k.getProposalId(ctx) ?? 0n,
    deposits: proposals.flatMap((p) => k.depositsOf(ctx, p.id).map((d) => d.deposit)),
    votes: proposals.flatMap((p) => k.votesOf(ctx, p.id).map((v) => v.vote)),
    proposals,
    params: k.getParamsProto(ctx),
  });
  return toGoProtoJson(GenesisStateSchema, state, registryForAnys(k.deps.router, proposals.flatMap((p) => p.messages)));
}
