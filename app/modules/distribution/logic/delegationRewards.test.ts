/**
 * The reward of a delegation between periods (spec-staking §2.4): segments between slashes, the stake
 * shrinking by each fraction (truncated), the clamp to the current stake (3·10^-18 tolerance), the
 * same-block rule, and the consistency failures the reference panics on.
 */
import { describe, expect, it } from "vitest";
import { DecCoins } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import type { SlashEvent } from "../types.js";
import { delegationRewards, rewardsBetween, RewardsInvariantError } from "./delegationRewards.js";

const wei = (text: string): DecCoins => DecCoins.of({ denom: "wei", amount: Dec.parse(text) });
const ratios: Record<string, DecCoins> = {
  "1": DecCoins.EMPTY,
  "2": wei("0.01"),
  "3": wei("0.03"),
  "4": wei("0.07"),
  "5": wei("0.071"),
};
const ratioAt = (p: bigint): DecCoins => ratios[p.toString()] ?? DecCoins.EMPTY;
const slash = (height: bigint, period: bigint, fraction: string): { height: bigint; event: SlashEvent } =>
  ({ height, event: { validatorPeriod: period, fraction: Dec.parse(fraction) } });

describe("rewardsBetween", () => {
  it("TV3: (0.068739380527976617 − 0) × 1.5e18 = 103109070791964925.5", () => {
    expect(rewardsBetween(DecCoins.EMPTY, wei("0.068739380527976617"), Dec.parse("1500000000000000000")).toString())
      .toBe("103109070791964925.500000000000000000wei");
  });

  it("refuses a negative stake and a decreasing ratio", () => {
    expect(() => rewardsBetween(DecCoins.EMPTY, wei("1"), Dec.parse("-1"))).toThrow(RewardsInvariantError);
    expect(() => rewardsBetween(wei("2"), wei("1"), Dec.ONE)).toThrow(/negative rewards/);
  });
});

describe("delegationRewards", () => {
  const base = {
    startingInfo: { previousPeriod: 1n, stake: Dec.parse("1000"), height: 10n },
    blockHeight: 50n,
    ratioAt,
    currentStake: Dec.parse("1000"),
    endingPeriod: 4n,
  };

  it("no slash: (ratio_end − ratio_start) × stake", () => {
    expect(delegationRewards({ ...base, slashEvents: [] }).toString()).toBe("70.000000000000000000wei");
  });

  it("nothing in the block the delegation started in", () => {
    expect(delegationRewards({ ...base, blockHeight: 10n, slashEvents: [] }).isEmpty()).toBe(true);
  });

  it("a slash closes a segment and shrinks the stake: 1000 × 0.03 + 900 × (0.07 − 0.03)", () => {
    const r = delegationRewards({ ...base, currentStake: Dec.parse("900"), slashEvents: [slash(20n, 3n, "0.1")] });
    expect(r.toString()).toBe("66.000000000000000000wei");
  });

  it("two slashes compound, each truncating the stake (figures from the spec's Appendix A model)", () => {
    const slashEvents = [slash(20n, 2n, "0.333333333333333333"), slash(30n, 3n, "0.1")];
    // 1000 × 0.01; stake → 666.666666666666667; × 0.02; stake → 600.000000000000000300; × 0.04.
    const r = delegationRewards({ ...base, currentStake: Dec.parse("600.000000000000000300"), slashEvents });
    expect(r.toString()).toBe("47.333333333333333352wei");
    // Against a current stake of exactly 600 the accumulated one is 3·10^-16 too high: a broken invariant.
    expect(() => delegationRewards({ ...base, currentStake: Dec.parse("600"), slashEvents })).toThrow(RewardsInvariantError);
  });

  it("skips a slash recorded earlier in the starting block (its period is not after the start)", () => {
    const r = delegationRewards({ ...base, startingInfo: { ...base.startingInfo, previousPeriod: 3n }, slashEvents: [slash(10n, 3n, "0.5")] });
    expect(r.toString()).toBe("40.000000000000000000wei");
  });

  it("clamps a stake at most 3·10^-18 above the current one; more is an invariant failure", () => {
    const current = Dec.parse("999.999999999999999997");
    expect(delegationRewards({ ...base, currentStake: current, slashEvents: [] }).toString()).toBe("69.999999999999999999wei");
    expect(() => delegationRewards({ ...base, currentStake: Dec.parse("999.999999999999999996"), slashEvents: [] }))
      .toThrow(/greater than current stake/);
  });

  it("a starting period after the ending period is refused", () => {
    expect(() => delegationRewards({ ...base, startingInfo: { ...base.startingInfo, previousPeriod: 5n }, slashEvents: [] })).toThrow(RewardsInvariantError);
  });
});
