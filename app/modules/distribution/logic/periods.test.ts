/** Period ratios (spec-staking §2.3, §13 item 4): rewards per **token**, truncated; none without tokens. */
import { describe, expect, it } from "vitest";
import { DecCoins } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import { closedPeriodRatio, periodRatio } from "./periods.js";

const wei = (text: string): DecCoins => DecCoins.of({ denom: "wei", amount: Dec.parse(text) });

describe("periodRatio", () => {
  it("TV3: A's current rewards over 100.5 STOS of tokens = 0.068739380527976617 (truncated)", () => {
    expect(periodRatio(wei("6908307743061650093.785923692070943713"), 100_500_000_000_000_000_000n).toString()).toBe("0.068739380527976617wei");
  });

  it("divides by tokens, not shares: after a slash the same rewards buy a larger ratio", () => {
    const rewards = wei("1000000000000000000");
    expect(periodRatio(rewards, 100_000_000_000_000_000_000n).toString()).toBe("0.010000000000000000wei");
    expect(periodRatio(rewards, 99_980_000_000_000_000_000n).toString()).toBe("0.010002000400080016wei");
  });

  it("truncates toward zero (never rounds up)", () => {
    expect(periodRatio(wei("2"), 3n).toString()).toBe("0.666666666666666666wei");
  });

  it("a validator without tokens has no ratio; empty rewards give an empty ratio", () => {
    expect(periodRatio(wei("5"), 0n).isEmpty()).toBe(true);
    expect(periodRatio(DecCoins.EMPTY, 10n).isEmpty()).toBe(true);
  });
});

describe("closedPeriodRatio", () => {
  it("adds the period's ratio to the previous cumulative ratio", () => {
    expect(closedPeriodRatio(wei("0.068739380527976617"), wei("3"), 4n).toString()).toBe("0.818739380527976617wei");
    expect(closedPeriodRatio(wei("0.5"), wei("3"), 0n).toString()).toBe("0.500000000000000000wei");
  });
});
