/**
 * Staking messages through real signed txs in-process (testkit.ts): the success paths with their
 * events and state, and issue 13's bad input — each refused with the reference's codespace and code,
 * changing nothing but the signer's fee and sequence. Invariants are checked after every block.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { anyMsg } from "../register/testkit.js";
import { MsgUpdateParamsSchema } from "../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import { STAKING_STORE_KEY } from "./keys.js";
import { StakingScenario, STOS, TX_FEE, eventAttributes } from "./testkit.js";
import { BondStatus } from "./types.js";
import { T } from "../register/testkit.js";

let s: StakingScenario;
afterEach(async () => {
  await s?.close();
});

const HOUR = 3600n;
const DAY = 24n * HOUR;

/** Validators V1, V2, V3 (100 STOS self-bond each, bonded after their block) and delegators A, B. */
async function threeValidators(stakingParams: Record<string, unknown> = {}): Promise<StakingScenario> {
  s = await StakingScenario.create({ balances: { V1: 1000n * STOS, V2: 1000n * STOS, V3: 1000n * STOS, A: 1000n * STOS, B: 1000n * STOS }, stakingParams });
  const created = await s.txs([
    ["V1", [s.createValidator("V1", 100n * STOS)]],
    ["V2", [s.createValidator("V2", 100n * STOS)]],
    ["V3", [s.createValidator("V3", 100n * STOS)]],
  ], T);
  for (const r of created) expect(r.code, r.log).toBe(0);
  return s;
}

/** Everything a failed message must leave alone: the staking store, every balance but the fee payer's. */
function snapshot(sc: StakingScenario, signer: string): { store: string; balance: bigint; sequence: bigint; pools: bigint[] } {
  const entries: string[] = [];
  for (const { key, value } of sc.read.kv(STAKING_STORE_KEY).iterator()) {
    // Historical info is written every block whatever the txs do.
    if (key[0] === 0x50) continue;
    entries.push(`${hexOf(key)}=${hexOf(value)}`);
  }
  return {
    store: entries.join("\n"),
    balance: sc.balance(signer),
    sequence: sc.sequence(signer),
    pools: [sc.staking.poolBalance(sc.read, "bonded_tokens_pool"), sc.staking.poolBalance(sc.read, "not_bonded_tokens_pool")],
  };
}

/** Delivers `msg` by `signer`; expects it to fail with (codespace, code) and to change only fee and sequence. */
async function refused(signer: string, msg: Any, codespace: string, code: number, log?: RegExp | string): Promise<ExecTxResult> {
  const before = snapshot(s, signer);
  const r = await s.tx(signer, [msg], s.now + 1n);
  expect([r.codespace, r.code], r.log).toEqual([codespace, code]);
  if (log !== undefined) expect(r.log).toMatch(log);
  const after = snapshot(s, signer);
  expect(after.store).toBe(before.store);
  expect(after.pools).toEqual(before.pools);
  expect(after.balance).toBe(before.balance - TX_FEE);
  expect(after.sequence).toBe(before.sequence + 1n);
  return r;
}

describe("MsgCreateValidator", () => {
  it("creates an Unbonded validator with its self-delegation, bonded at EndBlock; events and pools", async () => {
    s = await StakingScenario.create({ balances: { V1: 1000n * STOS } });
    const res = await s.block([["V1", [s.createValidator("V1", 100n * STOS, { commission: { rate: "0.05", maxRate: "0.2", maxChangeRate: "0.01" }, minSelfDelegation: 10n * STOS })]]], T);
    const tx = res.txResults[0]!;
    expect(tx.code, tx.log).toBe(0);
    expect(eventAttributes(tx.events, "create_validator")).toEqual({ validator: s.valoper("V1"), amount: "100000000000000000000wei" });
    const msgEvents = tx.events.slice(tx.events.findIndex((e) => e.type === "message" && e.attributes.some((a) => a.key === "action")));
    expect(eventAttributes(msgEvents, "coin_received")).toEqual({ receiver: "st1tygms3xhhs3yv487phx3dw4a95jn7t7lakpvw7", amount: "100000000000000000000wei" });
    // Bonded in the same block's EndBlock: power 100 000, tokens moved to the bonded pool.
    expect(res.validatorUpdates.map((u) => [Buffer.from(u.pubKey.ed25519!).toString("hex"), u.power])).toEqual([[hexOf(s.consensusKey("V1")), 100_000n]]);
    const v = s.validator("V1")!;
    expect(v.status).toBe(BondStatus.Bonded);
    expect(v.minSelfDelegation).toBe(10n * STOS);
    expect(v.commission.updateTime).toBe(T * 1_000_000_000n);
    expect(s.staking.poolBalance(s.read, "not_bonded_tokens_pool")).toBe(0n);
    expect(s.staking.poolBalance(s.read, "bonded_tokens_pool")).toBe(1_000n * STOS + 100n * STOS);
  });

  it("bad input: same operator (4), same consensus key (5), below the minimum commission (40), wrong denom (sdk 18), too long a moniker (sdk 18)", async () => {
    await threeValidators({ min_commission_rate: "0.010000000000000000" });
    await refused("V1", s.createValidator("V1", 10n * STOS), "staking", 4);
    await refused("A", s.createValidator("A", 10n * STOS, { consensusKey: s.consensusKey("V2") }), "staking", 5);
    await refused("A", s.createValidator("A", 10n * STOS, { commission: { rate: "0.005", maxRate: "0.2", maxChangeRate: "0.01" } }), "staking", 40,
      "cannot set validator commission to less than minimum rate of 0.010000000000000000: commission cannot be less than min rate");
    await refused("A", s.createValidator("A", 10n * STOS, { denom: "stos" }), "sdk", 18, "invalid coin denomination: got stos, expected wei");
    await refused("A", s.createValidator("A", 10n * STOS, { moniker: "m".repeat(71) }), "sdk", 18, "invalid moniker length; got: 71, max: 70");
  });

  it("ValidateBasic refuses before the ante chain: no fee, no sequence (self-bond below the minimum: 16; rate above max: 11)", async () => {
    s = await StakingScenario.create({ balances: { V1: 1000n * STOS } });
    const before = s.balance("V1");
    const [low] = await s.txs([["V1", [s.createValidator("V1", 5n, { minSelfDelegation: 10n })]]], T);
    expect([low!.codespace, low!.code]).toEqual(["staking", 16]);
    const [rate] = await s.txs([["V1", [s.createValidator("V1", 5n * STOS, { commission: { rate: "0.3", maxRate: "0.2", maxChangeRate: "0.01" } })]]], T + 5n);
    expect([rate!.codespace, rate!.code]).toEqual(["staking", 11]);
    expect(s.balance("V1")).toBe(before);
    expect(s.sequence("V1")).toBe(0n);
  });
});

describe("MsgDelegate", () => {
  it("bad input: an unknown validator (3), more than the balance (sdk 5), another denom (sdk 18)", async () => {
    await threeValidators();
    await refused("A", s.delegate("A", s.valoper("B"), STOS), "staking", 3, "validator does not exist");
    await refused("A", s.delegate("A", "V1", 2_000n * STOS), "sdk", 5, /failed to delegate; \d+wei is smaller than 2000000000000000000000wei: insufficient funds/);
    await refused("A", s.delegate("A", "V1", STOS, "stos"), "sdk", 18, "invalid coin denomination: got stos, expected wei");
  });
});

describe("MsgBeginRedelegate", () => {
  it("moves shares at once, remembers the entry for 21 days, refuses loops (32), the 8th entry (33), itself (29), an unknown destination (31)", async () => {
    await threeValidators();
    expect((await s.tx("A", [s.delegate("A", "V1", 100n * STOS)], T + 5n)).code).toBe(0);
    const first = await s.tx("A", [s.redelegate("A", "V1", "V2", 10n * STOS)], T + 10n);
    expect(first.code, first.log).toBe(0);
    expect(eventAttributes(first.events, "redelegate")).toEqual({
      source_validator: s.valoper("V1"), destination_validator: s.valoper("V2"), amount: "10000000000000000000wei",
      completion_time: "2024-06-22T00:00:10Z",
    });
    expect(s.validator("V2")!.tokens).toBe(110n * STOS);
    // A loop back and a chain onward both start from V2, into which A's redelegation is immature.
    await refused("A", s.redelegate("A", "V2", "V1", STOS), "staking", 32);
    await refused("A", s.redelegate("A", "V2", "V3", STOS), "staking", 32);
    await refused("A", s.redelegate("A", "V1", "V1", STOS), "staking", 29);
    await refused("A", s.redelegate("A", "V1", s.valoper("B"), STOS), "staking", 31);
    for (let i = 0; i < 6; i++) expect((await s.tx("A", [s.redelegate("A", "V1", "V2", STOS)], T + 20n + BigInt(i))).code).toBe(0);
    expect(s.staking.redelegation(s.read, s.accountBytes("A"), s.accountBytes("V1"), s.accountBytes("V2"))!.entries).toHaveLength(7);
    await refused("A", s.redelegate("A", "V1", "V2", STOS), "staking", 33);
    // 21 days later the entries mature; a redelegation from V2 is allowed again.
    const events = await s.emptyBlock(T + 21n * DAY + 30n);
    // The first queue slot completes all seven entries; the later slots find the record gone and say nothing.
    expect(events.filter((e) => e.type === "complete_redelegation").map((e) => e.attributes[0]!.value)).toEqual(["16000000000000000000wei"]);
    expect((await s.tx("A", [s.redelegate("A", "V2", "V3", STOS)], T + 21n * DAY + 40n)).code).toBe(0);
  });

  it("more shares than delegated: sdk 18 'invalid shares amount'; no delegation: 19", async () => {
    await threeValidators();
    expect((await s.tx("A", [s.delegate("A", "V1", 10n * STOS)], T + 5n)).code).toBe(0);
    await refused("A", s.redelegate("A", "V1", "V2", 11n * STOS), "sdk", 18, "invalid shares amount");
    await refused("B", s.redelegate("B", "V1", "V2", STOS), "staking", 19);
  });
});

describe("MsgUndelegate and MsgCancelUnbondingDelegation", () => {
  it("at most 7 entries per pair (27); a cancel delegates back and shrinks the entry; wrong height → sdk 38; too much → sdk 18", async () => {
    await threeValidators();
    expect((await s.tx("A", [s.delegate("A", "V1", 100n * STOS)], T + 5n)).code).toBe(0);
    const heights: bigint[] = [];
    for (let i = 0; i < 7; i++) {
      heights.push(s.app.nextHeight);
      expect((await s.tx("A", [s.undelegate("A", "V1", STOS)], T + 10n + BigInt(i))).code).toBe(0);
    }
    await refused("A", s.undelegate("A", "V1", STOS), "staking", 27);
    await refused("A", s.cancelUnbonding("A", "V1", STOS, 999_999n), "sdk", 38, "unbonding delegation entry is not found at block height 999999: not found");
    await refused("A", s.cancelUnbonding("A", "V1", 2n * STOS, heights[0]!), "sdk", 18, "amount is greater than the unbonding delegation entry balance");
    const tokens = s.validator("V1")!.tokens;
    const cancel = await s.tx("A", [s.cancelUnbonding("A", "V1", STOS / 2n, heights[0]!)], T + 100n);
    expect(cancel.code, cancel.log).toBe(0);
    expect(eventAttributes(cancel.events, "cancel_unbonding_delegation")).toEqual({
      amount: "500000000000000000wei", validator: s.valoper("V1"), delegator: s.address("A"), creation_height: heights[0]!.toString(),
    });
    expect(s.validator("V1")!.tokens).toBe(tokens + STOS / 2n);
    const entry = s.staking.unbondingDelegation(s.read, s.accountBytes("A"), s.accountBytes("V1"))!.entries[0]!;
    expect([entry.initialBalance, entry.balance]).toEqual([STOS / 2n, STOS / 2n]);
  });

  it("an operator going below its minimum self-delegation jails its validator; it leaves the set at EndBlock", async () => {
    s = await StakingScenario.create({ balances: { V1: 1000n * STOS } });
    expect((await s.tx("V1", [s.createValidator("V1", 100n * STOS, { minSelfDelegation: 50n * STOS })], T)).code).toBe(0);
    const res = await s.block([["V1", [s.undelegate("V1", "V1", 60n * STOS)]]], T + 5n);
    expect(res.txResults[0]!.code, res.txResults[0]!.log).toBe(0);
    const v = s.validator("V1")!;
    expect(v.jailed).toBe(true);
    expect(v.status).toBe(BondStatus.Unbonding);
    expect(res.validatorUpdates.map((u) => u.power)).toEqual([0n]);
  });
});

describe("MsgEditValidator", () => {
  it("commission: not twice within 24 h of the last change (12), never above max_rate (11) or by more than max_change_rate (15); the YAML event", async () => {
    await threeValidators();
    // Created at T: its update_time is T.
    await refused("V1", s.editValidator("V1", { commissionRate: "0.105" }), "staking", 12);
    const ok = await s.tx("V1", [s.editValidator("V1", { commissionRate: "0.105", moniker: "renamed" })], T + DAY);
    expect(ok.code, ok.log).toBe(0);
    expect(eventAttributes(ok.events, "edit_validator")).toEqual({
      commission_rate: `commission_rates:\n  max_change_rate: "0.010000000000000000"\n  max_rate: "0.200000000000000000"\n  rate: "0.105000000000000000"\nupdate_time: "2024-06-02T00:00:00Z"\n`,
      min_self_delegation: "1",
    });
    expect(s.validator("V1")!.description.moniker).toBe("renamed");
    expect(s.validator("V1")!.description.identity).toBe("");
    // Within 24 h of that change again.
    const again = await s.tx("V1", [s.editValidator("V1", { commissionRate: "0.11" })], T + DAY + HOUR);
    expect([again.codespace, again.code]).toEqual(["staking", 12]);
    const [outOfRange] = await s.txs([["V2", [s.editValidator("V2", { commissionRate: "1.5" })]]], s.now + 1n);
    expect([outOfRange!.codespace, outOfRange!.code, outOfRange!.log]).toEqual(["sdk", 18, "commission rate must be between 0 and 1 (inclusive): invalid request"]);
    const tooHigh = await s.tx("V2", [s.editValidator("V2", { commissionRate: "0.21" })], T + 2n * DAY);
    expect([tooHigh.codespace, tooHigh.code]).toEqual(["staking", 11]);
    const tooFast = await s.tx("V2", [s.editValidator("V2", { commissionRate: "0.15" })], T + 2n * DAY + 5n);
    expect([tooFast.codespace, tooFast.code]).toEqual(["staking", 15]);
  });

  it("min self-delegation only goes up (17) and not above the tokens (16)", async () => {
    await threeValidators();
    await refused("V1", s.editValidator("V1", { minSelfDelegation: 1n }), "staking", 17);
    await refused("V1", s.editValidator("V1", { minSelfDelegation: 101n * STOS }), "staking", 16);
    expect((await s.tx("V1", [s.editValidator("V1", { minSelfDelegation: 100n * STOS })], T + 10n)).code).toBe(0);
    expect(s.validator("V1")!.minSelfDelegation).toBe(100n * STOS);
  });
});

describe("MsgUpdateParams", () => {
  it("only the gov account (gov 13); invalid params fail ValidateBasic (code 1)", async () => {
    await threeValidators();
    const params = { unbondingTime: { seconds: 60n, nanos: 0 }, maxValidators: 2, maxEntries: 7, historicalEntries: 5, bondDenom: "wei", minCommissionRate: Dec.ZERO.toProtoString() };
    const msg = anyMsg(MsgUpdateParamsSchema, { authority: s.address("A"), params });
    await refused("A", msg, "gov", 13, /invalid authority; expected st10d07y265gmmuvt4z0w9aw880jnsr700jx08hhw/);
    const [bad] = await s.txs([["A", [anyMsg(MsgUpdateParamsSchema, { authority: s.address("A"), params: { ...params, maxValidators: 0 } })]]], s.now + 1n);
    expect([bad!.codespace, bad!.code, bad!.log]).toEqual(["undefined", 1, "max validators must be positive: 0"]);
  });
});
