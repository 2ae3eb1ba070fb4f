/**
 * Governance through real signed txs in-process (GovScenario: TestApp + the staking stand-in): param
 * changes for pot and register that pass and take effect in the EndBlock of the block whose time
 * reaches the voting end, a passing proposal whose second message fails (FAILED, nothing changed),
 * a proposal carrying every module's MsgUpdateParams and the upgrade messages, the deposit period's
 * end, and the bad input of issue 14 with the reference's codes and logs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { QueryParamsRequestSchema as PotParamsRequest, QueryParamsResponseSchema as PotParamsResponse } from "../../codec/stratos/pot/v1/query_pb.js";
import { MsgUpdateParamsSchema as PotUpdateParams } from "../../codec/stratos/pot/v1/tx_pb.js";
import { MsgUpdateParamsSchema as RegisterUpdateParams } from "../../codec/stratos/register/v1/tx_pb.js";
import { MsgUpdateParamsSchema as SdsUpdateParams } from "../../codec/stratos/sds/v1/tx_pb.js";
import { MsgUpdateParamsSchema as AuthUpdateParams } from "../../codec/cosmos/auth/v1beta1/tx_pb.js";
import { MsgUpdateParamsSchema as BankUpdateParams } from "../../codec/cosmos/bank/v1beta1/tx_pb.js";
import { MsgUpdateParamsSchema as DistributionUpdateParams } from "../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { MsgUpdateParamsSchema as GovUpdateParams, MsgExecLegacyContentSchema, MsgVoteSchema as MsgVoteSchemaV1 } from "../../codec/cosmos/gov/v1/tx_pb.js";
import { ProposalStatus } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { MsgSubmitProposalSchema as LegacySubmit } from "../../codec/cosmos/gov/v1beta1/tx_pb.js";
import { TextProposalSchema } from "../../codec/cosmos/gov/v1beta1/gov_pb.js";
import { ParameterChangeProposalSchema } from "../../codec/cosmos/params/v1beta1/params_pb.js";
import { MsgCancelUpgradeSchema, MsgSoftwareUpgradeSchema } from "../../codec/cosmos/upgrade/v1beta1/tx_pb.js";
import { SoftwareUpgradeProposalSchema } from "../../codec/cosmos/upgrade/v1beta1/upgrade_pb.js";
import { TestApp } from "../../node/testApp.js";
import { potParamsToProto } from "../pot/params.js";
import { paramsToProto as registerParamsToProto } from "../register/params.js";
import { govParamsToProto } from "./params.js";
import { actionEvent } from "../register/testkit.js";
import {
  GOV_ACCOUNT, GovScenario, STOS, T, anyMsg, deposit, eventAttributes, eventsOf, submitProposal, textContentMsg, vote, voteWeighted,
} from "./testkit.js";

const VOTING = 600n;
const DEPOSITING = 3_600n;

let s: GovScenario | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** P proposes, V (the only validator, 1000 STOS) votes; nothing else is bonded. */
async function scenario(extra: Partial<Parameters<typeof GovScenario.create>[0]> = {}): Promise<GovScenario> {
  s = await GovScenario.create({
    balances: { V: 2_000n * STOS, P: 1_000n * STOS, D: 1_000n * STOS },
    otherCoins: { D: { uatom: 1_000n } },
    govParams: { voting_period: `${VOTING}s`, max_deposit_period: `${DEPOSITING}s` },
    ...extra,
  });
  s.validator("V", 1_000n * STOS);
  return s;
}

function potUpdate(sc: GovScenario, change: (p: ReturnType<typeof potParamsToProto>) => void): Any {
  const params = potParamsToProto(sc.app.parts.keepers.pot.getParams(sc.read));
  change(params);
  return anyMsg(PotUpdateParams, { authority: GOV_ACCOUNT, params });
}

function registerUpdate(sc: GovScenario, change: (p: ReturnType<typeof registerParamsToProto>) => void): Any {
  const params = registerParamsToProto(sc.app.parts.keepers.register.getParams(sc.read));
  change(params);
  return anyMsg(RegisterUpdateParams, { authority: GOV_ACCOUNT, params });
}

/** pot's mature_epoch as the Params query answers it at `height`. */
function potMatureEpochAt(sc: GovScenario, height: bigint): bigint {
  const res = sc.app.parts.app.query({ path: "/stratos.pot.v1.Query/Params", data: toBinary(PotParamsRequest, create(PotParamsRequest)), height, prove: false });
  if (res instanceof Promise || res.code !== 0) throw new Error("pot params query failed");
  return fromBinary(PotParamsResponse, res.value).params!.matureEpoch;
}

/** Submits with the full 100 STOS (voting starts at once) and V votes YES; returns the proposal id. */
async function passingProposal(sc: GovScenario, messages: readonly Any[], at: bigint): Promise<bigint> {
  const r = await sc.tx("P", [submitProposal(sc, "P", messages, 100n * STOS)], at);
  expect(r.code, r.log).toBe(0);
  const id = BigInt(eventAttributes(r.events, "submit_proposal")!.proposal_id!);
  const v = await sc.tx("V", [vote(sc, "V", id, "yes")], at + 1n);
  expect(v.code, v.log).toBe(0);
  return id;
}

describe("gov proposals through signed txs", () => {
  it("a pot param change passes and takes effect in the EndBlock of the block that reaches the voting end", async () => {
    const sc = await scenario();
    const id = await passingProposal(sc, [potUpdate(sc, (p) => { p.matureEpoch = 3000n; })], T);
    expect(sc.app.parts.keepers.pot.getParams(sc.read).matureEpoch).toBe(2016n);

    await sc.emptyBlock(T + VOTING - 1n);
    const lastBefore = sc.app.nextHeight - 1n;
    expect(potMatureEpochAt(sc, lastBefore)).toBe(2016n);

    const events = await sc.emptyBlock(T + VOTING);
    const height = sc.app.nextHeight - 1n;
    expect(eventsOf(events, "active_proposal")).toEqual([{ proposal_id: id.toString(), proposal_result: "proposal_passed" }]);
    expect(sc.proposal(id)?.status).toBe(ProposalStatus.PASSED);
    expect(potMatureEpochAt(sc, height - 1n)).toBe(2016n);
    expect(potMatureEpochAt(sc, height)).toBe(3000n);
  });

  it("a register param change passes and takes effect at the voting end", async () => {
    const sc = await scenario();
    const id = await passingProposal(sc, [registerUpdate(sc, (p) => { p.maxEntries = 20; })], T);
    await sc.emptyBlock(T + VOTING - 1n);
    expect(sc.app.parts.keepers.register.getParams(sc.read).maxEntries).toBe(16);
    await sc.emptyBlock(T + VOTING);
    expect(sc.proposal(id)?.status).toBe(ProposalStatus.PASSED);
    expect(sc.app.parts.keepers.register.getParams(sc.read).maxEntries).toBe(20);
  });

  it("a passing proposal whose second message fails is FAILED and changes nothing; deposits are refunded", async () => {
    const problems: string[] = [];
    const sc = await scenario({ problems });
    const before = { pot: sc.app.parts.keepers.pot.getParams(sc.read), register: sc.app.parts.keepers.register.getParams(sc.read) };
    const id = await passingProposal(sc, [
      potUpdate(sc, (p) => { p.matureEpoch = 5000n; }),
      // Valid on its own (ValidateBasic passes), refused by the handler: register's bond denom cannot change.
      registerUpdate(sc, (p) => { p.bondDenom = "uatom"; p.resourceNodeMinDeposit = { ...p.resourceNodeMinDeposit!, denom: "uatom" }; }),
    ], T);
    const balanceBefore = sc.balance("P");
    const events = await sc.emptyBlock(T + VOTING);
    expect(eventsOf(events, "active_proposal")).toEqual([{ proposal_id: id.toString(), proposal_result: "proposal_failed" }]);
    expect(sc.proposal(id)?.status).toBe(ProposalStatus.FAILED);
    expect(sc.proposal(id)?.finalTallyResult?.yesCount).toBe((1_000n * STOS).toString());
    expect(sc.app.parts.keepers.pot.getParams(sc.read)).toEqual(before.pot);
    expect(sc.app.parts.keepers.register.getParams(sc.read)).toEqual(before.register);
    expect(sc.balance("P") - balanceBefore).toBe(100n * STOS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^gov: proposal ${id} passed, but msg 1 \\(/stratos\\.register\\.v1\\.MsgUpdateParams\\) failed on execution: bond_denom cannot be changed from wei to uatom`));
  });

  it("one proposal can carry every module's MsgUpdateParams and the upgrade messages", async () => {
    const sc = await scenario();
    const auth = sc.app.parts.keepers.auth.getParams(sc.read);
    const govParams = govParamsToProto({ ...sc.gov.getParams(sc.read), votingPeriodNanos: 1_200n * 1_000_000_000n });
    const messages = [
      anyMsg(AuthUpdateParams, { authority: GOV_ACCOUNT, params: { ...auth, maxMemoCharacters: 512n } }),
      anyMsg(BankUpdateParams, { authority: GOV_ACCOUNT, params: { sendEnabled: [], defaultSendEnabled: true } }),
      anyMsg(SdsUpdateParams, { authority: GOV_ACCOUNT, params: { bondDenom: "wei" } }),
      potUpdate(sc, (p) => { p.matureEpoch = 2100n; }),
      registerUpdate(sc, (p) => { p.maxEntries = 17; }),
      anyMsg(GovUpdateParams, { authority: GOV_ACCOUNT, params: govParams }),
      anyMsg(MsgSoftwareUpgradeSchema, { authority: GOV_ACCOUNT, plan: { name: "v2", height: 1_000n, info: "binaries at …" } }),
      // The deprecated proposer rewards must be 0 in a MsgUpdateParams (spec-staking §15 item 9).
      anyMsg(DistributionUpdateParams, { authority: GOV_ACCOUNT, params: { communityTax: "30000000000000000", baseProposerReward: "0", bonusProposerReward: "0", withdrawAddrEnabled: true } }),
    ];
    const id = await passingProposal(sc, messages, T);
    const events = await sc.emptyBlock(T + VOTING);
    expect(eventsOf(events, "active_proposal")[0]?.proposal_result).toBe("proposal_passed");
    expect(sc.app.parts.keepers.auth.getParams(sc.read).maxMemoCharacters).toBe(512n);
    expect(sc.app.parts.keepers.pot.getParams(sc.read).matureEpoch).toBe(2100n);
    expect(sc.app.parts.keepers.register.getParams(sc.read).maxEntries).toBe(17);
    expect(sc.gov.getParams(sc.read).votingPeriodNanos).toBe(1_200n * 1_000_000_000n);
    expect(sc.app.parts.keepers.distribution.getParams(sc.read).communityTax.toString()).toBe("0.030000000000000000");
    expect(sc.app.parts.keepers.upgrade.getPlan(sc.read)).toMatchObject({ name: "v2", height: 1_000n, info: "binaries at …" });
    expect(sc.proposal(id)?.status).toBe(ProposalStatus.PASSED);

    // And a second proposal cancels the plan (MsgCancelUpgrade), voting for 1200 s now.
    const id2 = await passingProposal(sc, [anyMsg(MsgCancelUpgradeSchema, { authority: GOV_ACCOUNT })], T + 2_000n);
    await sc.emptyBlock(T + 2_000n + 1_199n);
    expect(sc.proposal(id2)?.status).toBe(ProposalStatus.VOTING_PERIOD);
    await sc.emptyBlock(T + 2_000n + 1_200n);
    expect(sc.proposal(id2)?.status).toBe(ProposalStatus.PASSED);
    expect(sc.app.parts.keepers.upgrade.getPlan(sc.read)).toBeUndefined();
  });

  it("a proposal that misses min_deposit by the deposit end is deleted and its deposits refunded", async () => {
    const sc = await scenario();
    const r = await sc.tx("P", [submitProposal(sc, "P", [textContentMsg()], 10n * STOS)], T);
    expect(r.code, r.log).toBe(0);
    const d = await sc.tx("D", [deposit(sc, "D", 1n, 20n * STOS)], T + 5n);
    expect(d.code, d.log).toBe(0);
    expect(eventAttributes(d.events, "proposal_deposit")).toEqual({ amount: "20000000000000000000wei", proposal_id: "1" });
    const before = { P: sc.balance("P"), D: sc.balance("D") };
    await sc.emptyBlock(T + DEPOSITING - 1n);
    expect(sc.proposal(1n)?.status).toBe(ProposalStatus.DEPOSIT_PERIOD);
    const events = await sc.emptyBlock(T + DEPOSITING);
    expect(eventsOf(events, "inactive_proposal")).toEqual([{ proposal_id: "1", proposal_result: "proposal_dropped" }]);
    expect(sc.proposal(1n)).toBeUndefined();
    expect(sc.balance("P") - before.P).toBe(10n * STOS);
    expect(sc.balance("D") - before.D).toBe(20n * STOS);
    expect(sc.moduleBalance("gov")).toBe(0n);
  });

  it("submission events: submit_proposal with the message types, the deposit, voting_period_start", async () => {
    const sc = await scenario();
    const r = await sc.tx("P", [submitProposal(sc, "P", [textContentMsg(), potUpdate(sc, () => undefined)], 100n * STOS)], T);
    expect(r.code, r.log).toBe(0);
    expect(eventsOf(r.events, "submit_proposal")).toEqual([
      { proposal_id: "1", proposal_messages: ",/cosmos.gov.v1.MsgExecLegacyContent,/stratos.pot.v1.MsgUpdateParams" },
      { voting_period_start: "1" },
    ]);
    expect(eventsOf(r.events, "proposal_deposit")).toEqual([{ amount: "100000000000000000000wei", proposal_id: "1" }]);
    expect(actionEvent(r.events)).toEqual({ action: "/cosmos.gov.v1.MsgSubmitProposal", sender: sc.address("P"), module: "gov" });
  });
});

describe("legacy v1beta1 proposals", () => {
  const legacySubmit = (sc: GovScenario, content: { typeUrl: string; value: Uint8Array }, amount: bigint): Any =>
    anyMsg(LegacySubmit, { content: create(AnySchema, content), initialDeposit: [{ denom: "wei", amount: amount.toString() }], proposer: sc.address("P") });

  it("a SoftwareUpgradeProposal becomes one MsgExecLegacyContent and schedules its plan when it passes", async () => {
    const sc = await scenario();
    const content = { typeUrl: `/${SoftwareUpgradeProposalSchema.typeName}`, value: toBinary(SoftwareUpgradeProposalSchema, create(SoftwareUpgradeProposalSchema, { title: "v2", description: "upgrade to v2", plan: { name: "v2", height: 500n } })) };
    const r = await sc.tx("P", [legacySubmit(sc, content, 100n * STOS)], T);
    expect(r.code, r.log).toBe(0);
    const p = sc.proposal(1n)!;
    expect(p.title).toBe("v2");
    expect(p.summary).toBe("upgrade to v2");
    expect(p.metadata).toBe("");
    expect(p.messages.map((m) => m.typeUrl)).toEqual(["/cosmos.gov.v1.MsgExecLegacyContent"]);
    expect(fromBinary(MsgExecLegacyContentSchema, p.messages[0]!.value).authority).toBe(GOV_ACCOUNT);
    await sc.tx("V", [vote(sc, "V", 1n, "yes")], T + 1n);
    await sc.emptyBlock(T + VOTING);
    expect(sc.proposal(1n)?.status).toBe(ProposalStatus.PASSED);
    expect(sc.app.parts.keepers.upgrade.getPlan(sc.read)).toMatchObject({ name: "v2", height: 500n });
  });

  it("a ParameterChangeProposal is refused at submission (gov 5): this chain serves no x/params subspace", async () => {
    const sc = await scenario();
    const content = {
      typeUrl: `/${ParameterChangeProposalSchema.typeName}`,
      value: toBinary(ParameterChangeProposalSchema, create(ParameterChangeProposalSchema, { title: "t", description: "d", changes: [{ subspace: "staking", key: "MaxValidators", value: "50" }] })),
    };
    const r = await sc.tx("P", [legacySubmit(sc, content, 100n * STOS)], T);
    expect([r.codespace, r.code]).toEqual(["gov", 5]);
    expect(r.log).toContain("failed to run legacy handler params, staking");
    expect(r.log).toMatch(/MsgUpdateParams/);
  });

  it("a legacy description longer than 255 bytes fails with gov 15", async () => {
    const sc = await scenario();
    const content = { typeUrl: `/${TextProposalSchema.typeName}`, value: toBinary(TextProposalSchema, create(TextProposalSchema, { title: "t", description: "x".repeat(300) })) };
    const r = await sc.tx("P", [legacySubmit(sc, content, 100n * STOS)], T);
    expect([r.codespace, r.code]).toEqual(["gov", 15]);
    expect(r.log).toBe("failed to execute message; message index: 0: got metadata with length 300: metadata too long");
  });
});

describe("bad input (issue 14): each a code and a clear log", () => {
  it("a proposal message whose signer is not the gov account: gov 13", async () => {
    const sc = await scenario();
    const r = await sc.tx("P", [submitProposal(sc, "P", [TestApp.send(sc.address("P"), sc.address("D"), 1n)], 100n * STOS)], T);
    expect([r.codespace, r.code]).toEqual(["gov", 13]);
    expect(r.log).toBe(`failed to execute message; message index: 0: ${sc.address("P")}: expected gov account as only signer for proposal message`);
  });

  it("an unknown message in a proposal: the tx does not decode (sdk 2)", async () => {
    const sc = await scenario();
    const r = await sc.tx("P", [submitProposal(sc, "P", [{ typeUrl: "/cosmos.foo.v1.MsgBar", value: new Uint8Array() }], 100n * STOS)], T);
    expect([r.codespace, r.code]).toEqual(["sdk", 2]);
    expect(r.log).toContain("/cosmos.foo.v1.MsgBar");
  });

  it("a deposit in a denom min_deposit does not list: sdk 10", async () => {
    const sc = await scenario();
    await sc.tx("P", [submitProposal(sc, "P", [textContentMsg()], 10n * STOS)], T);
    const r = await sc.tx("D", [deposit(sc, "D", 1n, 5n, "uatom")], T + 1n);
    expect([r.codespace, r.code]).toEqual(["sdk", 10]);
    expect(r.log).toBe("failed to execute message; message index: 0: deposit denom uatom is not a min_deposit denom (wei): invalid coins");
    expect(sc.gov.depositsOf(sc.read, 1n).map((d) => d.deposit.depositor)).toEqual([sc.address("P")]);
  });

  it("a vote after the voting period: gov 3", async () => {
    const sc = await scenario();
    const id = await passingProposal(sc, [textContentMsg()], T);
    await sc.emptyBlock(T + VOTING);
    const r = await sc.tx("D", [vote(sc, "D", id, "no")], T + VOTING + 5n);
    expect([r.codespace, r.code]).toEqual(["gov", 3]);
    expect(r.log).toBe(`failed to execute message; message index: 0: ${id}: inactive proposal`);
  });

  it("weights that do not add up to 1: gov 7, refused before the ante chain (no fee)", async () => {
    const sc = await scenario();
    const id = await passingProposal(sc, [textContentMsg()], T);
    const before = sc.balance("D");
    const low = await sc.tx("D", [voteWeighted(sc, "D", id, [["yes", "0.5"], ["no", "0.4"]])], T + 5n);
    expect([low.codespace, low.code, low.log]).toEqual(["gov", 7, "Total weight lower than 1.00: invalid vote option"]);
    const high = await sc.tx("D", [voteWeighted(sc, "D", id, [["yes", "0.7"], ["no", "0.4"]])], T + 6n);
    expect([high.codespace, high.code, high.log]).toEqual(["gov", 7, "Total weight overflow 1.00: invalid vote option"]);
    const dup = await sc.tx("D", [voteWeighted(sc, "D", id, [["yes", "0.5"], ["yes", "0.5"]])], T + 7n);
    expect([dup.codespace, dup.code, dup.log]).toEqual(["gov", 7, "Duplicated vote option: invalid vote option"]);
    expect(sc.balance("D")).toBe(before);
  });

  it("more refusals: empty title, long metadata, nothing proposed, an invalid inner message, unknown proposal, bad option", async () => {
    const sc = await scenario();
    const cases: Array<[string, Any, string, number, string]> = [
      ["empty title", submitProposal(sc, "P", [textContentMsg()], 1n, { title: "" }), "sdk", 18, "proposal title cannot be empty: invalid request"],
      ["metadata of 256 bytes", submitProposal(sc, "P", [textContentMsg()], 1n, { metadata: "m".repeat(256) }), "gov", 15,
        "failed to execute message; message index: 0: got metadata with length 256: metadata too long"],
      ["no messages, no metadata", submitProposal(sc, "P", [], 1n), "gov", 11, "either metadata or Msgs length must be non-nil: no messages proposed"],
      ["invalid inner params", submitProposal(sc, "P", [potUpdate(sc, (p) => { p.matureEpoch = 0n; })], 1n), "gov", 12,
        "msg: 0, err: mature epoch must be positive: 0: the value of epoch must be positive and greater than its previous one: invalid proposal message"],
      ["unknown proposal", deposit(sc, "P", 99n, 1n), "gov", 2, "failed to execute message; message index: 0: 99: unknown proposal"],
      ["option 0", anyMsg(MsgVoteSchemaV1, { proposalId: 1n, voter: sc.address("P"), option: 0, metadata: "" }), "gov", 7,
        "VOTE_OPTION_UNSPECIFIED: invalid vote option"],
    ];
    let t = T;
    for (const [name, msg, codespace, code, log] of cases) {
      const r = await sc.tx("P", [msg], (t += 1n));
      expect([name, r.codespace, r.code, r.log]).toEqual([name, codespace, code, log]);
    }
  });

  it("each module's MsgUpdateParams with params its validation refuses is refused at submission (gov 12)", async () => {
    const sc = await scenario();
    const auth = sc.app.parts.keepers.auth.getParams(sc.read);
    const govParams = govParamsToProto({ ...sc.gov.getParams(sc.read), threshold: "0" });
    const cases: Array<[string, Any, string]> = [
      ["auth", anyMsg(AuthUpdateParams, { authority: GOV_ACCOUNT, params: { ...auth, txSigLimit: 0n } }), "invalid tx signature limit: 0"],
      ["bank", anyMsg(BankUpdateParams, { authority: GOV_ACCOUNT, params: { sendEnabled: [{ denom: "wei", enabled: false }], defaultSendEnabled: true } }),
        "use of send_enabled in params is no longer supported"],
      ["register (R: min deposit in the bond denom)", registerUpdate(sc, (p) => { p.resourceNodeMinDeposit = { ...p.resourceNodeMinDeposit!, denom: "uatom" }; }),
        "resource node min deposit denom uatom must be the bond denom wei"],
      ["pot (R: at least one valve)", potUpdate(sc, (p) => { p.miningRewardParams = []; }), "at least one mining reward param is required"],
      ["sds", anyMsg(SdsUpdateParams, { authority: GOV_ACCOUNT, params: { bondDenom: "x" } }), "failed to validate bond denomination"],
      ["gov", anyMsg(GovUpdateParams, { authority: GOV_ACCOUNT, params: govParams }), "vote threshold must be positive: 0.000000000000000000"],
      ["upgrade", anyMsg(MsgSoftwareUpgradeSchema, { authority: GOV_ACCOUNT, plan: { name: "v2", height: 0n } }), "plan: height must be greater than 0"],
    ];
    let t = T;
    for (const [name, msg, text] of cases) {
      const r = await sc.tx("P", [submitProposal(sc, "P", [msg], 100n * STOS)], (t += 1n));
      expect([name, r.codespace, r.code]).toEqual([name, "gov", 12]);
      expect(r.log).toContain(`msg: 0, err: ${text}`);
    }
  });

  it("min_initial_deposit_ratio: an initial deposit under round(min_deposit × ratio) fails with gov 16", async () => {
    const sc = await scenario({ govParams: { voting_period: `${VOTING}s`, max_deposit_period: `${DEPOSITING}s`, min_initial_deposit_ratio: "0.500000000000000000" } });
    const r = await sc.tx("P", [submitProposal(sc, "P", [textContentMsg()], 10n * STOS)], T);
    expect([r.codespace, r.code]).toEqual(["gov", 16]);
    expect(r.log).toBe("failed to execute message; message index: 0: was (10000000000000000000wei), need (50000000000000000000wei): minimum deposit is too small");
    const ok = await sc.tx("P", [submitProposal(sc, "P", [textContentMsg()], 50n * STOS)], T + 1n);
    expect(ok.code, ok.log).toBe(0);
  });

  it("a user cannot send MsgExecLegacyContent or an upgrade message itself: gov 13", async () => {
    const sc = await scenario();
    const exec = anyMsg(MsgExecLegacyContentSchema, { content: create(AnySchema, { typeUrl: `/${TextProposalSchema.typeName}`, value: toBinary(TextProposalSchema, create(TextProposalSchema, { title: "t", description: "d" })) }), authority: sc.address("P") });
    const r = await sc.tx("P", [exec], T);
    expect([r.codespace, r.code]).toEqual(["gov", 13]);
    expect(r.log).toBe(`failed to execute message; message index: 0: expected ${GOV_ACCOUNT} got ${sc.address("P")}: expected gov account as only signer for proposal message`);
    const up = await sc.tx("P", [anyMsg(MsgSoftwareUpgradeSchema, { authority: sc.address("P"), plan: { name: "x", height: 100n } })], T + 1n);
    expect([up.codespace, up.code]).toEqual(["gov", 13]);
  });
});
