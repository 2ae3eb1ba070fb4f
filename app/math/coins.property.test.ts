// Coins invariants against a plain per-denom sum model (a Map filled and read per denom; its
// iteration order is never used).
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { Coins, DecCoins, InsufficientCoinsError, type Coin } from "./coins.js";
import { Dec } from "./dec.js";

const DENOMS = ["Abc", "aaa", "ibc/XYZ", "stos", "wei", "wei2", "zz:z"] as const;
const RUNS = { numRuns: 800 };

const entryArb = fc.record({ denom: fc.constantFrom(...DENOMS), amount: fc.bigInt(0n, 1n << 80n) });
/** Valid Coins built from an unsorted, zero-containing list with unique denoms. */
const coinsArb = fc.uniqueArray(entryArb, { selector: (e) => e.denom, maxLength: DENOMS.length })
  .map((list) => Coins.fromArray(list));

function model(parts: ReadonlyArray<{ coins: Coins; sign: bigint }>): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const { coins, sign } of parts) for (const c of coins.toArray()) m.set(c.denom, (m.get(c.denom) ?? 0n) + sign * c.amount);
  return m;
}
function expectValid(list: readonly Coin[]): void {
  for (let i = 0; i < list.length; i++) {
    const cur = list[i];
    expect(cur !== undefined && cur.amount > 0n).toBe(true);
    const prev = list[i - 1];
    if (prev !== undefined && cur !== undefined) expect(prev.denom < cur.denom).toBe(true);
  }
}
function expectMatches(coins: Coins, m: Map<string, bigint>): void {
  for (const d of DENOMS) expect(coins.amountOf(d)).toBe(m.get(d) ?? 0n);
}

describe("Coins properties", () => {
  it("construction and add/sub keep the set sorted, unique and positive", () => {
    fc.assert(fc.property(coinsArb, coinsArb, (a, b) => {
      expectValid(a.toArray());
      expectValid(a.add(b).toArray());
      const { result, negative } = a.safeSub(b);
      expectValid(result.toArray());
      expect(negative).toBe(b.toArray().some((c) => c.amount > a.amountOf(c.denom)));
    }), RUNS);
  });

  it("add equals the per-denom sum and commutes", () => {
    fc.assert(fc.property(coinsArb, coinsArb, (a, b) => {
      expectMatches(a.add(b), model([{ coins: a, sign: 1n }, { coins: b, sign: 1n }]));
      expect(a.add(b).equals(b.add(a))).toBe(true);
    }), RUNS);
  });

  it("add is associative", () => {
    fc.assert(fc.property(coinsArb, coinsArb, coinsArb, (a, b, c) => {
      expect(a.add(b).add(c).equals(a.add(b.add(c)))).toBe(true);
    }), RUNS);
  });

  it("sub(add(a, b), b) = a, and a − b succeeds exactly when a ≥ b", () => {
    fc.assert(fc.property(coinsArb, coinsArb, (a, b) => {
      expect(a.add(b).sub(b).equals(a)).toBe(true);
      expect(a.add(b).isAllGTE(b)).toBe(true);
      if (a.isAllGTE(b)) expectMatches(a.sub(b), model([{ coins: a, sign: 1n }, { coins: b, sign: -1n }]));
      else expect(() => a.sub(b)).toThrow(InsufficientCoinsError);
    }), RUNS);
  });

  it("toString lists the coins in denom order", () => {
    fc.assert(fc.property(coinsArb, (a) => {
      expect(a.toString()).toBe(a.toArray().map((c) => `${c.amount}${c.denom}`).join(","));
    }), RUNS);
  });
});

describe("DecCoins properties", () => {
  const decCoinsArb = coinsArb.map((c) => DecCoins.fromCoins(c));
  it("truncateDecimal of whole amounts returns the same Coins and no change", () => {
    fc.assert(fc.property(coinsArb, (a) => {
      const { truncated, change } = DecCoins.fromCoins(a).truncateDecimal();
      expect(truncated.equals(a)).toBe(true);
      expect(change.isEmpty()).toBe(true);
    }), RUNS);
  });
  it("truncated + change = original after scaling by a fraction", () => {
    fc.assert(fc.property(decCoinsArb, fc.bigInt(1n, 10n ** 18n), (a, r) => {
      const scaled = a.mulDec(Dec.fromRaw(r));
      const { truncated, change } = scaled.truncateDecimal();
      expect(DecCoins.fromCoins(truncated).add(change).equals(scaled)).toBe(true);
    }), RUNS);
  });
  it("add then sub returns the original", () => {
    fc.assert(fc.property(decCoinsArb, decCoinsArb, (a, b) => {
      expect(a.add(b).sub(b).equals(a)).toBe(true);
      expect(a.add(b).equals(b.add(a))).toBe(true);
    }), RUNS);
  });
});
