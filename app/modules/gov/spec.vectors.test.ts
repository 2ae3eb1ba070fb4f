/**
 * spec-staking §14 TV5 through real signed txs in-process (TestApp: CheckTx-free FinalizeBlock of
 * eth_secp256k1-signed txs), with the staking stand-in holding TV5's bonded stake: V0 100.5 STOS
 * (operator 99 + D 1.5), V1 99, V2 10; bonded pool 209.5 STOS. Four proposals, one per case, each
 * with 60 STOS from the proposer P at submission and 40 STOS from E, which starts its voting period.
 * Every expected number is copied from the spec's table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { ProposalStatus } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { QueryTallyResultRequestSchema, QueryTallyResultResponseSchema } from "../../codec/cosmos/gov/v1/query_pb.js";
import { QuerySupplyOfRequest, QuerySupplyOfResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { GOV_ACCOUNT, GovScenario, STOS, T, WEEK, deposit, eventsOf, submitProposal, textContentMsg, vote, voteWeighted } from "./testkit.js";

const TV5 = {
  a: { id: 1n, result: "proposal_passed", status: ProposalStatus.PASSED, tally: ["158400000000000000000", "39600000000000000000", "1500000000000000000", "0"] },
  b: { id: 2n, result: "proposal_rejected", status: ProposalStatus.REJECTED, tally: ["99000000000000000000", "0", "1500000000000000000", "99000000000000000000"] },
  c: { id: 3n, result: "proposal_rejected", status: ProposalStatus.REJECTED, tally: ["1500000000000000000", "0", "0", "0"] },
  d: { id: 4n, result: "proposal_passed", status: ProposalStatus.PASSED, tally: ["10000000000000000000", "100500000000000000000", "0", "0"] },
} as const;

const tallyOf = (t: { yesCount: string; abstainCount: string; noCount: string; noWithVetoCount: string } | undefined) =>
  t === undefined ? undefined : [t.yesCount, t.abstainCount, t.noCount, t.noWithVetoCount];

describe("gov: spec-staking TV5 through signed txs", () => {
  let s: GovScenario;
  const start = T + 10n;
  let endEvents: readonly Event[] = [];
  let voteTxEvents: readonly Event[] = [];
  const before: Record<string, bigint> = {};
  const after: Record<string, bigint> = {};
  let supplyBefore = 0n;
  let supplyAfter = 0n;
  let liveTally: string[] | undefined;

  const supply = (): bigint =>
    BigInt(QuerySupplyOfResponse.decode(s.app.query("/cosmos.bank.v1beta1.Query/SupplyOf", QuerySupplyOfRequest.encode({ denom: "wei" }).finish())).amount?.amount ?? "0");

  beforeAll(async () => {
    const balance = 1_000n * STOS;
    s = await GovScenario.create({ balances: { V0: balance, V1: balance, V2: balance, D: balance, P: balance, E: balance } });
    s.validator("V0", 99n * STOS);
    s.delegate("D", "V0", 15n * STOS / 10n);
    s.validator("V1", 99n * STOS);
    s.validator("V2", 10n * STOS);

    const submitted = await s.tx("P", [1, 2, 3, 4].map((i) => submitProposal(s, "P", [textContentMsg(`case ${i}`)], 60n * STOS)), T);
    expect(submitted.code, submitted.log).toBe(0);
    const deposited = await s.tx("E", [1n, 2n, 3n, 4n].map((id) => deposit(s, "E", id, 40n * STOS)), start);
    expect(deposited.code, deposited.log).toBe(0);

    const results = await s.txs([
      ["V0", [vote(s, "V0", 1n, "yes"), vote(s, "V0", 2n, "yes"), vote(s, "V0", 4n, "abstain")]],
      ["D", [vote(s, "D", 1n, "no"), vote(s, "D", 2n, "no"), vote(s, "D", 3n, "yes")]],
      ["V1", [voteWeighted(s, "V1", 1n, [["yes", "0.600000000000000000"], ["abstain", "0.400000000000000000"]]), vote(s, "V1", 2n, "noWithVeto")]],
      ["V2", [vote(s, "V2", 4n, "yes")]],
    ], start + 10n);
    for (const r of results) expect(r.code, r.log).toBe(0);
    voteTxEvents = results[2]!.events;

    const live = s.app.query("/cosmos.gov.v1.Query/TallyResult", toBinary(QueryTallyResultRequestSchema, create(QueryTallyResultRequestSchema, { proposalId: 1n })));
    liveTally = tallyOf(fromBinary(QueryTallyResultResponseSchema, live).tally);

    // One second before the end nothing is tallied.
    const early = await s.emptyBlock(start + WEEK - 1n);
    expect(eventsOf(early, "active_proposal")).toEqual([]);

    for (const n of ["P", "E"]) before[n] = s.balance(n);
    before.gov = s.moduleBalance("gov");
    supplyBefore = supply();
    endEvents = await s.emptyBlock(start + WEEK);
    for (const n of ["P", "E"]) after[n] = s.balance(n);
    after.gov = s.moduleBalance("gov");
    supplyAfter = supply();
  });

  afterAll(() => s?.close());

  it("starts voting at E's deposit: voting_end_time = start + 604800 s", () => {
    for (const id of [1n, 2n, 3n, 4n]) {
      const p = s.proposal(id)!;
      expect(p.votingStartTime?.seconds).toBe(start);
      expect(p.votingEndTime?.seconds).toBe(start + WEEK);
    }
  });

  it("V1's weighted vote event carries the options' text", () => {
    const votes = eventsOf(voteTxEvents, "proposal_vote");
    expect(votes[0]).toEqual({
      voter: s.address("V1"),
      option: 'option:VOTE_OPTION_YES weight:"0.600000000000000000" \noption:VOTE_OPTION_ABSTAIN weight:"0.400000000000000000"',
      proposal_id: "1",
    });
    expect(votes[1]?.option).toBe('option:VOTE_OPTION_NO_WITH_VETO weight:"1.000000000000000000"');
  });

  it("the TallyResult query of a proposal in its voting period is the live tally", () => {
    expect(liveTally).toEqual(TV5.a.tally);
  });

  it.each(Object.entries(TV5))("case %s: final tally, status and the active_proposal event", (_name, tv) => {
    const p = s.proposal(tv.id)!;
    expect(tallyOf(p.finalTallyResult)).toEqual(tv.tally);
    expect(p.status).toBe(tv.status);
    expect(eventsOf(endEvents, "active_proposal")).toContainEqual({ proposal_id: tv.id.toString(), proposal_result: tv.result });
  });

  it("deposits: (a), (c), (d) refunded; (b) burned by the gov account, 100 STOS of supply gone", () => {
    expect(after.P! - before.P!).toBe(3n * 60n * STOS);
    expect(after.E! - before.E!).toBe(3n * 40n * STOS);
    expect(before.gov).toBe(400n * STOS);
    expect(after.gov).toBe(0n);
    expect(supplyBefore - supplyAfter).toBe(100n * STOS);
    // Deposits are burned in depositor order (P and E by address bytes), each coin_spent then burn.
    const burns = eventsOf(endEvents, "burn");
    expect(burns.map((b) => b.burner)).toEqual([GOV_ACCOUNT, GOV_ACCOUNT]);
    expect(burns.map((b) => b.amount).sort()).toEqual(["40000000000000000000wei", "60000000000000000000wei"]);
    expect(eventsOf(endEvents, "coin_spent").filter((e) => e.spender === GOV_ACCOUNT)).toHaveLength(2 + 6);
  });

  it("votes and deposits of ended proposals are deleted", () => {
    for (const id of [1n, 2n, 3n, 4n]) {
      expect(s.gov.votesOf(s.read, id)).toEqual([]);
      expect(s.gov.depositsOf(s.read, id)).toEqual([]);
    }
  });

  it("invariants hold", () => {
    const report = JSON.parse(new TextDecoder().decode(s.app.query("/app/invariants", new Uint8Array()))) as Record<string, string | null>;
    expect(Object.keys(report)).toContain("gov/module-account");
    expect(Object.entries(report).filter(([, v]) => v !== null)).toEqual([]);
  });
});
