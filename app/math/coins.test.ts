import { describe, it, expect } from "vitest";
import {
  amountOfCoinList, coin, coinListString, Coins, InsufficientCoinsError, InvalidCoinsError, InvalidDenomError,
  isValidDenom, isZeroCoinList, validateCoinList, validateDenom, type Coin,
} from "./coins.js";
import { IntOverflowError } from "./int.js";

const c = (amount: bigint, denom: string): Coin => ({ denom, amount });
const MAX_INT = (1n << 256n) - 1n;

// Valid/invalid column checked against sdk.ValidateDenom (cosmos-sdk v0.47.12) with the Go harness
// described in coinParse.vectors.ts.
describe("validateDenom", () => {
  it.each([
    "wei", "abc", "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "a:b", "x.y_z-1", "a".repeat(128),
    "A12", "Z/:._-", "a--",
  ])("accepts %j", (d) => {
    expect(isValidDenom(d)).toBe(true);
    expect(() => validateDenom(d)).not.toThrow();
  });
  it.each(["ab", "a".repeat(129), "1abc", "", "wéi", "a b", "a+b", "a\n", "abc\n", "_ab"])("rejects %j", (d) => {
    expect(isValidDenom(d)).toBe(false);
    expect(() => validateDenom(d)).toThrow(InvalidDenomError);
    expect(() => validateDenom(d)).toThrow(`invalid denom: ${d}`);
  });
});

describe("coin (SDK NewCoin)", () => {
  it("allows zero, refuses negatives, bad denoms and >256-bit amounts", () => {
    expect(coin("wei", 0n)).toEqual({ denom: "wei", amount: 0n });
    expect(() => coin("wei", -1n)).toThrow(InvalidCoinsError);
    expect(() => coin("w", 1n)).toThrow(InvalidDenomError);
    expect(coin("wei", MAX_INT).amount).toBe(MAX_INT);
    expect(() => coin("wei", MAX_INT + 1n)).toThrow(IntOverflowError);
  });
});

describe("Coins construction (SDK NewCoins)", () => {
  it("sorts by denom and drops zero amounts", () => {
    const s = Coins.of(c(5n, "wei"), c(0n, "stos"), c(1n, "abc"));
    expect(s.toString()).toBe("1abc,5wei");
    expect(s.length).toBe(2);
    expect(s.denoms()).toEqual(["abc", "wei"]);
  });
  it("sorts in byte order (upper case before lower case)", () => {
    expect(Coins.of(c(1n, "abc"), c(2n, "Zed"), c(3n, "ABC")).toString()).toBe("3ABC,2Zed,1abc");
  });
  it.each([
    { name: "duplicate", list: [c(1n, "wei"), c(2n, "wei")], msg: /duplicate denomination wei/ },
    { name: "negative", list: [c(-1n, "wei")], msg: /coin -1wei amount is not positive/ },
    { name: "negative second", list: [c(1n, "abc"), c(-1n, "wei")], msg: /coin wei amount is not positive/ },
    { name: "bad denom", list: [c(1n, "a")], msg: /invalid denom: a/ },
    { name: "bad zero-amount denom is dropped first, like Go", list: [c(0n, "a"), c(1n, "a b")], msg: /invalid denom: a b/ },
  ])("refuses $name", ({ list, msg }) => {
    expect(() => Coins.fromArray(list)).toThrow(InvalidCoinsError);
    expect(() => Coins.fromArray(list)).toThrow(msg);
  });
  it("refuses amounts beyond 256 bits", () => {
    expect(() => Coins.of(c(MAX_INT + 1n, "wei"))).toThrow(IntOverflowError);
  });
  it("empty", () => {
    expect(Coins.of().isEmpty() && Coins.EMPTY.isZero()).toBe(true);
    expect(Coins.of(c(0n, "wei")).toString()).toBe("");
    expect(Coins.of(c(0n, "a")).length).toBe(0);
  });
  it("values are frozen", () => {
    const s = Coins.of(c(1n, "wei"));
    expect(Object.isFrozen(s.toArray())).toBe(true);
    expect(Object.isFrozen(s.toArray()[0])).toBe(true);
  });
});

// Examples from the SDK doc comments of Add/Sub/IsAllGTE.
describe("Coins arithmetic", () => {
  const A = (n: bigint): Coin => c(n, "aaa");
  const B = (n: bigint): Coin => c(n, "bbb");
  it("{2A} + {A, 2B} = {3A, 2B}", () => {
    expect(Coins.of(A(2n)).add(Coins.of(A(1n), B(2n))).toString()).toBe("3aaa,2bbb");
  });
  it("{2A, 3B} − {A} = {A, 3B}; {A, B} − {A} = {B}", () => {
    expect(Coins.of(A(2n), B(3n)).sub(Coins.of(A(1n))).toString()).toBe("1aaa,3bbb");
    expect(Coins.of(A(1n), B(1n)).sub(Coins.of(A(1n))).toString()).toBe("1bbb");
  });
  it("sub below zero throws InsufficientCoinsError; safeSub reports it", () => {
    expect(() => Coins.of(A(1n)).sub(Coins.of(A(2n)))).toThrow(InsufficientCoinsError);
    expect(() => Coins.of(A(1n)).sub(Coins.of(B(1n)))).toThrow(/negative coin amount/);
    const r = Coins.of(A(5n), B(1n)).safeSub(Coins.of(B(2n)));
    expect(r.negative).toBe(true);
    expect(r.result.toString()).toBe("5aaa");
    expect(Coins.of(A(5n)).safeSub(Coins.of(A(5n)))).toEqual({ result: Coins.EMPTY, negative: false });
  });
  it("add overflow beyond 256 bits throws IntOverflowError", () => {
    expect(() => Coins.of(A(MAX_INT)).add(Coins.of(A(1n)))).toThrow(IntOverflowError);
  });
  it("amountOf", () => {
    const s = Coins.of(A(2n), B(3n), c(4n, "ccc"), c(5n, "ddd"));
    expect([s.amountOf("aaa"), s.amountOf("bbb"), s.amountOf("ccc"), s.amountOf("ddd"), s.amountOf("eee")]).toEqual([2n, 3n, 4n, 5n, 0n]);
    expect(Coins.EMPTY.amountOf("wei")).toBe(0n);
    expect(() => s.amountOf("")).toThrow(InvalidDenomError);
  });
  it.each([
    { name: "{} ≥ {}", a: [], b: [], want: true },
    { name: "{1A} ≥ {}", a: [A(1n)], b: [], want: true },
    { name: "{} ≥ {1A}", a: [], b: [A(1n)], want: false },
    { name: "{2A,1B} ≥ {2A}", a: [A(2n), B(1n)], b: [A(2n)], want: true },
    { name: "{2A} ≥ {3A}", a: [A(2n)], b: [A(3n)], want: false },
    { name: "{2A} ≥ {1A,1B}", a: [A(2n)], b: [A(1n), B(1n)], want: false },
  ])("isAllGTE $name", ({ a, b, want }) => {
    expect(Coins.fromArray(a).isAllGTE(Coins.fromArray(b))).toBe(want);
    expect(Coins.fromArray(b).isAllLTE(Coins.fromArray(a))).toBe(want);
  });
  it.each([
    { name: "{} > {}", a: [], b: [], want: false },
    { name: "{1A} > {}", a: [A(1n)], b: [], want: true },
    { name: "{2A,1B} > {1A}", a: [A(2n), B(1n)], b: [A(1n)], want: true },
    { name: "{2A,1B} > {2A}", a: [A(2n), B(1n)], b: [A(2n)], want: false },
    { name: "{2A} > {1A,1B}", a: [A(2n)], b: [A(1n), B(1n)], want: false },
  ])("isAllGT $name", ({ a, b, want }) => {
    expect(Coins.fromArray(a).isAllGT(Coins.fromArray(b))).toBe(want);
  });
  it("equals", () => {
    expect(Coins.of(A(1n), B(2n)).equals(Coins.of(B(2n), A(1n)))).toBe(true);
    expect(Coins.of(A(1n)).equals(Coins.of(A(2n)))).toBe(false);
    expect(Coins.of(A(1n)).equals(Coins.of(B(1n)))).toBe(false);
  });
});

// Raw lists: the SDK applies these to unvalidated message input (spec-sds §4.2, §10 item 6).
describe("raw coin lists", () => {
  it("amountOfCoinList is the SDK binary search, so an unsorted list can hide a present denom", () => {
    // len 3: mid = 1 ("abc"); "wei" > "abc" → search [foo] → not found.
    expect(amountOfCoinList([c(5n, "wei"), c(1n, "abc"), c(2n, "foo")], "wei")).toBe(0n);
    expect(amountOfCoinList([c(1n, "abc"), c(2n, "foo"), c(5n, "wei")], "wei")).toBe(5n);
    expect(amountOfCoinList([c(5n, "wei"), c(1n, "abc")], "wei")).toBe(0n); // mid = 1 ("abc") → [] after it
    expect(amountOfCoinList([c(5n, "wei"), c(1n, "abc")], "abc")).toBe(1n);
    expect(amountOfCoinList([c(-5n, "wei")], "wei")).toBe(-5n);
    expect(amountOfCoinList([], "wei")).toBe(0n);
    expect(() => amountOfCoinList([c(1n, "wei")], "")).toThrow(InvalidDenomError);
  });
  it("coinListString and isZeroCoinList", () => {
    expect(coinListString([c(20_000_000_000_000_000_000n, "wei")])).toBe("20000000000000000000wei");
    expect(coinListString([c(5n, "wei"), c(-1n, "foo")])).toBe("5wei,-1foo");
    expect(coinListString([])).toBe("");
    expect(isZeroCoinList([])).toBe(true);
    expect(isZeroCoinList([c(0n, "wei"), c(0n, "foo")])).toBe(true);
    expect(isZeroCoinList([c(0n, "wei"), c(-1n, "foo")])).toBe(false);
  });
  it("validateCoinList reports like Coins.Validate without sanitizing", () => {
    expect(validateCoinList([c(1n, "abc"), c(1n, "wei")])).toBeUndefined();
    expect(validateCoinList([c(1n, "wei"), c(1n, "abc")])).toBe("denomination abc is not sorted");
    expect(validateCoinList([c(0n, "wei")])).toBe("coin 0wei amount is not positive");
    expect(validateCoinList([])).toBeUndefined();
  });
});
