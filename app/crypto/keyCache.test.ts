import { describe, expect, it } from "vitest";
import { KeyCache } from "./keyCache.js";

describe("KeyCache", () => {
  it("parses once per key and returns the cached value after", () => {
    const cache = new KeyCache<string>(4);
    let calls = 0;
    const parse = (k: Uint8Array): string => {
      calls++;
      return Buffer.from(k).toString("hex");
    };
    expect(cache.getOrParse(Uint8Array.of(1, 2), parse)).toBe("0102");
    expect(cache.getOrParse(Uint8Array.of(1, 2), parse)).toBe("0102");
    expect(calls).toBe(1);
    // A view into a larger buffer keys by its own bytes only.
    const big = Uint8Array.of(9, 1, 2, 9);
    expect(cache.getOrParse(big.subarray(1, 3), parse)).toBe("0102");
    expect(calls).toBe(1);
  });

  it("does not cache a failed parse", () => {
    const cache = new KeyCache<number>(4);
    let calls = 0;
    const parse = (): number | undefined => {
      calls++;
      return undefined;
    };
    expect(cache.getOrParse(Uint8Array.of(7), parse)).toBeUndefined();
    expect(cache.getOrParse(Uint8Array.of(7), parse)).toBeUndefined();
    expect(calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("stays within capacity, evicting the oldest insertion", () => {
    const cache = new KeyCache<number>(3);
    const seen: number[] = [];
    const parse = (k: Uint8Array): number => {
      seen.push(k[0]);
      return k[0];
    };
    for (const b of [1, 2, 3, 4]) cache.getOrParse(Uint8Array.of(b), parse);
    expect(cache.size).toBe(3);
    cache.getOrParse(Uint8Array.of(2), parse); // still cached
    cache.getOrParse(Uint8Array.of(1), parse); // evicted: parsed again
    expect(seen).toEqual([1, 2, 3, 4, 1]);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("refuses a non-positive capacity", () => {
    expect(() => new KeyCache(0)).toThrow(/KeyCache/);
    expect(() => new KeyCache(1.5)).toThrow(/KeyCache/);
  });
});
