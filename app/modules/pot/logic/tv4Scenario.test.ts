// §11.4 TV4 end to end over the pure functions: slashing → two reports → maturity → withdraw. A tiny
// in-test ledger plays the keeper's role (records, totals, debts, pool balances).
import { describe, expect, it } from "vitest";
import { Coins, coin } from "../../../math/coins.js";
import { distributeEpochReward } from "./distribution.js";
import type { DistributionResult, DistributionSnapshot } from "./distributionTypes.js";
import { digits } from "./distribution.vectors.js";
import { matureRewards, type MaturityResult, type StoredIndividualReward } from "./maturity.js";
import { TV4 } from "./maturity.vectors.js";
import { slashResourceNode } from "./slashing.js";
import { placeholderWallets, tv1Snapshot } from "./testFixtures.js";

const big = (s: string): bigint => BigInt(digits(s));

class Ledger {
  snapshot: DistributionSnapshot = tv1Snapshot({ matureEpoch: big(TV4.matureEpoch) });
  lastDistributedEpoch = 0n;
  maturedEpoch = 0n;
  readonly records = new Map<bigint, Map<string, StoredIndividualReward>>();
  readonly mature = new Map<string, Coins>();
  readonly immature = new Map<string, Coins>();
  readonly debts = new Map<string, bigint>();
  rewardPool = 0n;
  communityPool = 0n;

  report(epoch: bigint): DistributionResult {
    const out = distributeEpochReward(
      this.snapshot,
      {
        epoch,
        walletVolumes: [
          { walletAddress: "RES1", volume: 50_000n },
          { walletAddress: "RES2", volume: 30_000n },
          { walletAddress: "RES3", volume: 20_000n },
        ],
      },
      placeholderWallets,
    );
    const byWallet = this.records.get(out.rewardMatureEpoch) ?? new Map<string, StoredIndividualReward>();
    for (const r of out.rewards) {
      byWallet.set(r.walletAddress, r);
      this.immature.set(r.walletAddress, (this.immature.get(r.walletAddress) ?? Coins.EMPTY).add(r.immatureIncrease));
    }
    this.records.set(out.rewardMatureEpoch, byWallet);
    for (const t of out.transfers) {
      if (t.to === "total_reward_pool") this.rewardPool += t.coins.amountOf("wei");
      if (t.to === "community_pool") this.communityPool += t.coins.amountOf("wei");
    }
    const fromPrepay = out.transfers.filter((t) => t.from === "total_unissued_prepay").reduce((s, t) => s + t.coins.amountOf("wei"), 0n);
    this.snapshot = {
      ...this.snapshot,
      unissuedPrepay: this.snapshot.unissuedPrepay - fromPrepay,
      remainingOzoneLimit: out.newRemainingOzoneLimit,
      totalMinedToken: out.newTotalMinedToken,
    };
    this.lastDistributedEpoch = out.lastDistributedEpoch;
    return out;
  }

  endBlock(): MaturityResult {
    const epochs = [...this.records.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const out = matureRewards({
      lastDistributedEpoch: this.lastDistributedEpoch,
      maturedEpoch: this.maturedEpoch,
      matureEpochParam: this.snapshot.matureEpoch,
      rewardDenom: "wei",
      epochsWithRecords: epochs.map((epoch) => ({
        epoch,
        records: [...(this.records.get(epoch)?.values() ?? [])].sort((a, b) => (a.walletAddress < b.walletAddress ? -1 : 1)),
      })),
      slashingDebtOf: (w) => this.debts.get(w) ?? 0n,
    });
    for (const e of out.epochs) {
      for (const r of e.records) this.records.get(e.epoch)?.delete(r.walletAddress);
      const slashed = e.slashed.amountOf("wei");
      this.rewardPool -= slashed;
      this.communityPool += slashed;
    }
    for (const { walletAddress, coins } of out.matureIncreases) {
      this.mature.set(walletAddress, (this.mature.get(walletAddress) ?? Coins.EMPTY).add(coins));
    }
    for (const { walletAddress, coins } of out.immatureDecreases) {
      this.immature.set(walletAddress, (this.immature.get(walletAddress) ?? Coins.EMPTY).sub(coins));
    }
    for (const { walletAddress, debt } of out.slashingDebtWrites) this.debts.set(walletAddress, debt);
    this.maturedEpoch = out.maturedEpoch;
    return out;
  }
}

describe("TV4 — slashing debt, maturity, withdraw (§11.4)", () => {
  const ledger = new Ledger();
  const genesis = ledger.endBlock();
  // h1: slashing of RES1 by 100 000 noz, node not suspended.
  const slash = slashResourceNode({
    effectiveTotalDeposit: ledger.snapshot.effectiveTotalDeposit,
    unissuedPrepay: ledger.snapshot.unissuedPrepay,
    remainingOzoneLimit: ledger.snapshot.remainingOzoneLimit,
    depositNozRate: ledger.snapshot.depositNozRate,
    nodeSuspended: false,
    nodeEffectiveTokens: 10n ** 18n,
    currentDebt: 0n,
    slashingNoz: big(TV4.step1.slashingNoz),
    suspend: false,
  });
  ledger.debts.set("RES1", slash.newDebt);
  const h1 = ledger.endBlock();
  // h2: report epoch 1; h3: report epoch 2.
  ledger.report(1n);
  const h2 = ledger.endBlock();
  ledger.report(2n);
  const poolBeforeH3Maturity = ledger.rewardPool;
  const h3 = ledger.endBlock();

  it("genesis EndBlock sets matured_epoch = 1 and returns", () => {
    expect(genesis).toMatchObject({ initializedMaturedEpoch: true, maturedEpoch: 1n, epochs: [] });
  });

  it("step 1: slashTokens and debt; S and Lt unchanged", () => {
    expect(slash.slashTokens).toBe(big(TV4.step1.slashTokens));
    expect(slash.newDebt).toBe(big(TV4.step1.debt));
    expect(String(slash.slashTokens)).toBe(TV4.step1.event.amount);
    expect(String(slash.nodeSuspended)).toBe(TV4.step1.event.suspend);
    expect([slash.effectiveTotalDeposit, slash.remainingOzoneLimit]).toEqual([8n * 10n ** 18n, 2_285_714_285_715n]);
    expect(h1.epochs).toEqual([]);
  });

  it("step 2: epoch-1 records are keyed at 2; EndBlock with L = 1 ≤ M = 1 does nothing", () => {
    expect(ledger.records.has(2n)).toBe(true);
    expect(h2.epochs).toEqual([]);
  });

  it("step 3: E = 2 matures 6 wallets, RES1's debt is deducted", () => {
    expect(h3.epochs.map((e) => e.epoch)).toEqual([big(TV4.step3.processedEpoch)]);
    const e2 = h3.epochs[0];
    expect(e2?.records).toHaveLength(TV4.step3.walletsProcessed);
    const res1 = e2?.records.find((r) => r.walletAddress === "RES1");
    expect(res1?.amount.amountOf("wei")).toBe(big(TV4.step3.res1Amount));
    expect(res1?.slashed.amountOf("wei")).toBe(big(TV4.step3.res1Deducted));
    expect(ledger.debts.get("RES1")).toBe(0n);
    expect(ledger.mature.get("RES1")?.amountOf("wei")).toBe(big(TV4.step3.res1Mature));
    expect(ledger.immature.get("RES1")?.amountOf("wei")).toBe(big(TV4.step3.res1Immature));
    expect(ledger.mature.get("META2")?.amountOf("wei")).toBe(big(TV4.step3.meta2Mature));
    expect(e2?.slashed.amountOf("wei")).toBe(big(TV4.step3.communityPoolIncrease));
    expect(h3.maturedEpoch).toBe(big(TV4.step3.maturedEpoch));
    expect(ledger.records.get(2n)?.size).toBe(0);
    expect(poolBeforeH3Maturity - ledger.rewardPool).toBe(big(TV4.step3.communityPoolIncrease));
    expect(ledger.rewardPool).toBe(big(TV4.step3.totalRewardPool));
  });

  it("step 4: withdrawing the whole mature total leaves the pool at the spec's figure", () => {
    const amount = Coins.of(coin("wei", BigInt(TV4.step4.withdraw)));
    expect(ledger.mature.get("RES1")?.isAllGTE(amount)).toBe(true);
    expect(ledger.mature.get("RES1")?.sub(amount).isEmpty()).toBe(true);
    expect(ledger.rewardPool - amount.amountOf("wei")).toBe(big(TV4.step4.totalRewardPool));
  });
});
