/**
 * Slash, jail and unjail — the write contract slashing and evidence use (spec-staking §1.9, §1.10) —
 * and the hooks staking fires for them and for every message, in the SDK's order (§1.3). TV4's slash
 * figures (§14) on the stratos-1 genesis, through blocks: the slash runs in BeginBlock as slashing's would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { QueryDelegationRequestSchema, QueryDelegationResponseSchema } from "../../codec/cosmos/staking/v1beta1/query_pb.js";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import type { StakingHooks } from "./hooks.js";
import { sharesFromTokens } from "./logic/shares.js";
import { MAINNET_GENESIS, StakingScenario, STOS, eventAttributes } from "./testkit.js";
import { T } from "../register/testkit.js";
import { BondStatus } from "./types.js";

let s: StakingScenario;
afterEach(async () => {
  await s?.close();
});

const NODESTAKE = "stvaloper1g8fmnrz00sqh9pz3ghf8ram9q86te804f8pr28";
const BONDED_POOL = "st1fl48vsnmsdzcv85q5d2q4z5ajdha8yu3fkaac2";
const NOT_BONDED_POOL = "st1tygms3xhhs3yv487phx3dw4a95jn7t7lakpvw7";

/** Records every hook call as "name(args…)" with short hex addresses. */
function recorder(): { calls: string[]; hooks: StakingHooks } {
  const calls: string[] = [];
  const h = (b: Uint8Array): string => hexOf(b).slice(0, 4);
  return {
    calls,
    hooks: {
      afterValidatorCreated: (_c, v) => void calls.push(`afterValidatorCreated(${h(v)})`),
      beforeValidatorModified: (_c, v) => void calls.push(`beforeValidatorModified(${h(v)})`),
      afterValidatorRemoved: (_c, _cons, v) => void calls.push(`afterValidatorRemoved(${h(v)})`),
      afterValidatorBonded: (_c, _cons, v) => void calls.push(`afterValidatorBonded(${h(v)})`),
      afterValidatorBeginUnbonding: (_c, _cons, v) => void calls.push(`afterValidatorBeginUnbonding(${h(v)})`),
      beforeDelegationCreated: (_c, d, v) => void calls.push(`beforeDelegationCreated(${h(d)},${h(v)})`),
      beforeDelegationSharesModified: (_c, d, v) => void calls.push(`beforeDelegationSharesModified(${h(d)},${h(v)})`),
      beforeDelegationRemoved: (_c, d, v) => void calls.push(`beforeDelegationRemoved(${h(d)},${h(v)})`),
      afterDelegationModified: (_c, d, v) => void calls.push(`afterDelegationModified(${h(d)},${h(v)})`),
      beforeValidatorSlashed: (_c, v, f) => void calls.push(`beforeValidatorSlashed(${h(v)},${f.toString()})`),
      afterUnbondingInitiated: (_c, id) => void calls.push(`afterUnbondingInitiated(${id})`),
    },
  };
}

describe("TV4: a downtime slash of NodeStake (power 99 500, 0.02 %)", () => {
  async function nodestake(): Promise<{ tokens: () => bigint }> {
    s = await StakingScenario.create({ balances: { E: 10n * STOS, F: 10n * STOS }, mainnetValidators: true });
    expect((await s.tx("E", [s.delegate("E", NODESTAKE, 500_000_000_000_000_123n)], MAINNET_GENESIS.seconds + 10n)).code).toBe(0);
    expect(s.validator(NODESTAKE)!.tokens).toBe(99_500_000_000_000_000_123n);
    return { tokens: () => s.validator(NODESTAKE)!.tokens };
  }

  it("(a) no unbonding entries: 19 900 000 000 000 000 burned from the bonded pool, effective fraction 0.0002, the exchange rate drops", async () => {
    const { tokens } = await nodestake();
    const rec = recorder();
    s.staking.hooks.add(rec.hooks);
    let burned = 0n;
    s.inNextBlock((ctx) => {
      burned = s.staking.slash(ctx, s.validator(NODESTAKE)!.consensusAddress, ctx.header.height - 2n, 99_500n, Dec.parse("0.0002"));
    });
    const res = await s.app.finalize([], { seconds: s.now + 5n });
    s.assertInvariants();
    expect(burned).toBe(19_900_000_000_000_000n);
    expect(tokens()).toBe(99_480_100_000_000_000_123n);
    expect(rec.calls).toEqual([`beforeValidatorModified(${hexOf(s.validator(NODESTAKE)!.operator).slice(0, 4)})`, `beforeValidatorSlashed(${hexOf(s.validator(NODESTAKE)!.operator).slice(0, 4)},0.000200000000000000)`]);
    expect(eventAttributes(res.events, "burn")).toEqual({ burner: BONDED_POOL, amount: "19900000000000000wei" });
    // E's delegation is now worth 499 900 000 000 000 122; 1 STOS buys more shares.
    const q = fromBinary(QueryDelegationResponseSchema, s.app.query("/cosmos.staking.v1beta1.Query/Delegation",
      toBinary(QueryDelegationRequestSchema, create(QueryDelegationRequestSchema, { delegatorAddr: s.address("E"), validatorAddr: NODESTAKE }))));
    expect(q.delegationResponse?.balance?.amount).toBe("499900000000000122");
    expect(sharesFromTokens(s.validator(NODESTAKE)!, STOS).toString()).toBe("1000200040008001600.319816677697507372");
    // EndBlock: power 99 480.
    expect(res.validatorUpdates.map((u) => u.power)).toEqual([99_480n]);
  });

  it("(b) an unbonding entry created after the infraction pays its part first: 40 000 000 000 000 from the entry, 19 860 000 000 000 000 from the validator", async () => {
    const { tokens } = await nodestake();
    const height = s.app.nextHeight;
    expect((await s.tx("E", [s.undelegate("E", NODESTAKE, 200_000_000_000_000_000n)], s.now + 5n)).code).toBe(0);
    let burned = 0n;
    s.inNextBlock((ctx) => {
      burned = s.staking.slash(ctx, s.validator(NODESTAKE)!.consensusAddress, height - 1n, 99_500n, Dec.parse("0.0002"));
    });
    const res = await s.app.finalize([], { seconds: s.now + 5n });
    s.assertInvariants();
    expect(burned).toBe(19_860_000_000_000_000n);
    expect(tokens()).toBe(99_280_140_000_000_000_123n);
    const entry = s.staking.unbondingDelegation(s.read, s.accountBytes("E"), s.validator(NODESTAKE)!.operator)!.entries[0]!;
    expect([entry.initialBalance, entry.balance]).toEqual([200_000_000_000_000_000n, 199_960_000_000_000_000n]);
    const burns = res.events.filter((e) => e.type === "burn").map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
    expect(burns).toEqual([
      { burner: NOT_BONDED_POOL, amount: "40000000000000wei" },
      { burner: BONDED_POOL, amount: "19860000000000000wei" },
    ]);
  });

  it("an entry created before the infraction is left alone; a redelegation from the slashed validator unbonds its destination shares", async () => {
    await nodestake();
    const WHISPER = "stvaloper1qlp8jhykjxglutn4q493p7ltxkt7kw33uhxd44";
    const before = s.app.nextHeight;
    expect((await s.tx("E", [s.redelegate("E", NODESTAKE, WHISPER, 100_000_000_000_000_000n)], s.now + 5n)).code).toBe(0);
    const whisperTokens = s.validator(WHISPER)!.tokens;
    const supply = s.app.parts.keepers.bank.getSupply(s.read, "wei").amount;
    let burned = 0n;
    s.inNextBlock((ctx) => {
      burned = s.staking.slash(ctx, s.validator(NODESTAKE)!.consensusAddress, before, 99_400n, Dec.parse("0.05"));
    });
    await s.app.finalize([], { seconds: s.now + 5n });
    s.assertInvariants();
    // 5 % of the redelegated 0.1 STOS came out of the destination; the rest of 5 % of 99.4 STOS out of NodeStake.
    const redelegated = 5_000_000_000_000_000n;
    expect(s.validator(WHISPER)!.tokens).toBe(whisperTokens - redelegated);
    expect(burned).toBe(99_400n * 10n ** 15n / 20n - redelegated);
    expect(s.app.parts.keepers.bank.getSupply(s.read, "wei").amount).toBe(supply - burned - redelegated);
  });
});

describe("jail and unjail", () => {
  it("jail: out of the ranking, power 0 at EndBlock, Unbonding; unjail: back in the set at the next EndBlock", async () => {
    s = await StakingScenario.create({ balances: { V1: 1000n * STOS } });
    expect((await s.tx("V1", [s.createValidator("V1", 100n * STOS)], T)).code).toBe(0);
    const rec = recorder();
    s.staking.hooks.add(rec.hooks);
    const op = hexOf(s.accountBytes("V1")).slice(0, 4);
    s.inNextBlock((ctx) => s.staking.jail(ctx, s.consensusAddress("V1")));
    const jailed = await s.app.finalize([], { seconds: T + 5n });
    s.assertInvariants();
    expect(jailed.validatorUpdates).toEqual([{ pubKey: { ed25519: s.consensusKey("V1") }, power: 0n }]);
    expect(s.validator("V1")).toMatchObject({ jailed: true, status: BondStatus.Unbonding });
    expect(rec.calls).toEqual([`afterValidatorBeginUnbonding(${op})`, "afterUnbondingInitiated(1)"]);
    // Jailing twice is a bug in the caller (the reference panics); delegating to a jailed validator is allowed.
    expect((await s.tx("V1", [s.delegate("V1", "V1", STOS)], T + 10n)).code).toBe(0);
    rec.calls.splice(0);
    s.inNextBlock((ctx) => s.staking.unjail(ctx, s.consensusAddress("V1")));
    const back = await s.app.finalize([], { seconds: T + 15n });
    s.assertInvariants();
    expect(back.validatorUpdates).toEqual([{ pubKey: { ed25519: s.consensusKey("V1") }, power: 101_000n }]);
    expect(s.validator("V1")).toMatchObject({ jailed: false, status: BondStatus.Bonded });
    expect(rec.calls).toEqual([`afterValidatorBonded(${op})`]);
  });

  it("unjailing a validator that is not jailed, or an unknown consensus address, throws (a bug in the caller, as the reference panics)", async () => {
    s = await StakingScenario.create({ balances: { V1: 1000n * STOS } });
    expect((await s.tx("V1", [s.createValidator("V1", 100n * STOS)], T)).code).toBe(0);
    s.inNextBlock((ctx) => {
      expect(() => s.staking.unjail(ctx, s.consensusAddress("V1"))).toThrow(/cannot unjail already unjailed validator/);
      expect(() => s.staking.jail(ctx, new Uint8Array(20))).toThrow(/not found/);
      expect(s.staking.slash(ctx, new Uint8Array(20), 1n, 10n, Dec.parse("0.1"))).toBe(0n);
    });
    await s.emptyBlock(T + 5n);
  });
});

describe("hooks fire at the SDK's points, in its order (§1.3)", () => {
  it("create, delegate, undelegate all, commission change, validator removal", async () => {
    s = await StakingScenario.create({ balances: { V1: 1000n * STOS, A: 100n * STOS } });
    const rec = recorder();
    s.staking.hooks.add(rec.hooks);
    const v = hexOf(s.accountBytes("V1")).slice(0, 4);
    const a = hexOf(s.accountBytes("A")).slice(0, 4);
    expect((await s.tx("V1", [s.createValidator("V1", 100n * STOS, { minSelfDelegation: 100n * STOS })], T)).code).toBe(0);
    expect(rec.calls.splice(0)).toEqual([`afterValidatorCreated(${v})`, `beforeDelegationCreated(${v},${v})`, `afterDelegationModified(${v},${v})`, `afterValidatorBonded(${v})`]);
    expect((await s.tx("A", [s.delegate("A", "V1", STOS)], T + 5n)).code).toBe(0);
    expect((await s.tx("A", [s.delegate("A", "V1", STOS)], T + 10n)).code).toBe(0);
    expect(rec.calls.splice(0)).toEqual([
      `beforeDelegationCreated(${a},${v})`, `afterDelegationModified(${a},${v})`,
      `beforeDelegationSharesModified(${a},${v})`, `afterDelegationModified(${a},${v})`,
    ]);
    expect((await s.tx("A", [s.undelegate("A", "V1", STOS)], T + 15n)).code).toBe(0);
    expect((await s.tx("A", [s.undelegate("A", "V1", STOS)], T + 20n)).code).toBe(0);
    expect(rec.calls.splice(0)).toEqual([
      `beforeDelegationSharesModified(${a},${v})`, `afterDelegationModified(${a},${v})`, "afterUnbondingInitiated(1)",
      `beforeDelegationSharesModified(${a},${v})`, `beforeDelegationRemoved(${a},${v})`, "afterUnbondingInitiated(2)",
    ]);
    expect((await s.tx("V1", [s.editValidator("V1", { commissionRate: "0.09" })], T + 86_400n)).code).toBe(0);
    expect(rec.calls.splice(0)).toEqual([`beforeValidatorModified(${v})`]);
    // The operator leaves entirely: below its minimum it is jailed, Unbonding at EndBlock, removed when mature.
    expect((await s.tx("V1", [s.undelegate("V1", "V1", 100n * STOS)], T + 86_405n)).code).toBe(0);
    expect(rec.calls.splice(0)).toEqual([
      `beforeDelegationSharesModified(${v},${v})`, `beforeDelegationRemoved(${v},${v})`, "afterUnbondingInitiated(3)",
      `afterValidatorBeginUnbonding(${v})`, "afterUnbondingInitiated(4)",
    ]);
    await s.emptyBlock(T + 86_405n + 21n * 86_400n);
    expect(rec.calls.splice(0)).toEqual([`afterValidatorRemoved(${v})`]);
    expect(s.validator("V1")).toBeUndefined();
  });
});
