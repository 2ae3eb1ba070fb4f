import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { checkInt, IntOverflowError, IntParseError, MAX_INT_BITS, parseIntSdk, parseIntStrict } from "./int.js";
import { bitLength, goParseBigInt } from "./goBigInt.js";

const MAX = (1n << 256n) - 1n;

// Rows produced by a throw-away Go program linked against cosmossdk.io/math v1.3.0, calling
// NewIntFromString(input) (= big.Int SetString base 0 + 256-bit check, as proto/JSON decoding does).
// want: null = ok == false.
const SDK_INT_ROWS: ReadonlyArray<{ name: string; input: string; want: string | null }> = [
  { name: "NewIntFromString \"0\"", input: "0", want: "0" },
  { name: "NewIntFromString \"1\"", input: "1", want: "1" },
  { name: "NewIntFromString \"-1\"", input: "-1", want: "-1" },
  { name: "NewIntFromString \"+1\"", input: "+1", want: "1" },
  { name: "NewIntFromString \"007\"", input: "007", want: "7" },
  { name: "NewIntFromString \"08\"", input: "08", want: null },
  { name: "NewIntFromString \"0x1F\"", input: "0x1F", want: "31" },
  { name: "NewIntFromString \"0X1f\"", input: "0X1f", want: "31" },
  { name: "NewIntFromString \"0o17\"", input: "0o17", want: "15" },
  { name: "NewIntFromString \"0O17\"", input: "0O17", want: "15" },
  { name: "NewIntFromString \"0b101\"", input: "0b101", want: "5" },
  { name: "NewIntFromString \"0B2\"", input: "0B2", want: null },
  { name: "NewIntFromString \"1_000\"", input: "1_000", want: "1000" },
  { name: "NewIntFromString \"1__000\"", input: "1__000", want: null },
  { name: "NewIntFromString \"_1\"", input: "_1", want: null },
  { name: "NewIntFromString \"1_\"", input: "1_", want: null },
  { name: "NewIntFromString \"0_1\"", input: "0_1", want: "1" },
  { name: "NewIntFromString \"0x_1f\"", input: "0x_1f", want: "31" },
  { name: "NewIntFromString \"0x\"", input: "0x", want: null },
  { name: "NewIntFromString \"0b\"", input: "0b", want: null },
  { name: "NewIntFromString \"0o\"", input: "0o", want: null },
  { name: "NewIntFromString \"-0x10\"", input: "-0x10", want: "-16" },
  { name: "NewIntFromString \"+-1\"", input: "+-1", want: null },
  { name: "NewIntFromString \"--1\"", input: "--1", want: null },
  { name: "NewIntFromString \"\"", input: "", want: null },
  { name: "NewIntFromString \"-\"", input: "-", want: null },
  { name: "NewIntFromString \"+\"", input: "+", want: null },
  { name: "NewIntFromString \" 1\"", input: " 1", want: null },
  { name: "NewIntFromString \"1 \"", input: "1 ", want: null },
  { name: "NewIntFromString \"1.0\"", input: "1.0", want: null },
  { name: "NewIntFromString \"1e3\"", input: "1e3", want: null },
  { name: "NewIntFromString \"abc\"", input: "abc", want: null },
  { name: "NewIntFromString \"115792089237316195423570985008687907853269984665640564039457584007913129639935\"", input: "115792089237316195423570985008687907853269984665640564039457584007913129639935", want: "115792089237316195423570985008687907853269984665640564039457584007913129639935" },
  { name: "NewIntFromString \"115792089237316195423570985008687907853269984665640564039457584007913129639936\"", input: "115792089237316195423570985008687907853269984665640564039457584007913129639936", want: null },
  { name: "NewIntFromString \"-115792089237316195423570985008687907853269984665640564039457584007913129639935\"", input: "-115792089237316195423570985008687907853269984665640564039457584007913129639935", want: "-115792089237316195423570985008687907853269984665640564039457584007913129639935" },
  { name: "NewIntFromString \"-115792089237316195423570985008687907853269984665640564039457584007913129639936\"", input: "-115792089237316195423570985008687907853269984665640564039457584007913129639936", want: null },
  { name: "NewIntFromString \"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"", input: "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", want: "115792089237316195423570985008687907853269984665640564039457584007913129639935" },
  { name: "NewIntFromString \"0_\"", input: "0_", want: null },
  { name: "NewIntFromString \"00\"", input: "00", want: "0" },
  { name: "NewIntFromString \"0x1_f\"", input: "0x1_f", want: "31" },
  { name: "NewIntFromString \"1_0x1\"", input: "1_0x1", want: null },
  { name: "NewIntFromString \"\\u0663\"", input: "\u0663", want: null },
  { name: "NewIntFromString \"0xg\"", input: "0xg", want: null },
];

describe("parseIntSdk = NewIntFromString / Int.Unmarshal", () => {
  it.each(SDK_INT_ROWS)("$name", ({ input, want }) => {
    if (want === null) expect(() => parseIntSdk(input)).toThrow(IntParseError);
    else expect(parseIntSdk(input)).toBe(BigInt(want));
  });
});

describe("parseIntStrict", () => {
  it.each([
    { name: "zero", input: "0", want: 0n },
    { name: "negative", input: "-42", want: -42n },
    { name: "leading zeros are decimal here", input: "010", want: 10n },
    { name: "max", input: MAX.toString(), want: MAX },
    { name: "min", input: (-MAX).toString(), want: -MAX },
  ])("accepts $name", ({ input, want }) => {
    expect(parseIntStrict(input)).toBe(want);
  });
  it.each(["", "-", "+1", "0x10", "1_000", " 1", "1.0", (MAX + 1n).toString(), (-MAX - 1n).toString(), "٣"])(
    "rejects %j",
    (input) => {
      expect(() => parseIntStrict(input)).toThrow(IntParseError);
      expect(() => parseIntStrict(input)).toThrow(/parseIntStrict/);
    },
  );
});

describe("checkInt", () => {
  it("keeps values within ±(2^256 − 1)", () => {
    expect(MAX_INT_BITS).toBe(256);
    expect(checkInt(MAX, "t")).toBe(MAX);
    expect(checkInt(-MAX, "t")).toBe(-MAX);
    expect(checkInt(0n, "t")).toBe(0n);
  });
  it("throws IntOverflowError naming the operation beyond 256 bits", () => {
    expect(() => checkInt(MAX + 1n, "Coins.add")).toThrow(IntOverflowError);
    expect(() => checkInt(-MAX - 1n, "Coins.add")).toThrow(/Coins\.add: integer overflow \(257 bits/);
  });
});

describe("goParseBigInt", () => {
  it("base 10 accepts a sign but no prefixes or separators", () => {
    expect(goParseBigInt("+15", 10)).toBe(15n);
    expect(goParseBigInt("-007", 10)).toBe(-7n);
    expect(goParseBigInt("0x10", 10)).toBeUndefined();
    expect(goParseBigInt("1_0", 10)).toBeUndefined();
    expect(goParseBigInt("", 10)).toBeUndefined();
  });
  it("decimal strings of any size round-trip in both bases", () => {
    fc.assert(fc.property(fc.bigInt(-(1n << 400n), 1n << 400n), (x) => {
      expect(goParseBigInt(x.toString(), 10)).toBe(x);
      if (x > 0n) expect(goParseBigInt(`0x${x.toString(16)}`, 0)).toBe(x);
    }), { numRuns: 500 });
  });
  it("bitLength is Go BitLen of |x|", () => {
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(1n)).toBe(1);
    expect(bitLength(-255n)).toBe(8);
    expect(bitLength(1n << 315n)).toBe(316);
  });
});
