/**
 * spec-register §11 R2–R10 through real signed transactions on the whole app in-process (TestApp:
 * FinalizeBlock/Commit without CometBFT), with the block times of the vectors (T = 2024-06-01), so
 * every date, amount, stored value and event attribute is the spec's. The devnet version of these
 * scenarios (real CometBFT, CosmJS, short durations) is test/register.test.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  MsgCreateMetaNodeSchema, MsgCreateResourceNodeSchema, MsgKickMetaNodeVoteSchema, MsgMetaNodeRegistrationVoteSchema,
  MsgRemoveMetaNodeSchema, MsgRemoveResourceNodeSchema, MsgUpdateEffectiveDepositSchema, MsgUpdateResourceNodeDepositSchema,
} from "../../codec/stratos/register/v1/tx_pb.js";
import { POOL } from "./keeper.js";
import { BondStatus } from "./logic/bondStatus.js";
import { utcTime } from "./logic/time.js";
import { parseSds } from "./addresses.js";
import { registerInvariants } from "./invariants.js";
import { actionEvent, anyMsg, DAY, ed25519Any, eventAttributes, G_OWNERS, genesisG, q, Scenario, STOS, stateP, T, TX_FEE } from "./testkit.js";

const HOUR = 3600n;
let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

async function start(options: Parameters<typeof Scenario.create>[0]): Promise<Scenario> {
  scenario = await Scenario.create(options);
  return scenario;
}

function expectOk(r: { code: number; log: string }): void {
  expect(r.log === "" || r.code === 0 ? r.code : `${r.code}: ${r.log}`).toBe(0);
}

function pool(s: Scenario, name: string): bigint {
  return s.register.poolBalance(s.read, name as (typeof POOL)[keyof typeof POOL]);
}

function ozone(s: Scenario): { s: bigint; lt: bigint } {
  return s.register.ozoneState(s.read);
}

/** Every register invariant holds on committed state. */
function expectInvariants(s: Scenario): void {
  const broken = Object.entries(registerInvariants(s.register)).flatMap(([name, check]) => {
    const problem = check(s.read);
    return problem === undefined ? [] : [`${name}: ${problem}`];
  });
  expect(broken).toEqual([]);
}

const createResource = (s: Scenario, name: string, value: bigint, nodeType = 4) =>
  anyMsg(MsgCreateResourceNodeSchema, {
    networkAddress: s.net(name), pubkey: ed25519Any(s.actor(name).node.publicKey), value: { denom: "wei", amount: value.toString() },
    ownerAddress: s.address(name), description: { moniker: name.toLowerCase() }, nodeType,
  });

const effective = (s: Scenario, reporter: string, node: string, amount: bigint) =>
  anyMsg(MsgUpdateEffectiveDepositSchema, {
    reporters: [s.net(reporter)], reporterOwner: [s.address(reporter)], networkAddress: s.net(node), effectiveTokens: amount.toString(),
  });

const createMeta = (s: Scenario, name: string, value: bigint) =>
  anyMsg(MsgCreateMetaNodeSchema, {
    networkAddress: s.net(name), pubkey: ed25519Any(s.actor(name).node.publicKey), value: { denom: "wei", amount: value.toString() },
    ownerAddress: s.address(name), beneficiaryAddress: s.address(name), description: { moniker: name.toLowerCase() },
  });

const regVote = (s: Scenario, candidate: string, voter: string, approve: boolean, voterNet = s.net(voter)) =>
  anyMsg(MsgMetaNodeRegistrationVoteSchema, {
    candidateNetworkAddress: s.net(candidate), candidateOwnerAddress: s.address(candidate), opinion: approve,
    voterNetworkAddress: voterNet, voterOwnerAddress: s.address(voter),
  });

const kickVote = (s: Scenario, target: string, voter: string, approve: boolean) =>
  anyMsg(MsgKickMetaNodeVoteSchema, {
    targetNetworkAddress: s.net(target), opinion: approve, voterNetworkAddress: s.net(voter), voterOwnerAddress: s.address(voter),
  });

describe("R2: create a resource node, then activate it with MsgUpdateEffectiveDeposit (state P)", () => {
  it("moves the deposit into the bonded pool, then S and Lt with the effective deposit", async () => {
    const s = await start(stateP({ RES6: 10n * STOS }));
    const r1 = await s.tx("RES6", [createResource(s, "RES6", 2n * STOS)], T);
    expectOk(r1);
    expect(s.balance("RES6")).toBe(8n * STOS - TX_FEE);
    expect(pool(s, POOL.resourceBonded)).toBe(7n * STOS);
    expect(pool(s, POOL.resourceNotBonded)).toBe(0n);
    const node = s.register.getResourceNode(s.read, parseSds(s.net("RES6")))!;
    expect(node).toMatchObject({ status: BondStatus.Bonded, suspend: true, tokens: 2n * STOS, effectiveTokens: 0n, creationTime: utcTime(2024, 6, 1) });
    expect(s.register.getBondedResourceNodeCount(s.read)).toBe(6n);
    expect(ozone(s)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });
    expect(eventAttributes(r1.events, "stratos.register.v1.EventCreateResourceNode")).toEqual({
      initial_deposit: q("2000000000000000000wei"), network_address: q(s.net("RES6")), ozone_limit_changes: q("0"),
      pubkey: q(Buffer.from(s.actor("RES6").node.publicKey).toString("hex")), sender: q(s.address("RES6")),
    });
    // The message event relayd subscribes to.
    expect(actionEvent(r1.events)).toMatchObject({ action: "/stratos.register.v1.MsgCreateResourceNode", module: "register" });

    const r2 = await s.tx("META1", [effective(s, "META1", "RES6", 2n * STOS)], T + 5n);
    expectOk(r2);
    expect(ozone(s)).toEqual({ s: 10n * STOS, lt: 4_285_714_285_715n });
    expect(eventAttributes(r2.events, "stratos.register.v1.EventUpdateEffectiveDeposit")).toEqual({
      effective_deposit_after: q("2000000000000000000"), is_unsuspended: q("true"), network_address: q(s.net("RES6")),
    });
    expect(s.register.getResourceNode(s.read, parseSds(s.net("RES6")))).toMatchObject({ suspend: false, effectiveTokens: 2n * STOS });
    expectInvariants(s);
  });
});

describe("R3: deposit increase and an effective-deposit round trip with a fractional noz (state P)", () => {
  it("loses one noz on the way back and refuses more than the available deposit (code 55)", async () => {
    const s = await start(stateP());
    const r1 = await s.tx("RES1", [anyMsg(MsgUpdateResourceNodeDepositSchema, {
      networkAddress: s.net("RES1"), ownerAddress: s.address("RES1"), depositDelta: { denom: "wei", amount: (STOS / 2n).toString() },
    })], T);
    expectOk(r1);
    expect(pool(s, POOL.resourceBonded)).toBe(11n * STOS / 2n);
    expect(ozone(s)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });
    expect(eventAttributes(r1.events, "stratos.register.v1.EventUpdateResourceNodeDeposit")).toEqual({
      available_token_after: q("1500000000000000000wei"), available_token_before: q("1000000000000000000wei"),
      current_deposit: q("1000000000000000000wei"), deposit_delta: q("500000000000000000wei"), network_address: q(s.net("RES1")),
      ozone_limit_changes: q("0"), sender: q(s.address("RES1")), unbonding_mature_time: q("2024-06-01T00:00:00Z"),
    });
    const steps: Array<[bigint, bigint, bigint, string]> = [
      [3n * STOS / 2n, 8_500_000_000_000_000_000n, 2_785_714_285_715n, "false"],
      [1_166_666_666_666_666_667n, 8_166_666_666_666_666_667n, 2_452_380_952_381n, "false"],
      [3n * STOS / 2n, 8_500_000_000_000_000_000n, 2_785_714_285_714n, "false"],
    ];
    let t = T;
    for (const [eff, sWant, ltWant, unsusp] of steps) {
      t += 5n;
      const r = await s.tx("META1", [effective(s, "META1", "RES1", eff)], t);
      expectOk(r);
      expect(ozone(s)).toEqual({ s: sWant, lt: ltWant });
      expect(eventAttributes(r.events, "stratos.register.v1.EventUpdateEffectiveDeposit")?.is_unsuspended).toBe(q(unsusp));
    }
    const before = ozone(s);
    const fail = await s.tx("META1", [effective(s, "META1", "RES1", 2n * STOS)], t + 5n);
    expect([fail.codespace, fail.code]).toEqual(["register", 55]);
    expect(fail.log).toBe("failed to execute message; message index: 0: insufficient balance: failed to update deposit for resource node");
    expect(ozone(s)).toEqual(before);
    expectInvariants(s);
  });
});

describe("R4: a decrease refused by IsUnbondable (S = 13 STOS, Pt = 120 STOS, Lt = 1 807 733 619 764)", () => {
  it("lowers the effective deposit but keeps S and Lt", async () => {
    // The state after R4 steps 1–2 (RES6 with 5 STOS effective; another wallet's 100 STOS prepay), as a genesis.
    const s = await start({
      balances: { ...G_OWNERS, RES6: 10n * STOS },
      nodes: (actor) => [...genesisG(actor), { kind: "resource", ownerAddress: actor("RES6").key.address, pubKey: actor("RES6").node.publicKey, tokens: 5n * STOS, moniker: "res6" }],
      moduleBalances: { resource_node_bonded_pool: 10n * STOS, meta_node_bonded_pool: 3n * STOS, total_unissued_prepay: 120n * STOS },
      register: { remaining_noz_limit: "1807733619764" },
    });
    expect(ozone(s)).toEqual({ s: 13n * STOS, lt: 1_807_733_619_764n });
    const r = await s.tx("META1", [effective(s, "META1", "RES6", STOS)], T);
    expectOk(r);
    expect(ozone(s)).toEqual({ s: 13n * STOS, lt: 1_807_733_619_764n });
    expect(s.register.getResourceNode(s.read, parseSds(s.net("RES6")))?.effectiveTokens).toBe(STOS);
    expect(eventAttributes(r.events, "stratos.register.v1.EventUpdateEffectiveDeposit")?.is_unsuspended).toBe(q("false"));
    expectInvariants(s);
  });
});

describe("R5: unsuspension via MsgUpdateEffectiveDeposit after a pot suspension (the suspended state as genesis)", () => {
  it.each([
    { name: "suspended with eff 0 → is_unsuspended true", suspend: true, want: "true" },
    { name: "flag already cleared by pot → same S/Lt, is_unsuspended false", suspend: false, want: "false" },
  ])("$name", async ({ suspend, want }) => {
    const s = await start(stateP({}, {
      nodes: (actor) => genesisG(actor).map((n) => (n.moniker === "res1" ? { ...n, suspend, effectiveTokens: 0n } : n)),
      register: { remaining_noz_limit: "1285714285715" },
    }));
    expect(ozone(s)).toEqual({ s: 7n * STOS, lt: 1_285_714_285_715n });
    const r = await s.tx("META1", [effective(s, "META1", "RES1", STOS)], T);
    expectOk(r);
    expect(ozone(s)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });
    expect(eventAttributes(r.events, "stratos.register.v1.EventUpdateEffectiveDeposit")?.is_unsuspended).toBe(q(want));
  });
});

describe("R6: removal, maturity and payout with a slashing debt (state P)", () => {
  it.each([
    { name: "(a) small debt", debt: 122_499_999_464n, ownerGets: 999_999_877_500_000_536n, community: 122_499_999_464n, left: 0n },
    { name: "(b) debt above the deposit", debt: 1_173_652_694_610_427_050n, ownerGets: 0n, community: STOS, left: 173_652_694_610_427_050n },
  ])("$name", async ({ debt, ownerGets, community, left }) => {
    // The debt pot's MsgSlashingResourceNode would record (spec-pot §4.4), put in place through genesis.
    const w = await start(stateP({}, {
      register: (actor) => ({ remaining_noz_limit: "2285714285715", slashing: [{ wallet_address: actor("RES2").key.address, value: debt.toString() }] }),
    }));
    const r = await w.tx("RES2", [anyMsg(MsgRemoveResourceNodeSchema, { resourceNodeAddress: w.net("RES2"), ownerAddress: w.address("RES2") })], T);
    expectOk(r);
    const height = w.app.nextHeight - 1n;
    expect(pool(w, POOL.resourceBonded)).toBe(4n * STOS);
    expect(pool(w, POOL.resourceNotBonded)).toBe(STOS);
    expect(w.register.getBondedResourceNodeCount(w.read)).toBe(4n);
    expect(ozone(w)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });
    expect(w.register.getResourceNode(w.read, parseSds(w.net("RES2")))).toMatchObject({ status: BondStatus.Unbonding, suspend: false, effectiveTokens: STOS });
    expect(w.register.getUnbondingNode(w.read, parseSds(w.net("RES2")))).toEqual({
      networkAddr: w.net("RES2"), isMetaNode: false,
      entries: [{ creationHeight: height, completionTime: utcTime(2024, 6, 15), initialBalance: STOS, balance: STOS }],
    });
    expect(eventAttributes(r.events, "stratos.register.v1.EventUnBondingResourceNode")).toEqual({
      deposit_to_remove: q("1000000000000000000wei"), resource_node: q(w.net("RES2")), sender: q(w.address("RES2")),
      unbonding_mature_time: q("2024-06-15T00:00:00Z"),
    });
    expectInvariants(w);

    const ownerBefore = w.balance("RES2");
    await w.emptyBlock(T + 14n * DAY - 1n); // 2024-06-14T23:59:59Z: not yet
    expect(pool(w, POOL.resourceNotBonded)).toBe(STOS);
    const events = await w.emptyBlock(T + 14n * DAY); // 2024-06-15T00:00:00Z
    expect(w.balance("RES2")).toBe(ownerBefore + ownerGets);
    expect(w.app.parts.keepers.distribution.getCommunityPool(w.read).amountOf("wei").truncateInt()).toBe(community);
    expect(w.register.getSlashing(w.read, w.accountBytes("RES2"))).toBe(left);
    expect(pool(w, POOL.resourceNotBonded)).toBe(0n);
    expect(w.register.getResourceNode(w.read, parseSds(w.net("RES2")))).toBeUndefined();
    expect(w.register.getUnbondingNode(w.read, parseSds(w.net("RES2")))).toBeUndefined();
    expect([...w.register.unbondingQueue(w.read)]).toEqual([]);
    expect(ozone(w).s).toBe(8n * STOS); // §10 Q6: the removed node's effective deposit stays in S
    // A documented addition (§10 Q8): the completion is reported.
    expect(eventAttributes(events, "stratos.register.v1.EventCompleteUnBondingResourceNode")).toEqual({
      amount: q("1000000000000000000wei"), network_address: q(w.net("RES2")),
    });
    expectInvariants(w);
  });
});


/** R7 steps 1–3 on state P: META4 created at T and approved by META1…3 (T+1h, +2h, +3h). */
async function registerMeta4(s: Scenario): Promise<void> {
  expectOk(await s.tx("META4", [createMeta(s, "META4", 2n * STOS)], T));
  for (const [i, voter] of ["META1", "META2", "META3"].entries()) {
    expectOk(await s.tx(voter, [regVote(s, "META4", voter, true)], T + BigInt(i + 1) * HOUR));
  }
}

describe("R7: meta-node registration vote (state P)", () => {
  it("three approvals bond META4; its deposit enters S and Lt; a vote after expiry fails (57 ⊃ 35)", async () => {
    const s = await start(stateP({ META4: 10n * STOS }));
    const c = await s.tx("META4", [createMeta(s, "META4", 2n * STOS)], T);
    expectOk(c);
    const m4 = parseSds(s.net("META4"));
    expect(s.register.getMetaNode(s.read, m4)).toMatchObject({ status: BondStatus.Unbonded, suspend: true, tokens: 2n * STOS });
    expect(pool(s, POOL.metaNotBonded)).toBe(2n * STOS);
    expect(s.register.getRegistrationPool(s.read, m4)?.expireTime).toBe(utcTime(2024, 6, 8));
    expect(ozone(s)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });
    expect(eventAttributes(c.events, "stratos.register.v1.EventCreateMetaNode")).toEqual({ network_address: q(s.net("META4")), sender: q(s.address("META4")) });

    const want = [["BOND_STATUS_UNBONDED", "0"], ["BOND_STATUS_UNBONDED", "0"], ["BOND_STATUS_BONDED", "2000000000000"]];
    for (const [i, voter] of ["META1", "META2", "META3"].entries()) {
      const r = await s.tx(voter, [regVote(s, "META4", voter, true)], T + BigInt(i + 1) * HOUR);
      expectOk(r);
      const e = eventAttributes(r.events, "stratos.register.v1.EventMetaNodeRegistrationVote")!;
      expect([e.candidate_status, e.ozone_limit_changes]).toEqual(want[i]!.map(q));
      expect(e.voter_network_address).toBe(q(s.net(voter)));
    }
    expect(ozone(s)).toEqual({ s: 10n * STOS, lt: 4_285_714_285_715n });
    expect(s.register.getBondedMetaNodeCount(s.read)).toBe(4n);
    expect([pool(s, POOL.metaNotBonded), pool(s, POOL.metaBonded)]).toEqual([0n, 5n * STOS]);
    expect(s.register.getRegistrationPool(s.read, m4)?.isVotePassed).toBe(true);
    expectInvariants(s);

    // T+8d: the pool expired on 2024-06-08 (a repeated vote would be "duplicate voting" first).
    const late = await s.tx("META4", [regVote(s, "META4", "META4", false)], T + 8n * DAY);
    expect(late.code).toBe(29); // the candidate cannot vote for itself (ValidateBasic)
    const expired = await s.tx("META1", [regVote(s, "META4", "META1", false)], T + 8n * DAY);
    expect([expired.codespace, expired.code]).toEqual(["register", 57]);
  });

  it("security hole closed (§10 Q1): a vote under an address that is not the signer's active meta node fails with 67 and changes nothing", async () => {
    const s = await start(stateP({ META4: 10n * STOS, ANYONE: 10n * STOS }));
    expectOk(await s.tx("META4", [createMeta(s, "META4", 2n * STOS)], T));
    const m4 = parseSds(s.net("META4"));
    const before = s.balance("ANYONE");
    const r = await s.tx("ANYONE", [regVote(s, "META4", "ANYONE", true)], T + HOUR);
    expect([r.codespace, r.code, r.log]).toEqual(["register", 67, "failed to execute message; message index: 0: voter meta node does not exist or not active"]);
    expect(s.balance("ANYONE")).toBe(before - TX_FEE); // fee only
    expect(s.register.getRegistrationPool(s.read, m4)?.approveList).toEqual([]);
    // The signer owning an active meta node but voting as another one is refused too.
    const r2 = await s.tx("META1", [regVote(s, "META4", "META1", true, s.net("META2"))], T + HOUR);
    expect(r2.code).toBe(67);
  });

  it("referenceQuirks reproduces the hole: a fake voter's vote is recorded (R7 step 4)", async () => {
    const s = await start(stateP({ META4: 10n * STOS, ANYONE: 10n * STOS }, { referenceQuirks: true }));
    await registerMeta4(s);
    const r = await s.tx("ANYONE", [regVote(s, "META4", "ANYONE", false)], T + 4n * DAY);
    expectOk(r);
    expect(eventAttributes(r.events, "stratos.register.v1.EventMetaNodeRegistrationVote")?.ozone_limit_changes).toBe(q("0"));
    expect(s.register.getRegistrationPool(s.read, parseSds(s.net("META4")))?.rejectList).toEqual([s.net("ANYONE")]);
    expect(ozone(s).s).toBe(10n * STOS);
  });
});

describe("R8: kick vote (continues R7; n = 4: 3 approvals, 1 reject wipes the pool)", () => {
  it("three approvals unbond META4; it is paid back at 2024-12-12", async () => {
    const s = await start(stateP({ META4: 10n * STOS }));
    await registerMeta4(s);
    const T1 = T + DAY;
    const v1 = await s.tx("META1", [kickVote(s, "META4", "META1", true)], T1);
    expectOk(v1);
    expect(v1.events.filter((e) => e.type.startsWith("stratos.")).map((e) => e.type)).toEqual(["stratos.register.v1.EventKickMetaNodeVote"]);
    expect(eventAttributes(v1.events, "stratos.register.v1.EventKickMetaNodeVote")).toEqual({
      sender: q(""), target_network_address: q(s.net("META4")), target_status: q("BOND_STATUS_BONDED"), voter_network_address: q(s.net("META1")),
    });
    const m4 = parseSds(s.net("META4"));
    expect(s.register.getKickPool(s.read, m4)?.expireTime).toBe(utcTime(2024, 6, 9));
    expectOk(await s.tx("META2", [kickVote(s, "META4", "META2", true)], T1));
    const v3 = await s.tx("META3", [kickVote(s, "META4", "META3", true)], T1 + 5n);
    expectOk(v3);
    expect(ozone(s)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });
    expect(s.register.getBondedMetaNodeCount(s.read)).toBe(3n);
    expect([pool(s, POOL.metaBonded), pool(s, POOL.metaNotBonded)]).toEqual([3n * STOS, 2n * STOS]);
    expect(s.register.getMetaNode(s.read, m4)?.status).toBe(BondStatus.Unbonding);
    expect(s.register.getUnbondingNode(s.read, m4)?.entries[0]?.completionTime).toBe(utcTime(2024, 12, 12));
    expect(s.register.getRegistrationPool(s.read, m4)).toBeUndefined();
    expect(s.register.getKickPool(s.read, m4)?.isVotePassed).toBe(true);
    expect(v3.events.filter((e) => e.type.startsWith("stratos.")).map((e) => e.type)).toEqual([
      "stratos.register.v1.EventKickMetaNodeVote", "stratos.register.v1.EventUnBondingMetaNode",
    ]);
    expect(eventAttributes(v3.events, "stratos.register.v1.EventKickMetaNodeVote")?.target_status).toBe(q("BOND_STATUS_UNBONDING"));
    expect(eventAttributes(v3.events, "stratos.register.v1.EventUnBondingMetaNode")).toEqual({
      deposit_to_remove: q("2000000000000000000wei"), meta_node: q(s.net("META4")), ozone_limit_changes: q("2000000000000"),
      sender: q(s.address("META3")), unbonding_mature_time: q("2024-12-12T00:00:00Z"),
    });
    expectInvariants(s);

    const owner = s.balance("META4");
    await s.emptyBlock(utcTimeSeconds(2024, 12, 12));
    expect(s.balance("META4")).toBe(owner + 2n * STOS);
    expect(s.register.getMetaNode(s.read, m4)).toBeUndefined();
    expect(pool(s, POOL.metaNotBonded)).toBe(0n);
    expectInvariants(s);
  });

  it("one reject wipes the pool; then a non-meta-node approval fails with 67 and leaves no pool", async () => {
    const s = await start(stateP({ META4: 10n * STOS, ANYONE: 10n * STOS }));
    await registerMeta4(s);
    const m4 = parseSds(s.net("META4"));
    expectOk(await s.tx("META1", [kickVote(s, "META4", "META1", true)], T + DAY));
    expectOk(await s.tx("META2", [kickVote(s, "META4", "META2", false)], T + DAY + 5n));
    expect(s.register.getKickPool(s.read, m4)).toBeUndefined();
    const r = await s.tx("ANYONE", [kickVote(s, "META4", "ANYONE", true)], T + DAY + 10n);
    expect([r.codespace, r.code]).toEqual(["register", 67]);
    expect(s.register.getKickPool(s.read, m4)).toBeUndefined();
  });

  it("security hole closed (§10 Q2): with one meta node nobody but its owner can kick it", async () => {
    const s = await start({
      balances: { META1: 100n * STOS, ANYONE: 10n * STOS },
      nodes: (actor) => [{ kind: "meta", ownerAddress: actor("META1").key.address, pubKey: actor("META1").node.publicKey, tokens: 5n * STOS, moniker: "m1" }],
    });
    const m1 = parseSds(s.net("META1"));
    const r = await s.tx("ANYONE", [kickVote(s, "META1", "ANYONE", true)], T);
    expect(r.code).toBe(67);
    expect(s.register.getMetaNode(s.read, m1)?.status).toBe(BondStatus.Bonded);
  });

  it("referenceQuirks reproduces the hole: with n = 1 anyone kicks the only meta node with one vote", async () => {
    const s = await start({
      balances: { META1: 100n * STOS, ANYONE: 10n * STOS },
      nodes: (actor) => [{ kind: "meta", ownerAddress: actor("META1").key.address, pubKey: actor("META1").node.publicKey, tokens: 5n * STOS, moniker: "m1" }],
      referenceQuirks: true,
    });
    const r = await s.tx("ANYONE", [kickVote(s, "META1", "ANYONE", true)], T);
    expectOk(r);
    expect(s.register.getMetaNode(s.read, parseSds(s.net("META1")))?.status).toBe(BondStatus.Unbonding);
  });
});

function utcTimeSeconds(y: number, m: number, d: number): bigint {
  return utcTime(y, m, d) / 1_000_000_000n;
}

describe("R9: MsgRemoveMetaNode (Genesis G)", () => {
  const gNonFresh = (extra: Record<string, bigint> = {}, quirks = false) => ({
    balances: { ...G_OWNERS, ...extra },
    nodes: genesisG,
    moduleBalances: { resource_node_bonded_pool: 5n * STOS, meta_node_bonded_pool: 3n * STOS },
    register: { remaining_noz_limit: "8000000000000" },
    referenceQuirks: quirks,
  });

  it("a bonded meta node leaves S and Lt; the event reports the change negated", async () => {
    const s = await start(gNonFresh());
    const r = await s.tx("META3", [anyMsg(MsgRemoveMetaNodeSchema, { metaNodeAddress: s.net("META3"), ownerAddress: s.address("META3") })], T);
    expectOk(r);
    expect(ozone(s)).toEqual({ s: 7n * STOS, lt: 7_000_000_000_000n });
    expect(s.register.getBondedMetaNodeCount(s.read)).toBe(2n);
    expect([pool(s, POOL.metaBonded), pool(s, POOL.metaNotBonded)]).toEqual([2n * STOS, STOS]);
    expect(eventAttributes(r.events, "stratos.register.v1.EventUnBondingMetaNode")).toEqual({
      deposit_to_remove: q("1000000000000000000wei"), meta_node: q(s.net("META3")), ozone_limit_changes: q("-1000000000000"),
      sender: q(s.address("META3")), unbonding_mature_time: q("2024-06-15T00:00:00Z"),
    });
    expectInvariants(s);
  });

  it("§10 Q3 fixed: a pending candidate can withdraw (ozone change 0), paid back creation + 14 d", async () => {
    const s = await start(gNonFresh({ META9: 10n * STOS }));
    expectOk(await s.tx("META9", [createMeta(s, "META9", STOS)], T));
    const r = await s.tx("META9", [anyMsg(MsgRemoveMetaNodeSchema, { metaNodeAddress: s.net("META9"), ownerAddress: s.address("META9") })], T + 5n);
    expectOk(r);
    expect(eventAttributes(r.events, "stratos.register.v1.EventUnBondingMetaNode")).toMatchObject({
      ozone_limit_changes: q("0"), deposit_to_remove: q("1000000000000000000wei"), unbonding_mature_time: q("2024-06-15T00:00:00Z"),
    });
    expect(s.register.getRegistrationPool(s.read, parseSds(s.net("META9")))).toBeUndefined();
    const owner = s.balance("META9");
    await s.emptyBlock(T + 14n * DAY);
    expect(s.balance("META9")).toBe(owner + STOS);
    expectInvariants(s);
  });

  it("referenceQuirks: the pending candidate's removal fails with 111222 and changes nothing (§10 Q3)", async () => {
    const s = await start(gNonFresh({ META9: 10n * STOS }, true));
    expectOk(await s.tx("META9", [createMeta(s, "META9", STOS)], T));
    const r = await s.tx("META9", [anyMsg(MsgRemoveMetaNodeSchema, { metaNodeAddress: s.net("META9"), ownerAddress: s.address("META9") })], T + 5n);
    expect([r.codespace, r.code]).toEqual(["undefined", 111222]);
    expect(s.register.getMetaNode(s.read, parseSds(s.net("META9")))?.status).toBe(BondStatus.Unbonded);
    expect(pool(s, POOL.metaNotBonded)).toBe(STOS);
  });
});

describe("R10: the \"S before = 0\" rule (empty genesis)", () => {
  it("the first meta node creates no ozone; the second does", async () => {
    const s = await start({ balances: { M1: 10n * STOS, M2: 10n * STOS } });
    expectOk(await s.tx("M1", [createMeta(s, "M1", 5n * STOS)], T));
    // No active meta node exists, so any single vote bonds the first one (the bootstrap case).
    const v = await s.tx("M2", [regVote(s, "M1", "M2", true)], T + 5n);
    expectOk(v);
    expect(eventAttributes(v.events, "stratos.register.v1.EventMetaNodeRegistrationVote")?.ozone_limit_changes).toBe(q("0"));
    expect(ozone(s)).toEqual({ s: 5n * STOS, lt: 0n });
    expect(s.register.getBondedMetaNodeCount(s.read)).toBe(1n);
    expectOk(await s.tx("M2", [createMeta(s, "M2", 3n * STOS)], T + 10n));
    const v2 = await s.tx("M1", [regVote(s, "M2", "M1", true)], T + 15n);
    expectOk(v2);
    expect(ozone(s)).toEqual({ s: 8n * STOS, lt: 3_000_000_000_000n });
    expect(eventAttributes(v2.events, "stratos.register.v1.EventMetaNodeRegistrationVote")?.ozone_limit_changes).toBe(q("3000000000000"));
    expectInvariants(s);
  });
});

describe("MsgUpdateEffectiveDeposit authorization (§10 Q4)", () => {
  it("a signer without an active meta node of its own cannot move S and Lt (code 62)", async () => {
    const s = await start(stateP({ ANYONE: 10n * STOS }));
    const msg = anyMsg(MsgUpdateEffectiveDepositSchema, {
      reporters: [s.net("META1")], reporterOwner: [s.address("ANYONE")], networkAddress: s.net("RES1"), effectiveTokens: "1",
    });
    const r = await s.tx("ANYONE", [msg], T);
    expect([r.codespace, r.code, r.log]).toEqual(["register", 62, "failed to execute message; message index: 0: invalid reporter address or owner address"]);
    expect(ozone(s)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });
    expect(s.register.getResourceNode(s.read, parseSds(s.net("RES1")))?.effectiveTokens).toBe(STOS);
  });

  it("referenceQuirks: the same message succeeds, as in the reference", async () => {
    const s = await start(stateP({ ANYONE: 10n * STOS }, { referenceQuirks: true }));
    const msg = anyMsg(MsgUpdateEffectiveDepositSchema, {
      reporters: [s.net("META1")], reporterOwner: [s.address("ANYONE")], networkAddress: s.net("RES1"), effectiveTokens: "1",
    });
    expectOk(await s.tx("ANYONE", [msg], T));
    expect(s.register.getResourceNode(s.read, parseSds(s.net("RES1")))?.effectiveTokens).toBe(1n);
  });
});

describe("a failing message in a multi-message tx reverts every message of the tx", () => {
  it("create RES6 then an invalid effective deposit: nothing of the first stays but fee and sequence", async () => {
    const s = await start(stateP({ RES6: 10n * STOS }));
    const r = await s.tx("RES6", [createResource(s, "RES6", 2n * STOS), effective(s, "RES6", "RES6", STOS)], T);
    expect(r.code).toBe(62);
    expect(r.log).toContain("message index: 1");
    expect(s.balance("RES6")).toBe(10n * STOS - TX_FEE);
    expect(s.register.getResourceNode(s.read, parseSds(s.net("RES6")))).toBeUndefined();
    expect(pool(s, POOL.resourceBonded)).toBe(5n * STOS);
  });
});
