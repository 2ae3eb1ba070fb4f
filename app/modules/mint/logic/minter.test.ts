/**
 * The minter's arithmetic (spec-staking §6). Expected figures from the spec's Appendix A arithmetic
 * (app/modules/distribution/logic/model/f1Model.py: quo/mul/quo_int/mul_int/trunc), with the SDK's
 * default mint params and stratos-1's.
 */
import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { MAINNET_MINT_PARAMS } from "../params.js";
import type { MintParams } from "../types.js";
import { blockProvision, bondedRatio, nextAnnualProvisions, nextInflationRate } from "./minter.js";

const SDK_DEFAULT: MintParams = {
  mintDenom: "wei",
  inflationRateChange: Dec.parse("0.13"),
  inflationMax: Dec.parse("0.20"),
  inflationMin: Dec.parse("0.07"),
  goalBonded: Dec.parse("0.67"),
  blocksPerYear: 6_311_520n,
};
const SUPPLY = 10n ** 26n;

describe("bondedRatio", () => {
  it("stratos-1 at launch: 595 STOS bonded of 10^26 wei = 0.000005950000000000", () => {
    expect(bondedRatio(595n * 10n ** 18n, SUPPLY).toString()).toBe("0.000005950000000000");
  });
  it("no supply: 0", () => {
    expect(bondedRatio(5n, 0n).toString()).toBe("0.000000000000000000");
  });
});

describe("nextInflationRate, nextAnnualProvisions, blockProvision", () => {
  it.each([
    { name: "below the goal: inflation rises", bonded: 5n * 10n ** 25n, inflation: "0.130000005226169707", provisions: "13000000522616970700000000.000000000000000000", block: 2_059_725_790_715_544_068n },
    { name: "above the goal: inflation falls", bonded: 9n * 10n ** 25n, inflation: "0.129999992929299809", provisions: "12999999292929980900000000.000000000000000000", block: 2_059_725_595_883_397_485n },
    { name: "almost nothing bonded", bonded: 595n * 10n ** 18n, inflation: "0.130000020597074163", provisions: "13000002059707416300000000.000000000000000000", block: 2_059_726_034_252_829_160n },
  ])("SDK defaults from 13 %, $name", ({ bonded, inflation, provisions, block }) => {
    const next = nextInflationRate({ inflation: Dec.parse("0.13"), annualProvisions: Dec.ZERO }, SDK_DEFAULT, bondedRatio(bonded, SUPPLY));
    expect(next.toString()).toBe(inflation);
    const annual = nextAnnualProvisions(next, SUPPLY);
    expect(annual.toString()).toBe(provisions);
    expect(blockProvision(annual, SDK_DEFAULT)).toBe(block);
  });

  it("clamps to [min, max]", () => {
    const ratio = bondedRatio(0n, SUPPLY);
    expect(nextInflationRate({ inflation: Dec.parse("0.5"), annualProvisions: Dec.ZERO }, SDK_DEFAULT, ratio).toString()).toBe("0.200000000000000000");
    expect(nextInflationRate({ inflation: Dec.ZERO, annualProvisions: Dec.ZERO }, SDK_DEFAULT, ratio).toString()).toBe("0.070000000000000000");
  });

  it("stratos-1: every rate 0, so inflation, provisions and the block provision stay 0", () => {
    const next = nextInflationRate({ inflation: Dec.ZERO, annualProvisions: Dec.ZERO }, MAINNET_MINT_PARAMS, bondedRatio(595n * 10n ** 18n, SUPPLY));
    expect(next.toString()).toBe("0.000000000000000000");
    expect(nextAnnualProvisions(next, SUPPLY).toString()).toBe("0.000000000000000000");
    expect(blockProvision(Dec.ZERO, MAINNET_MINT_PARAMS)).toBe(0n);
  });
});
