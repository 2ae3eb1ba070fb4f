/**
 * Never halt on a limit (issue 13 item 5, spec-staking §0.5): with 18-decimal amounts and 100 M STOS
 * bonded the powers are exact and far below CometBFT's MaxTotalVotingPower; a stake that would pass
 * it is refused (staking 100) before CometBFT could see it, changing nothing but fee and sequence.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MAX_TOTAL_VOTING_POWER } from "./logic/validatorSet.js";
import { StakingScenario, STOS, TX_FEE } from "./testkit.js";
import { T } from "../register/testkit.js";
import { BondStatus } from "./types.js";

let s: StakingScenario;
afterEach(async () => {
  await s?.close();
});

describe("voting power at 18 decimals", () => {
  it("100 M STOS bonded (10^26 wei): exact powers, every update accepted", async () => {
    const ODD = 123_456_789_012_345_678n;
    s = await StakingScenario.create({ balances: { V1: 60_000_000n * STOS, V2: 40_000_000n * STOS + ODD, A: 10n * STOS } });
    const res = await s.block([
      ["V1", [s.createValidator("V1", 60_000_000n * STOS - 10n * STOS)]],
      ["V2", [s.createValidator("V2", 40_000_000n * STOS - 10n * STOS + ODD)]],
    ], T);
    for (const r of res.txResults) expect(r.code, r.log).toBe(0);
    expect(res.validatorUpdates.map((u) => u.power)).toEqual([59_999_990_000n, 39_999_990_123n]);
    const total = s.staking.lastTotalPower(s.read);
    expect(total).toBe(1_000_000n + 59_999_990_000n + 39_999_990_123n);
    expect(total < MAX_TOTAL_VOTING_POWER).toBe(true);
    // 0.000999… STOS more is no new power; 0.001 STOS is one unit.
    const dust = await s.block([["A", [s.delegate("A", "V2", 10n ** 15n - 1n - 456_789_012_345_678n)]]], T + 5n);
    expect(dust.txResults[0]!.code).toBe(0);
    expect(dust.validatorUpdates).toEqual([]);
    const one = await s.block([["A", [s.delegate("A", "V2", 10n ** 15n)]]], T + 10n);
    expect(one.validatorUpdates.map((u) => u.power)).toEqual([39_999_990_124n]);
  });
});

describe("the CometBFT total-power limit (MaxInt64 / 8 = 1 152 921 504 606 846 975)", () => {
  // A supply beyond 1.15·10^33 wei, as a chain with a smaller power reduction would have.
  const WHALE = 2n * MAX_TOTAL_VOTING_POWER * 10n ** 15n;

  it("a delegation that would pass it is refused with staking 100, changing nothing but fee and sequence", async () => {
    s = await StakingScenario.create({ balances: { V1: 1_000n * STOS, W: WHALE } });
    expect((await s.tx("V1", [s.createValidator("V1", 100n * STOS)], T)).code).toBe(0);
    const before = { tokens: s.validator("V1")!.tokens, balance: s.balance("W"), total: s.staking.lastTotalPower(s.read) };
    const r = await s.tx("W", [s.delegate("W", "V1", MAX_TOTAL_VOTING_POWER * 10n ** 15n)], T + 5n);
    expect([r.codespace, r.code]).toEqual(["staking", 100]);
    expect(r.log).toContain("validator set voting power would exceed the consensus engine's limit");
    expect(s.validator("V1")!.tokens).toBe(before.tokens);
    expect(s.balance("W")).toBe(before.balance - TX_FEE);
    expect(s.staking.lastTotalPower(s.read)).toBe(before.total);
    // Up to the limit is fine.
    const room = MAX_TOTAL_VOTING_POWER - before.total;
    const ok = await s.block([["W", [s.delegate("W", "V1", room * 10n ** 15n)]]], T + 10n);
    expect(ok.txResults[0]!.code, ok.txResults[0]!.log).toBe(0);
    expect(s.staking.lastTotalPower(s.read)).toBe(MAX_TOTAL_VOTING_POWER);
    // One more power unit on a new validator is refused as well.
    const extra = await s.tx("W", [s.createValidator("W", 10n ** 15n)], T + 15n);
    expect([extra.codespace, extra.code]).toEqual(["staking", 100]);
  });

  it("if a set would still pass it (max_validators raised by gov), EndBlock leaves the validators that do not fit out instead of halting", async () => {
    // MAX is odd: (MAX + 1) / 2 + 1 and (MAX + 1) / 2 sum to MAX + 2.
    const v1 = ((MAX_TOTAL_VOTING_POWER + 1n) / 2n + 1n) * 10n ** 15n;
    const v2 = ((MAX_TOTAL_VOTING_POWER + 1n) / 2n) * 10n ** 15n;
    s = await StakingScenario.create({ balances: { V1: v1 + STOS, V2: v2 + STOS }, stakingParams: { max_validators: 1 } });
    const res = await s.block([["V1", [s.createValidator("V1", v1)]], ["V2", [s.createValidator("V2", v2)]]], T);
    for (const r of res.txResults) expect(r.code, r.log).toBe(0);
    expect([s.validator("V1")!.status, s.validator("V2")!.status]).toEqual([BondStatus.Bonded, BondStatus.Unbonded]);
    // What a passed gov proposal does in gov's EndBlock, before staking's.
    s.inNextBlock((ctx) => s.staking.setParams(ctx, { ...s.staking.getParams(ctx), maxValidators: 2 }));
    const after = await s.block([], T + 5n);
    // V1 + V2 would be MaxTotalVotingPower + 2: V2 stays out; nothing CometBFT would refuse is returned.
    expect(after.validatorUpdates).toEqual([]);
    expect(s.validator("V2")!.status).toBe(BondStatus.Unbonded);
    expect(s.staking.lastTotalPower(s.read)).toBe((MAX_TOTAL_VOTING_POWER + 1n) / 2n + 1n);
  });
});
