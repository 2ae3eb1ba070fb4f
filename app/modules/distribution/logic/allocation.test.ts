/**
 * The allocation arithmetic against spec-staking TV2/TV2b (§14) and the rules of §2.5 / §13 item 3:
 * QuoTruncate fraction, MulDecTruncate reward, rounded commission, dust to the community pool.
 */
import { describe, expect, it } from "vitest";
import { DecCoins } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import { allocate, feeMultiplier, powerFraction, splitCommission, validatorReward } from "./allocation.js";

const wei = (text: string): DecCoins => DecCoins.of({ denom: "wei", amount: Dec.parse(text) });
const TV2_FEES = wei("16000400244999989281");

describe("powerFraction", () => {
  it.each([
    { name: "TV2 A", power: 100_500n, total: 209_500n, want: "0.479713603818615751" },
    { name: "TV2 B", power: 99_000n, total: 209_500n, want: "0.472553699284009546" },
    { name: "TV2 C", power: 10_000n, total: 209_500n, want: "0.047732696897374701" },
    { name: "TV2b 99 000", power: 99_000n, total: 595_000n, want: "0.166386554621848739" },
    { name: "TV2b 90 000", power: 90_000n, total: 595_000n, want: "0.151260504201680672" },
    { name: "TV2b 10 000", power: 10_000n, total: 595_000n, want: "0.016806722689075630" },
    { name: "all of it", power: 7n, total: 7n, want: "1.000000000000000000" },
    { name: "none", power: 0n, total: 7n, want: "0.000000000000000000" },
  ])("$name", ({ power, total, want }) => {
    expect(powerFraction(power, total).toString()).toBe(want);
  });
});

describe("feeMultiplier and validatorReward (truncating)", () => {
  it("tax 0 keeps the fees; tax 1 leaves nothing; TV2 A's reward with tax 0 and 0.02", () => {
    expect(feeMultiplier(TV2_FEES, Dec.ZERO).equals(TV2_FEES)).toBe(true);
    expect(feeMultiplier(TV2_FEES, Dec.ONE).isEmpty()).toBe(true);
    const fraction = Dec.parse("0.479713603818615751");
    expect(validatorReward(feeMultiplier(TV2_FEES, Dec.ZERO), fraction).toString()).toBe("7675609664069207255.811139663257765031wei");
    expect(validatorReward(feeMultiplier(TV2_FEES, Dec.parse("0.02")), fraction).toString()).toBe("7522097470787823110.694916869992609730wei");
  });
});

describe("splitCommission (rounded Mul)", () => {
  it.each([
    { name: "TV2 A", tokens: "7675609664069207255.811139663257765031", rate: "0.10", commission: "767560966406920725.581113966325776503", shared: "6908048697662286530.230025696931988528" },
    { name: "TV2 B", tokens: "7561048325799517599.097636144701676426", rate: "0.05", commission: "378052416289975879.954881807235083821", shared: "7182995909509541719.142754337466592605" },
    { name: "TV2b rate 0.09", tokens: "151260504201680672", rate: "0.09", commission: "13613445378151260.480000000000000000", shared: "137647058823529411.520000000000000000" },
    // Half-even: 0.5 × 0.000000000000000001 rounds to 0, 1.5e-18 × 1 stays.
    { name: "rounds half to even", tokens: "0.000000000000000001", rate: "0.5", commission: "", shared: "0.000000000000000001" },
    { name: "rate 0", tokens: "10", rate: "0", commission: "", shared: "10.000000000000000000" },
  ])("$name", ({ tokens, rate, commission, shared }) => {
    const split = splitCommission(wei(tokens), Dec.parse(rate));
    expect(split.commission.toString()).toBe(commission === "" ? "" : `${commission}wei`);
    expect(split.shared.toString()).toBe(`${shared}wei`);
  });

  it("with several denoms, each is split on its own", () => {
    const tokens = DecCoins.of({ denom: "stos", amount: Dec.parse("3") }, { denom: "wei", amount: Dec.parse("10") });
    const { commission, shared } = splitCommission(tokens, Dec.parse("0.1"));
    expect(commission.toString()).toBe("0.300000000000000000stos,1.000000000000000000wei");
    expect(shared.toString()).toBe("2.700000000000000000stos,9.000000000000000000wei");
  });
});

describe("allocate", () => {
  it("TV2, tax 0: three rewards and 32.000800489999978562 wei of dust", () => {
    const { rewards, communityPool } = allocate(TV2_FEES, Dec.ZERO, [{ power: 100_500n }, { power: 99_000n }, { power: 10_000n }]);
    expect(rewards.map((r) => r.toString())).toEqual([
      "7675609664069207255.811139663257765031wei", "7561048325799517599.097636144701676426wei", "763742255131264394.090423702040579981wei",
    ]);
    expect(communityPool.toString()).toBe("32.000800489999978562wei");
  });

  it("TV2, tax 0.02: the pool gets the tax and the dust", () => {
    expect(allocate(TV2_FEES, Dec.parse("0.02"), [{ power: 100_500n }, { power: 99_000n }, { power: 10_000n }]).communityPool.toString())
      .toBe("320008004899999816.980784480199978992wei");
  });

  it("TV2b: 1 STOS over the mainnet powers leaves 3 wei", () => {
    const powers = [99_000n, 99_000n, 99_000n, 99_000n, 99_000n, 90_000n, 10_000n];
    const { rewards, communityPool } = allocate(wei("1000000000000000000"), Dec.ZERO, powers.map((power) => ({ power })));
    expect(rewards.slice(5).map((r) => r.toString())).toEqual(["151260504201680672.000000000000000000wei", "16806722689075630.000000000000000000wei"]);
    expect(communityPool.toString()).toBe("3.000000000000000000wei");
  });

  it("a total power of 0 sends everything to the community pool and rewards no one", () => {
    expect(allocate(TV2_FEES, Dec.ZERO, [{ power: 0n }, { power: 0n }])).toEqual({ rewards: [], communityPool: TV2_FEES });
    expect(allocate(TV2_FEES, Dec.ZERO, [])).toEqual({ rewards: [], communityPool: TV2_FEES });
  });

  it("no fees: every reward empty, nothing pooled", () => {
    const { rewards, communityPool } = allocate(DecCoins.EMPTY, Dec.ZERO, [{ power: 5n }]);
    expect(rewards.map((r) => r.isEmpty())).toEqual([true]);
    expect(communityPool.isEmpty()).toBe(true);
  });

  it("never hands out more than the fees: rewards + pool = fees for awkward powers", () => {
    const fees = wei("999999999999999999.999999999999999999");
    const votes = [3n, 7n, 11n, 13n, 1_000_003n].map((power) => ({ power }));
    const { rewards, communityPool } = allocate(fees, Dec.parse("0.333333333333333333"), votes);
    const total = rewards.reduce((sum, r) => sum.add(r), communityPool);
    expect(total.equals(fees)).toBe(true);
    expect(communityPool.amountOf("wei").isPositive()).toBe(true);
  });
});
