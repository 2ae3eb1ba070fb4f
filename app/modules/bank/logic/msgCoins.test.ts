import { describe, expect, it } from "vitest";
import { Coins, coin } from "../../../math/coins.js";
import { type MsgCoin, coinsIsEqualGo, msgCoinsFromProto, msgCoinsIsAllPositive, msgCoinsIsValid, msgCoinsString } from "./msgCoins.js";
import { goQuote } from "./goQuote.js";

const c = (denom: string, amount: bigint | undefined): MsgCoin => ({ denom, amount });

/** SDK v0.47 `Coins.IsValid()` on lists as given (types/coin.go `Validate`). */
const VALIDITY: ReadonlyArray<{ name: string; list: MsgCoin[]; valid: boolean; allPositive: boolean }> = [
  { name: "empty", list: [], valid: true, allPositive: false },
  { name: "one positive", list: [c("wei", 1n)], valid: true, allPositive: true },
  { name: "zero", list: [c("wei", 0n)], valid: false, allPositive: false },
  { name: "negative", list: [c("wei", -1n)], valid: false, allPositive: false },
  { name: "bad denom", list: [c("w", 1n)], valid: false, allPositive: true },
  { name: "sorted pair", list: [c("stos", 1n), c("wei", 2n)], valid: true, allPositive: true },
  { name: "unsorted pair", list: [c("wei", 1n), c("stos", 2n)], valid: false, allPositive: true },
  { name: "duplicate", list: [c("wei", 1n), c("wei", 2n)], valid: false, allPositive: true },
  { name: "second zero", list: [c("stos", 1n), c("wei", 0n)], valid: false, allPositive: false },
];

describe("message coin lists (Go semantics)", () => {
  it.each(VALIDITY)("$name", ({ list, valid, allPositive }) => {
    expect(msgCoinsIsValid(list)).toBe(valid);
    expect(msgCoinsIsAllPositive(list)).toBe(allPositive);
  });

  it("a nil amount panics where Go dereferences it, not before", () => {
    expect(() => msgCoinsIsValid([c("wei", undefined)])).toThrow("runtime error: invalid memory address or nil pointer dereference: panic");
    expect(msgCoinsIsValid([c("w", undefined)])).toBe(false); // the denom check comes first
    expect(msgCoinsIsValid([c("wei", 1n), c("stos", undefined)])).toBe(false); // unsorted is found first
    expect(msgCoinsString([c("wei", undefined), c("stos", 2n)])).toBe("<nil>wei,2stos");
  });

  it("decodes amounts like gogoproto's cosmos.Int", () => {
    expect(msgCoinsFromProto([{ denom: "wei", amount: "" }, { denom: "wei", amount: "0x0a" }])).toEqual([c("wei", undefined), c("wei", 10n)]);
    expect(() => msgCoinsFromProto([{ denom: "wei", amount: "1e3" }])).toThrow('math/big: cannot unmarshal "1e3" into a *big.Int');
    expect(() => msgCoinsFromProto([{ denom: "wei", amount: (1n << 256n).toString() }])).toThrow("integer out of range; got: 257, max: 256");
  });

  it("Coins.IsEqual: different lengths differ, a denom mismatch panics", () => {
    const one = Coins.of(coin("wei", 10n));
    expect(coinsIsEqualGo(one, Coins.of(coin("wei", 10n)))).toBe(true);
    expect(coinsIsEqualGo(one, Coins.of(coin("wei", 9n)))).toBe(false);
    expect(coinsIsEqualGo(one, Coins.of(coin("wei", 10n), coin("stos", 1n)))).toBe(false);
    expect(() => coinsIsEqualGo(one, Coins.of(coin("stos", 10n)))).toThrow("invalid coin denominations; wei, stos: panic");
  });
});

describe("goQuote (Go %q)", () => {
  it.each([
    { input: "wei", want: '"wei"' },
    { input: 'a"b\\c', want: '"a\\"b\\\\c"' },
    { input: "a\nb\u0001", want: '"a\\nb\\x01"' },
    { input: "é", want: '"é"' },
    { input: "\u200b", want: '"\\u200b"' },
  ])("$input", ({ input, want }) => {
    expect(goQuote(input)).toBe(want);
  });
});
