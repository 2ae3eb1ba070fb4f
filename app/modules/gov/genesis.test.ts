/**
 * gov genesis (spec-staking §5.8): stratos-1's section is read (legacy blocks ignored), a live state
 * exports and imports back key for key (proposals in each period, deposits, votes, queues, the next
 * id), the imported chain goes on, and ValidateGenesis' refusals name the JSON path.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ProposalStatus } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { GenesisError } from "../auth/protoJson.js";
import { parseGovGenesis } from "./genesis.js";
import { exportGovGenesis } from "./genesis.js";
import { MAINNET_GOV_PARAMS } from "./params.js";
import { GovScenario, STOS, T, WEEK, deposit, govGenesisJson, submitProposal, textContentMsg, vote, voteWeighted } from "./testkit.js";

const scenarios: GovScenario[] = [];
afterEach(async () => {
  for (const s of scenarios.splice(0)) await s.close();
});

const BALANCES = { V: 2_000n * STOS, P: 1_000n * STOS, D: 1_000n * STOS };

async function chain(extraAppState: Record<string, unknown> = {}, moduleBalances: Record<string, bigint> = {}): Promise<GovScenario> {
  const s = await GovScenario.create({ balances: BALANCES, extraAppState, moduleBalances });
  scenarios.push(s);
  s.validator("V", 1_000n * STOS);
  return s;
}

function govDump(s: GovScenario): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of s.read.kv("gov").iterator()) out[Buffer.from(key).toString("hex")] = Buffer.from(value).toString("hex");
  return out;
}

const router = (s: GovScenario) => s.gov.deps.router;

describe("gov genesis", () => {
  it("reads stratos-1's section: params only, the legacy blocks ignored", async () => {
    const s = await chain();
    const mainnet = { ...govGenesisJson(), deposit_params: { min_deposit: [{ denom: "wei", amount: "1" }], max_deposit_period: "1s" }, voting_params: { voting_period: "1s" }, tally_params: { quorum: "0.9", threshold: "0.9", veto_threshold: "0.9" } };
    const g = parseGovGenesis(mainnet, router(s));
    expect(g.params).toEqual(MAINNET_GOV_PARAMS);
    expect(g.state.startingProposalId).toBe(1n);
  });

  it("a live state exports and imports back key for key, and the imported chain goes on", async () => {
    const s = await chain();
    const early = T - 80_000n;
    await s.tx("P", [submitProposal(s, "P", [textContentMsg("done")], 100n * STOS)], early);
    await s.tx("V", [vote(s, "V", 1n, "yes")], early + 1n);
    await s.tx("P", [
      submitProposal(s, "P", [textContentMsg("voting")], 100n * STOS),
      submitProposal(s, "P", [textContentMsg("depositing")], 10n * STOS),
    ], T);
    await s.txs([
      ["V", [vote(s, "V", 2n, "yes")]],
      ["D", [voteWeighted(s, "D", 2n, [["yes", "0.25"], ["abstain", "0.75"]]), deposit(s, "D", 3n, 5n * STOS)]],
    ], T + 10n);
    await s.emptyBlock(early + WEEK);
    expect([1n, 2n, 3n].map((id) => s.proposal(id)?.status)).toEqual([ProposalStatus.PASSED, ProposalStatus.VOTING_PERIOD, ProposalStatus.DEPOSIT_PERIOD]);

    const exported = exportGovGenesis(s.read, s.gov) as Record<string, unknown>;
    expect(exported.deposit_params).toBeNull();
    expect((exported.proposals as unknown[]).length).toBe(3);
    expect(exported.starting_proposal_id).toBe("4");
    const votes = exported.votes as Array<{ options: Array<{ option: string; weight: string }> }>;
    expect(votes.flatMap((v) => v.options.map((o) => `${o.option}=${o.weight}`))).toContain("VOTE_OPTION_ABSTAIN=0.75");
    const proposal = (exported.proposals as Array<{ messages: Array<Record<string, unknown>> }>)[0]!;
    expect(proposal.messages[0]?.["@type"]).toBe("/cosmos.gov.v1.MsgExecLegacyContent");

    const imported = await chain({ gov: exported }, { gov: 115n * STOS });
    expect(govDump(imported)).toEqual(govDump(s));
    expect(exportGovGenesis(imported.read, imported.gov)).toEqual(exported);
    const report = JSON.parse(new TextDecoder().decode(imported.app.query("/app/invariants", new Uint8Array()))) as Record<string, string | null>;
    expect(Object.entries(report).filter(([k, v]) => k.startsWith("gov/") && v !== null)).toEqual([]);

    // Both chains end proposal 2 the same way at its voting end.
    await s.emptyBlock(T + WEEK);
    await imported.emptyBlock(T + WEEK);
    expect(imported.proposal(2n)?.status).toBe(ProposalStatus.PASSED);
    expect(govDump(imported)).toEqual(govDump(s));
  });

  it("InitGenesis refuses a gov account whose balance is not the deposits' sum", async () => {
    const s = await chain();
    await s.tx("P", [submitProposal(s, "P", [textContentMsg()], 10n * STOS)], T);
    const exported = exportGovGenesis(s.read, s.gov);
    await expect(GovScenario.create({ balances: BALANCES, extraAppState: { gov: exported } })).rejects.toThrow(
      "gov: expected module account was  but we got 10000000000000000000wei",
    );
  });

  it.each([
    ["starting id 0", { starting_proposal_id: "0" }, "gov.starting_proposal_id: starting proposal id must be greater than 0"],
    ["a deposit on no proposal", { deposits: [{ proposal_id: "7", depositor: "st1x", amount: [] }] }, "gov.deposits[0]: deposit has non-existent proposal id: 7"],
    ["a vote on no proposal", { votes: [{ proposal_id: "7", voter: "st1x", options: [], metadata: "" }] }, "gov.votes[0]: vote has non-existent proposal id: 7"],
    ["a threshold of 0", { params: { ...(govGenesisJson().params as object), threshold: "0" } }, "gov.params: vote threshold must be positive: 0.000000000000000000"],
    ["an empty min_deposit", { params: { ...(govGenesisJson().params as object), min_deposit: [] } }, "gov.params: invalid minimum deposit: "],
    ["an unknown field", { extra: 1 }, "gov: "],
  ])("ValidateGenesis refuses %s", async (_name, change, message) => {
    const s = await chain();
    expect(() => parseGovGenesis({ ...govGenesisJson(), ...change }, router(s))).toThrow(GenesisError);
    expect(() => parseGovGenesis({ ...govGenesisJson(), ...change }, router(s))).toThrow(message);
  });
});
