/**
 * spec-pot §11 TV1, TV4, TV5 and TV6 through real signed transactions on the whole app in-process
 * (TestApp: FinalizeBlock/Commit without CometBFT): MsgFoundationDeposit 40 000 000 STOS, sds MsgPrepay
 * 20 STOS, and volume reports BLS-signed with the project's BLS code by the meta nodes' keys (the TV6
 * seeds 32×0x11/0x22/0x33), as spec-sds-clients §7.2 describes the meta nodes doing it. Every number
 * below is copied from the spec or summed from its table rows; the few beyond its vectors (the
 * supply-bound report, marked) come from the spec's Appendix A model. None is recomputed by the module.
 * Then the bad inputs of §4 (each changing nothing but fee and sequence) and the §6.2 DoS case. Each
 * scenario ends with the pot and register invariants holding.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import type { Event, ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import {
  QueryMetaNodeBlsKeyRequestSchema, QueryMetaNodeBlsKeyResponseSchema, QueryRewardBreakdownRequestSchema, QueryRewardBreakdownResponseSchema,
  QueryVolumeReportRequestSchema, QueryVolumeReportResponseSchema,
} from "../../codec/stratos/pot/v1/query_pb.js";
import { MsgSetMetaNodeBlsKeySchema, MsgVolumeReportSchema } from "../../codec/stratos/pot/v1/tx_pb.js";
import { blsAggregateSignatures, blsKeyFromSecret, blsPublicKey, blsSign, blsVerify } from "../../crypto/bls/index.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { sha256 } from "../../crypto/hash.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { Dec } from "../../math/dec.js";
import { parseAcc } from "../register/addresses.js";
import { registerInvariants } from "../register/invariants.js";
import { potInvariants } from "./invariants.js";
import { POT_ACCOUNT } from "./keeper.js";
import { TV6_AGGREGATE_SIGNATURE, TV6_AGGREGATE_SIGNATURE_12, TV6_PUBKEYS, TV6_REPORT, TV6_SIGN_BYTES, TV6_TX_DATA } from "./logic/volumeReport.vectors.js";
import { volumeReportSignBytes, volumeReportTxData } from "./logic/volumeReportSignBytes.js";
import { blsProofOfPossessionMessage } from "./msgs/setMetaNodeBlsKey.js";
import {
  anyMsg, changedKeys, eventAttributes, foundationDeposit, genesisG, META_BLS, PotScenario, type PotScenarioOptions, prepay, q, setBlsKey, slashing, STOS,
  storeDump, T, TX_FEE, volumeReport, withdraw,
} from "./testkit.js";

let scenario: PotScenario | undefined;
afterEach(async () => {
  // Every scenario ends with the pot and register invariants holding.
  const s = scenario;
  scenario = undefined;
  if (s === undefined) return;
  try {
    expectInvariants(s);
  } finally {
    await s.close();
  }
});

async function start(options: PotScenarioOptions): Promise<PotScenario> {
  scenario = await PotScenario.create(options);
  return scenario;
}

function expectOk(r: { code: number; log: string }): void {
  expect(r.code === 0 ? 0 : `${r.code}: ${r.log}`).toBe(0);
}

const FAILED = "failed to execute message; message index: 0: ";
const { META1: META1_SK, META2: META2_SK, META3: META3_SK } = META_BLS;
const modAddr = (name: string): string => formatBech32Address(moduleAddress(name), BECH32_PREFIX.account);

/** Genesis G of spec-pot TV1 (fresh: the owners pay 1 STOS each at InitGenesis) plus the foundation's funder. */
const TV1_BALANCES: Readonly<Record<string, bigint>> = {
  ...Object.fromEntries(["RES1", "RES2", "RES3", "RES4", "RES5", "META1", "META2", "META3"].map((n) => [n, 100n * STOS])),
  FOUNDER: 40_000_001n * STOS,
  TARGET: 0n,
};

/** TV1 up to the prepay: foundation 40 000 000 STOS, Pt = 20 STOS, Lt = 2 285 714 285 715. Blocks at T, T + 5. */
async function tv1AfterPrepay(over: Partial<PotScenarioOptions> = {}): Promise<PotScenario> {
  const s = await start({ balances: TV1_BALANCES, nodes: genesisG, ...over });
  expect(s.register.ozoneState(s.read)).toEqual({ s: 8n * STOS, lt: 8_000_000_000_000n });
  expectOk(await s.tx("FOUNDER", [foundationDeposit(s, "FOUNDER", 40_000_000n * STOS)], T));
  expect(s.moduleBalance(POT_ACCOUNT.foundation)).toBe(40_000_000n * STOS);
  expectOk(await s.tx("RES1", [prepay(s, "RES1", 20n * STOS)], T + 5n));
  expect(s.register.ozoneState(s.read)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });
  expect(s.moduleBalance(POT_ACCOUNT.totalUnissuedPrepay)).toBe(20n * STOS);
  return s;
}

/** TV1's report: RES1 50 000, RES2 30 000, RES3 20 000 (Y = 100 000), by META1, signed by all three meta nodes. */
const tv1Report = (s: PotScenario, epoch: bigint) =>
  volumeReport(s, { reporter: "META1", epoch, volumes: [[s.address("RES1"), 50_000n], [s.address("RES2"), 30_000n], [s.address("RES3"), 20_000n]] });

/** The bank transfers a tx made between module accounts, in order: [sender, recipient, amount]. */
function moduleTransfers(events: readonly Event[]): Array<[string, string, string]> {
  const names = new Map([POT_ACCOUNT.foundation, POT_ACCOUNT.totalUnissuedPrepay, POT_ACCOUNT.totalRewardPool, POT_ACCOUNT.feeCollector, "distribution"].map((n) => [modAddr(n), n]));
  return events.filter((e) => e.type === "transfer").flatMap((e): Array<[string, string, string]> => {
    const attr = (key: string): string => e.attributes.find((a) => a.key === key)?.value ?? "";
    const [from, to] = [names.get(attr("sender")), names.get(attr("recipient"))];
    return from === undefined || to === undefined ? [] : [[from, to, attr("amount")]];
  });
}

function reward(s: PotScenario, epoch: bigint, wallet: string): { mining: string; traffic: string } | undefined {
  const r = s.pot.getIndividualReward(s.read, epoch, parseAcc(wallet));
  return r === undefined ? undefined : { mining: r.rewardFromMiningPool.toString(), traffic: r.rewardFromTrafficPool.toString() };
}

const immature = (s: PotScenario, name: string): bigint => s.pot.getImmatureTotal(s.read, s.accountBytes(name)).amountOf("wei");
const mature = (s: PotScenario, name: string): bigint => s.pot.getMatureTotal(s.read, s.accountBytes(name)).amountOf("wei");
const cp = (s: PotScenario): bigint => Dec.parse(s.communityPool()).truncateInt();

/** The RewardBreakdown query (this chain's audit of an epoch: inputs read before the report, R, each wallet's reward). */
function breakdown(s: PotScenario, epoch: bigint, walletAddress = "") {
  const req = toBinary(QueryRewardBreakdownRequestSchema, create(QueryRewardBreakdownRequestSchema, { epoch, walletAddress }));
  return fromBinary(QueryRewardBreakdownResponseSchema, s.app.query("/stratos.pot.v1.Query/RewardBreakdown", req));
}

/** R of an epoch, as the audit recorded it (an 18-decimal Dec). */
const trafficRewardOf = (s: PotScenario, epoch: bigint): string => Dec.fromProtoString(breakdown(s, epoch).audit?.trafficReward ?? "").toString();

/** Every pot and register invariant holds on committed state. */
function expectInvariants(s: PotScenario): void {
  const checks = { ...potInvariants(s.pot), ...registerInvariants(s.register) };
  const broken = Object.entries(checks).flatMap(([name, check]) => {
    const problem = check(s.read);
    return problem === undefined ? [] : [`${name}: ${problem}`];
  });
  expect(broken).toEqual([]);
}

/**
 * A failed tx changed nothing but the signer's fee and sequence: the pot, register and sds stores are
 * identical; distribution changed only by its BeginBlock (the previous block's fees handed to the
 * validators: their outstanding and current rewards and commission, never the community pool); bank
 * changed only the signer's and fee_collector's balances (and distribution's, by those fees); auth only
 * the signer's account (sequence + 1). The fee collector then holds exactly this block's fee.
 */
async function expectOnlyFeeAndSequence(s: PotScenario, signer: string, run: () => Promise<ExecTxResult>): Promise<ExecTxResult> {
  const stores = ["pot", "register", "sds"];
  const before = storeDump(s, stores);
  const distributionBefore = storeDump(s, ["distribution"]);
  const bankBefore = storeDump(s, ["bank"]);
  const accBefore = storeDump(s, ["acc"]);
  const cpBefore = cp(s);
  const [balance, previousFees, sequence] = [s.balance(signer), s.moduleBalance(POT_ACCOUNT.feeCollector), s.sequence(signer)];
  const distributionBalance = s.pools().distribution;
  const r = await run();
  expect(r.code).not.toBe(0);
  expect(changedKeys(before, storeDump(s, stores))).toEqual([]);
  // 0x02 current rewards, 0x06 outstanding rewards, 0x07 accumulated commission of a validator.
  expect(changedKeys(distributionBefore, storeDump(s, ["distribution"])).filter((k) => !/^distribution\/0[267]/.test(k))).toEqual([]);
  expect(cp(s)).toBe(cpBefore);
  expect(changedKeys(bankBefore, storeDump(s, ["bank"])).length).toBeLessThanOrEqual(3);
  expect(s.pools().distribution - distributionBalance).toBe(previousFees);
  expect(changedKeys(accBefore, storeDump(s, ["acc"]))).toHaveLength(1);
  expect(balance - s.balance(signer)).toBe(TX_FEE);
  expect(s.moduleBalance(POT_ACCOUNT.feeCollector)).toBe(TX_FEE);
  expect(s.sequence(signer)).toBe(sequence + 1n);
  return r;
}

describe("TV1: epochs 1 and 2 (spec-pot §11.1)", () => {
  it("epoch 1: R, the five flows, records, immature totals, TotalReward, mined total, Lt, event and audit; then epoch 2", async () => {
    const s = await tv1AfterPrepay();
    const before = s.pools();
    const cpBefore = cp(s);
    const r1 = await s.tx("META1", [tv1Report(s, 1n)], T + 10n);
    expectOk(r1);
    const reportTx = s.lastTx;

    // Event: report_reference and epoch as quoted strings.
    expect(eventAttributes(r1.events, "stratos.pot.v1.EventVolumeReport")).toEqual({ epoch: q("1"), report_reference: q("ref-1") });
    // §5.3 step 10, in order: F2V, P2V, F2R, P2R, trunc(TAX).
    expect(moduleTransfers(r1.events)).toEqual([
      [POT_ACCOUNT.foundation, POT_ACCOUNT.feeCollector, "16000000000000000000wei"],
      [POT_ACCOUNT.totalUnissuedPrepay, POT_ACCOUNT.feeCollector, "244999989281wei"],
      [POT_ACCOUNT.foundation, POT_ACCOUNT.totalRewardPool, "63999999999999999999wei"],
      [POT_ACCOUNT.totalUnissuedPrepay, POT_ACCOUNT.totalRewardPool, "960399957978wei"],
      [POT_ACCOUNT.totalUnissuedPrepay, "distribution", "19599999142wei"],
    ]);

    // The pools after (spec "After:" line) and the flows as balance changes.
    const after = s.pools();
    expect(after.foundation).toBe(39_999_920_000_000_000_000_000_001n);
    expect(before.foundation - after.foundation).toBe(16_000_000_000_000_000_000n + 63_999_999_999_999_999_999n);
    expect(after.prepay).toBe(19_999_998_775_000_053_599n);
    expect(before.prepay - after.prepay).toBe(1_224_999_946_401n);
    expect(after.totalRewardPool).toBe(64_000_000_960_399_957_977n);
    // Distribution's BeginBlock took the previous block's fees: the collector holds this block's fee, F2V and P2V.
    expect(after.feeCollector).toBe(TX_FEE + 16_000_000_000_000_000_000n + 244_999_989_281n);
    expect(cp(s) - cpBefore).toBe(19_599_999_142n);
    // Distribution also took the previous block's fee (the prepay tx's) at BeginBlock.
    expect(after.distribution - before.distribution - TX_FEE).toBe(19_599_999_142n);

    // Lt, total_mined_token, last_distributed_epoch, TotalReward[1].
    expect(s.register.ozoneState(s.read)).toEqual({ s: 8n * STOS, lt: 2_285_714_385_715n });
    expect(s.pot.getTotalMinedToken(s.read)).toEqual({ denom: "wei", amount: 79_999_999_999_999_999_999n });
    expect(s.pot.getLastDistributedEpoch(s.read)).toBe(1n);
    const total1 = s.pot.getTotalReward(s.read, 1n);
    expect([total1?.miningReward.toString(), total1?.trafficReward.toString()]).toEqual(["79999999999999999999wei", "1224999946401wei"]);

    // IndividualReward records at epoch 1 + mature_epoch (2016) and the immature totals.
    const META_REWARD = { mining: "5333333333333333333wei", traffic: "80033329831wei" };
    expect(reward(s, 2017n, s.address("RES1"))).toEqual({ mining: "24000000000000000000wei", traffic: "360149984243wei" });
    expect(reward(s, 2017n, s.address("RES2"))).toEqual({ mining: "14400000000000000000wei", traffic: "216089990545wei" });
    expect(reward(s, 2017n, s.address("RES3"))).toEqual({ mining: "9600000000000000000wei", traffic: "144059993697wei" });
    for (const m of ["META1", "META2", "META3"]) expect(reward(s, 2017n, s.address(m))).toEqual(META_REWARD);
    expect(reward(s, 2017n, s.address("RES4"))).toBeUndefined();
    expect(immature(s, "RES1")).toBe(24_000_000_360_149_984_243n);
    expect(immature(s, "RES2")).toBe(14_400_000_216_089_990_545n);
    expect(immature(s, "RES3")).toBe(9_600_000_144_059_993_697n);
    for (const m of ["META1", "META2", "META3"]) expect(immature(s, m)).toBe(5_333_333_413_366_663_164n);
    expect(mature(s, "RES1")).toBe(0n);

    // The report record and the audit (R, the inputs read before the report, what each wallet got).
    const record = s.pot.getVolumeReport(s.read, 1n);
    expect(record).toMatchObject({ reporter: s.net("META1"), reportReference: "ref-1" });
    expect(record?.txHash).toBe(bytesToHex(sha256(reportTx)).toUpperCase());
    // The audit through the RewardBreakdown query (and the keeper record it serves).
    const { audit, matured } = breakdown(s, 1n);
    expect(audit).toEqual(s.pot.getRewardAudit(s.read, 1n));
    expect(matured).toBe(false);
    expect(trafficRewardOf(s, 1n)).toBe("1224999946405.869532259956129398");
    expect(audit).toMatchObject({
      effectiveTotalDeposit: "8000000000000000000", unissuedPrepay: "20000000000000000000", remainingOzoneLimit: "2285714285715",
      totalVolume: "100000", metaNodeCount: "3", matureEpoch: "2017", reporter: s.net("META1"),
    });
    expect(audit?.miningRewardParam?.miningReward?.amount).toBe("80000000000000000000");
    expect(Dec.fromProtoString(audit?.communityTax ?? "").toString()).toBe("0.020000000000000000");
    const audited = Object.fromEntries((audit?.rewards ?? []).map((x) => [x.walletAddress, `${x.rewardFromMiningPool.map((c) => c.amount)}|${x.rewardFromTrafficPool.map((c) => c.amount)}`]));
    expect(audited).toEqual({
      [s.address("RES1")]: "24000000000000000000|360149984243",
      [s.address("RES2")]: "14400000000000000000|216089990545",
      [s.address("RES3")]: "9600000000000000000|144059993697",
      [s.address("META1")]: "5333333333333333333|80033329831",
      [s.address("META2")]: "5333333333333333333|80033329831",
      [s.address("META3")]: "5333333333333333333|80033329831",
    });
    expect(breakdown(s, 1n, s.address("RES2")).audit?.rewards.map((x) => x.walletAddress)).toEqual([s.address("RES2")]);
    const vr = fromBinary(QueryVolumeReportResponseSchema, s.app.query("/stratos.pot.v1.Query/VolumeReport",
      toBinary(QueryVolumeReportRequestSchema, create(QueryVolumeReportRequestSchema, { epoch: 1n }))));
    expect(vr.reportInfo).toMatchObject({ epoch: 1n, reference: "ref-1", reporter: s.net("META1"), txHash: record?.txHash });

    // Epoch 2, same volumes, continuing state.
    const before2 = s.pools();
    const cpBefore2 = cp(s);
    const r2 = await s.tx("META1", [tv1Report(s, 2n)], T + 15n);
    expectOk(r2);
    expect(trafficRewardOf(s, 2n)).toBe("1224999839218.383600897929176556");
    expect(moduleTransfers(r2.events)).toEqual([
      [POT_ACCOUNT.foundation, POT_ACCOUNT.feeCollector, "16000000000000000000wei"],
      [POT_ACCOUNT.totalUnissuedPrepay, POT_ACCOUNT.feeCollector, "244999967843wei"],
      [POT_ACCOUNT.foundation, POT_ACCOUNT.totalRewardPool, "63999999999999999999wei"],
      [POT_ACCOUNT.totalUnissuedPrepay, POT_ACCOUNT.totalRewardPool, "960399873944wei"],
      [POT_ACCOUNT.totalUnissuedPrepay, "distribution", "19599997427wei"],
    ]);
    const after2 = s.pools();
    expect(after2.prepay).toBe(19_999_997_550_000_214_385n);
    expect(after2.totalRewardPool).toBe(128_000_001_920_799_831_920n);
    expect(before2.foundation - after2.foundation).toBe(79_999_999_999_999_999_999n);
    expect(after2.feeCollector).toBe(TX_FEE + 16_000_000_000_000_000_000n + 244_999_967_843n);
    expect(cp(s) - cpBefore2).toBe(19_599_997_427n);
    expect(s.register.ozoneState(s.read).lt).toBe(2_285_714_485_715n);
    expect(s.pot.getTotalMinedToken(s.read).amount).toBe(159_999_999_999_999_999_998n);
    expect(s.pot.getLastDistributedEpoch(s.read)).toBe(2n);
    const total2 = s.pot.getTotalReward(s.read, 2n);
    expect([total2?.miningReward.toString(), total2?.trafficReward.toString()]).toEqual(["79999999999999999999wei", "1224999839214wei"]);
    expect(reward(s, 2018n, s.address("RES1"))).toEqual({ mining: "24000000000000000000wei", traffic: "360149952730wei" });
    expect(reward(s, 2018n, s.address("RES2"))).toEqual({ mining: "14400000000000000000wei", traffic: "216089971638wei" });
    expect(reward(s, 2018n, s.address("RES3"))).toEqual({ mining: "9600000000000000000wei", traffic: "144059981092wei" });
    for (const m of ["META1", "META2", "META3"]) expect(reward(s, 2018n, s.address(m))).toEqual({ mining: "5333333333333333333wei", traffic: "80033322828wei" });
    expect(immature(s, "RES1")).toBe(24_000_000_360_149_984_243n + 24_000_000_360_149_952_730n);
    // Nothing matures before last_distributed_epoch reaches 2017.
    expect(s.pot.getMaturedEpoch(s.read)).toBe(2016n);
    expect(mature(s, "RES1")).toBe(0n);
  });
});

describe("TV5: suspension through slashing (spec-pot §11.5)", () => {
  it("slashing 10^18 noz prices at ≈ S + Pt; suspend: S, Lt, node effective 0; the next report's R", async () => {
    const s = await tv1AfterPrepay();
    // For comparison: slashing = 10^18 noz on the un-suspended TV1 state (RES2, no suspension).
    const big = await s.tx("META1", [slashing(s, "META1", "RES2", s.address("RES2"), 10n ** 18n, false)], T + 10n);
    expectOk(big);
    expect(eventAttributes(big.events, "stratos.pot.v1.EventSlashing")?.amount).toBe(q("27999936000146285359"));
    expect(s.register.getSlashing(s.read, s.accountBytes("RES2"))).toBe(27_999_936_000_146_285_359n);
    expect(s.register.ozoneState(s.read)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });

    const r = await s.tx("META1", [slashing(s, "META1", "RES1", s.address("RES1"), 0n, true)], T + 15n);
    expectOk(r);
    expect(eventAttributes(r.events, "stratos.pot.v1.EventSlashing")).toEqual({
      amount: q("0"), network_address: q(s.net("RES1")), slashing_type: q("storage"), suspend: q("true"), wallet_address: q(s.address("RES1")),
    });
    expect(s.register.getSlashing(s.read, s.accountBytes("RES1"))).toBe(0n);
    expect(s.register.ozoneState(s.read)).toEqual({ s: 7_000_000_000_000_000_000n, lt: 1_285_714_285_715n });
    const node = s.register.getResourceNode(s.read, s.netBytes("RES1"));
    expect([node?.effectiveTokens, node?.suspend]).toEqual([0n, true]);

    // The following epoch-1 report with Y = 100 000.
    expectOk(await s.tx("META1", [tv1Report(s, 1n)], T + 20n));
    const audit = breakdown(s, 1n).audit;
    expect(trafficRewardOf(s, 1n)).toBe("2099999836665.512703884197746394");
    expect([audit?.effectiveTotalDeposit, audit?.remainingOzoneLimit]).toEqual(["7000000000000000000", "1285714285715"]);
    // P2V = trunc(R × 2000 / 10000); the collector holds only this block's fee and flows.
    expect(s.moduleBalance(POT_ACCOUNT.feeCollector) - TX_FEE).toBe(16n * STOS + 419_999_967_333n);
  });
});

describe("TV6: BLS sign bytes and signatures (spec-pot §11.6)", () => {
  it("sign bytes, txData, keys from seeds, aggregate signatures and verification, byte for byte", () => {
    expect(bytesToHex(volumeReportSignBytes(TV6_REPORT))).toBe(TV6_SIGN_BYTES);
    expect(bytesToHex(volumeReportTxData(TV6_REPORT))).toBe(TV6_TX_DATA);
    // A second encoder: protobuf-es on the generated schema with an empty BLSSignatureInfo gives the same bytes.
    const viaSchema = toBinary(MsgVolumeReportSchema, create(MsgVolumeReportSchema, {
      walletVolumes: TV6_REPORT.walletVolumes.map((v) => ({ walletAddress: v.walletAddress, volume: v.volume.toString() })),
      reporter: TV6_REPORT.reporter, epoch: "7", reportReference: "ref-7", reporterOwner: TV6_REPORT.reporterOwner, BLSSignature: {},
    }));
    expect(bytesToHex(viaSchema)).toBe(TV6_SIGN_BYTES);

    const sks = [0x11, 0x22, 0x33].map((b) => blsKeyFromSecret(new Uint8Array(32).fill(b)));
    expect(sks.map((sk) => sk.toString(16))).toEqual(["11".repeat(20), "22".repeat(20), "33".repeat(20)]);
    expect(sks.map((sk) => bytesToHex(blsPublicKey(sk)))).toEqual(TV6_PUBKEYS);
    expect(sks).toEqual([META1_SK, META2_SK, META3_SK]);
    const txData = hexToBytes(TV6_TX_DATA);
    const [pk1, pk2, pk3] = TV6_PUBKEYS.map(hexToBytes) as [Uint8Array, Uint8Array, Uint8Array];
    const agg = blsAggregateSignatures(sks.map((sk) => blsSign(sk, txData)));
    expect(bytesToHex(agg)).toBe(TV6_AGGREGATE_SIGNATURE);
    expect(bytesToHex(blsAggregateSignatures(sks.slice(0, 2).map((sk) => blsSign(sk, txData))))).toBe(TV6_AGGREGATE_SIGNATURE_12);
    expect(blsVerify(txData, agg, [pk1, pk2, pk3])).toBe(true);
    expect(blsVerify(txData, agg, [pk1, pk2])).toBe(false);
    const flipped = txData.slice();
    flipped[0] ^= 0x01;
    expect(blsVerify(flipped, agg, [pk1, pk2, pk3])).toBe(false);
    expect(blsVerify(txData, hexToBytes(TV6_AGGREGATE_SIGNATURE_12), [pk1, pk2])).toBe(true);
    const sigma1 = blsSign(META1_SK, txData);
    expect(blsVerify(txData, blsAggregateSignatures([sigma1, sigma1]), [pk1, pk1])).toBe(true);
  });

  it("through MsgVolumeReport (3 bonded meta nodes, threshold 2): 3 keys, 2 keys and the duplicate-key trick pass; 1 key, flipped txData, forged signatures fail", async () => {
    const s = await tv1AfterPrepay();
    // TV6's wallets (20×0x01, 20×0x02): no node is theirs; the chain does not check (§1).
    const volumes: Array<readonly [string, bigint]> = TV6_REPORT.walletVolumes.map((v) => [v.walletAddress, v.volume] as const);
    const report = (epoch: bigint, o: Partial<Parameters<typeof volumeReport>[1]> = {}) => volumeReport(s, { reporter: "META1", epoch, volumes, ...o });
    const fail = async (epoch: bigint, o: Partial<Parameters<typeof volumeReport>[1]>, t: bigint) => {
      const r = await expectOnlyFeeAndSequence(s, "META1", () => s.tx("META1", [report(epoch, o)], t));
      return [r.codespace, r.code, r.log];
    };
    const [pk1, pk2, pk3] = [blsPublicKey(META1_SK), blsPublicKey(META2_SK), blsPublicKey(META3_SK)];

    expect(await fail(7n, { signers: [META1_SK] }, T + 10n)).toEqual(["pot", 24, `${FAILED}BLS signed meta-nodes does not reach the threshold`]);
    const realTxData = volumeReportTxData({
      walletVolumes: TV6_REPORT.walletVolumes, reporter: s.net("META1"), epoch: 7n, reportReference: "ref-7", reporterOwner: s.address("META1"),
    });
    const flipped = realTxData.slice();
    flipped[0] ^= 0x01;
    expect(await fail(7n, { txData: flipped }, T + 15n)).toEqual(["pot", 21, `${FAILED}BLS signature txData is invalid`]);
    // Forged: only META1 signed, all three keys listed; and the three-key aggregate with two keys listed.
    expect(await fail(7n, { signature: blsSign(META1_SK, realTxData), pubKeys: [pk1, pk2, pk3] }, T + 20n)).toEqual(["pot", 23, `${FAILED}BLS signature verify failed`]);
    expect(await fail(7n, { pubKeys: [pk1, pk2] }, T + 25n)).toEqual(["pot", 23, `${FAILED}BLS signature verify failed`]);

    expectOk(await s.tx("META1", [report(7n)], T + 30n));
    expect(s.pot.getLastDistributedEpoch(s.read)).toBe(7n);
    // Two of three keys reach max(1, floor(3·2/3)) = 2.
    expectOk(await s.tx("META1", [report(8n, { signers: [META1_SK, META2_SK] })], T + 35n));
    expect(s.pot.getLastDistributedEpoch(s.read)).toBe(8n);
    // The duplicate-key trick (§4.1 QUIRK, reference behaviour by default): 2·σ1 with [pk1, pk1].
    const txData9 = volumeReportTxData({ walletVolumes: TV6_REPORT.walletVolumes, reporter: s.net("META1"), epoch: 9n, reportReference: "ref-9", reporterOwner: s.address("META1") });
    const sigma1 = blsSign(META1_SK, txData9);
    expectOk(await s.tx("META1", [report(9n, { pubKeys: [pk1, pk1], signature: blsAggregateSignatures([sigma1, sigma1]) })], T + 40n));
    expect(s.pot.getLastDistributedEpoch(s.read)).toBe(9n);

    // The unknown-node wallets were paid like any wallet: 0.625 and 0.375 of the 48 STOS resource mining share.
    const [w1, w2] = ["st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp", "st1qgpqyqszqgpqyqszqgpqyqszqgpqyqszl6nf8h"];
    expect(reward(s, 7n + 2016n, w1)?.mining).toBe("30000000000000000000wei");
    expect(reward(s, 7n + 2016n, w2)?.mining).toBe("18000000000000000000wei");
  });
});

describe("TV6 hardened mode (require_registered_bls_keys = true, beyond the reference)", () => {
  it("MsgSetMetaNodeBlsKey (proof of possession 39, taken key 40, not the owner 33); reports: duplicate key 38, unregistered key 37, registered distinct keys pass", async () => {
    const s = await tv1AfterPrepay({ potParams: { require_registered_bls_keys: true } });
    expect(s.pot.getParams(s.read).requireRegisteredBlsKeys).toBe(true);

    // META1 registers its key with a valid proof.
    const reg1 = await s.tx("META1", [setBlsKey(s, "META1", META1_SK)], T + 10n);
    expectOk(reg1);
    expect(eventAttributes(reg1.events, "stratos.pot.v1.EventSetMetaNodeBlsKey")).toEqual({
      network_address: q(s.net("META1")), pub_key: q(bytesToHex(blsPublicKey(META1_SK))),
    });
    const keyQuery = (node: string) => fromBinary(QueryMetaNodeBlsKeyResponseSchema, s.app.query("/stratos.pot.v1.Query/MetaNodeBlsKey",
      toBinary(QueryMetaNodeBlsKeyRequestSchema, create(QueryMetaNodeBlsKeyRequestSchema, { networkAddress: s.net(node) })))).pubKey;
    expect(bytesToHex(keyQuery("META1"))).toBe(TV6_PUBKEYS[0]);

    const fail = async (signer: string, msg: Parameters<PotScenario["tx"]>[1][number], t: bigint) => {
      const r = await expectOnlyFeeAndSequence(s, signer, () => s.tx(signer, [msg], t));
      return [r.codespace, r.code, r.log];
    };
    // A proof made for another node's address does not prove possession for META2.
    expect(await fail("META2", setBlsKey(s, "META2", META2_SK, "META1"), T + 15n)).toEqual(["pot", 39, `${FAILED}invalid BLS key or proof of possession`]);
    // META1's key (valid proof for META2's address: the secret was copied) is taken.
    expect(await fail("META2", setBlsKey(s, "META2", META1_SK), T + 20n)).toEqual(["pot", 40, `${FAILED}BLS public key is registered to another meta node`]);
    // The owner of META2 cannot register a key for META1 (valid proof for META1's address).
    const notOwner = anyMsg(MsgSetMetaNodeBlsKeySchema, {
      networkAddress: s.net("META1"), ownerAddress: s.address("META2"), pubKey: blsPublicKey(META3_SK),
      proofOfPossession: blsSign(META3_SK, blsProofOfPossessionMessage(s.netBytes("META1"), blsPublicKey(META3_SK))),
    });
    expect(await fail("META2", notOwner, T + 22n)).toEqual(["pot", 33, `${FAILED}invalid reporter address or owner address`]);
    expectOk(await s.tx("META2", [setBlsKey(s, "META2", META2_SK)], T + 25n));

    const volumes: Array<readonly [string, bigint]> = [[s.address("RES1"), 50_000n], [s.address("RES2"), 50_000n]];
    const report = (epoch: bigint, o: Partial<Parameters<typeof volumeReport>[1]> = {}) => volumeReport(s, { reporter: "META1", epoch, volumes, ...o });
    const sign = (epoch: bigint) => volumeReportTxData({
      walletVolumes: volumes.map(([walletAddress, volume]) => ({ walletAddress, volume })), reporter: s.net("META1"), epoch,
      reportReference: `ref-${epoch}`, reporterOwner: s.address("META1"),
    });
    const sigma1 = blsSign(META1_SK, sign(1n));
    const pk1 = blsPublicKey(META1_SK);
    expect(await fail("META1", report(1n, { pubKeys: [pk1, pk1], signature: blsAggregateSignatures([sigma1, sigma1]) }), T + 30n))
      .toEqual(["pot", 38, `${FAILED}BLS public key listed twice`]);
    expect(await fail("META1", report(1n, { signers: [META1_SK, META3_SK] }), T + 35n))
      .toEqual(["pot", 37, `${FAILED}BLS public key is not registered to a bonded, unsuspended meta node`]);
    expectOk(await s.tx("META1", [report(1n, { signers: [META1_SK, META2_SK] })], T + 40n));
    expect(s.pot.getLastDistributedEpoch(s.read)).toBe(1n);
  });
});

describe("TV4: slashing debt, maturity, withdraw (mature_epoch = 1, spec-pot §11.4)", () => {
  it("the debt is deducted at maturity into the community pool; withdraw; a further 1wei fails 29 wrapping 7", async () => {
    const s = await tv1AfterPrepay({ potParams: { mature_epoch: "1" } });
    expect(s.pot.getParams(s.read).matureEpoch).toBe(1n);
    // Genesis matured_epoch = 0: the first EndBlock stored mature_epoch.
    expect(s.pot.getMaturedEpoch(s.read)).toBe(1n);

    // h1: slashing 100 000 noz against RES1, no suspension.
    const h1 = await s.tx("META1", [slashing(s, "META1", "RES1", s.address("RES1"), 100_000n, false)], T + 10n);
    expectOk(h1);
    expect(eventAttributes(h1.events, "stratos.pot.v1.EventSlashing")).toEqual({
      amount: q("1224999946405"), network_address: q(s.net("RES1")), slashing_type: q("storage"), suspend: q("false"), wallet_address: q(s.address("RES1")),
    });
    expect(s.register.getSlashing(s.read, s.accountBytes("RES1"))).toBe(1_224_999_946_405n);
    expect(s.register.ozoneState(s.read)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });

    // h2: epoch 1 (TV1 numbers); records keyed 2; L = 1 ≤ M = 1: nothing matures.
    expectOk(await s.tx("META1", [tv1Report(s, 1n)], T + 15n));
    expect(reward(s, 2n, s.address("RES1"))).toEqual({ mining: "24000000000000000000wei", traffic: "360149984243wei" });
    expect(s.pot.getMaturedEpoch(s.read)).toBe(1n);
    expect(mature(s, "RES1")).toBe(0n);

    // h3: epoch 2; its EndBlock matures E = 2 (the epoch-1 rewards of 6 wallets).
    const cpBefore = cp(s);
    expectOk(await s.tx("META1", [tv1Report(s, 2n)], T + 20n));
    expect(mature(s, "RES1")).toBe(23_999_999_135_150_037_838n);
    expect(immature(s, "RES1")).toBe(24_000_000_360_149_952_730n);
    expect(s.register.getSlashing(s.read, s.accountBytes("RES1"))).toBe(0n);
    expect([mature(s, "RES2"), mature(s, "RES3")]).toEqual([14_400_000_216_089_990_545n, 9_600_000_144_059_993_697n]);
    expect([immature(s, "RES2"), immature(s, "RES3")]).toEqual([14_400_000_216_089_971_638n, 9_600_000_144_059_981_092n]);
    for (const m of ["META1", "META2", "META3"]) {
      expect(mature(s, m)).toBe(5_333_333_413_366_663_164n);
      expect(immature(s, m)).toBe(5_333_333_413_366_656_161n);
    }
    // The epoch-2 tax and the slashed amount both reached the community pool in that block.
    expect(cp(s) - cpBefore).toBe(19_599_997_427n + 1_224_999_946_405n);
    expect(s.pot.getMaturedEpoch(s.read)).toBe(2n);
    expect([breakdown(s, 1n).matured, breakdown(s, 2n).matured]).toEqual([true, false]);
    for (const w of ["RES1", "RES2", "RES3", "META1", "META2", "META3"]) expect(reward(s, 2n, s.address(w))).toBeUndefined();
    expect(reward(s, 3n, s.address("RES1"))).toBeDefined();
    expect(s.moduleBalance(POT_ACCOUNT.totalRewardPool)).toBe(128_000_000_695_799_885_515n);

    // Withdraw everything mature to TARGET.
    const w = await s.tx("RES1", [withdraw(s, "RES1", 23_999_999_135_150_037_838n, s.address("TARGET"))], T + 25n);
    expectOk(w);
    expect(eventAttributes(w.events, "stratos.pot.v1.EventWithdraw")).toEqual({
      amount: q("23999999135150037838wei"), target_address: q(s.address("TARGET")), wallet_address: q(s.address("RES1")),
    });
    expect(s.balance("TARGET")).toBe(23_999_999_135_150_037_838n);
    expect(mature(s, "RES1")).toBe(0n);
    expect(s.moduleBalance(POT_ACCOUNT.totalRewardPool)).toBe(104_000_001_560_649_847_677n);

    const extra = await expectOnlyFeeAndSequence(s, "RES1", () => s.tx("RES1", [withdraw(s, "RES1", 1n, s.address("TARGET"))], T + 30n));
    expect([extra.codespace, extra.code, extra.log]).toEqual(["pot", 29, `${FAILED}insufficient mature total: failure during withdraw`]);
  });
});

describe("bad input: each failure changes nothing but fee and sequence", () => {
  it("unknown-node and invalid wallets; non-owner 33, replay 8, txData 21, forged/truncated signature 23, threshold 24, supply bound 32, withdraw 29", async () => {
    const s = await tv1AfterPrepay();
    // A wallet no node has (20×0x01) is paid like any wallet; "INVALID" is skipped but counted in Y.
    const unknown = "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp"; // 20×0x01, TV6's first wallet
    const pools = s.pools();
    const r1 = await s.tx("META1", [volumeReport(s, { reporter: "META1", epoch: 1n, volumes: [[s.address("RES1"), 50_000n], [unknown, 30_000n], ["INVALID", 20_000n]] })], T + 10n);
    expectOk(r1);
    expect(trafficRewardOf(s, 1n)).toBe("1224999946405.869532259956129398");
    expect(reward(s, 2017n, s.address("RES1"))).toEqual({ mining: "24000000000000000000wei", traffic: "360149984243wei" });
    expect(reward(s, 2017n, unknown)).toEqual({ mining: "14400000000000000000wei", traffic: "216089990545wei" });
    // The skipped share (TV1's RES3 row) stays in the foundation and the prepay pool.
    const total = s.pot.getTotalReward(s.read, 1n);
    expect([total?.miningReward.toString(), total?.trafficReward.toString()]).toEqual(["70399999999999999999wei", "1077999952833wei"]);
    expect(pools.prepay - s.moduleBalance(POT_ACCOUNT.totalUnissuedPrepay)).toBe(1_077_999_952_833n);
    expect(pools.foundation - s.moduleBalance(POT_ACCOUNT.foundation)).toBe(70_399_999_999_999_999_999n);
    expect(s.register.ozoneState(s.read).lt).toBe(2_285_714_385_715n); // all of Y, INVALID's 20 000 included

    const volumes: Array<readonly [string, bigint]> = [[s.address("RES1"), 50_000n], [s.address("RES2"), 50_000n]];
    const report = (epoch: bigint, o: Partial<Parameters<typeof volumeReport>[1]> = {}) => volumeReport(s, { reporter: "META1", epoch, volumes, ...o });
    const fail = async (signer: string, msg: Parameters<PotScenario["tx"]>[1][number], t: bigint) => {
      const r = await expectOnlyFeeAndSequence(s, signer, () => s.tx(signer, [msg], t));
      return [r.codespace, r.code, r.log];
    };
    expect(await fail("META2", report(2n, { owner: "META2" }), T + 15n)).toEqual(["pot", 33, `${FAILED}invalid reporter address or owner address`]);
    const replay = volumeReport(s, { reporter: "META1", epoch: 1n, volumes: [[s.address("RES1"), 50_000n], [unknown, 30_000n], ["INVALID", 20_000n]] });
    expect(await fail("META1", replay, T + 20n)).toEqual(["pot", 8, `${FAILED}expected epoch should be greater than 1, got 1: the value of epoch must be positive and greater than its previous one`]);
    const txData3 = volumeReportTxData({ walletVolumes: volumes.map(([walletAddress, volume]) => ({ walletAddress, volume })), reporter: s.net("META1"), epoch: 3n, reportReference: "ref-3", reporterOwner: s.address("META1") });
    // Epoch 3's txData and signature on an epoch-2 report: the bytes no longer match.
    expect(await fail("META1", report(2n, { txData: txData3, signature: blsAggregateSignatures([META1_SK, META2_SK, META3_SK].map((sk) => blsSign(sk, txData3))) }), T + 25n))
      .toEqual(["pot", 21, `${FAILED}BLS signature txData is invalid`]);
    const outsider = blsKeyFromSecret(new Uint8Array(32).fill(0x44));
    const txData2 = volumeReportTxData({ walletVolumes: volumes.map(([walletAddress, volume]) => ({ walletAddress, volume })), reporter: s.net("META1"), epoch: 2n, reportReference: "ref-2", reporterOwner: s.address("META1") });
    expect(await fail("META1", report(2n, { signature: blsSign(outsider, txData2) }), T + 30n)).toEqual(["pot", 23, `${FAILED}BLS signature verify failed`]);
    const good = blsAggregateSignatures([META1_SK, META2_SK, META3_SK].map((sk) => blsSign(sk, txData2)));
    expect(await fail("META1", report(2n, { signature: good.subarray(0, 32) }), T + 35n)).toEqual(["pot", 23, `${FAILED}BLS signature verify failed`]);
    expect(await fail("META1", report(2n, { signers: [META2_SK] }), T + 40n)).toEqual(["pot", 24, `${FAILED}BLS signed meta-nodes does not reach the threshold`]);

    // §5.3 step 2: Y + Lt may not exceed trunc(S / rate) = 8 000 000 000 000. Lt = 2 285 714 385 715.
    const over = await fail("META1", volumeReport(s, { reporter: "META1", epoch: 2n, volumes: [[s.address("RES1"), 5_714_285_614_286n]] }), T + 45n);
    expect(over.slice(0, 2)).toEqual(["pot", 32]);
    expect(over[2]).toMatch(/remaining\+consumed Noz exceeds total Noz supply/);

    expect(await fail("RES1", withdraw(s, "RES1", 1n, s.address("RES1")), T + 50n)).toEqual(["pot", 29, `${FAILED}insufficient mature total: failure during withdraw`]);

    // Exactly at the bound is accepted (numbers from the spec's Appendix A model): R ≈ Pt, so the
    // prepay pool is nearly emptied and Lt reaches the total noz supply.
    expectOk(await s.tx("META1", [volumeReport(s, { reporter: "META1", epoch: 2n, volumes: [[s.address("RES1"), 5_714_285_614_285n]] })], T + 55n));
    expect(trafficRewardOf(s, 2n)).toBe("19999998879997547165.809946122574375000");
    expect(s.moduleBalance(POT_ACCOUNT.totalUnissuedPrepay)).toBe(42_002_500_004n);
    expect(s.register.ozoneState(s.read).lt).toBe(8_000_000_000_000n);
    // Now any volume exceeds the bound.
    const full = await fail("META1", volumeReport(s, { reporter: "META1", epoch: 3n, volumes: [[s.address("RES1"), 1n]] }), T + 60n);
    expect(full.slice(0, 2)).toEqual(["pot", 32]);
  });

  it("ValidateBasic failures are refused before the ante chain: no fee, no sequence, no state", async () => {
    const s = await tv1AfterPrepay();
    const all = ["pot", "register", "sds", "distribution", "bank", "acc"];
    const cases: Array<[string, Parameters<typeof volumeReport>[1], number]> = [
      ["epoch 0", { reporter: "META1", epoch: 0n, volumes: [[s.address("RES1"), 1n]] }, 15],
      ["negative volume", { reporter: "META1", epoch: 1n, volumes: [[s.address("RES1"), -1n]] }, 18],
      ["empty signature", { reporter: "META1", epoch: 1n, volumes: [[s.address("RES1"), 1n]], signature: new Uint8Array() }, 20],
      ["empty txData", { reporter: "META1", epoch: 1n, volumes: [[s.address("RES1"), 1n]], txData: new Uint8Array() }, 21],
      ["an empty public key", { reporter: "META1", epoch: 1n, volumes: [[s.address("RES1"), 1n]], pubKeys: [new Uint8Array()] }, 22],
    ];
    let t = T + 10n;
    // An empty block first: its BeginBlock hands the prepay's fee to the validator, so that nothing moves after.
    await s.app.block([], { seconds: (t += 5n) });
    for (const [name, spec, code] of cases) {
      const before = storeDump(s, all);
      const r = await s.tx("META1", [volumeReport(s, spec)], (t += 5n));
      expect([name, r.codespace, r.code]).toEqual([name, "pot", code]);
      expect(changedKeys(before, storeDump(s, all))).toEqual([]);
    }
  });

  it("a report whose R exceeds the prepay pool fails with 32 wrapping the bank error (Pt = 1 STOS, Lt = 10^12)", async () => {
    const s = await start({
      balances: TV1_BALANCES, nodes: genesisG,
      moduleBalances: { resource_node_bonded_pool: 5n * STOS, meta_node_bonded_pool: 3n * STOS, total_unissued_prepay: STOS },
      register: { remaining_noz_limit: "1000000000000" },
    });
    expectOk(await s.tx("FOUNDER", [foundationDeposit(s, "FOUNDER", 40_000_000n * STOS)], T));
    // Y + Lt = 8·10^12 is within the bound; R = 9e18 × 7e12 / 8e12 = 7.875 STOS, P2V alone 1.575 STOS > Pt.
    const r = await expectOnlyFeeAndSequence(s, "META1", () => s.tx("META1", [volumeReport(s, { reporter: "META1", epoch: 1n, volumes: [[s.address("RES1"), 7_000_000_000_000n]] })], T + 5n));
    expect([r.codespace, r.code]).toEqual(["pot", 32]);
    expect(r.log).toBe(`${FAILED}spendable balance 1000000000000000000wei is smaller than 1575000000000000000wei: insufficient funds: volume report failed`);
  });

  it("without a foundation deposit the mining transfer fails: 32 wrapping the bank error", async () => {
    const s = await start({ balances: TV1_BALANCES, nodes: genesisG });
    expectOk(await s.tx("RES1", [prepay(s, "RES1", 20n * STOS)], T));
    const r = await expectOnlyFeeAndSequence(s, "META1", () => s.tx("META1", [tv1Report(s, 1n)], T + 5n));
    expect([r.codespace, r.code]).toEqual(["pot", 32]);
    // The SDK prints the empty spendable Coins as "" (hence the double space).
    expect(r.log).toBe(`${FAILED}spendable balance  is smaller than 16000000000000000000wei: insufficient funds: volume report failed`);
  });
});

describe("§6.2 DoS: an epoch of 10^15", () => {
  it("is accepted; the following EndBlocks visit only indexed epochs; maturing it later visits exactly one epoch", async () => {
    const s = await tv1AfterPrepay();
    const E = 10n ** 15n;
    const r = await s.tx("META1", [tv1Report(s, E)], T + 10n);
    expectOk(r);
    expect(eventAttributes(r.events, "stratos.pot.v1.EventVolumeReport")).toEqual({ epoch: q("1000000000000000"), report_reference: q("ref-1000000000000000") });
    expect(s.pot.getLastDistributedEpoch(s.read)).toBe(E);
    expect(reward(s, E + 2016n, s.address("RES1"))).toEqual({ mining: "24000000000000000000wei", traffic: "360149984243wei" });

    // The reference would walk (2016, 10^15] in every EndBlock; the index has one epoch, above L.
    const visited = vi.spyOn(s.pot, "individualRewards");
    const scans = vi.spyOn(s.pot, "rewardEpochs");
    for (let i = 1n; i <= 300n; i++) await s.emptyBlock(T + 10n + 5n * i);
    expect(scans).toHaveBeenCalledTimes(300);
    expect(visited).not.toHaveBeenCalled();
    expect(s.pot.getMaturedEpoch(s.read)).toBe(2016n);

    // A report at 10^15 + 2016 matures the first one's rewards in its EndBlock (TV1 epoch-1 numbers).
    expectOk(await s.tx("META1", [tv1Report(s, E + 2016n)], T + 2000n));
    expect(visited.mock.calls.map(([, epoch]) => epoch)).toEqual([E + 2016n]);
    expect(s.pot.getMaturedEpoch(s.read)).toBe(E + 2016n);
    expect(mature(s, "RES1")).toBe(24_000_000_360_149_984_243n);
    expect(immature(s, "RES1")).toBe(24_000_000_360_149_952_730n);
    expect(reward(s, E + 2016n, s.address("RES1"))).toBeUndefined();
    expect(reward(s, E + 4032n, s.address("RES1"))).toBeDefined();
    visited.mockRestore();
    scans.mockRestore();
  });
});
