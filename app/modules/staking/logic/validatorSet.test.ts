/** spec-staking §1.6 / §13 items 1–2: the set computation as a pure function, against hand-built rankings. */
import { describe, expect, it } from "vitest";
import { computeValidatorSetChanges, JailedInRankingError, MAX_TOTAL_VOTING_POWER, type RankedValidator, updateOrder } from "./validatorSet.js";

const op = (n: number): Uint8Array => new Uint8Array(20).fill(n);
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const ranked = (n: number, power: bigint, bonded = false, jailed = false): RankedValidator => ({ operator: op(n), potentialPower: power, bonded, jailed });

describe("computeValidatorSetChanges", () => {
  it("bonds new validators in ranking order, stops at a zero power, updates only changed powers", () => {
    const last = new Map([[hex(op(1)), 100n], [hex(op(2)), 50n]]);
    const c = computeValidatorSetChanges([ranked(1, 100n, true), ranked(2, 60n, true), ranked(3, 10n), ranked(4, 0n), ranked(5, 5n)], last, 100);
    expect(c.members.map((m) => [m.operator[0], m.power, m.entering, m.changed])).toEqual([[1, 100n, false, false], [2, 60n, false, true], [3, 10n, true, true]]);
    expect(c.leaving).toEqual([]);
    expect(c.totalPower).toBe(170n);
    expect(updateOrder(c).map((u) => [u.operator[0], u.power])).toEqual([[2, 60n], [3, 10n]]);
  });

  it("max_validators caps the set; the ones pushed out leave in ascending address order, after the additions", () => {
    const last = new Map([[hex(op(9)), 10n], [hex(op(7)), 20n], [hex(op(8)), 30n]]);
    const c = computeValidatorSetChanges([ranked(1, 100n), ranked(2, 90n), ranked(8, 30n, true), ranked(7, 20n, true)], last, 2);
    expect(c.members.map((m) => m.operator[0])).toEqual([1, 2]);
    expect(c.leaving.map((o) => o[0])).toEqual([7, 8, 9]);
    expect(updateOrder(c).map((u) => [u.operator[0], u.power])).toEqual([[1, 100n], [2, 90n], [7, 0n], [8, 0n], [9, 0n]]);
  });

  it("a validator not in the ranking any more (jailed) leaves; a jailed one inside the ranking is a broken index", () => {
    const c = computeValidatorSetChanges([ranked(2, 5n, true)], new Map([[hex(op(1)), 7n], [hex(op(2)), 5n]]), 100);
    expect(c.leaving.map((o) => o[0])).toEqual([1]);
    expect(updateOrder(c)).toEqual([{ operator: op(1), power: 0n }]);
    expect(() => computeValidatorSetChanges([ranked(1, 5n, false, true)], new Map(), 100)).toThrow(JailedInRankingError);
  });

  it("never hands CometBFT a set above MaxTotalVotingPower (MaxInt64 / 8): the walk stops before the validator that would pass it", () => {
    expect(MAX_TOTAL_VOTING_POWER).toBe(1_152_921_504_606_846_975n);
    const half = MAX_TOTAL_VOTING_POWER / 2n;
    const c = computeValidatorSetChanges([ranked(1, half + 1n), ranked(2, half + 1n), ranked(3, 1n)], new Map([[hex(op(2)), 3n]]), 100);
    expect(c.capped).toBe(true);
    expect(c.members.map((m) => m.operator[0])).toEqual([1]);
    expect(c.leaving.map((o) => o[0])).toEqual([2]);
    expect(c.totalPower <= MAX_TOTAL_VOTING_POWER).toBe(true);
    // Exactly at the limit is allowed.
    const exact = computeValidatorSetChanges([ranked(1, MAX_TOTAL_VOTING_POWER - 1n), ranked(2, 1n)], new Map(), 100);
    expect(exact.capped).toBe(false);
    expect(exact.totalPower).toBe(MAX_TOTAL_VOTING_POWER);
  });

  it("consumes the ranking lazily: nothing past the cut is read", () => {
    let read = 0;
    function* ranking(): Generator<RankedValidator> {
      for (let i = 1; i <= 1000; i++) {
        read++;
        yield ranked(i, BigInt(2000 - i));
      }
    }
    computeValidatorSetChanges(ranking(), new Map(), 100);
    expect(read).toBe(101);
  });
});
