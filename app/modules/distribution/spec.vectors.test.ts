/**
 * spec-staking.md §14 through the keeper, with the staking fake firing the hooks: TV1's distribution
 * bookkeeping, TV2 (both community taxes, every Dec digit, the block events), TV2b (mainnet genesis
 * set) and TV3 (two blocks, then the withdrawals). Where a vector depends on pot, the fee amount is the
 * one the spec gives (spec-pot TV1's F2V + P2V).
 */
import { describe, expect, it } from "vitest";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { MsgWithdrawDelegatorRewardResponseSchema, MsgWithdrawDelegatorRewardSchema, MsgWithdrawValidatorCommissionResponseSchema, MsgWithdrawValidatorCommissionSchema } from "../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { fromBinary } from "@bufbuild/protobuf";
import { BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { Dec } from "../../math/dec.js";
import { acc, DistributionChain, moduleAcc, STOS, valoper } from "./chain.testing.js";
import { withdrawDelegatorRewardRoute } from "./msgs/withdrawDelegatorReward.js";
import { withdrawValidatorCommissionRoute } from "./msgs/withdrawValidatorCommission.js";
import { gentx, MAINNET_GENTXS, type Gentx, TV2_FEES, TV3_EXPECTED_REWARD_AND_COMMISSION, TV3_FEES } from "./spec.vectors.js";

const operatorOf = (g: Gentx): Uint8Array => parseBech32Address(g.operator, BECH32_PREFIX.validator);
const pubKeyOf = (g: Gentx): Uint8Array => new Uint8Array(Buffer.from(g.pubKeyBase64, "base64"));
const consOf = (g: Gentx): Uint8Array => ed25519Address(pubKeyOf(g));

const D = new Uint8Array(20).fill(0xd1);
const E = new Uint8Array(20).fill(0xe1);
const FEE_PAYER = new Uint8Array(20).fill(0xfe);

const A = gentx("stratos-validator-00");
const B = gentx("NodeStake");
const C = gentx("StakingCabin");

/** The validators of `gentxs`, created and bonded at genesis (their self-bond from their operator accounts). */
function chainWith(gentxs: readonly Gentx[], communityTax = "0.000000000000000000"): DistributionChain {
  const chain = new DistributionChain({
    communityTax,
    accounts: [
      ...gentxs.map((g) => ({ address: operatorOf(g), balance: 1_000n * STOS })),
      { address: D, balance: 1_000n * STOS },
      { address: E, balance: 1_000n * STOS },
      { address: FEE_PAYER, balance: 1_000_000n * STOS },
    ],
  });
  for (const g of gentxs) chain.createValidator({ operator: operatorOf(g), consensusPubKey: pubKeyOf(g), rate: Dec.parse(g.rate), selfBond: g.selfBond });
  return chain;
}

/** TV1 then TV2's set: A, B, C bonded at genesis; D delegates 1.5 STOS to A at height 100. */
function tv2Chain(communityTax = "0.000000000000000000"): DistributionChain {
  const chain = chainWith([A, B, C], communityTax);
  chain.height = 100n;
  chain.delegate(D, operatorOf(A), 1_500_000_000_000_000_000n);
  chain.collectFees(FEE_PAYER, TV2_FEES);
  return chain;
}

const TV2_VOTES = [
  { validatorAddress: consOf(A), power: 100_500n },
  { validatorAddress: consOf(B), power: 99_000n },
  { validatorAddress: consOf(C), power: 10_000n, blockIdFlag: 1 }, // ABSENT: paid anyway
];

const attrs = (e: Event): Record<string, string> => Object.fromEntries(e.attributes.map((a) => [a.key, a.value]));
const plain = (events: readonly Event[]): Array<{ type: string; attributes: Array<[string, string]> }> =>
  events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => [a.key, a.value] as [string, string]) }));

describe("TV1 — distribution bookkeeping of a delegation", () => {
  it("after the gentxs: period 2, historical[1] = {[], ref 2}, the operator starts at period 1 with its self-bond at height 0", () => {
    const chain = chainWith([A]);
    const k = chain.distribution.keeper;
    const ctx = chain.context();
    const v = operatorOf(A);
    expect(k.getCurrentRewards(ctx, v)).toEqual({ rewards: expect.anything(), period: 2n });
    expect(k.getCurrentRewards(ctx, v).rewards.isEmpty()).toBe(true);
    expect([...k.historicalRewardsRecords(ctx)].map((h) => [h.period, h.rewards.referenceCount, h.rewards.cumulativeRewardRatio.toString()])).toEqual([[1n, 2, ""]]);
    const start = k.getStartingInfo(ctx, v, v);
    expect(start?.previousPeriod).toBe(1n);
    expect(start?.stake.toString()).toBe("99000000000000000000.000000000000000000");
    expect(start?.height).toBe(0n);
  });

  it("D's 1.5 STOS at height 100 closes period 2 (ratio []), leaves historical {1: ref 1, 2: ref 2}, current period 3, D at {2, 1.5e18, 100}; E's 0.0004 STOS at 101 too", () => {
    const chain = chainWith([A]);
    const v = operatorOf(A);
    chain.height = 100n;
    const { shares, events } = chain.delegate(D, v, 1_500_000_000_000_000_000n);
    expect(shares.toString()).toBe("1500000000000000000.000000000000000000");
    const k = chain.distribution.keeper;
    const ctx = chain.context();
    expect(k.getCurrentRewards(ctx, v).period).toBe(3n);
    expect([...k.historicalRewardsRecords(ctx)].map((h) => [h.period, h.rewards.referenceCount, h.rewards.cumulativeRewardRatio.toString()]))
      .toEqual([[1n, 1, ""], [2n, 2, ""]]);
    const d = k.getStartingInfo(ctx, v, D);
    expect([d?.previousPeriod, d?.stake.toString(), d?.height]).toEqual([2n, "1500000000000000000.000000000000000000", 100n]);
    // A new delegation withdraws nothing: no withdraw_rewards event, only the bank delegation events.
    expect(events.map((e) => e.type)).toEqual(["coin_spent", "coin_received", "delegate"]);
    expect(attrs(events[1]!)).toEqual({ receiver: "st1fl48vsnmsdzcv85q5d2q4z5ajdha8yu3fkaac2", amount: "1500000000000000000wei" });

    chain.height = 101n;
    const second = chain.delegate(E, v, 400_000_000_000_000n);
    expect(second.shares.toString()).toBe("400000000000000.000000000000000000");
    expect(chain.staking.validator(ctx, v)?.tokens).toBe(100_500_400_000_000_000_000n);
    expect(chain.brokenInvariants()).toEqual({});
  });
});

describe("TV2 — AllocateTokens over 3 validators (PoT + fees)", () => {
  it("community_tax 0: every fraction, reward, commission and delegator part to the last digit; 32.000800489999978562 wei of dust to the pool", () => {
    const chain = tv2Chain();
    chain.beginBlock(101n, TV2_VOTES);
    const k = chain.distribution.keeper;
    const ctx = chain.context();
    const rows = [
      [A, "7675609664069207255.811139663257765031", "767560966406920725.581113966325776503", "6908048697662286530.230025696931988528"],
      [B, "7561048325799517599.097636144701676426", "378052416289975879.954881807235083821", "7182995909509541719.142754337466592605"],
      [C, "763742255131264394.090423702040579981", "76374225513126439.409042370204057998", "687368029618137954.681381331836521983"],
    ] as const;
    for (const [g, reward, commission, shared] of rows) {
      const v = operatorOf(g);
      expect(k.getOutstandingRewards(ctx, v).toString(), g.moniker).toBe(`${reward}wei`);
      expect(k.getAccumulatedCommission(ctx, v).toString(), g.moniker).toBe(`${commission}wei`);
      expect(k.getCurrentRewards(ctx, v).rewards.toString(), g.moniker).toBe(`${shared}wei`);
    }
    expect(k.getCommunityPool(ctx).toString()).toBe("32.000800489999978562wei");
    expect(chain.balance(chain.distribution.keeper.moduleAddress())).toBe(TV2_FEES);
    expect(chain.balance(moduleAddress("fee_collector"))).toBe(0n);
    expect(chain.brokenInvariants()).toEqual({});
  });

  it("community_tax 0.02 (SDK default): rewards, commissions and 320008004899999816.980784480199978992 wei to the pool", () => {
    const chain = tv2Chain("0.020000000000000000");
    chain.beginBlock(101n, TV2_VOTES);
    const k = chain.distribution.keeper;
    const ctx = chain.context();
    const rows = [
      [A, "7522097470787823110.694916869992609730", "752209747078782311.069491686999260973"],
      [B, "7409827359283527247.115683421807642897", "370491367964176362.355784171090382145"],
      [C, "748467410028639106.208615227999768381", "74846741002863910.620861522799976838"],
    ] as const;
    for (const [g, reward, commission] of rows) {
      expect(k.getOutstandingRewards(ctx, operatorOf(g)).toString(), g.moniker).toBe(`${reward}wei`);
      expect(k.getAccumulatedCommission(ctx, operatorOf(g)).toString(), g.moniker).toBe(`${commission}wei`);
    }
    expect(k.getCommunityPool(ctx).toString()).toBe("320008004899999816.980784480199978992wei");
    expect(chain.brokenInvariants()).toEqual({});
  });

  it("block events: mint's empty send and mint event, the fee transfer, then commission and rewards per validator in vote order", () => {
    const chain = tv2Chain();
    const events = chain.beginBlock(101n, TV2_VOTES);
    const mint = moduleAcc("mint");
    const feeCollector = moduleAcc("fee_collector");
    const distribution = moduleAcc("distribution");
    expect(feeCollector).toBe("st17xpfvakm2amg962yls6f84z3kell8c5lv5hj2q");
    expect(distribution).toBe("st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz");
    expect(plain(events)).toEqual([
      { type: "coin_spent", attributes: [["spender", mint], ["amount", ""]] },
      { type: "coin_received", attributes: [["receiver", feeCollector], ["amount", ""]] },
      { type: "transfer", attributes: [["recipient", feeCollector], ["sender", mint], ["amount", ""]] },
      { type: "message", attributes: [["sender", mint]] },
      { type: "mint", attributes: [["bonded_ratio", expect.any(String)], ["inflation", "0.000000000000000000"], ["annual_provisions", "0.000000000000000000"], ["amount", "0"]] },
      { type: "coin_spent", attributes: [["spender", feeCollector], ["amount", "16000400244999989281wei"]] },
      { type: "coin_received", attributes: [["receiver", distribution], ["amount", "16000400244999989281wei"]] },
      { type: "transfer", attributes: [["recipient", distribution], ["sender", feeCollector], ["amount", "16000400244999989281wei"]] },
      { type: "message", attributes: [["sender", feeCollector]] },
      { type: "commission", attributes: [["amount", "767560966406920725.581113966325776503wei"], ["validator", "stvaloper1cxmws9w5ej8847q5ycfskhetrccnhrufrk2gyy"]] },
      { type: "rewards", attributes: [["amount", "7675609664069207255.811139663257765031wei"], ["validator", "stvaloper1cxmws9w5ej8847q5ycfskhetrccnhrufrk2gyy"]] },
      { type: "commission", attributes: [["amount", "378052416289975879.954881807235083821wei"], ["validator", B.operator]] },
      { type: "rewards", attributes: [["amount", "7561048325799517599.097636144701676426wei"], ["validator", B.operator]] },
      { type: "commission", attributes: [["amount", "76374225513126439.409042370204057998wei"], ["validator", C.operator]] },
      { type: "rewards", attributes: [["amount", "763742255131264394.090423702040579981wei"], ["validator", C.operator]] },
    ]);
    expect(events.every((e) => e.attributes.every((a) => a.index))).toBe(true);
    expect(chain.distribution.keeper.getPreviousProposer(chain.context())).toEqual(new Uint8Array(20));
  });
});

describe("TV2b — mainnet genesis set, 1 STOS of fees, community_tax 0", () => {
  it("fractions 99 000/595 000 etc.: whole-wei rewards, the rounded commissions, 3 wei to the community pool", () => {
    const chain = chainWith(MAINNET_GENTXS);
    chain.height = 1n;
    chain.collectFees(FEE_PAYER, STOS);
    // Vote order: power desc, operator bytes asc (TV0); only powers matter for the split.
    const byPower = [...MAINNET_GENTXS].sort((x, y) => (x.selfBond === y.selfBond
      ? Buffer.compare(Buffer.from(operatorOf(x)), Buffer.from(operatorOf(y)))
      : x.selfBond > y.selfBond ? -1 : 1));
    chain.beginBlock(2n, byPower.map((g) => ({ validatorAddress: consOf(g), power: g.selfBond / 10n ** 15n })));
    const k = chain.distribution.keeper;
    const ctx = chain.context();
    const expected = TV3_EXPECTED_REWARD_AND_COMMISSION;
    for (const g of MAINNET_GENTXS) {
      const [reward, commission] = expected[g.moniker]!;
      expect(k.getOutstandingRewards(ctx, operatorOf(g)).toString(), g.moniker).toBe(`${reward}wei`);
      expect(k.getAccumulatedCommission(ctx, operatorOf(g)).toString(), g.moniker).toBe(`${commission}wei`);
    }
    expect(k.getCommunityPool(ctx).toString()).toBe("3.000000000000000000wei");
    expect(chain.brokenInvariants()).toEqual({});
  });
});

describe("TV3 — a delegator's reward after two blocks", () => {
  function afterBlock102(): DistributionChain {
    const chain = tv2Chain();
    chain.beginBlock(101n, TV2_VOTES);
    chain.collectFees(FEE_PAYER, TV3_FEES);
    chain.beginBlock(102n, TV2_VOTES);
    return chain;
  }

  it("block 102: A's reward, commission, current rewards, outstanding and accumulated commission", () => {
    const chain = tv2Chain();
    chain.beginBlock(101n, TV2_VOTES);
    const k = chain.distribution.keeper;
    const v = operatorOf(A);
    const before = k.getOutstandingRewards(chain.context(), v);
    const commissionBefore = k.getAccumulatedCommission(chain.context(), v);
    chain.collectFees(FEE_PAYER, TV3_FEES);
    chain.beginBlock(102n, TV2_VOTES);
    const ctx = chain.context();
    expect(k.getOutstandingRewards(ctx, v).sub(before).toString()).toBe("287828221515070.617664439043283539wei");
    expect(k.getAccumulatedCommission(ctx, v).sub(commissionBefore).toString()).toBe("28782822151507.061766443904328354wei");
    expect(k.getCurrentRewards(ctx, v).rewards.toString()).toBe("6908307743061650093.785923692070943713wei");
    expect(k.getOutstandingRewards(ctx, v).toString()).toBe("7675897492290722326.428804102301048570wei");
    expect(k.getAccumulatedCommission(ctx, v).toString()).toBe("767589749229072232.642880410230104857wei");
  });

  it("MsgWithdrawDelegatorReward{D, A} at 102: ratio 0.068739380527976617, 103 109 070 791 964 925 wei paid, 0.5 wei pooled, the events and the response", () => {
    const chain = afterBlock102();
    const k = chain.distribution.keeper;
    const v = operatorOf(A);
    const pool = k.getCommunityPool(chain.context());
    const balance = chain.balance(D);
    const res = chain.exec(withdrawDelegatorRewardRoute(k), MsgWithdrawDelegatorRewardSchema, { delegatorAddress: acc(D), validatorAddress: A.operator });
    expect(res.code).toBe(0);
    const ctx = chain.context();
    expect(k.getHistoricalRewards(ctx, v, 3n).cumulativeRewardRatio.toString()).toBe("0.068739380527976617wei");
    expect(chain.balance(D) - balance).toBe(103_109_070_791_964_925n);
    expect(k.getCommunityPool(ctx).sub(pool).toString()).toBe("0.500000000000000000wei");
    // D restarts at period 3, this height.
    const start = k.getStartingInfo(ctx, v, D);
    expect([start?.previousPeriod, start?.height]).toEqual([3n, 102n]);
    const distribution = moduleAcc("distribution");
    expect(plain(res.events)).toEqual([
      { type: "coin_spent", attributes: [["spender", distribution], ["amount", "103109070791964925wei"]] },
      { type: "coin_received", attributes: [["receiver", acc(D)], ["amount", "103109070791964925wei"]] },
      { type: "transfer", attributes: [["recipient", acc(D)], ["sender", distribution], ["amount", "103109070791964925wei"]] },
      { type: "message", attributes: [["sender", distribution]] },
      { type: "withdraw_rewards", attributes: [["amount", "103109070791964925wei"], ["validator", A.operator], ["delegator", acc(D)]] },
    ]);
    expect(res.response?.typeUrl).toBe("/cosmos.distribution.v1beta1.MsgWithdrawDelegatorRewardResponse");
    const response = fromBinary(MsgWithdrawDelegatorRewardResponseSchema, res.response!.value);
    expect(response.amount.map((c) => [c.denom, c.amount])).toEqual([["wei", "103109070791964925"]]);
    expect(chain.brokenInvariants()).toEqual({});
  });

  it("then the operator's self-delegation (6 805 198 672 269 685 083 wei, no remainder) and the commission (767 589 749 229 072 232 wei); 0.642880410230104857 commission and 85.928804102301048570 outstanding stay", () => {
    const chain = afterBlock102();
    const k = chain.distribution.keeper;
    const v = operatorOf(A);
    expect(chain.exec(withdrawDelegatorRewardRoute(k), MsgWithdrawDelegatorRewardSchema, { delegatorAddress: acc(D), validatorAddress: A.operator }).code).toBe(0);
    const pool = k.getCommunityPool(chain.context());
    const balance = chain.balance(v);
    const self = chain.exec(withdrawDelegatorRewardRoute(k), MsgWithdrawDelegatorRewardSchema, { delegatorAddress: acc(v), validatorAddress: A.operator });
    expect(self.code).toBe(0);
    expect(chain.balance(v) - balance).toBe(6_805_198_672_269_685_083n);
    expect(k.getCommunityPool(chain.context()).equals(pool)).toBe(true);

    const commission = chain.exec(withdrawValidatorCommissionRoute(k), MsgWithdrawValidatorCommissionSchema, { validatorAddress: A.operator });
    expect(commission.code).toBe(0);
    expect(chain.balance(v) - balance).toBe(6_805_198_672_269_685_083n + 767_589_749_229_072_232n);
    const ctx = chain.context();
    expect(k.getAccumulatedCommission(ctx, v).toString()).toBe("0.642880410230104857wei");
    expect(k.getOutstandingRewards(ctx, v).toString()).toBe("85.928804102301048570wei");
    expect(plain(commission.events).at(-1)).toEqual({ type: "withdraw_commission", attributes: [["amount", "767589749229072232wei"]] });
    const response = fromBinary(MsgWithdrawValidatorCommissionResponseSchema, commission.response!.value);
    expect(response.amount.map((c) => [c.denom, c.amount])).toEqual([["wei", "767589749229072232"]]);
    expect(valoper(v)).toBe(A.operator);
    expect(chain.brokenInvariants()).toEqual({});
  });
});
