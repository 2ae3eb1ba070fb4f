/**
 * Slashing and evidence through the whole app in-process, with real signed txs (SIGN_MODE_DIRECT,
 * eth_secp256k1) and blocks carrying CometBFT's votes and misbehaviour (SlashingApp over TestApp):
 * - downtime from FinalizeBlock votes: liveness and slash events, the validator update to power 0, then
 *   MsgUnjail refused before the jail time and accepted after it, and the power restored;
 * - MsgUnjail's bad input, each with its code, where nothing changes but the fee and the sequence;
 * - a double sign in `misbehavior`, then MsgSubmitEvidence (the same evidence: evidence 5; new evidence:
 *   evidence 2, no handler) and a non-evidence Any (refused at decoding, no fee).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, type DescMessage, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import { AnySchema, TimestampSchema } from "@bufbuild/protobuf/wkt";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { Event, ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { MisbehaviorType } from "cosmjs-types/tendermint/abci/types";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import { EquivocationSchema } from "../../codec/cosmos/evidence/v1beta1/evidence_pb.js";
import { MsgSubmitEvidenceSchema } from "../../codec/cosmos/evidence/v1beta1/tx_pb.js";
import { MsgUnjailSchema } from "../../codec/cosmos/slashing/v1beta1/tx_pb.js";
import { MsgUndelegateSchema } from "../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { stratosRegistry } from "../../client/client.js";
import { equivocationHash, hashText } from "../evidence/equivocation.js";
import { BondStatus } from "../staking/types.js";
import { SlashingApp } from "./testApp.testing.js";

const STOS = 10n ** 18n;
/** TestApp's default fee: 200 000 gas × 1 gwei. */
const FEE = 200_000n * 1_000_000_000n;
const SHORT_PARAMS = {
  signed_blocks_window: "10", min_signed_per_window: "0.500000000000000000", downtime_jail_duration: "60s",
  slash_fraction_double_sign: "0.050000000000000000", slash_fraction_downtime: "0.010000000000000000",
};

/** Messages as a CosmJS client builds them: the app's registry (stock CosmJS types + app/client's). */
const registry = stratosRegistry();
const anyOf = <Desc extends DescMessage>(schema: Desc, init: MessageInitShape<Desc>): Any => registry.encodeAsAny({ typeUrl: `/${schema.typeName}`, value: init });
const valoper = (operator: Uint8Array): string => formatBech32Address(operator, BECH32_PREFIX.validator);
const valcons = (consAddr: Uint8Array): string => formatBech32Address(consAddr, BECH32_PREFIX.consensus);
const attrs = (e: Event): Record<string, string> => Object.fromEntries(e.attributes.map((a) => [a.key, a.value]));
const absent = (consAddr: Uint8Array, power: bigint) => ({ validator: { address: consAddr, power }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_ABSENT });

/** Sends `msgs` signed by key `index` in a block of its own; returns the tx result. */
async function send(s: SlashingApp, index: number, msgs: readonly Any[], seconds?: bigint): Promise<ExecTxResult> {
  const tx = s.app.sign(s.app.keys[index]!, msgs, { sequence: s.sequence(index) });
  const res = await s.block({ txs: [tx], ...(seconds === undefined ? {} : { seconds }) });
  return res.txResults[0]!;
}

/** The events a message added after the ante chain's (fee, sequence, signature): from its `message{action}` on. */
function messageEvents(events: readonly Event[]): Event[] {
  const at = events.findIndex((e) => e.type === "message" && e.attributes.some((a) => a.key === "action"));
  return at < 0 ? [] : events.slice(at);
}

describe("downtime through FinalizeBlock votes, then MsgUnjail by the operator", () => {
  let s: SlashingApp;
  beforeAll(async () => {
    s = await SlashingApp.create({ validators: [{ key: 0, selfBond: 10n * STOS }], slashing: () => ({ params: SHORT_PARAMS, signing_infos: [], missed_blocks: [] }) });
  });
  afterAll(async () => s.close());

  it("misses from height 2 jail the validator at height 11 (window 10, max missed 5) and drop it from the set", async () => {
    const v = s.validator(0);
    let jail: Awaited<ReturnType<SlashingApp["block"]>> | undefined;
    let height = 1n;
    while (jail === undefined && height < 20n) {
      const res = await s.block({ votes: [absent(v.consAddr, 10_000n)] });
      height = s.app.nextHeight - 1n;
      expect(res.events.find((e) => e.type === "liveness")).toBeDefined();
      if (res.events.some((e) => e.type === "slash")) jail = res;
    }
    expect(height).toBe(11n);
    const slash = attrs(jail!.events.find((e) => e.type === "slash")!);
    expect(slash).toEqual({ address: valcons(v.consAddr), power: "10000", reason: "missing_signature", jailed: valcons(v.consAddr), burned_coins: "100000000000000000" });
    expect(jail!.validatorUpdates).toEqual([{ pubKey: { ed25519: v.consensusPubKey }, power: 0n }]);
    expect(s.staking.validator(s.read, v.operator)).toMatchObject({ jailed: true, status: BondStatus.Unbonding, tokens: 10n * STOS - STOS / 10n });
  });

  it("refuses MsgUnjail before the 60 s jail is over (slashing 4): only the fee and the sequence change", async () => {
    const v = s.validator(0);
    const info = s.slashing.keeper.getSigningInfo(s.read, v.consAddr)!;
    const stores = ["slashing", "evidence"].map((n) => s.dump(n));
    const validatorBefore = s.staking.validator(s.read, v.operator);
    const balance = s.app.balance(v.key.address);
    const sequence = s.sequence(0);
    const res = await send(s, 0, [anyOf(MsgUnjailSchema, { validatorAddr: valoper(v.operator) })], info.jailedUntil / 1_000_000_000n - 1n);
    expect(res).toMatchObject({ code: 4, codespace: "slashing", log: "failed to execute message; message index: 0: validator still jailed; cannot be unjailed" });
    expect(["slashing", "evidence"].map((n) => s.dump(n))).toEqual(stores);
    expect(s.staking.validator(s.read, v.operator)).toEqual(validatorBefore);
    expect(s.app.balance(v.key.address)).toBe(balance - FEE);
    expect(s.sequence(0)).toBe(sequence + 1n);
  });

  it("accepts it at the jail's end with no module event; the next EndBlock gives the power back", async () => {
    const v = s.validator(0);
    const until = s.slashing.keeper.getSigningInfo(s.read, v.consAddr)!.jailedUntil / 1_000_000_000n;
    const res = await send(s, 0, [anyOf(MsgUnjailSchema, { validatorAddr: valoper(v.operator) })], until);
    expect(res.code).toBe(0);
    expect(messageEvents(res.events).map((e) => [e.type, attrs(e)])).toEqual([
      ["message", { action: "/cosmos.slashing.v1beta1.MsgUnjail", sender: v.key.address, module: "slashing" }],
    ]);
    // The unjail's own block re-bonded it (EndBlock after the tx).
    expect(s.staking.validator(s.read, v.operator)).toMatchObject({ jailed: false, status: BondStatus.Bonded });
    expect(s.slashing.keeper.getSigningInfo(s.read, v.consAddr)!.startHeight).toBe(s.app.nextHeight - 1n);
  });
});

describe("MsgUnjail's bad input through signed txs", () => {
  let s: SlashingApp;
  const farFuture = "2100-01-01T00:00:00Z";
  beforeAll(async () => {
    s = await SlashingApp.create({
      validators: [
        { key: 1, selfBond: 10n * STOS, jailed: true }, // jailed until 2100
        { key: 2, selfBond: 10n * STOS, jailed: true }, // tombstoned
        { key: 3, selfBond: 10n * STOS }, // not jailed
        { key: 4, selfBond: 2n * STOS, minSelfDelegation: 2n * STOS }, // undelegates below its minimum below
      ],
      slashing: (v) => ({
        params: SHORT_PARAMS,
        signing_infos: [
          { address: valcons(v(1).consAddr), validator_signing_info: { address: valcons(v(1).consAddr), start_height: "0", index_offset: "0", jailed_until: farFuture, tombstoned: false, missed_blocks_counter: "0" } },
          { address: valcons(v(2).consAddr), validator_signing_info: { address: valcons(v(2).consAddr), start_height: "0", index_offset: "0", jailed_until: "9999-12-31T23:59:59Z", tombstoned: true, missed_blocks_counter: "0" } },
        ],
        missed_blocks: [],
      }),
    });
    // An operator's undelegation below its minimum self-delegation jails its validator (spec-staking §1.4).
    const v4 = s.validator(4);
    const res = await send(s, 4, [anyOf(MsgUndelegateSchema, { delegatorAddress: v4.key.address, validatorAddress: valoper(v4.operator), amount: { denom: "wei", amount: STOS.toString() } })]);
    expect(res.code).toBe(0);
    expect(s.staking.validator(s.read, v4.operator)).toMatchObject({ jailed: true, tokens: STOS });
  });
  afterAll(async () => s.close());

  it.each([
    { name: "before the jail time", key: 1, code: 4, log: "validator still jailed; cannot be unjailed" },
    { name: "of a tombstoned validator", key: 2, code: 4, log: "validator still jailed; cannot be unjailed" },
    { name: "of a validator not jailed", key: 3, code: 5, log: "validator not jailed; cannot be unjailed" },
    { name: "with too little self-delegation", key: 4, code: 7, log: `${STOS} less than ${2n * STOS}: validator's self delegation less than minimum; cannot be unjailed` },
    { name: "of an account that runs no validator", key: 5, code: 2, log: "address is not associated with any known validator" },
  ])("refuses it $name (slashing $code); only the fee and the sequence change", async ({ key, code, log }) => {
    const v = s.validator(key);
    const stores = ["slashing", "evidence"].map((n) => s.dump(n));
    const validatorBefore = s.staking.validator(s.read, v.operator);
    const balance = s.app.balance(v.key.address);
    const sequence = s.sequence(key);
    const res = await send(s, key, [anyOf(MsgUnjailSchema, { validatorAddr: valoper(v.operator) })]);
    expect(res).toMatchObject({ code, codespace: "slashing", log: `failed to execute message; message index: 0: ${log}` });
    expect(["slashing", "evidence"].map((n) => s.dump(n))).toEqual(stores);
    expect(s.staking.validator(s.read, v.operator)).toEqual(validatorBefore);
    expect(s.app.balance(v.key.address)).toBe(balance - FEE);
    expect(s.sequence(key)).toBe(sequence + 1n);
  });

  it("refuses a malformed validator address before the ante chain (sdk 7, no fee)", async () => {
    const v = s.validator(3);
    const balance = s.app.balance(v.key.address);
    const tx = s.app.sign(v.key, [anyOf(MsgUnjailSchema, { validatorAddr: v.key.address })], { sequence: s.sequence(3) });
    expect(s.app.check(tx)).toMatchObject({ code: 7, codespace: "sdk", log: "validator input address: invalid Bech32 prefix; expected stvaloper, got st: invalid address" });
    const [res] = await s.app.block([tx]);
    expect(res).toMatchObject({ code: 7, codespace: "sdk" });
    expect(s.app.balance(v.key.address)).toBe(balance);
  });
});

describe("double sign from FinalizeBlock misbehaviour, then MsgSubmitEvidence", () => {
  let s: SlashingApp;
  beforeAll(async () => {
    s = await SlashingApp.create({ validators: [{ key: 3, selfBond: 10n * STOS }] });
  });
  afterAll(async () => s.close());

  const equivocation = (height: bigint, seconds: bigint) => ({
    height, time: create(TimestampSchema, { seconds, nanos: 0 }), power: 10_000n, consensusAddress: valcons(s.validator(3).consAddr),
  });

  it("slashes 5 %, jails, tombstones and stores the evidence", async () => {
    const v = s.validator(3);
    await s.block();
    const res = await s.block({
      misbehavior: [{ type: MisbehaviorType.DUPLICATE_VOTE, validator: { address: v.consAddr, power: 10_000n }, height: 2n, time: { seconds: 1_700_000_005n, nanos: 0 }, totalVotingPower: 10_000n }],
    });
    expect(res.events.filter((e) => e.type === "slash").map(attrs)).toEqual([
      { address: valcons(v.consAddr), power: "10000", reason: "double_sign", burned_coins: "500000000000000000" },
      { jailed: valcons(v.consAddr) },
    ]);
    expect(res.validatorUpdates).toEqual([{ pubKey: { ed25519: v.consensusPubKey }, power: 0n }]);
    expect(s.slashing.keeper.isTombstoned(s.read, v.consAddr)).toBe(true);
    expect([...s.evidence.keeper.evidence(s.read)]).toHaveLength(1);
  });

  it("refuses to resubmit it (evidence 5) and any new one (evidence 2: no handler); the fee is paid, nothing stored", async () => {
    const stored = s.evidence.keeper.evidence(s.read).next().value!;
    const before = s.dump("evidence");
    const submit = (e: ReturnType<typeof equivocation>) => anyOf(MsgSubmitEvidenceSchema, {
      submitter: s.app.keys[0]!.address, evidence: create(AnySchema, { typeUrl: "/cosmos.evidence.v1beta1.Equivocation", value: toBinary(EquivocationSchema, create(EquivocationSchema, e)) }),
    });
    const balance = s.app.balance(s.app.keys[0]!.address);
    const again = await send(s, 0, [submit(equivocation(2n, 1_700_000_005n))]);
    expect(again).toMatchObject({ code: 5, codespace: "evidence", log: `failed to execute message; message index: 0: ${hashText(stored.hash)}: evidence already exists` });
    expect(hashText(stored.hash)).toBe(hashText(equivocationHash(stored.evidence)));
    const fresh = await send(s, 0, [submit(equivocation(3n, 1_700_000_010n))]);
    expect(fresh).toMatchObject({ code: 2, codespace: "evidence", log: "failed to execute message; message index: 0: equivocation: unregistered handler for evidence type" });
    expect(s.dump("evidence")).toEqual(before);
    expect(s.app.balance(s.app.keys[0]!.address)).toBe(balance - 2n * FEE);
  });

  it("refuses evidence that is not an Equivocation, or invalid, before the ante chain", () => {
    const submitter = s.app.keys[0]!.address;
    const notEvidence = s.app.sign(s.app.keys[0]!, [anyOf(MsgSubmitEvidenceSchema, {
      submitter, evidence: create(AnySchema, { typeUrl: "/cosmos.slashing.v1beta1.MsgUnjail", value: toBinary(MsgUnjailSchema, create(MsgUnjailSchema, { validatorAddr: "x" })) }),
    })], { sequence: s.sequence(0) });
    expect(s.app.check(notEvidence)).toMatchObject({ code: 2, codespace: "sdk" });
    const invalid = s.app.sign(s.app.keys[0]!, [anyOf(MsgSubmitEvidenceSchema, {
      submitter, evidence: create(AnySchema, { typeUrl: "/cosmos.evidence.v1beta1.Equivocation", value: toBinary(EquivocationSchema, create(EquivocationSchema, { ...equivocation(0n, 1_700_000_005n) })) }),
    })], { sequence: s.sequence(0) });
    expect(s.app.check(invalid)).toMatchObject({ code: 1, codespace: "undefined", log: "invalid equivocation height: 0" });
    const missing = s.app.sign(s.app.keys[0]!, [anyOf(MsgSubmitEvidenceSchema, { submitter })], { sequence: s.sequence(0) });
    expect(s.app.check(missing)).toMatchObject({ code: 3, codespace: "evidence", log: "missing evidence: invalid evidence" });
  });
});
