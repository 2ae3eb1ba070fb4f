import { describe, it, expect } from "vitest";
import {
  CoinParseError, goTrimSpace, parseCoinNormalized, parseCoinsNormalized, parseCoinsNormalizedRaw, parseDecCoin,
  parseDecCoins, type Coin,
} from "./coins.js";
import { PARSE_COIN_NORMALIZED, PARSE_COINS_NORMALIZED } from "./coinParse.vectors.js";

const show = (c: Coin): string => `${c.amount}|${c.denom}`;

describe("parseCoinNormalized = sdk.ParseCoinNormalized (stratos denoms)", () => {
  it.each(PARSE_COIN_NORMALIZED)("$name", ({ input, want }) => {
    if (want === null) expect(() => parseCoinNormalized(input)).toThrow(CoinParseError);
    else expect(show(parseCoinNormalized(input))).toBe(want);
  });
});

describe("parseCoinsNormalizedRaw = sdk.ParseCoinsNormalized", () => {
  it.each(PARSE_COINS_NORMALIZED)("$name", ({ input, want }) => {
    if (want === null) expect(() => parseCoinsNormalizedRaw(input)).toThrow(CoinParseError);
    else expect(`[${parseCoinsNormalizedRaw(input).map(show).join(",")}]`).toBe(want);
  });
});

describe("parseCoinsNormalized (valid Coins or CoinParseError)", () => {
  it.each([
    { name: "spec-chain §3 stos", input: "1.5stos", want: "1500000000000000000wei" },
    { name: "gwei", input: "3gwei", want: "3000000000wei" },
    { name: "two foreign denoms are sorted", input: "1foo,2bar", want: "2bar,1foo" },
    { name: "empty", input: "", want: "" },
    { name: "zero only", input: "0stos", want: "" },
  ])("accepts $name", ({ input, want }) => {
    expect(parseCoinsNormalized(input).toString()).toBe(want);
  });
  it.each([
    { name: "duplicates after normalising", input: "1stos,1000000000000000000wei" },
    { name: "unsorted after normalising", input: "1stos,1vvv" },
    { name: "a zero coin left by truncation", input: "0.5wei" },
    { name: "syntax", input: "1wei," },
    { name: "duplicate input denoms", input: "1wei,1wei" },
  ])("rejects $name", ({ input }) => {
    expect(() => parseCoinsNormalized(input)).toThrow(CoinParseError);
  });
});

describe("DecCoin parsing", () => {
  it("keeps the fraction before normalisation", () => {
    expect(parseDecCoin("1.5stos").amount.toString()).toBe("1.500000000000000000");
    expect(parseDecCoins("0.25foo,1.5bar").toString()).toBe("1.500000000000000000bar,0.250000000000000000foo");
  });
  it("rejects numbers in a form the SDK regex does not accept (\"1e-5wei\" is 1 of denom e-5wei)", () => {
    expect(parseDecCoin("1e-5wei").denom).toBe("e-5wei");
    for (const s of ["1,5stos", "-1stos", "1.5.5wei", "1wei wei"]) expect(() => parseDecCoin(s)).toThrow(CoinParseError);
  });
});

describe("goTrimSpace", () => {
  it("trims Go's Unicode spaces but not U+FEFF", () => {
    expect(goTrimSpace("\u0085\u00a0 \t1wei\u3000\u2028")).toBe("1wei");
    expect(goTrimSpace("\ufeff1wei")).toBe("\ufeff1wei");
    expect(goTrimSpace("   ")).toBe("");
  });
});
