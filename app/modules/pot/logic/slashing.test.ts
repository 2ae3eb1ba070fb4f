import { describe, expect, it } from "vitest";
import { Coins, coin } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import { digits } from "./distribution.vectors.js";
import { ZeroDivisorError } from "./errors.js";
import { TV4, TV5 } from "./maturity.vectors.js";
import { deductSlashing, isToBeSuspended, ozoneAfterDepositDecrease, slashResourceNode, slashingTokenAmount } from "./slashing.js";
import { totalNozSupply, trafficReward } from "./trafficReward.js";

const big = (s: string): bigint => BigInt(digits(s));
const E18 = 10n ** 18n;
const RATE = Dec.fromInt(1_000_000n);
const TV1_AFTER_PREPAY = {
  effectiveTotalDeposit: 8n * E18,
  unissuedPrepay: 20n * E18,
  remainingOzoneLimit: big(TV5.Lt),
  depositNozRate: RATE,
};

describe("TV4 step 1 (§11.4): slashing converts noz to tokens like R", () => {
  it("100 000 noz → 1 224 999 946 405 wei, debt set, S and Lt unchanged", () => {
    const out = slashResourceNode({
      ...TV1_AFTER_PREPAY,
      nodeSuspended: false,
      nodeEffectiveTokens: E18,
      currentDebt: 0n,
      slashingNoz: big(TV4.step1.slashingNoz),
      suspend: false,
    });
    expect(out).toEqual({
      slashTokens: big(TV4.step1.slashTokens),
      newDebt: big(TV4.step1.debt),
      toBeSuspended: false,
      nodeSuspended: false,
      nodeEffectiveTokens: E18,
      effectiveTotalDeposit: 8n * E18,
      remainingOzoneLimit: big(TV5.Lt),
    });
  });
});

describe("TV5 (§11.5): suspension through slashing", () => {
  const out = slashResourceNode({
    ...TV1_AFTER_PREPAY,
    nodeSuspended: false,
    nodeEffectiveTokens: E18,
    currentDebt: 0n,
    slashingNoz: 0n,
    suspend: true,
  });

  it("slashTokens 0, S 7e18, Lt 1 285 714 285 715, node zeroed and suspended", () => {
    expect(out.slashTokens).toBe(big(TV5.slashTokens));
    expect(out.newDebt).toBe(0n); // unchanged, but written (the reference always writes)
    expect(out.toBeSuspended).toBe(true);
    expect(out.effectiveTotalDeposit).toBe(big(TV5.sAfter));
    expect(out.remainingOzoneLimit).toBe(big(TV5.ltAfter));
    expect([out.nodeSuspended, out.nodeEffectiveTokens]).toEqual([true, 0n]);
  });

  it("a following report with Y = 100 000 gives R = 2 099 999 836 665.512703884197746394; total noz 7e12", () => {
    const r = trafficReward(out.effectiveTotalDeposit, 20n * E18, out.remainingOzoneLimit, big(TV5.nextReportY));
    expect(r.toString()).toBe(Dec.parse(digits(TV5.nextReportR)).toString());
    expect(totalNozSupply(out.effectiveTotalDeposit, RATE)).toBe(big(TV5.totalNozAfter));
  });

  it("comparison: 10^18 noz on the un-suspended state", () => {
    const r = trafficReward(8n * E18, 20n * E18, big(TV5.Lt), 10n ** 18n);
    expect(r.toString()).toBe(Dec.parse(digits(TV5.comparison.R)).toString());
    expect(slashingTokenAmount(8n * E18, 20n * E18, big(TV5.Lt), 10n ** 18n)).toBe(big(TV5.comparison.slashTokens));
  });
});

describe("suspension decision (§4.4 step 5)", () => {
  it.each([
    { name: "not suspended + suspend → shrink", node: false, msg: true, want: true },
    { name: "already suspended + suspend → nothing", node: true, msg: true, want: false },
    { name: "suspended + unsuspend → flag cleared only", node: true, msg: false, want: false },
    { name: "not suspended + unsuspend → nothing", node: false, msg: false, want: false },
  ])("$name", ({ node, msg, want }) => {
    expect(isToBeSuspended(node, msg)).toBe(want);
  });

  it("unsuspending clears the flag without restoring tokens, S or Lt", () => {
    const out = slashResourceNode({
      ...TV1_AFTER_PREPAY,
      nodeSuspended: true,
      nodeEffectiveTokens: 0n,
      currentDebt: 5n,
      slashingNoz: 0n,
      suspend: false,
    });
    expect(out).toMatchObject({ nodeSuspended: false, nodeEffectiveTokens: 0n, newDebt: 5n, effectiveTotalDeposit: 8n * E18 });
  });
});

describe("ozoneAfterDepositDecrease", () => {
  it("S before = 0: Lt unchanged and the (zero) rate is not used", () => {
    expect(ozoneAfterDepositDecrease(0n, 77n, 0n, Dec.ZERO)).toEqual({ effectiveTotalDeposit: 0n, remainingOzoneLimit: 77n });
  });

  it("Lt − deposit/rate is truncated toward zero (1.5 noz removed from 10 → 8)", () => {
    expect(ozoneAfterDepositDecrease(100n, 10n, 3n, Dec.fromInt(2n))).toEqual({ effectiveTotalDeposit: 97n, remainingOzoneLimit: 8n });
  });

  it("zero rate with S ≠ 0 → ZeroDivisorError", () => {
    expect(() => ozoneAfterDepositDecrease(1n, 1n, 1n, Dec.ZERO)).toThrow(ZeroDivisorError);
  });
});

describe("slashingTokenAmount errors", () => {
  it("Lt = 0 and slashing = 0 → division by zero, as the reference panics", () => {
    expect(() => slashingTokenAmount(E18, 0n, 0n, 0n)).toThrow(ZeroDivisorError);
  });
});

describe("deductSlashing (spec-register §5.8)", () => {
  const wei = (n: bigint) => Coins.of(coin("wei", n));
  it.each([
    { name: "no debt", debt: 0n, coins: wei(10n), remaining: "10wei", deducted: "", newDebt: undefined },
    { name: "negative debt", debt: -3n, coins: wei(10n), remaining: "10wei", deducted: "", newDebt: undefined },
    { name: "empty coins", debt: 5n, coins: Coins.EMPTY, remaining: "", deducted: "", newDebt: undefined },
    { name: "no coin of the denom", debt: 5n, coins: Coins.of(coin("ustos", 9n)), remaining: "9ustos", deducted: "", newDebt: undefined },
    { name: "debt smaller", debt: 4n, coins: wei(10n), remaining: "6wei", deducted: "4wei", newDebt: 0n },
    { name: "debt equal", debt: 10n, coins: wei(10n), remaining: "", deducted: "10wei", newDebt: 0n },
    { name: "debt larger", debt: 15n, coins: wei(10n), remaining: "", deducted: "10wei", newDebt: 5n },
    {
      name: "other denoms untouched",
      debt: 15n,
      coins: Coins.of(coin("ustos", 3n), coin("wei", 10n)),
      remaining: "3ustos",
      deducted: "10wei",
      newDebt: 5n,
    },
  ])("$name", ({ debt, coins, remaining, deducted, newDebt }) => {
    const out = deductSlashing(debt, coins, "wei");
    expect([out.remaining.toString(), out.deducted.toString(), out.newDebt]).toEqual([remaining, deducted, newDebt]);
  });
});
