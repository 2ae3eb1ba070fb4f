import { describe, expect, it } from "vitest";
import { goDurationString, parseDecGo } from "./goText.js";
import { isValidWeightedOption, weightedOptionsText, weightedOptionText } from "./voteOptions.js";

describe("goDurationString (Go time.Duration.String)", () => {
  it.each([
    [0n, "0s"], [1n, "1ns"], [1_500n, "1.5µs"], [300_000_000n, "300ms"], [1_000_000_000n, "1s"], [1_500_000_000n, "1.5s"],
    [60_000_000_000n, "1m0s"], [3_600_000_000_000n, "1h0m0s"], [604_800_000_000_000n, "168h0m0s"], [-2_000_000_000n, "-2s"],
    [3_723_000_000_001n, "1h2m3.000000001s"],
  ])("%s ns → %s", (nanos, text) => {
    expect(goDurationString(nanos)).toBe(text);
  });
});

describe("parseDecGo (LegacyNewDecFromStr's error texts)", () => {
  it.each([
    ["", "decimal string cannot be empty"],
    ["1.", "invalid decimal length"],
    ["1.2.3", "invalid decimal string"],
    ["abc", "failed to set decimal string with base 10: abc000000000000000000"],
  ])("%j → %s", (text, error) => {
    expect(parseDecGo(text)).toEqual({ error });
  });
  it("parses valid text", () => {
    const r = parseDecGo("0.6");
    expect("dec" in r && r.dec.toString()).toBe("0.600000000000000000");
  });
});

describe("weighted vote options", () => {
  it("the proposal_vote option text (spec-staking TV5)", () => {
    expect(weightedOptionsText([{ option: 1, weight: "0.600000000000000000" }, { option: 2, weight: "0.400000000000000000" }])).toBe(
      'option:VOTE_OPTION_YES weight:"0.600000000000000000" \noption:VOTE_OPTION_ABSTAIN weight:"0.400000000000000000"',
    );
    expect(weightedOptionsText([{ option: 4, weight: "1.000000000000000000" }])).toBe('option:VOTE_OPTION_NO_WITH_VETO weight:"1.000000000000000000"');
    expect(weightedOptionText({ option: 9, weight: "" })).toBe("option:9 ");
  });
  it.each([
    [{ option: 1, weight: "1" }, true], [{ option: 1, weight: "0.000000000000000001" }, true], [{ option: 1, weight: "0" }, false],
    [{ option: 1, weight: "1.000000000000000001" }, false], [{ option: 0, weight: "1" }, false], [{ option: 5, weight: "1" }, false],
    [{ option: 3, weight: "-0.5" }, false], [{ option: 3, weight: "x" }, false],
  ])("%j valid: %s", (o, valid) => {
    expect(isValidWeightedOption(o)).toBe(valid);
  });
});
