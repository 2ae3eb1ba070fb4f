/** Commission rules and the edit_validator YAML (checked against the Go reference's Commission.String()). */
import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { utcTime } from "../../register/logic/time.js";
import { commissionYaml, validateCommissionRates, validateNewRate } from "./commission.js";

const d = Dec.parse;
const rates = (rate: string, maxRate: string, maxChangeRate: string) => ({ rate: d(rate), maxRate: d(maxRate), maxChangeRate: d(maxChangeRate) });
const code = (e: { code: number } | undefined): number | undefined => e?.code;

describe("validateCommissionRates (staking 9/10/11/13/14)", () => {
  it.each([
    ["valid", rates("0.1", "0.2", "0.01"), undefined],
    ["all zero is valid", rates("0", "0", "0"), undefined],
    ["max rate negative", rates("0", "-0.1", "0"), 9],
    ["max rate above 1", rates("0.1", "1.000000000000000001", "0"), 10],
    ["rate negative", rates("-0.1", "0.2", "0"), 9],
    ["rate above max", rates("0.3", "0.2", "0"), 11],
    ["change rate negative", rates("0.1", "0.2", "-0.01"), 13],
    ["change rate above max", rates("0.1", "0.2", "0.3"), 14],
  ])("%s", (_name, r, want) => {
    expect(code(validateCommissionRates(r))).toBe(want);
  });
});

describe("validateNewRate", () => {
  const t0 = utcTime(2023, 9, 8, 0, 0, 0, 425_396_140);
  const c = { rates: rates("0.1", "0.2", "0.01"), updateTime: t0 };
  const DAY = 86_400n * 1_000_000_000n;
  it("refuses a change within 24 h to the nanosecond (12)", () => {
    expect(code(validateNewRate(c, d("0.105"), t0 + DAY - 1n))).toBe(12);
    expect(validateNewRate(c, d("0.105"), t0 + DAY)).toBeUndefined();
  });
  it("refuses above the max rate (11) and a rise above max_change_rate (15); decreases are free", () => {
    expect(code(validateNewRate(c, d("0.21"), t0 + DAY))).toBe(11);
    expect(code(validateNewRate(c, d("0.110000000000000001"), t0 + DAY))).toBe(15);
    expect(validateNewRate(c, d("0.11"), t0 + DAY)).toBeUndefined();
    expect(validateNewRate(c, d("0"), t0 + DAY)).toBeUndefined();
    expect(code(validateNewRate(c, d("-0.01"), t0 + DAY))).toBe(9);
  });
});

describe("commissionYaml (Go: sigs.k8s.io/yaml of Commission, keys sorted, values quoted)", () => {
  it("matches the reference's text, fraction of seconds without trailing zeros", () => {
    expect(commissionYaml({ rates: rates("0.1", "0.2", "0.01"), updateTime: utcTime(2023, 9, 8, 0, 0, 0, 425_396_140) })).toBe(
      'commission_rates:\n  max_change_rate: "0.010000000000000000"\n  max_rate: "0.200000000000000000"\n  rate: "0.100000000000000000"\nupdate_time: "2023-09-08T00:00:00.42539614Z"\n',
    );
    expect(commissionYaml({ rates: rates("0", "1", "0"), updateTime: 1_700_000_000n * 1_000_000_000n })).toBe(
      'commission_rates:\n  max_change_rate: "0.000000000000000000"\n  max_rate: "1.000000000000000000"\n  rate: "0.000000000000000000"\nupdate_time: "2023-11-14T22:13:20Z"\n',
    );
  });
});
