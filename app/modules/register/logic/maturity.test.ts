import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { BondStatus } from "./bondStatus.js";
import { isUnbondingMature, unbondingMatureTime } from "./maturity.js";
import {
  formatRfc3339Seconds, formatTimeBytes, fromTimestamp, NANOS_PER_DAY, NANOS_PER_SECOND, toTimestamp, utcTime,
} from "./time.js";

const DEFAULTS = { thresholdNanos: 180n * NANOS_PER_DAY, completionNanos: 14n * NANOS_PER_DAY };
const T = utcTime(2024, 6, 1);

// spec-register §11 R11, verbatim.
describe("R11 unbonding maturity (threshold 180 d, completion 14 d)", () => {
  it.each([
    { name: "old node leaves: t + 14 d", status: BondStatus.Bonded, created: utcTime(2021, 9, 24, 14, 37, 13), t: T, want: "2024-06-15T00:00:00Z" },
    { name: "node created at t: creation + 194 d", status: BondStatus.Bonded, created: T, t: T, want: "2024-12-12T00:00:00Z" },
    { name: "created t − 179 d: creation + 194 d", status: BondStatus.Bonded, created: utcTime(2023, 12, 5), t: T, want: "2024-06-16T00:00:00Z" },
    { name: "mainnet genesis zero time: t + 14 d", status: BondStatus.Bonded, created: utcTime(1, 1, 1), t: T, want: "2024-06-15T00:00:00Z" },
    { name: "pending candidate: creation + 14 d", status: BondStatus.Unbonded, created: T, t: utcTime(2024, 7, 1), want: "2024-06-15T00:00:00Z" },
  ])("$name", ({ status, created, t, want }) => {
    expect(formatRfc3339Seconds(unbondingMatureTime(status, created, t, DEFAULTS))).toBe(want);
  });

  it("t − 179 d is 2023-12-05", () => {
    expect(formatRfc3339Seconds(T - 179n * NANOS_PER_DAY)).toBe("2023-12-05T00:00:00Z");
  });

  it("fractional block time: the event cuts the fraction, the queue key keeps 9 digits", () => {
    const m = unbondingMatureTime(BondStatus.Bonded, utcTime(2021, 9, 24, 14, 37, 13), utcTime(2024, 6, 1, 0, 0, 0, 123_456_789), DEFAULTS);
    expect(formatRfc3339Seconds(m)).toBe("2024-06-15T00:00:00Z");
    expect(formatTimeBytes(m)).toBe("2024-06-15T00:00:00.123456789");
  });

  it("R6: queue key 0x12 ‖ FormatTimeBytes(2024-06-15T00:00:00Z)", () => {
    const key = "12" + Buffer.from(formatTimeBytes(utcTime(2024, 6, 15))).toString("hex");
    expect(key).toBe("12323032342d30362d31355430303a30303a30302e303030303030303030");
  });

  it("R6: matures in the first block whose time is ≥ the completion time", () => {
    const c = utcTime(2024, 6, 15);
    expect(isUnbondingMature(c, utcTime(2024, 6, 14, 23, 59, 59))).toBe(false);
    expect(isUnbondingMature(c, c)).toBe(true);
  });

  it("R8: a kick one day after creation matures at creation + 194 d", () => {
    const m = unbondingMatureTime(BondStatus.Bonded, T, T + NANOS_PER_DAY, DEFAULTS);
    expect(formatRfc3339Seconds(m)).toBe("2024-12-12T00:00:00Z");
  });
});

describe("time representation", () => {
  it("protobuf Timestamp seconds of the R12 encodings", () => {
    expect(toTimestamp(T)).toEqual({ seconds: 1_717_200_000n, nanos: 0 }); // creation_time 0880c9e9b206
    expect(toTimestamp(utcTime(2024, 6, 15))).toEqual({ seconds: 1_718_409_600n, nanos: 0 }); // 0880b3b3b306
    expect(toTimestamp(utcTime(2024, 6, 8))).toEqual({ seconds: 1_717_804_800n, nanos: 0 }); // vote expiry 0880be8eb306
    expect(toTimestamp(utcTime(1, 1, 1))).toEqual({ seconds: -62_135_596_800n, nanos: 0 });
    expect(formatRfc3339Seconds(utcTime(1, 1, 1))).toBe("0001-01-01T00:00:00Z");
  });
  it("negative times keep non-negative nanos", () => {
    expect(toTimestamp(-1n)).toEqual({ seconds: -1n, nanos: 999_999_999 });
    expect(fromTimestamp({ seconds: -1n, nanos: 999_999_999 })).toBe(-1n);
    expect(formatTimeBytes(-1n)).toBe("1969-12-31T23:59:59.999999999");
  });
  it("agrees with Date.UTC over 1–9999 and round-trips Timestamps", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 86_399 }), fc.integer({ min: 0, max: 999_999_999 }),
      (y, mo, d, secOfDay, ns) => {
        const t = utcTime(y, mo, d, 0, 0, secOfDay, ns);
        const date = new Date(0);
        date.setUTCFullYear(y, mo - 1, d);
        date.setUTCHours(0, 0, secOfDay, 0);
        expect(t / NANOS_PER_SECOND - (t < 0n && t % NANOS_PER_SECOND !== 0n ? 1n : 0n)).toBe(BigInt(date.getTime() / 1000));
        expect(formatRfc3339Seconds(t)).toBe(date.toISOString().replace(/\.000Z$/, "Z").replace(/^\+0*/, "").padStart(20, "0"));
        expect(fromTimestamp(toTimestamp(t))).toBe(t);
      },
    ), { numRuns: 500 });
  });
  it("years outside 0000–9999 are not formatted", () => {
    expect(() => formatRfc3339Seconds(utcTime(10000, 1, 1))).toThrow(RangeError);
  });
});
