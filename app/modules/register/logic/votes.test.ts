import { describe, it, expect } from "vitest";
import {
  isVoteExpired, kickApprovalsNeeded, kickPoolRejected, kickRejectsToDeletePool, kickVotePasses, registrationApprovalsNeeded,
  registrationVotePasses,
} from "./votes.js";
import { NANOS_PER_DAY, utcTime } from "./time.js";

// spec-register §5.7 table, verbatim (n = active meta nodes; "—" cells left out).
const TABLE = [
  { n: 0, registration: 1, kick: null, kickRejects: null },
  { n: 1, registration: 1, kick: 1, kickRejects: 0 },
  { n: 2, registration: 2, kick: 2, kickRejects: 0 },
  { n: 3, registration: 3, kick: 3, kickRejects: 1 },
  { n: 4, registration: 3, kick: 3, kickRejects: 1 },
  { n: 5, registration: 4, kick: 4, kickRejects: 1 },
  { n: 6, registration: 5, kick: 5, kickRejects: 2 },
  { n: 7, registration: 5, kick: 5, kickRejects: 2 },
  { n: 8, registration: 6, kick: 6, kickRejects: 2 },
  { n: 10, registration: 7, kick: 7, kickRejects: 3 },
] as const;

describe("vote thresholds (spec-register §5.7)", () => {
  it.each(TABLE)("n = $n", ({ n, registration, kick, kickRejects }) => {
    expect(registrationApprovalsNeeded(n)).toBe(registration);
    if (kick !== null) expect(kickApprovalsNeeded(n)).toBe(kick);
    if (kickRejects !== null) expect(kickRejectsToDeletePool(n)).toBe(kickRejects);
  });
  it("R7: with 3 active meta nodes the third approval passes", () => {
    expect(registrationVotePasses(2, 3)).toBe(false);
    expect(registrationVotePasses(3, 3)).toBe(true);
  });
  it("R8: n = 4 → 3 approvals kick, 1 reject deletes the pool; n ≤ 2 deletes it after every vote", () => {
    expect(kickVotePasses(2, 4)).toBe(false);
    expect(kickVotePasses(3, 4)).toBe(true);
    expect(kickPoolRejected(0, 4)).toBe(false);
    expect(kickPoolRejected(1, 4)).toBe(true);
    expect(kickPoolRejected(0, 2)).toBe(true);
    expect(kickPoolRejected(0, 1)).toBe(true);
  });
  it("R10: n = 0 → any single approval passes", () => {
    expect(registrationVotePasses(1, 0)).toBe(true);
  });
  it("rejects counts that are not non-negative integers", () => {
    expect(() => registrationApprovalsNeeded(-1)).toThrow(RangeError);
    expect(() => kickApprovalsNeeded(1.5)).toThrow(RangeError);
  });
  it("R7: the pool created at T expires at T + 7 d; a vote at exactly that time counts, T + 8 d is refused", () => {
    const T = utcTime(2024, 6, 1);
    const expire = T + 7n * NANOS_PER_DAY;
    expect(isVoteExpired(expire, T + 4n * NANOS_PER_DAY)).toBe(false);
    expect(isVoteExpired(expire, expire)).toBe(false);
    expect(isVoteExpired(expire, expire + 1n)).toBe(true);
    expect(isVoteExpired(expire, T + 8n * NANOS_PER_DAY)).toBe(true);
  });
});
