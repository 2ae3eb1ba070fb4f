/**
 * The pure liveness arithmetic (spec-staking §3.2, §3.4): thresholds with Go's half-to-even rounding,
 * one vote's effect on a slot, the downtime test, the infraction height; and the window arithmetic of
 * TV4 (§14) replayed with these functions over a plain bitmap, as Appendix A's `liveness()` model does.
 */
import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import {
  downtimeInfractionHeight, isDowntime, maxMissedPerWindow, minSignedPerWindow, recordVote, VALIDATOR_UPDATE_DELAY, windowIndex,
} from "./liveness.js";
import { formatGoDuration } from "./goDuration.js";

describe("thresholds (§3.2)", () => {
  it.each([
    { name: "mainnet 0.05 × 10 000", minSigned: "0.05", window: 10_000n, signed: 500n, maxMissed: 9_500n },
    { name: "SDK default 0.5 × 100", minSigned: "0.5", window: 100n, signed: 50n, maxMissed: 50n },
    { name: "0.05 × 10 = 0.5 rounds to even 0", minSigned: "0.05", window: 10n, signed: 0n, maxMissed: 10n },
    { name: "0.15 × 10 = 1.5 rounds to even 2", minSigned: "0.15", window: 10n, signed: 2n, maxMissed: 8n },
    { name: "0.25 × 10 = 2.5 rounds to even 2", minSigned: "0.25", window: 10n, signed: 2n, maxMissed: 8n },
    { name: "0.35 × 10 = 3.5 rounds to even 4", minSigned: "0.35", window: 10n, signed: 4n, maxMissed: 6n },
    { name: "0.333333333333333333 × 3 = 0.999…999 rounds to 1", minSigned: "0.333333333333333333", window: 3n, signed: 1n, maxMissed: 2n },
    { name: "1 × 7", minSigned: "1", window: 7n, signed: 7n, maxMissed: 0n },
    { name: "0 × 7", minSigned: "0", window: 7n, signed: 0n, maxMissed: 7n },
  ])("$name", ({ minSigned, window, signed, maxMissed }) => {
    expect(minSignedPerWindow(Dec.parse(minSigned), window)).toBe(signed);
    expect(maxMissedPerWindow(Dec.parse(minSigned), window)).toBe(maxMissed);
  });

  it("refuses a result beyond int64, as Go panics", () => {
    expect(() => minSignedPerWindow(Dec.ONE, 1n << 63n)).toThrow(/overflows int64/);
  });
});

describe("the circular window", () => {
  it("maps the offset onto the window", () => {
    expect([0n, 1n, 9_999n, 10_000n, 10_001n, 29_499n].map((o) => windowIndex(o, 10_000n))).toEqual([0n, 1n, 9_999n, 0n, 1n, 9_499n]);
  });

  it("cannot work with a window of 0 (Go divides by zero)", () => {
    expect(() => windowIndex(5n, 0n)).toThrow(/divide by zero/);
  });

  it.each([
    { name: "a miss over a clear slot sets it", previous: false, missed: true, write: true, delta: 1n },
    { name: "a signature over a set slot clears it", previous: true, missed: false, write: false, delta: -1n },
    { name: "a miss over a set slot changes nothing", previous: true, missed: true, write: undefined, delta: 0n },
    { name: "a signature over a clear slot changes nothing", previous: false, missed: false, write: undefined, delta: 0n },
  ])("$name", ({ previous, missed, write, delta }) => {
    expect(recordVote(previous, missed)).toEqual({ write, counterDelta: delta });
  });
});

describe("downtime (§3.4 step 4)", () => {
  it("needs both a full window since the start height and more misses than allowed", () => {
    expect(isDowntime(10_001n, 0n, 10_000n, 9_501n, 9_500n)).toBe(true);
    expect(isDowntime(10_000n, 0n, 10_000n, 10_000n, 9_500n)).toBe(false); // not past start + window
    expect(isDowntime(20_000n, 0n, 10_000n, 9_500n, 9_500n)).toBe(false); // exactly the maximum is allowed
    expect(isDowntime(20_000n, 10_001n, 10_000n, 9_999n, 9_500n)).toBe(false); // re-bonded at 10 001
    expect(isDowntime(20_002n, 10_001n, 10_000n, 9_999n, 9_500n)).toBe(true);
  });

  it("looks back ValidatorUpdateDelay + 1 blocks for the stake that signed", () => {
    expect(VALIDATOR_UPDATE_DELAY).toBe(1n);
    expect(downtimeInfractionHeight(29_501n)).toBe(29_499n);
    expect(downtimeInfractionHeight(1n)).toBe(-1n);
  });
});

/**
 * Appendix A `liveness(window, min_signed, start_height, first_missed_height, max_height)`: a validator
 * signs every block before `firstMissed` and misses every block from it on; the vote in block h is about
 * block h − 1 (height 1 has no last commit). Returns the jail height and the counter then.
 */
function livenessModel(window: bigint, minSigned: string, startHeight: bigint, firstMissed: bigint, maxHeight: bigint): { height: bigint; counter: bigint } | undefined {
  const maxMissed = maxMissedPerWindow(Dec.parse(minSigned), window);
  const bits = new Set<bigint>();
  let offset = 0n;
  let counter = 0n;
  for (let h = 2n; h <= maxHeight; h++) {
    const index = windowIndex(offset, window);
    offset += 1n;
    const change = recordVote(bits.has(index), h - 1n >= firstMissed);
    if (change.write === true) bits.add(index);
    if (change.write === false) bits.delete(index);
    counter += change.counterDelta;
    if (isDowntime(h, startHeight, window, counter, maxMissed)) return { height: h, counter };
  }
  return undefined;
}

describe("TV4 window arithmetic (window 10 000, min signed 0.05)", () => {
  it("a genesis validator that never signs is jailed at 10 001 with 10 000 misses (not at 9 502)", () => {
    expect(livenessModel(10_000n, "0.05", 0n, 1n, 20_000n)).toEqual({ height: 10_001n, counter: 10_000n });
  });

  it("a validator that stops signing at block 20 000 is jailed at 29 501 with 9 501 misses", () => {
    expect(livenessModel(10_000n, "0.05", 0n, 20_000n, 40_000n)).toEqual({ height: 29_501n, counter: 9_501n });
  });

  it("one signature inside the window delays the jail by one block", () => {
    // Misses from 20 000, except that block 25 000 is signed: the window must gather one more miss.
    const window = 10_000n;
    const maxMissed = 9_500n;
    const bits = new Set<bigint>();
    let offset = 0n;
    let counter = 0n;
    let jailedAt: bigint | undefined;
    for (let h = 2n; h <= 40_000n && jailedAt === undefined; h++) {
      const index = windowIndex(offset, window);
      offset += 1n;
      const change = recordVote(bits.has(index), h - 1n >= 20_000n && h - 1n !== 25_000n);
      if (change.write === true) bits.add(index);
      if (change.write === false) bits.delete(index);
      counter += change.counterDelta;
      if (isDowntime(h, 0n, window, counter, maxMissed)) jailedAt = h;
    }
    expect(jailedAt).toBe(29_502n);
  });
});

describe("Go durations in messages", () => {
  it.each([
    [0n, "0s"], [1n, "1ns"], [1_500n, "1.5µs"], [2_000_000n, "2ms"], [1_000_000_000n, "1s"], [-1_000_000_000n, "-1s"],
    [60_000_000_000n, "1m0s"], [90_500_000_000n, "1m30.5s"], [21_600_000_000_000n, "6h0m0s"], [3_723_000_000_001n, "1h2m3.000000001s"],
  ])("%s ns is %s", (nanos, text) => {
    expect(formatGoDuration(nanos)).toBe(text);
  });
});
