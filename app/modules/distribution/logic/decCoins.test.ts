/** `DecCoins.Intersect` (SDK v0.47): per denom of the first list, the minimum with the second. */
import { describe, expect, it } from "vitest";
import { DecCoins } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import { intersectDecCoins } from "./decCoins.js";

const coins = (...list: Array<[string, string]>): DecCoins => DecCoins.fromArray(list.map(([denom, amount]) => ({ denom, amount: Dec.parse(amount) })));

describe("intersectDecCoins", () => {
  it.each([
    { name: "smaller first", a: [["wei", "1.5"]], b: [["wei", "2"]], want: "1.500000000000000000wei" },
    { name: "smaller second (the outstanding cap)", a: [["wei", "2"]], b: [["wei", "1.5"]], want: "1.500000000000000000wei" },
    { name: "denom missing in the second is dropped", a: [["stos", "1"], ["wei", "2"]], b: [["wei", "3"]], want: "2.000000000000000000wei" },
    { name: "denom only in the second is ignored", a: [["wei", "2"]], b: [["stos", "1"], ["wei", "3"]], want: "2.000000000000000000wei" },
    { name: "empty first", a: [], b: [["wei", "3"]], want: "" },
    { name: "empty second", a: [["wei", "3"]], b: [], want: "" },
  ] as Array<{ name: string; a: Array<[string, string]>; b: Array<[string, string]>; want: string }>)("$name", ({ a, b, want }) => {
    expect(intersectDecCoins(coins(...a), coins(...b)).toString()).toBe(want);
  });
});
