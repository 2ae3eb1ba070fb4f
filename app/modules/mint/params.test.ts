/** Mint params validation (SDK v0.47 `x/mint/types/params.go`): the reference's order and texts. */
import { describe, expect, it } from "vitest";
import { Dec } from "../../math/dec.js";
import { MAINNET_MINT_PARAMS, validateMintParams } from "./params.js";
import type { MintParamsInput } from "./types.js";

const p = (over: Partial<MintParamsInput>): MintParamsInput => ({ ...MAINNET_MINT_PARAMS, ...over });

describe("validateMintParams", () => {
  it("accepts stratos-1's params", () => {
    expect(validateMintParams(MAINNET_MINT_PARAMS)).toBeUndefined();
  });

  it.each([
    { name: "blank denom", over: { mintDenom: " " }, want: "mint denom cannot be blank" },
    { name: "bad denom", over: { mintDenom: "W" }, want: "invalid denom: W" },
    { name: "nil rate change", over: { inflationRateChange: undefined }, want: "inflation rate change cannot be nil: <nil>" },
    { name: "negative rate change", over: { inflationRateChange: Dec.parse("-0.1") }, want: "inflation rate change cannot be negative: -0.100000000000000000" },
    { name: "rate change above 1", over: { inflationRateChange: Dec.parse("1.1") }, want: "inflation rate change too large: 1.100000000000000000" },
    { name: "nil max", over: { inflationMax: undefined }, want: "max inflation cannot be nil: <nil>" },
    { name: "min above 1", over: { inflationMin: Dec.parse("2") }, want: "min inflation too large: 2.000000000000000000" },
    { name: "nil goal", over: { goalBonded: undefined }, want: "goal bonded cannot be nil: <nil>" },
    { name: "zero goal", over: { goalBonded: Dec.ZERO }, want: "goal bonded must be positive: 0.000000000000000000" },
    { name: "goal above 1", over: { goalBonded: Dec.parse("1.01") }, want: "goal bonded too large: 1.010000000000000000" },
    { name: "no blocks", over: { blocksPerYear: 0n }, want: "blocks per year must be positive: 0" },
    { name: "beyond int64", over: { blocksPerYear: 1n << 63n }, want: "blocks per year must be at most 9223372036854775807: 9223372036854775808" },
    { name: "max below min", over: { inflationMax: Dec.parse("0.1"), inflationMin: Dec.parse("0.2") }, want: "max inflation (0.100000000000000000) must be greater than or equal to min inflation (0.200000000000000000)" },
  ] as Array<{ name: string; over: Partial<MintParamsInput>; want: string }>)("$name", ({ over, want }) => {
    expect(validateMintParams(p(over))).toBe(want);
  });
});
