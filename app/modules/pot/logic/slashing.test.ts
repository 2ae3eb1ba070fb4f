import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { digits } from "./distribution.vectors.js";
import { ArithmeticOverflowError, ReferencePanicError, ZeroDivisorError } from "./errors.js";
import { TV4, TV5 } from "./maturity.vectors.js";
import { slashResourceNode, slashingTokenAmount } from "./slashing.js";
import { trafficReward } from "./trafficReward.js";

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

  // Total noz after the suspension (TV5.totalNozAfter, 7e12) is register's formula: register/logic/ozone.test.ts.
  it("a following report with Y = 100 000 gives R = 2 099 999 836 665.512703884197746394", () => {
    const r = trafficReward(out.effectiveTotalDeposit, 20n * E18, out.remainingOzoneLimit, big(TV5.nextReportY));
    expect(r.toString()).toBe(Dec.parse(digits(TV5.nextReportR)).toString());
  });

  it("comparison: 10^18 noz on the un-suspended state", () => {
    const r = trafficReward(8n * E18, 20n * E18, big(TV5.Lt), 10n ** 18n);
    expect(r.toString()).toBe(Dec.parse(digits(TV5.comparison.R)).toString());
    expect(slashingTokenAmount(8n * E18, 20n * E18, big(TV5.Lt), 10n ** 18n)).toBe(big(TV5.comparison.slashTokens));
  });
});

// The suspend/unsuspend decision table and the S/Lt decrease are register's
// (register/logic/suspension.test.ts); here only what pot composes around them.
describe("suspension inside the slash (§4.4 steps 5, 8)", () => {
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

describe("spec-register §11 R6 setup: the debt of a slash on state P (S 8e18, Pt 20e18, Lt 2 285 714 285 715)", () => {
  it.each([
    { name: "(a) Y = 10 000", y: 10_000n, debt: 122_499_999_464n },
    { name: "(b) Y = 100 000 000 000", y: 100_000_000_000n, debt: 1_173_652_694_610_427_050n },
  ])("$name", ({ y, debt }) => {
    const out = slashResourceNode({
      ...TV1_AFTER_PREPAY,
      nodeSuspended: false,
      nodeEffectiveTokens: E18,
      currentDebt: 0n,
      slashingNoz: y,
      suspend: false,
    });
    expect([out.slashTokens, out.newDebt]).toEqual([debt, debt]);
  });
});

// Pot's boundary: register's formulas throw the math layer's errors; pot callers see ReferencePanicError
// subclasses (sdk 111222), as the reference's tx result shows for a Go panic.
describe("slashResourceNode errors", () => {
  const suspendOnZeroRate = () =>
    slashResourceNode({
      ...TV1_AFTER_PREPAY,
      depositNozRate: Dec.ZERO,
      nodeSuspended: false,
      nodeEffectiveTokens: E18,
      currentDebt: 0n,
      slashingNoz: 0n,
      suspend: true,
    });

  it("suspension with S ≠ 0 and a zero rate → ZeroDivisorError (sdk 111222) naming register's Decrease", () => {
    expect(suspendOnZeroRate).toThrow(ZeroDivisorError);
    expect(suspendOnZeroRate).toThrow(/slashResourceNode: .*decreaseOzoneLimit: deposit→noz rate is zero/);
    expect(suspendOnZeroRate).toThrow(expect.objectContaining({ codespace: "sdk", code: 111222 }));
  });

  it("a zero rate is harmless without a suspension", () => {
    expect(slashResourceNode({ ...TV1_AFTER_PREPAY, depositNozRate: Dec.ZERO, nodeSuspended: true, nodeEffectiveTokens: 0n, currentDebt: 0n, slashingNoz: 0n, suspend: true }).newDebt).toBe(0n);
  });

  it("a debt beyond 256 bits → ArithmeticOverflowError", () => {
    const run = () => slashResourceNode({ ...TV1_AFTER_PREPAY, nodeSuspended: false, nodeEffectiveTokens: E18, currentDebt: 2n ** 256n - 1n, slashingNoz: 1n, suspend: false });
    expect(run).toThrow(ArithmeticOverflowError);
    expect(run).toThrow(ReferencePanicError);
  });

  it("Lt = 0 and slashing = 0 → division by zero, as the reference panics", () => {
    expect(() => slashingTokenAmount(E18, 0n, 0n, 0n)).toThrow(ZeroDivisorError);
  });
});
