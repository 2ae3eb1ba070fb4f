/**
 * Distribution's staking hooks, fired by the staking fake in the SDK's order (spec-staking §1.3, §1.5,
 * §2.3, §2.4, §13 item 5): the automatic withdrawal on every change of an existing delegation (bank
 * events and `withdraw_rewards`, "0wei" when nothing is owed), period increments, slash events, a
 * validator without tokens, and the leftovers of a removed validator.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import { MsgSetWithdrawAddressSchema, MsgWithdrawDelegatorRewardSchema } from "../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import { MultiStakingHooks } from "../staking/hooks.js";
import { acc, DistributionChain, moduleAcc, STOS, valoper } from "./chain.testing.js";
import { DISTRIBUTION_STORE_KEY, lengthPrefixed } from "./keys.js";
import { setWithdrawAddressRoute } from "./msgs/setWithdrawAddress.js";
import { withdrawDelegatorRewardRoute } from "./msgs/withdrawDelegatorReward.js";

const V = new Uint8Array(20).fill(0x11);
const V_KEY = new Uint8Array(32).fill(0x51);
const D = new Uint8Array(20).fill(0xd1);
const W = new Uint8Array(20).fill(0xd9);
const PAYER = new Uint8Array(20).fill(0xfe);

function chain(rate = "0.1"): DistributionChain {
  const c = new DistributionChain({
    accounts: [{ address: V, balance: 1_000n * STOS }, { address: D, balance: 1_000n * STOS }, { address: PAYER, balance: 1_000_000n * STOS }],
  });
  c.createValidator({ operator: V, consensusPubKey: V_KEY, rate: Dec.parse(rate), selfBond: 100n * STOS, minSelfDelegation: 1n });
  return c;
}

const vote = (power: bigint) => ({ validatorAddress: ed25519Address(V_KEY), power });
const types = (events: readonly Event[]): string[] => events.map((e) => e.type);
const attrs = (e: Event | undefined): Record<string, string> => Object.fromEntries((e?.attributes ?? []).map((a) => [a.key, a.value]));

describe("BeforeDelegationSharesModified: every change of an existing delegation withdraws first", () => {
  it("delegating more pays the rewards (bank events, withdraw_rewards) before the new coins move, and restarts the delegation", () => {
    const c = chain();
    c.height = 5n;
    c.delegate(D, V, 100n * STOS);
    c.collectFees(PAYER, 10n * STOS);
    c.beginBlock(6n, [vote(200_000n)]);
    c.height = 7n;
    const before = c.balance(D);
    const { events } = c.delegate(D, V, 1n * STOS);
    // D holds half of V's tokens; V keeps 10 % commission: 10 STOS × 0.9 / 2 = 4.5 STOS.
    expect(types(events)).toEqual(["coin_spent", "coin_received", "transfer", "message", "withdraw_rewards", "coin_spent", "coin_received", "delegate"]);
    expect(attrs(events[4])).toEqual({ amount: "4500000000000000000wei", validator: valoper(V), delegator: acc(D) });
    expect(attrs(events[0])).toEqual({ spender: moduleAcc("distribution"), amount: "4500000000000000000wei" });
    expect(c.balance(D) - before).toBe(4_500_000_000_000_000_000n - STOS);
    const start = c.distribution.keeper.getStartingInfo(c.context(), V, D);
    expect([start?.previousPeriod, start?.stake.toString(), start?.height]).toEqual([3n, "101000000000000000000.000000000000000000", 7n]);
    expect(c.brokenInvariants()).toEqual({});
  });

  it("nothing owed (same block as the delegation started): withdraw_rewards says 0wei and no coins move", () => {
    const c = chain();
    c.height = 5n;
    c.delegate(D, V, 10n * STOS);
    const { events } = c.delegate(D, V, 10n * STOS);
    expect(types(events)).toEqual(["withdraw_rewards", "coin_spent", "coin_received", "delegate"]);
    expect(attrs(events[0])).toEqual({ amount: "0wei", validator: valoper(V), delegator: acc(D) });
  });

  it("undelegating part pays and restarts; undelegating the rest pays and leaves no starting info", () => {
    const c = chain("0");
    c.height = 5n;
    c.delegate(D, V, 100n * STOS);
    c.collectFees(PAYER, 4n * STOS);
    c.beginBlock(6n, [vote(1n)]);
    c.height = 8n;
    const k = c.distribution.keeper;
    const before = c.balance(D);
    const half = c.run((ctx) => c.staking.undelegate(ctx, D, V, Dec.parse("50000000000000000000")));
    expect(half.result).toBe(50n * STOS);
    expect(c.balance(D) - before).toBe(2n * STOS);
    expect(types(half.events).slice(0, 5)).toEqual(["coin_spent", "coin_received", "transfer", "message", "withdraw_rewards"]);
    expect(k.getStartingInfo(c.context(), V, D)?.stake.toString()).toBe("50000000000000000000.000000000000000000");

    c.collectFees(PAYER, 3n * STOS);
    c.beginBlock(9n, [vote(1n)]);
    c.height = 10n;
    const mid = c.balance(D);
    c.run((ctx) => c.staking.undelegate(ctx, D, V, Dec.parse("50000000000000000000")));
    // D held 50 of 150 STOS: one third of 3 STOS.
    expect(c.balance(D) - mid).toBe(STOS);
    expect(k.getStartingInfo(c.context(), V, D)).toBeUndefined();
    expect(c.staking.delegation(c.context(), D, V)).toBeUndefined();
    expect(c.brokenInvariants()).toEqual({});
  });

  it("rewards go to the delegator's withdraw address", () => {
    const c = chain("0");
    c.height = 5n;
    c.delegate(D, V, 100n * STOS);
    expect(c.exec(setWithdrawAddressRoute(c.distribution.keeper), MsgSetWithdrawAddressSchema, { delegatorAddress: acc(D), withdrawAddress: acc(W) }).code).toBe(0);
    c.collectFees(PAYER, 2n * STOS);
    c.beginBlock(6n, [vote(1n)]);
    c.height = 7n;
    const res = c.exec(withdrawDelegatorRewardRoute(c.distribution.keeper), MsgWithdrawDelegatorRewardSchema, { delegatorAddress: acc(D), validatorAddress: valoper(V) });
    expect(res.code).toBe(0);
    expect(c.balance(W)).toBe(STOS);
    expect(attrs(res.events[1])).toEqual({ receiver: acc(W), amount: "1000000000000000000wei" });
  });
});

describe("BeforeValidatorSlashed", () => {
  it("closes the period, keeps it referenced by a slash event at this height, and later rewards shrink by the fraction", () => {
    const c = chain("0");
    c.height = 5n;
    c.delegate(D, V, 100n * STOS);
    c.collectFees(PAYER, 2n * STOS);
    c.beginBlock(6n, [vote(1n)]);
    c.height = 7n;
    const k = c.distribution.keeper;
    const periodBefore = k.getCurrentRewards(c.context(), V).period;
    const burned = c.run((ctx) => c.staking.slash(ctx, ed25519Address(V_KEY), 200_000n, Dec.parse("0.5"))).result;
    expect(burned).toBe(100n * STOS);
    const events = [...k.slashEvents(c.context())];
    expect(events.map((e) => [hexOf(e.validator), e.height, e.period, e.event.validatorPeriod, e.event.fraction.toString()]))
      .toEqual([[hexOf(V), 7n, periodBefore, periodBefore, "0.500000000000000000"]]);
    expect(k.getHistoricalRewards(c.context(), V, periodBefore).referenceCount).toBe(2);
    expect(k.getCurrentRewards(c.context(), V).period).toBe(periodBefore + 1n);

    // After the slash, 2 STOS more split over 100 STOS of tokens: D's stake is 50 STOS now.
    c.collectFees(PAYER, 2n * STOS);
    c.beginBlock(8n, [vote(1n)]);
    c.height = 9n;
    const before = c.balance(D);
    c.exec(withdrawDelegatorRewardRoute(k), MsgWithdrawDelegatorRewardSchema, { delegatorAddress: acc(D), validatorAddress: valoper(V) });
    expect(c.balance(D) - before).toBe(STOS + STOS);
    expect(c.brokenInvariants()).toEqual({});
  });

  it("a fraction outside [0, 1] is a bug and fails", () => {
    const c = chain();
    const hooks = new MultiStakingHooks();
    hooks.add(c.distribution.hooks);
    expect(() => c.run((ctx) => hooks.beforeValidatorSlashed(ctx, V, Dec.parse("1.1")))).toThrow(/fraction must be >=0 and <=1/);
  });
});

describe("a validator without tokens", () => {
  it("closing its period moves its current rewards to the community pool and out of its outstanding rewards", () => {
    const c = chain("0");
    c.height = 5n;
    c.delegate(D, V, 100n * STOS);
    c.run((ctx) => c.staking.slash(ctx, ed25519Address(V_KEY), 10n ** 9n, Dec.ONE));
    expect(c.staking.validator(c.context(), V)?.tokens).toBe(0n);
    c.collectFees(PAYER, 3n * STOS);
    c.beginBlock(6n, [vote(1n)]);
    const k = c.distribution.keeper;
    expect(k.getCurrentRewards(c.context(), V).rewards.toString()).toBe("3000000000000000000.000000000000000000wei");
    c.height = 7n;
    const res = c.exec(withdrawDelegatorRewardRoute(k), MsgWithdrawDelegatorRewardSchema, { delegatorAddress: acc(D), validatorAddress: valoper(V) });
    expect(res.code).toBe(0);
    expect(attrs(res.events.at(-1))).toEqual({ amount: "0wei", validator: valoper(V), delegator: acc(D) });
    expect(k.getCommunityPool(c.context()).toString()).toBe("3000000000000000000.000000000000000000wei");
    expect(k.getOutstandingRewards(c.context(), V).isEmpty()).toBe(true);
    expect(c.brokenInvariants()).toEqual({});
  });
});

describe("AfterValidatorRemoved", () => {
  it("whole commission coins go to the operator's withdraw address, fractions and other leftovers to the community pool, every record is deleted", () => {
    const c = chain("0.333333333333333333");
    c.height = 5n;
    expect(c.exec(setWithdrawAddressRoute(c.distribution.keeper), MsgSetWithdrawAddressSchema, { delegatorAddress: acc(V), withdrawAddress: acc(W) }).code).toBe(0);
    c.collectFees(PAYER, 1_000_000_000_000_000_001n);
    c.beginBlock(6n, [vote(1n)]);
    const k = c.distribution.keeper;
    const commission = k.getAccumulatedCommission(c.context(), V);
    expect(commission.toString()).toBe("333333333333333333.333333333333333333wei");
    c.height = 7n;
    // The operator leaves: its rewards are paid on the way out, then the validator unbonds and is removed.
    const selfPaid = c.balance(W);
    c.run((ctx) => c.staking.undelegate(ctx, V, V, Dec.fromInt(100n * STOS)));
    // Per-token ratios are truncated to 18 decimals: 0.006666666666666666 × 100 STOS.
    expect(c.balance(W) - selfPaid).toBe(666_666_666_666_666_600n);
    const outstanding = k.getOutstandingRewards(c.context(), V);
    expect(outstanding.toString()).toBe("333333333333333401.000000000000000000wei");
    const pool = k.getCommunityPool(c.context());
    const { events } = c.run((ctx) => c.staking.unbondValidator(ctx, V));
    expect(c.staking.validator(c.context(), V)).toBeUndefined();
    expect(c.balance(W) - selfPaid).toBe(666_666_666_666_666_600n + 333_333_333_333_333_333n);
    expect(events.filter((e) => e.type === "transfer").map(attrs)).toContainEqual({ recipient: acc(W), sender: moduleAcc("distribution"), amount: "333333333333333333wei" });
    // The commission's fraction plus every other outstanding wei: outstanding − whole commission coins.
    expect(k.getCommunityPool(c.context()).sub(pool).toString()).toBe("68.000000000000000000wei");
    const leftovers = [...c.store.getReader(DISTRIBUTION_STORE_KEY).iterator()].filter(({ key }) => hexOf(key).includes(hexOf(lengthPrefixed(V))) && key[0] !== 0x03);
    expect(leftovers).toEqual([]);
    expect(c.balance(k.moduleAddress())).toBe(k.getCommunityPool(c.context()).truncateDecimal().truncated.amountOf("wei"));
    expect(c.brokenInvariants()).toEqual({});
  });
});
