import { describe, it, expect } from "vitest";
import { coin, Coins, decCoin, DecCoins, InsufficientCoinsError, InvalidCoinsError, InvalidDenomError } from "./coins.js";
import { Dec, DivisionByZeroError } from "./dec.js";

const d = (s: string): Dec => Dec.parse(s);
const dc = (amount: string, denom: string) => decCoin(denom, d(amount));

describe("DecCoins", () => {
  it("construction sorts, drops zeros, validates (SDK NewDecCoins)", () => {
    expect(DecCoins.of(dc("1.5", "wei"), dc("0", "foo"), dc("0.25", "abc")).toString())
      .toBe("0.250000000000000000abc,1.500000000000000000wei");
    expect(() => DecCoins.of(dc("1", "wei"), dc("2", "wei"))).toThrow(/duplicate denomination wei/);
    expect(() => DecCoins.fromArray([{ denom: "wei", amount: d("-1") }])).toThrow(InvalidCoinsError);
    expect(() => decCoin("wei", d("-0.1"))).toThrow(InvalidCoinsError);
    expect(() => decCoin("w", d("1"))).toThrow(InvalidDenomError);
    expect(DecCoins.of().toString()).toBe("");
  });

  it("fromCoins converts exactly", () => {
    expect(DecCoins.fromCoins(Coins.of(coin("wei", 5n), coin("abc", 2n))).toString())
      .toBe("2.000000000000000000abc,5.000000000000000000wei");
  });

  it("add, sub, safeSub", () => {
    const a = DecCoins.of(dc("1.5", "aaa"), dc("2", "bbb"));
    const b = DecCoins.of(dc("0.5", "aaa"), dc("1", "ccc"));
    expect(a.add(b).toString()).toBe("2.000000000000000000aaa,2.000000000000000000bbb,1.000000000000000000ccc");
    expect(a.sub(DecCoins.of(dc("1.5", "aaa"))).toString()).toBe("2.000000000000000000bbb");
    expect(() => a.sub(b)).toThrow(InsufficientCoinsError);
    const r = a.safeSub(b);
    expect(r.negative).toBe(true);
    expect(r.result.toString()).toBe("1.000000000000000000aaa,2.000000000000000000bbb");
  });

  it("mulDec rounds half-even per coin and drops zero products", () => {
    // 0.000000000000000001 × 0.5 → 0 (dropped); 0.000000000000000003 × 0.5 → 0.000000000000000002
    const a = DecCoins.of(decCoin("aaa", Dec.fromRaw(1n)), decCoin("bbb", Dec.fromRaw(3n)), dc("10", "ccc"));
    expect(a.mulDec(d("0.5")).toString()).toBe("0.000000000000000002bbb,5.000000000000000000ccc");
    expect(a.mulDecTruncate(d("0.5")).toString()).toBe("0.000000000000000001bbb,5.000000000000000000ccc");
    expect(a.mulDec(Dec.ZERO).isEmpty()).toBe(true);
    expect(() => a.mulDec(d("-1"))).toThrow(InvalidCoinsError);
  });

  it("quoDec uses Dec.quo; zero divisor throws DivisionByZeroError", () => {
    const a = DecCoins.of(dc("2", "aaa"), dc("1", "bbb"));
    expect(a.quoDec(d("3")).toString()).toBe("0.666666666666666667aaa,0.333333333333333333bbb");
    expect(a.quoDecTruncate(d("3")).toString()).toBe("0.666666666666666666aaa,0.333333333333333333bbb");
    expect(() => a.quoDec(Dec.ZERO)).toThrow(DivisionByZeroError);
    expect(() => a.quoDecTruncate(Dec.ZERO)).toThrow(DivisionByZeroError);
  });

  it("truncateDecimal splits whole coins and change, leaving zeros out of both", () => {
    const { truncated, change } = DecCoins.of(dc("1.25", "aaa"), dc("0.5", "bbb"), dc("3", "ccc")).truncateDecimal();
    expect(truncated.toString()).toBe("1aaa,3ccc");
    expect(change.toString()).toBe("0.250000000000000000aaa,0.500000000000000000bbb");
  });

  it("amountOf", () => {
    const a = DecCoins.of(dc("1.25", "aaa"));
    expect(a.amountOf("aaa").toString()).toBe("1.250000000000000000");
    expect(a.amountOf("zzz").isZero()).toBe(true);
    expect(() => a.amountOf("z")).toThrow(InvalidDenomError);
  });

  it("equals and predicates", () => {
    expect(DecCoins.of(dc("1", "aaa")).equals(DecCoins.of(dc("1.0", "aaa")))).toBe(true);
    expect(DecCoins.of(dc("1", "aaa")).equals(DecCoins.of(dc("1", "bbb")))).toBe(false);
    expect(DecCoins.EMPTY.isZero() && DecCoins.EMPTY.length === 0).toBe(true);
  });
});
