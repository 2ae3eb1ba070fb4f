/**
 * gov queries (spec-staking §5.7), v1 over raw ABCI and v1beta1 through CosmJS's own
 * `setupGovExtension` (the client explorers and wallets use), with the reference's error kinds:
 * InvalidArgument → sdk 18, NotFound → sdk 22, a proposal that cannot be converted to v1beta1 →
 * sdk 6 (spec-staking §15 item 7).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape, type MessageShape } from "@bufbuild/protobuf";
import { QueryClient, setupGovExtension, type GovExtension } from "@cosmjs/stargate";
import { ProposalStatus as LegacyStatus, VoteOption as LegacyOption } from "cosmjs-types/cosmos/gov/v1beta1/gov";
import { TextProposal } from "cosmjs-types/cosmos/gov/v1beta1/gov";
import { ProposalStatus } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { Query } from "../../codec/cosmos/gov/v1/query_pb.js";
import { inProcessComet } from "../../node/inProcessComet.testing.js";
import { GovScenario, STOS, T, deposit, submitProposal, textContentMsg, vote, voteWeighted } from "./testkit.js";
import { anyMsg } from "./testkit.js";
import { MsgUpdateParamsSchema as SdsUpdateParams } from "../../codec/stratos/sds/v1/tx_pb.js";
import { GOV_ACCOUNT } from "./testkit.js";

let s: GovScenario;
let gov: GovExtension["gov"];
const voting = T + 10n;

/** A v1 query: request built from the method's input schema, answer decoded with its output schema. */
function q<I extends DescMessage, O extends DescMessage>(method: { readonly input: I; readonly output: O; readonly name: string }, req: MessageInitShape<I>): MessageShape<O> {
  const bytes = s.app.query(`/cosmos.gov.v1.Query/${method.name}`, toBinary(method.input, create(method.input, req)));
  return fromBinary(method.output, bytes);
}

/** The ABCI error of a query: [codespace, code, log]. */
function queryError(path: string, schema: DescMessage, req: Record<string, unknown>): [string, number, string] {
  const res = s.app.parts.app.query({ path, data: toBinary(schema, create(schema, req)), height: 0n, prove: false });
  if (res instanceof Promise) throw new Error("async");
  return [res.codespace, res.code, res.log];
}

beforeAll(async () => {
  s = await GovScenario.create({ balances: { V: 2_000n * STOS, P: 1_000n * STOS, D: 1_000n * STOS } });
  s.validator("V", 1_000n * STOS);
  const sds = anyMsg(SdsUpdateParams, { authority: GOV_ACCOUNT, params: { bondDenom: "wei" } });
  const r = await s.tx("P", [
    submitProposal(s, "P", [textContentMsg("first", "the first")], 60n * STOS),
    submitProposal(s, "P", [textContentMsg("second", "two messages"), sds], 100n * STOS),
    submitProposal(s, "P", [textContentMsg("third", "still depositing")], 10n * STOS),
  ], T);
  expect(r.code, r.log).toBe(0);
  const results = await s.txs([
    ["D", [deposit(s, "D", 1n, 40n * STOS), voteWeighted(s, "D", 1n, [["yes", "0.7"], ["no", "0.3"]])]],
    ["V", [vote(s, "V", 1n, "yes"), vote(s, "V", 2n, "no")]],
  ], voting);
  for (const x of results) expect(x.code, x.log).toBe(0);
  gov = QueryClient.withExtensions(inProcessComet(s.app.parts.app), setupGovExtension).gov;
});

afterAll(() => s?.close());

describe("cosmos.gov.v1.Query", () => {
  it("Proposal: the record; id 0 is InvalidArgument, an unknown id NotFound", () => {
    const p = q(Query.method.proposal, { proposalId: 1n }).proposal!;
    expect({ id: p.id, status: p.status, title: p.title, summary: p.summary, proposer: p.proposer }).toEqual({
      id: 1n, status: ProposalStatus.VOTING_PERIOD, title: "a proposal", summary: "what it does", proposer: s.address("P"),
    });
    expect(p.totalDeposit).toEqual([expect.objectContaining({ denom: "wei", amount: (100n * STOS).toString() })]);
    expect(queryError("/cosmos.gov.v1.Query/Proposal", Query.method.proposal.input, { proposalId: 0n })).toEqual([
      "sdk", 18, "rpc error: code = InvalidArgument desc = proposal id can not be 0: invalid request",
    ]);
    expect(queryError("/cosmos.gov.v1.Query/Proposal", Query.method.proposal.input, { proposalId: 9n })).toEqual([
      "sdk", 22, "rpc error: code = NotFound desc = proposal 9 doesn't exist: key not found",
    ]);
  });

  it("Proposals: by id, filtered by status, voter and depositor, paginated", () => {
    const ids = (req: MessageInitShape<typeof Query.method.proposals.input>) => q(Query.method.proposals, req).proposals.map((p) => p.id);
    expect(ids({})).toEqual([1n, 2n, 3n]);
    expect(ids({ proposalStatus: ProposalStatus.VOTING_PERIOD })).toEqual([1n, 2n]);
    expect(ids({ proposalStatus: ProposalStatus.DEPOSIT_PERIOD })).toEqual([3n]);
    expect(ids({ voter: s.address("D") })).toEqual([1n]);
    expect(ids({ depositor: s.address("D") })).toEqual([1n]);
    expect(ids({ voter: s.address("V"), proposalStatus: ProposalStatus.VOTING_PERIOD })).toEqual([1n, 2n]);
    const page = q(Query.method.proposals, { pagination: { limit: 2n, countTotal: true } });
    expect(page.proposals.map((p) => p.id)).toEqual([1n, 2n]);
    expect(page.pagination?.total).toBe(3n);
    const next = q(Query.method.proposals, { pagination: { key: page.pagination!.nextKey, limit: 2n } });
    expect(next.proposals.map((p) => p.id)).toEqual([3n]);
  });

  it("Vote / Votes: as cast (weights as sent); a missing vote is InvalidArgument", () => {
    const v = q(Query.method.vote, { proposalId: 1n, voter: s.address("D") }).vote!;
    expect(v.options.map((o) => [o.option, o.weight])).toEqual([[1, "0.7"], [3, "0.3"]]);
    expect(q(Query.method.votes, { proposalId: 1n }).votes.map((x) => x.voter).sort()).toEqual([s.address("D"), s.address("V")].sort());
    expect(queryError("/cosmos.gov.v1.Query/Vote", Query.method.vote.input, { proposalId: 3n, voter: s.address("D") })).toEqual([
      "sdk", 18, `rpc error: code = InvalidArgument desc = voter: ${s.address("D")} not found for proposal: 3: invalid request`,
    ]);
    expect(queryError("/cosmos.gov.v1.Query/Vote", Query.method.vote.input, { proposalId: 1n, voter: "" })[2]).toContain("empty voter address");
  });

  it("Params: the requested legacy block and params; another type is InvalidArgument", () => {
    const voting = q(Query.method.params, { paramsType: "voting" });
    expect(voting.votingParams?.votingPeriod?.seconds).toBe(604_800n);
    expect(voting.depositParams).toBeUndefined();
    expect(voting.params?.burnVoteVeto).toBe(true);
    expect(q(Query.method.params, { paramsType: "tallying" }).tallyParams?.quorum).toBe("0.334000000000000000");
    expect(q(Query.method.params, { paramsType: "deposit" }).depositParams?.minDeposit[0]?.amount).toBe((100n * STOS).toString());
    expect(queryError("/cosmos.gov.v1.Query/Params", Query.method.params.input, { paramsType: "other" })).toEqual([
      "sdk", 18, "rpc error: code = InvalidArgument desc = other is not a valid parameter type: invalid request",
    ]);
  });

  it("Deposit / Deposits", () => {
    expect(q(Query.method.deposits, { proposalId: 1n }).deposits.map((d) => [d.depositor, d.amount[0]?.amount]).sort()).toEqual(
      [[s.address("P"), (60n * STOS).toString()], [s.address("D"), (40n * STOS).toString()]].sort(),
    );
    expect(q(Query.method.deposit, { proposalId: 1n, depositor: s.address("D") }).deposit?.amount[0]?.amount).toBe((40n * STOS).toString());
    expect(queryError("/cosmos.gov.v1.Query/Deposit", Query.method.deposit.input, { proposalId: 1n, depositor: s.address("V") })[2]).toBe(
      `rpc error: code = InvalidArgument desc = depositer: ${s.address("V")} not found for proposal: 1: invalid request`,
    );
  });

  it("TallyResult: zeros in the deposit period, the live tally in the voting period", () => {
    expect(q(Query.method.tallyResult, { proposalId: 3n }).tally).toMatchObject({ yesCount: "0", abstainCount: "0", noCount: "0", noWithVetoCount: "0" });
    // V's 1000 STOS (D has no delegation, so its vote weighs nothing).
    expect(q(Query.method.tallyResult, { proposalId: 1n }).tally).toMatchObject({ yesCount: (1_000n * STOS).toString(), noCount: "0" });
    expect(q(Query.method.tallyResult, { proposalId: 2n }).tally).toMatchObject({ yesCount: "0", noCount: (1_000n * STOS).toString() });
  });
});

describe("cosmos.gov.v1beta1.Query through CosmJS setupGovExtension", () => {
  it("proposal: the legacy content, Int tally, Go's zero time for unset voting times", async () => {
    const { proposal } = await gov.proposal(1);
    expect(proposal.proposalId).toBe(1n);
    expect(proposal.status).toBe(LegacyStatus.PROPOSAL_STATUS_VOTING_PERIOD);
    expect(proposal.content?.typeUrl).toBe("/cosmos.gov.v1beta1.TextProposal");
    expect(TextProposal.decode(proposal.content!.value)).toEqual({ title: "first", description: "the first" });
    expect(proposal.finalTallyResult).toEqual({ yes: "0", abstain: "0", no: "0", noWithVeto: "0" });
    expect(proposal.votingEndTime?.seconds).toBe(voting + 604_800n);
    const third = (await gov.proposal(3)).proposal;
    expect(third.votingStartTime).toEqual({ seconds: -62135596800n, nanos: 0 });
    expect(third.depositEndTime?.seconds).toBe(T + 1_209_600n);
  });

  it("a proposal with two messages cannot be converted: sdk 6, and it breaks an unfiltered proposals list", async () => {
    await expect(gov.proposal(2)).rejects.toThrow(/can't convert a gov\/v1 Proposal to gov\/v1beta1 Proposal when amount of proposal messages not exactly one/);
    await expect(gov.proposals(LegacyStatus.PROPOSAL_STATUS_UNSPECIFIED, "", "")).rejects.toThrow(/unknown request/);
    const deposits = await gov.proposals(LegacyStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD, "", "");
    expect(deposits.proposals.map((p) => p.proposalId)).toEqual([3n]);
    const byDepositor = await gov.proposals(LegacyStatus.PROPOSAL_STATUS_UNSPECIFIED, s.address("D"), "");
    expect(byDepositor.proposals.map((p) => p.proposalId)).toEqual([1n]);
  });

  it("vote / votes: options with Dec weights, the deprecated single option left 0", async () => {
    const { vote: v } = await gov.vote(1, s.address("D"));
    expect(v.option).toBe(LegacyOption.VOTE_OPTION_UNSPECIFIED);
    // cosmjs-types reads the customtype Dec as its raw integer text.
    expect(v.options).toEqual([
      { option: LegacyOption.VOTE_OPTION_YES, weight: "700000000000000000" },
      { option: LegacyOption.VOTE_OPTION_NO, weight: "300000000000000000" },
    ]);
    expect((await gov.votes(1)).votes).toHaveLength(2);
  });

  it("params: every block on the wire, the unrequested ones zero", async () => {
    const tallying = await gov.params("tallying");
    expect(new TextDecoder().decode(tallying.tallyParams.quorum)).toBe("334000000000000000");
    expect(new TextDecoder().decode(tallying.tallyParams.threshold)).toBe("500000000000000000");
    expect(tallying.depositParams.minDeposit).toEqual([]);
    expect(tallying.votingParams.votingPeriod).toEqual({ seconds: 0n, nanos: 0 });
    const deposit = await gov.params("deposit");
    expect(deposit.depositParams.minDeposit).toEqual([{ denom: "wei", amount: (100n * STOS).toString() }]);
    expect(deposit.depositParams.maxDepositPeriod?.seconds).toBe(1_209_600n);
    expect(new TextDecoder().decode(deposit.tallyParams.quorum)).toBe("0");
    expect((await gov.params("voting")).votingParams.votingPeriod?.seconds).toBe(604_800n);
  });

  it("deposits / deposit / tally", async () => {
    expect((await gov.deposits(1)).deposits).toHaveLength(2);
    expect((await gov.deposit(1, s.address("P"))).deposit.amount).toEqual([{ denom: "wei", amount: (60n * STOS).toString() }]);
    expect((await gov.tally(1)).tally).toEqual({ yes: (1_000n * STOS).toString(), abstain: "0", no: "0", noWithVeto: "0" });
  });
});
