/**
 * Double signing (spec-staking §4.1, §13 item 8) with crafted `misbehavior` entries, through evidence's
 * and slashing's keepers and the faithful staking fake: slash 5 % of the evidence power at evidence
 * height − 1 (unbonding entries created from then on included), jail forever, tombstone, the evidence
 * stored under SHA-256 of its proto bytes and served by the queries; and every case the reference
 * ignores — too old (both limits, from InitChain's consensus params), already tombstoned, unknown or
 * unbonded validator, no pubkey relation, an unknown misbehaviour type.
 */
import { describe, expect, it } from "vitest";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { Equivocation as CosmjsEquivocation } from "cosmjs-types/cosmos/evidence/v1beta1/evidence";
import { fromBinary } from "@bufbuild/protobuf";
import type { Misbehaviour } from "../../baseapp/block.js";
import { EquivocationSchema } from "../../codec/cosmos/evidence/v1beta1/evidence_pb.js";
import {
  QueryAllEvidenceRequestSchema, QueryAllEvidenceResponseSchema, QueryEvidenceRequestSchema, QueryEvidenceResponseSchema,
} from "../../codec/cosmos/evidence/v1beta1/query_pb.js";
import { MsgUnjailSchema } from "../../codec/cosmos/slashing/v1beta1/tx_pb.js";
import { sha256 } from "../../crypto/hash.js";
import { FLAG, moduleAcc, SlashingChain, STOS, testValidator, valcons, valoper } from "../slashing/chain.testing.js";
import { MSG_UNJAIL_TYPE_URL } from "../slashing/msgs/unjail.js";
import { BondStatus } from "../staking/types.js";
import { equivocationBytes, equivocationFromMisbehaviour, equivocationHash, equivocationProblem, goTimeString, hashText } from "./equivocation.js";
import { DOUBLE_SIGN_JAIL_END_TIME } from "./params.js";

const V = testValidator(0x11, 100n * STOS); // power 100 000
const W = testValidator(0x22, 50n * STOS);
const E = new Uint8Array(20).fill(0xee);
const NS = 1_000_000_000n;
const BONDED_POOL = moduleAcc("bonded_tokens_pool");
const NOT_BONDED_POOL = moduleAcc("not_bonded_tokens_pool");

const attrs = (e: Event): Record<string, string> => Object.fromEntries(e.attributes.map((a) => [a.key, a.value]));
const plain = (events: readonly Event[]): Array<[string, Array<[string, string]>]> => events.map((e) => [e.type, e.attributes.map((a) => [a.key, a.value] as [string, string])]);

function chainWith(consensus?: { blocks: bigint; seconds: bigint }): SlashingChain {
  return new SlashingChain({
    accounts: [{ address: V.operator, balance: 1_000n * STOS }, { address: W.operator, balance: 1_000n * STOS }, { address: E, balance: 100n * STOS }],
    validators: [V, W],
    delegations: [{ delegator: E, operator: V.operator, amount: 10n * STOS }],
    ...(consensus
      ? { consensusParams: { evidence: { maxAgeNumBlocks: consensus.blocks, maxAgeDuration: { seconds: consensus.seconds, nanos: 0 }, maxBytes: 1_048_576n } } }
      : {}),
  });
}

function doubleSign(who: { consAddr: Uint8Array }, height: bigint, seconds: bigint, power: bigint, kind: Misbehaviour["kind"] = "duplicate_vote"): Misbehaviour {
  return { kind, validatorAddress: who.consAddr, power, height, time: { seconds, nanos: 0 }, totalVotingPower: 150_000n };
}

/** Blocks until `height`, remembering each block's time. */
function runTo(chain: SlashingChain, height: bigint, times: Map<bigint, bigint>): void {
  while (chain.height < height) {
    chain.block();
    times.set(chain.height, chain.seconds);
  }
}

describe("a double sign at height 40 reported at 50", () => {
  const chain = chainWith();
  const times = new Map<bigint, bigint>();
  runTo(chain, 30n, times);
  chain.run((ctx) => chain.staking.undelegate(ctx, E, V.operator, 2n * STOS)); // entry at 30 < 39: out of reach
  runTo(chain, 39n, times);
  chain.run((ctx) => chain.staking.undelegate(ctx, E, V.operator, 3n * STOS)); // entry at 39 ≥ 39: slashed
  runTo(chain, 49n, times);
  const tokensBefore = chain.staking.validator(chain.context(), V.operator)!.tokens;
  const misbehaviour = doubleSign(V, 40n, times.get(40n)!, 110_000n);
  const result = chain.block({ misbehaviour: [misbehaviour] });
  const evidence = equivocationFromMisbehaviour(misbehaviour);
  const hash = equivocationHash(evidence);

  it("slashes 5 % of the evidence power, unbonding entries created at or after height 39 included", () => {
    // 110 000 × 10^15 × 0.05 = 5.5 STOS in all; the entry of 3 STOS gives 0.15 STOS of it.
    const entries = chain.staking.unbondingEntries(chain.context(), E, V.operator);
    expect(entries.map((e) => [e.creationHeight, e.balance])).toEqual([[30n, 2n * STOS], [39n, 3n * STOS - 150_000_000_000_000_000n]]);
    const v = chain.staking.validator(chain.context(), V.operator)!;
    expect(tokensBefore - v.tokens).toBe(5_500_000_000_000_000_000n - 150_000_000_000_000_000n);
  });

  it("emits the burns, slash{address, power, reason=double_sign, burned_coins}, then slash{jailed}", () => {
    expect(plain(result.begin)).toEqual([
      ["coin_spent", [["spender", NOT_BONDED_POOL], ["amount", "150000000000000000wei"]]],
      ["burn", [["burner", NOT_BONDED_POOL], ["amount", "150000000000000000wei"]]],
      ["coin_spent", [["spender", BONDED_POOL], ["amount", "5350000000000000000wei"]]],
      ["burn", [["burner", BONDED_POOL], ["amount", "5350000000000000000wei"]]],
      ["slash", [["address", valcons(V.consAddr)], ["power", "110000"], ["reason", "double_sign"], ["burned_coins", "5350000000000000000"]]],
      ["slash", [["jailed", valcons(V.consAddr)]]],
    ]);
  });

  it("jails forever and tombstones; the validator leaves the set at EndBlock", () => {
    const info = chain.slashing.keeper.getSigningInfo(chain.context(), V.consAddr)!;
    expect(info.tombstoned).toBe(true);
    expect(info.jailedUntil).toBe(DOUBLE_SIGN_JAIL_END_TIME);
    expect(goTimeString(info.jailedUntil)).toBe("9999-12-31 23:59:59 +0000 UTC");
    expect(chain.staking.validator(chain.context(), V.operator)!.jailed).toBe(true);
    expect(result.updates).toEqual([{ pubKey: { ed25519: V.consensusPubKey }, power: 0n }]);
  });

  it("stores the evidence under SHA-256 of the Equivocation bytes (cross-checked with cosmjs-types' encoder)", () => {
    const reference = CosmjsEquivocation.encode({
      height: 40n, time: { seconds: times.get(40n)!, nanos: 0 }, power: 110_000n, consensusAddress: valcons(V.consAddr),
    }).finish();
    expect(Buffer.from(equivocationBytes(evidence)).toString("hex")).toBe(Buffer.from(reference).toString("hex"));
    expect(hash).toEqual(sha256(reference));
    expect(chain.evidence.keeper.getEvidence(chain.context(), hash)).toEqual(evidence);
  });

  it("serves it by hex hash (either case) and in the list", () => {
    for (const text of [hashText(hash), hashText(hash).toLowerCase()]) {
      const res = chain.query("/cosmos.evidence.v1beta1.Query/Evidence", QueryEvidenceRequestSchema, QueryEvidenceResponseSchema, { hash: text });
      expect(res.evidence?.typeUrl).toBe("/cosmos.evidence.v1beta1.Equivocation");
      expect(fromBinary(EquivocationSchema, res.evidence!.value).consensusAddress).toBe(valcons(V.consAddr));
    }
    const all = chain.query("/cosmos.evidence.v1beta1.Query/AllEvidence", QueryAllEvidenceRequestSchema, QueryAllEvidenceResponseSchema, {});
    expect(all.evidence.map((a) => a.value)).toEqual([equivocationBytes(evidence)]);
    expect(all.pagination?.total).toBe(1n);
  });

  it("refuses the validator's MsgUnjail for good (tombstoned: slashing 4)", () => {
    chain.block({ seconds: chain.seconds + 100n * 365n * 86_400n });
    expect(chain.exec(MSG_UNJAIL_TYPE_URL, MsgUnjailSchema, { validatorAddr: valoper(V.operator) })).toMatchObject({ code: 4, codespace: "slashing" });
  });

  it("ignores a second report about the same validator (already tombstoned)", () => {
    const before = chain.dump("slashing");
    const fake = chain.dump("fake_staking");
    const { begin } = chain.block({ misbehaviour: [doubleSign(V, 45n, times.get(45n)!, 110_000n)] });
    expect(begin).toEqual([]);
    expect(chain.dump("slashing")).toEqual(before);
    expect(chain.dump("fake_staking")).toEqual(fake);
    expect(chain.logs.at(-1)).toMatch(/already tombstoned/);
  });
});

describe("evidence age (consensus params of InitChain: 10 blocks, 60 s)", () => {
  it("records the limits InitChain gave", () => {
    const chain = chainWith({ blocks: 10n, seconds: 60n });
    expect(chain.evidence.keeper.getAgeLimits(chain.context())).toEqual({ maxAgeNumBlocks: 10n, maxAgeDurationNanos: 60n * NS, maxBytes: 1_048_576n });
    expect(chainWith().evidence.keeper.getAgeLimits(chainWith().context())).toEqual({
      maxAgeNumBlocks: 100_000n, maxAgeDurationNanos: 172_800n * NS, maxBytes: 1_048_576n,
    });
  });

  it.each([
    { name: "older than both limits: ignored", blocksLater: 11n, secondsLater: 61n, punished: false },
    { name: "older in blocks only: punished", blocksLater: 11n, secondsLater: 60n, punished: true },
    { name: "older in time only: punished", blocksLater: 10n, secondsLater: 61n, punished: true },
    { name: "exactly at both limits: punished", blocksLater: 10n, secondsLater: 60n, punished: true },
  ])("$name", ({ blocksLater, secondsLater, punished }) => {
    const chain = chainWith({ blocks: 10n, seconds: 60n });
    chain.block();
    const infraction = { height: chain.height, seconds: chain.seconds };
    while (chain.height < infraction.height + blocksLater - 1n) chain.block({ seconds: chain.seconds + 1n });
    const { begin } = chain.block({ seconds: infraction.seconds + secondsLater, misbehaviour: [doubleSign(W, infraction.height, infraction.seconds, 50_000n)] });
    expect(chain.height - infraction.height).toBe(blocksLater);
    expect(chain.slashing.keeper.isTombstoned(chain.context(), W.consAddr)).toBe(punished);
    expect(begin.some((e) => e.type === "slash")).toBe(punished);
    if (!punished) expect(chain.logs.at(-1)).toMatch(/evidence too old/);
  });
});

describe("what evidence ignores or treats specially", () => {
  it("an unknown validator, and an unknown misbehaviour type (logged)", () => {
    const chain = chainWith();
    chain.block();
    const stranger = testValidator(0x33, STOS);
    const before = chain.dump("slashing");
    const { begin } = chain.block({
      misbehaviour: [doubleSign(stranger, 1n, chain.seconds, 1_000n), { ...doubleSign(V, 1n, chain.seconds, 100_000n), kind: "unknown" }],
    });
    expect(begin).toEqual([]);
    expect(chain.dump("slashing")).toEqual(before);
    expect(chain.logs).toEqual(["ignored unknown evidence type"]);
  });

  it("an Unbonded validator (power 0 never bonds)", () => {
    const tiny = testValidator(0x44, 10n ** 14n);
    const chain = new SlashingChain({ accounts: [{ address: tiny.operator, balance: STOS }], validators: [tiny] });
    expect(chain.staking.validator(chain.context(), tiny.operator)!.status).toBe(BondStatus.Unbonded);
    chain.block();
    const { begin } = chain.block({ misbehaviour: [doubleSign(tiny, 1n, chain.seconds, 1n)] });
    expect(begin).toEqual([]);
    expect(chain.slashing.keeper.hasSigningInfo(chain.context(), tiny.consAddr)).toBe(false);
  });

  it("a validator whose pubkey relation is gone (logged)", () => {
    const chain = chainWith();
    chain.block();
    chain.run((ctx) => chain.slashing.keeper.deletePubkey(ctx, W.consAddr));
    const { begin } = chain.block({ misbehaviour: [doubleSign(W, 1n, chain.seconds, 50_000n)] });
    expect(begin).toEqual([]);
    expect(chain.logs.at(-1)).toBe(`ignore evidence; expected public key for validator ${valcons(W.consAddr)} not found`);
  });

  it("a validator already jailed for downtime is slashed and tombstoned without a second jail", () => {
    const chain = chainWith();
    chain.block();
    chain.run((ctx) => chain.staking.jail(ctx, W.consAddr));
    const { begin } = chain.block({ misbehaviour: [doubleSign(W, 1n, chain.seconds, 50_000n, "light_client_attack")] });
    expect(begin.map((e) => e.type)).toEqual(["coin_spent", "burn", "slash"]);
    expect(attrs(begin[2]!)).toMatchObject({ reason: "double_sign", burned_coins: "2500000000000000000" });
    expect(chain.slashing.keeper.isTombstoned(chain.context(), W.consAddr)).toBe(true);
  });

  it("a bonded validator without signing info stops the chain (the reference panics)", () => {
    const chain = chainWith();
    chain.block();
    chain.run((ctx) => ctx.kv("slashing").delete(Uint8Array.of(0x01, 20, ...W.consAddr)));
    expect(() => chain.block({ misbehaviour: [doubleSign(W, 1n, chain.seconds, 50_000n)] })).toThrow(/expected signing info/);
  });

  it("a misbehaviour's votes in the same block are counted before it is punished (slashing runs first)", () => {
    const chain = chainWith();
    chain.block();
    const { begin } = chain.block({
      votes: [{ validatorAddress: W.consAddr, power: 50_000n, blockIdFlag: FLAG.absent }],
      misbehaviour: [doubleSign(W, 1n, chain.seconds, 50_000n)],
    });
    expect(begin.map((e) => e.type)).toEqual(["liveness", "coin_spent", "burn", "slash", "slash"]);
  });
});

describe("Equivocation.ValidateBasic", () => {
  const ok = { height: 5n, time: 1_700_000_000n * NS, power: 10n, consensusAddress: valcons(V.consAddr) };
  it.each([
    { name: "valid", e: ok, problem: undefined },
    { name: "time at the epoch", e: { ...ok, time: 0n }, problem: "invalid equivocation time: 1970-01-01 00:00:00 +0000 UTC" },
    { name: "time 0.5 s after the epoch", e: { ...ok, time: NS / 2n }, problem: "invalid equivocation time: 1970-01-01 00:00:00.5 +0000 UTC" },
    { name: "height 0", e: { ...ok, height: 0n }, problem: "invalid equivocation height: 0" },
    { name: "power 0", e: { ...ok, power: 0n }, problem: "invalid equivocation validator power: 0" },
    { name: "no address", e: { ...ok, consensusAddress: "" }, problem: "invalid equivocation validator consensus address: " },
  ])("$name", ({ e, problem }) => {
    expect(equivocationProblem(e)).toBe(problem);
  });
});
