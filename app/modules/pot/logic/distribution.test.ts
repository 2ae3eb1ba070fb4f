import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { distributeEpochReward } from "./distribution.js";
import type { DistributionResult, DistributionSnapshot } from "./distributionTypes.js";
import { APPENDIX_A_EXPECTED, TV1_EPOCH1, TV1_EPOCH2, TV1_SETUP, digits } from "./distribution.vectors.js";
import { placeholderWallets, stos, tv1Snapshot } from "./testFixtures.js";

const big = (s: string): bigint => BigInt(digits(s));
/** A Dec in the spec's notation ("367 499 983 921.5") to its 18-decimal string. */
const dec = (s: string): string => Dec.parse(digits(s)).toString();

const tv1Report = (epoch: bigint) => ({
  epoch,
  walletVolumes: TV1_SETUP.epoch1.map(([walletAddress, v]) => ({ walletAddress, volume: big(v) })),
});

/** The state the next report sees, derived from a result the way the keeper/bank would apply it. */
function advance(st: DistributionSnapshot, out: DistributionResult): DistributionSnapshot {
  const fromPrepay = out.transfers
    .filter((t) => t.from === "total_unissued_prepay")
    .reduce((sum, t) => sum + t.coins.amountOf(st.bondDenom), 0n);
  return {
    ...st,
    unissuedPrepay: st.unissuedPrepay - fromPrepay,
    remainingOzoneLimit: out.newRemainingOzoneLimit,
    totalMinedToken: out.newTotalMinedToken,
  };
}

const sumTransfers = (out: DistributionResult, pred: (from: string, to: string) => boolean): bigint =>
  out.transfers.filter((t) => pred(t.from, t.to)).reduce((s, t) => s + t.coins.amountOf("wei"), 0n);

describe("TV1 setup (§11.1)", () => {
  it("the fixture is the spec's state after the prepay", () => {
    const st = tv1Snapshot();
    expect(st.effectiveTotalDeposit).toBe(big(TV1_SETUP.S));
    expect(st.remainingOzoneLimit).toBe(big(TV1_SETUP.Lt));
    expect(big(TV1_SETUP.Lt0) - big(TV1_SETUP.purchased)).toBe(big(TV1_SETUP.Lt));
    expect(st.unissuedPrepay).toBe(big(TV1_SETUP.Pt));
    expect(st.depositNozRate.toString()).toBe(dec(TV1_SETUP.rate));
    expect(st.communityTax.toString()).toBe(dec(TV1_SETUP.communityTax));
    expect(st.bondedMetaNodeCount).toBe(big(TV1_SETUP.metaCount));
  });
});

describe("TV1 epoch 1 (§11.1)", () => {
  const out = distributeEpochReward(tv1Snapshot(), tv1Report(1n), placeholderWallets);
  const v = TV1_EPOCH1;

  it("R, valve 1 and the traffic and mining goals", () => {
    expect(out.totalConsumedNoz).toBe(100_000n);
    expect(out.trafficReward.toString()).toBe(dec(v.R));
    expect(out.valve.miningReward).toBe(stos("80"));
    expect(out.trafficGoal).toEqual({ blockChain: big(v.P2V), resourceNode: big(v.TR_res), metaNode: big(v.TR_meta) });
    expect(out.miningGoal).toEqual({ blockChain: big(v.F2V), resourceNode: big(v.MR_res), metaNode: big(v.MR_meta) });
  });

  it.each(v.rows.map((row, i) => ({ ...row, i })))("row $name: mining, before tax, tax, after tax", (row) => {
    const c = out.credits[row.i];
    expect(c?.walletAddress).toBe(row.name);
    expect(c?.source).toBe(row.name.startsWith("META") ? "meta" : "resource");
    expect(c?.mining).toBe(big(row.mining));
    expect(c?.trafficBeforeTax.toString()).toBe(dec(row.before));
    expect(c?.tax.toString()).toBe(dec(row.tax));
    expect(c?.trafficAfterTax).toBe(big(row.after));
  });

  it("flows F2V, P2V, F2R, P2R, TAX and trunc(TAX)", () => {
    expect(out.flows.F2V).toBe(big(v.F2V));
    expect(out.flows.P2V).toBe(big(v.P2V));
    expect(out.flows.F2R).toBe(big(v.F2R));
    expect(out.flows.P2R).toBe(big(v.P2R));
    expect(out.flows.TAX.toString()).toBe(dec(v.TAX));
    expect(out.flows.taxTruncated).toBe(big(v.taxInt));
  });

  it("the five transfers in order", () => {
    expect(out.transfers.map((t) => [t.from, t.to, t.coins.toString()])).toEqual([
      ["foundation_account", "fee_collector", `${big(v.transfers[0])}wei`],
      ["total_unissued_prepay", "fee_collector", `${big(v.transfers[1])}wei`],
      ["foundation_account", "total_reward_pool", `${big(v.transfers[2])}wei`],
      ["total_unissued_prepay", "total_reward_pool", `${big(v.transfers[3])}wei`],
      ["total_unissued_prepay", "community_pool", `${big(v.transfers[4])}wei`],
    ]);
  });

  it("TotalReward[1] and the state after", () => {
    expect(out.totalReward.miningReward.toString()).toBe(`${big(v.totalRewardMining)}wei`);
    expect(out.totalReward.trafficReward.toString()).toBe(`${big(v.totalRewardTraffic)}wei`);
    expect(advance(tv1Snapshot(), out).unissuedPrepay).toBe(big(v.after.Pt));
    expect(out.newRemainingOzoneLimit).toBe(big(v.after.Lt));
    expect(stos(digits(TV1_SETUP.foundation)) - sumTransfers(out, (f) => f === "foundation_account")).toBe(big(v.after.foundation));
    expect(out.newTotalMinedToken).toBe(big(v.after.mined));
    expect(out.lastDistributedEpoch).toBe(big(v.after.lastDistributedEpoch));
    expect(sumTransfers(out, (_, to) => to === "total_reward_pool")).toBe(big(v.after.totalRewardPool));
    expect(out.rewardMatureEpoch).toBe(1n + 2016n);
  });

  it("immature totals per wallet (records sorted by wallet)", () => {
    expect(out.rewards.map((r) => [r.walletAddress, r.immatureIncrease.toString()])).toEqual(
      [...v.immatureTotals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([w, amount]) => [w, `${big(amount)}wei`]),
    );
  });
});

describe("TV1 epoch 2 (§11.1)", () => {
  const st1 = tv1Snapshot();
  const st2 = advance(st1, distributeEpochReward(st1, tv1Report(1n), placeholderWallets));
  const out = distributeEpochReward(st2, tv1Report(2n), placeholderWallets);
  const v = TV1_EPOCH2;

  it("R, goals, taxes and totals", () => {
    expect(out.trafficReward.toString()).toBe(dec(v.R));
    expect(out.trafficGoal).toEqual({ blockChain: big(v.P2V), resourceNode: big(v.TR_res), metaNode: big(v.TR_meta) });
    expect(out.miningGoal).toEqual(distributeEpochReward(st1, tv1Report(1n), placeholderWallets).miningGoal);
    expect(out.flows.TAX.toString()).toBe(dec(v.TAX));
    expect(out.flows.taxTruncated).toBe(big(v.taxInt));
    expect(out.flows.P2R).toBe(big(v.P2R));
    expect(out.totalReward.trafficReward.toString()).toBe(`${big(v.totalRewardTraffic)}wei`);
  });

  it.each(v.trafficAfterTax.map(([name, after]) => ({ name, after })))("$name traffic after tax", ({ name, after }) => {
    expect(out.rewards.find((r) => r.walletAddress === name)?.traffic).toBe(big(after));
  });

  it("state after epoch 2", () => {
    expect(advance(st2, out).unissuedPrepay).toBe(big(v.after.Pt));
    expect(out.newRemainingOzoneLimit).toBe(big(v.after.Lt));
    expect(out.newTotalMinedToken).toBe(big(v.after.mined));
    const pool1 = big(TV1_EPOCH1.after.totalRewardPool);
    expect(pool1 + sumTransfers(out, (_, to) => to === "total_reward_pool")).toBe(big(v.after.totalRewardPool));
  });
});

describe("Appendix A model output", () => {
  it("prints R, total_reward, rewards[RES1] and Pt", () => {
    const st = tv1Snapshot();
    const out = distributeEpochReward(st, tv1Report(1n), placeholderWallets);
    const res1 = out.rewards.find((r) => r.walletAddress === "RES1");
    expect(out.trafficReward.toString()).toBe(Dec.parse(APPENDIX_A_EXPECTED.R).toString());
    expect([out.totalReward.miningReward.amountOf("wei"), out.totalReward.trafficReward.amountOf("wei")]).toEqual(
      APPENDIX_A_EXPECTED.totalReward.map(BigInt),
    );
    expect([res1?.mining, res1?.traffic]).toEqual(APPENDIX_A_EXPECTED.res1.map(BigInt));
    expect(advance(st, out).unissuedPrepay).toBe(BigInt(APPENDIX_A_EXPECTED.Pt));
  });
});
