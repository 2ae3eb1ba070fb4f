/**
 * The slashing module through its keeper, routes, queries and genesis with the faithful staking fake:
 * the staking hooks (§1.3), the liveness rules around the TV4 path (§3.4: NIL signs, jailed validators
 * skipped, the circular window, a missing signing info), MsgUnjail's checks in the reference's order
 * (§3.3, §13 item 10), MsgUpdateParams, the queries (§3.5) and the genesis round trip (§3.6).
 */
import { describe, expect, it } from "vitest";
import { create, toBinary } from "@bufbuild/protobuf";
import { DurationSchema } from "@bufbuild/protobuf/wkt";
import { ParamsSchema } from "../../codec/cosmos/slashing/v1beta1/slashing_pb.js";
import {
  QueryParamsRequestSchema, QueryParamsResponseSchema, QuerySigningInfoRequestSchema, QuerySigningInfoResponseSchema,
  QuerySigningInfosRequestSchema, QuerySigningInfosResponseSchema,
} from "../../codec/cosmos/slashing/v1beta1/query_pb.js";
import { MsgUnjailSchema, MsgUpdateParamsSchema } from "../../codec/cosmos/slashing/v1beta1/tx_pb.js";
import { QueryError } from "../../baseapp/queryRouter.js";
import { Dec } from "../../math/dec.js";
import { compareBytes } from "../../store/bytes.js";
import { GenesisError } from "../auth/protoJson.js";
import { acc, FLAG, SlashingChain, STOS, testValidator, valcons, valoper } from "./chain.testing.js";
import { exportSlashingGenesis } from "./genesis.js";
import { MSG_UNJAIL_TYPE_URL } from "./msgs/unjail.js";
import { MSG_UPDATE_PARAMS_TYPE_URL } from "./msgs/updateParams.js";
import { MAINNET_SLASHING_PARAMS, slashingParamsJson } from "./params.js";

const GOV = "st10d07y265gmmuvt4z0w9aw880jnsr700jx08hhw";
const A = testValidator(0x11, 10n * STOS, 5n * STOS);
const B = testValidator(0x22, 20n * STOS);
const C = testValidator(0x33, 30n * STOS);

/** A chain with a short window: 10 votes, half must be signed (max missed 5), 60 s jail, 1 % downtime slash. */
const SHORT = {
  params: {
    signed_blocks_window: "10", min_signed_per_window: "0.500000000000000000", downtime_jail_duration: "60s",
    slash_fraction_double_sign: "0.050000000000000000", slash_fraction_downtime: "0.010000000000000000",
  },
  signing_infos: [],
  missed_blocks: [],
};

function chain(slashingGenesis: unknown = SHORT): SlashingChain {
  return new SlashingChain({
    accounts: [A, B, C, testValidator(0x44, 0n), testValidator(0x66, 0n)].map((v) => ({ address: v.operator, balance: 1_000n * STOS })),
    validators: [A, B, C],
    slashingGenesis,
  });
}

const vote = (v: { consAddr: Uint8Array }, flag: number, power = 10_000n) => ({ validatorAddress: v.consAddr, power, blockIdFlag: flag });

describe("staking hooks", () => {
  it("a created validator's pubkey is remembered; bonding creates its signing info at the bonding height", () => {
    const c = chain();
    for (const v of [A, B, C]) {
      expect(c.slashing.keeper.getPubkey(c.context(), v.consAddr)).toEqual(v.consensusPubKey);
      expect(c.slashing.keeper.getSigningInfo(c.context(), v.consAddr)).toEqual({
        address: valcons(v.consAddr), startHeight: 0n, indexOffset: 0n, jailedUntil: 0n, tombstoned: false, missedBlocksCounter: 0n,
      });
    }
    const D = testValidator(0x44, 5n * STOS);
    c.block({ work: (ctx) => c.staking.createValidator(ctx, D) });
    expect(c.slashing.keeper.getSigningInfo(c.context(), D.consAddr)?.startHeight).toBe(1n);
  });

  it("re-bonding resets only the start height; removal forgets the pubkey but keeps the signing info", () => {
    const c = chain();
    c.block();
    c.run((ctx) => c.slashing.keeper.setSigningInfo(ctx, B.consAddr, { ...c.slashing.keeper.getSigningInfo(ctx, B.consAddr)!, indexOffset: 7n, missedBlocksCounter: 2n }));
    c.run((ctx) => c.staking.jail(ctx, B.consAddr));
    c.block();
    c.run((ctx) => c.staking.unjail(ctx, B.consAddr));
    c.block();
    expect(c.slashing.keeper.getSigningInfo(c.context(), B.consAddr)).toMatchObject({ startHeight: 3n, indexOffset: 7n, missedBlocksCounter: 2n });
    c.run((ctx) => c.slashing.hooks.afterValidatorRemoved?.(ctx, B.consAddr, B.operator));
    expect(c.slashing.keeper.getPubkey(c.context(), B.consAddr)).toBeUndefined();
    expect(c.slashing.keeper.hasSigningInfo(c.context(), B.consAddr)).toBe(true);
  });

  it("refuse a context without the block header", () => {
    const c = chain();
    const bare = { kv: (n: string) => c.store.getStore(n), emit: () => undefined };
    expect(() => c.slashing.hooks.afterValidatorBonded?.(bare, A.consAddr, A.operator)).toThrow(/block header/);
  });
});

describe("liveness (§3.4)", () => {
  it("counts COMMIT and NIL as signed, ABSENT as missed; only misses emit liveness", () => {
    const c = chain();
    c.block();
    const { begin } = c.block({ votes: [vote(A, FLAG.commit), vote(B, FLAG.nil), vote(C, FLAG.absent)] });
    expect(begin).toHaveLength(1);
    expect(begin[0]!.attributes.map((a) => [a.key, a.value])).toEqual([["address", valcons(C.consAddr)], ["missed_blocks", "1"], ["height", "2"]]);
    const k = c.slashing.keeper;
    expect([A, B, C].map((v) => k.getSigningInfo(c.context(), v.consAddr)!.missedBlocksCounter)).toEqual([0n, 0n, 1n]);
    expect([A, B, C].map((v) => k.getSigningInfo(c.context(), v.consAddr)!.indexOffset)).toEqual([1n, 1n, 1n]);
    expect(k.missedBlocks(c.context(), C.consAddr)).toEqual([0n]);
  });

  it("walks the window circularly: a signature over a missed slot clears it", () => {
    const c = chain();
    c.block();
    // Pattern over 12 votes: miss, miss, sign × 8, then sign, miss (slots 0 and 1 again).
    const flags = [FLAG.absent, FLAG.absent, ...Array(8).fill(FLAG.commit), FLAG.commit, FLAG.absent];
    for (const f of flags) c.block({ votes: [vote(C, f)] });
    const info = c.slashing.keeper.getSigningInfo(c.context(), C.consAddr)!;
    expect(info.indexOffset).toBe(12n);
    expect(info.missedBlocksCounter).toBe(1n);
    expect(c.slashing.keeper.missedBlocks(c.context(), C.consAddr)).toEqual([1n]);
  });

  it("jails after more than max missed once past start + window; the counter, offset and bitmap restart", () => {
    const c = chain();
    c.block();
    let jailedAt: bigint | undefined;
    while (jailedAt === undefined && c.height < 30n) {
      const { begin } = c.block({ votes: [vote(C, FLAG.absent, 30_000n)] });
      if (begin.some((e) => e.type === "slash")) jailedAt = c.height;
    }
    // Misses from height 2; 6 > 5 misses at height 7, but height must exceed 0 + 10.
    expect(jailedAt).toBe(11n);
    const info = c.slashing.keeper.getSigningInfo(c.context(), C.consAddr)!;
    expect(info).toMatchObject({ missedBlocksCounter: 0n, indexOffset: 0n, jailedUntil: (c.seconds + 60n) * 1_000_000_000n });
    expect(c.slashing.keeper.missedBlocks(c.context(), C.consAddr)).toEqual([]);
    // 1 % of 30 000 × 10^15.
    expect(c.staking.validator(c.context(), C.operator)!.tokens).toBe(30n * STOS - 300_000_000_000_000_000n);
  });

  it("skips jailed validators entirely", () => {
    const c = chain();
    c.block();
    c.run((ctx) => c.staking.jail(ctx, A.consAddr));
    const before = c.dump("slashing");
    expect(c.block({ votes: [vote(A, FLAG.absent)] }).begin).toEqual([]);
    expect(c.dump("slashing")).toEqual(before);
  });

  it("an unjailed voter without signing info stops the chain (the reference panics)", () => {
    const c = chain();
    c.block();
    const stranger = testValidator(0x55, STOS);
    expect(() => c.block({ votes: [vote(stranger, FLAG.commit)] })).toThrow(`Expected signing info for validator ${valcons(stranger.consAddr)} but not found`);
  });
});

describe("MsgUnjail (§3.3): checks in the reference's order, no event", () => {
  const unjail = (c: SlashingChain, operator: Uint8Array) => c.exec(MSG_UNJAIL_TYPE_URL, MsgUnjailSchema, { validatorAddr: valoper(operator) });

  it("unknown validator: slashing 2", () => {
    const c = chain();
    expect(unjail(c, new Uint8Array(20).fill(9))).toMatchObject({ code: 2, codespace: "slashing", log: "address is not associated with any known validator" });
  });

  it("no self-delegation: slashing 6", () => {
    const c = chain();
    c.block({ work: (ctx) => c.staking.undelegate(ctx, B.operator, B.operator, 20n * STOS) });
    expect(unjail(c, B.operator)).toMatchObject({ code: 6, codespace: "slashing" });
  });

  it("self-delegation below the minimum comes before 'not jailed': slashing 7", () => {
    const c = chain();
    // A (min self-delegation 5 STOS) is not jailed, and after this its self-delegation is short:
    // its own undelegation jails it; unjail it by hand to reach the order question.
    c.block({ work: (ctx) => c.staking.undelegate(ctx, A.operator, A.operator, 6n * STOS) });
    c.run((ctx) => c.staking.unjail(ctx, A.consAddr));
    expect(c.staking.validator(c.context(), A.operator)!.jailed).toBe(false);
    expect(unjail(c, A.operator)).toMatchObject({
      code: 7, codespace: "slashing", log: `${4n * STOS} less than ${5n * STOS}: validator's self delegation less than minimum; cannot be unjailed`,
    });
  });

  it("not jailed: slashing 5", () => {
    expect(unjail(chain(), B.operator)).toMatchObject({ code: 5, codespace: "slashing", log: "validator not jailed; cannot be unjailed" });
  });

  it("jailed without signing info (never bonded) may leave at once", () => {
    const c = chain();
    const D = testValidator(0x66, 10n ** 14n); // power 0: never bonded, no signing info
    c.block({ work: (ctx) => { c.staking.createValidator(ctx, D); c.staking.jail(ctx, D.consAddr); } });
    expect(c.slashing.keeper.hasSigningInfo(c.context(), D.consAddr)).toBe(false);
    expect(unjail(c, D.operator)).toMatchObject({ code: 0, events: [] });
    expect(c.staking.validator(c.context(), D.operator)!.jailed).toBe(false);
  });

  it("a bad address fails ValidateBasic with sdk 7", () => {
    const c = chain();
    expect(c.exec(MSG_UNJAIL_TYPE_URL, MsgUnjailSchema, { validatorAddr: acc(B.operator) })).toMatchObject({
      code: 7, codespace: "sdk", log: "validator input address: invalid Bech32 prefix; expected stvaloper, got st: invalid address",
    });
  });
});

describe("MsgUpdateParams", () => {
  const params = (over: Partial<ReturnType<typeof toProto>> = {}) => ({ ...toProto(), ...over });
  function toProto() {
    return {
      signedBlocksWindow: 200n, minSignedPerWindow: Dec.parse("0.1").toProtoString(),
      downtimeJailDuration: create(DurationSchema, { seconds: 3_600n, nanos: 0 }),
      slashFractionDoubleSign: Dec.parse("0.05").toProtoString(), slashFractionDowntime: Dec.parse("0.001").toProtoString(),
    };
  }
  const update = (c: SlashingChain, authority: string, p: ReturnType<typeof params> | undefined) =>
    c.exec(MSG_UPDATE_PARAMS_TYPE_URL, MsgUpdateParamsSchema, { authority, ...(p ? { params: create(ParamsSchema, p) } : {}) });

  it("the gov account replaces the params", () => {
    const c = chain();
    expect(update(c, GOV, params())).toMatchObject({ code: 0, events: [] });
    expect(c.slashing.keeper.getParams(c.context())).toEqual({
      signedBlocksWindow: 200n, minSignedPerWindow: Dec.parse("0.1"), downtimeJailDurationNanos: 3_600n * 1_000_000_000n,
      slashFractionDoubleSign: Dec.parse("0.05"), slashFractionDowntime: Dec.parse("0.001"),
    });
  });

  it.each([
    { name: "another authority", authority: acc(A.operator), p: params(), code: 13, codespace: "gov", log: `invalid authority; expected ${GOV}, got ${acc(A.operator)}: expected gov account as only signer for proposal message` },
    { name: "a bad authority address", authority: "st1nope", p: params(), code: 1, codespace: "undefined", log: /^invalid authority address: decoding bech32 failed/ },
    { name: "no params (Go's zero struct)", authority: GOV, p: undefined, code: 1, codespace: "undefined", log: "signed blocks window must be positive: 0" },
    { name: "a nil Dec", authority: GOV, p: params({ minSignedPerWindow: "" }), code: 1, codespace: "undefined", log: "min signed per window cannot be nil: <nil>" },
    { name: "min signed above 1", authority: GOV, p: params({ minSignedPerWindow: Dec.parse("1.5").toProtoString() }), code: 1, codespace: "undefined", log: "min signed per window too large: 1.500000000000000000" },
    { name: "a negative jail duration", authority: GOV, p: params({ downtimeJailDuration: create(DurationSchema, { seconds: -1n, nanos: 0 }) }), code: 1, codespace: "undefined", log: "downtime jail duration must be positive: -1s" },
    { name: "a negative double-sign fraction", authority: GOV, p: params({ slashFractionDoubleSign: "-1" }), code: 1, codespace: "undefined", log: "double sign slash fraction cannot be negative: -0.000000000000000001" },
    { name: "a downtime fraction above 1", authority: GOV, p: params({ slashFractionDowntime: Dec.parse("2").toProtoString() }), code: 1, codespace: "undefined", log: "downtime slash fraction too large: 2.000000000000000000" },
  ])("refuses $name", ({ authority, p, code, codespace, log }) => {
    const c = chain();
    const before = c.dump("slashing");
    const res = update(c, authority, p);
    expect(res).toMatchObject({ code, codespace });
    expect(res.log).toMatch(log);
    expect(c.dump("slashing")).toEqual(before);
  });
});

describe("queries (§3.5)", () => {
  it("Params: the stored params, decimals as raw integers on the wire", () => {
    const c = chain({ params: slashingParamsJson(MAINNET_SLASHING_PARAMS), signing_infos: [], missed_blocks: [] });
    const res = c.query("/cosmos.slashing.v1beta1.Query/Params", QueryParamsRequestSchema, QueryParamsResponseSchema, {});
    expect(res.params).toMatchObject({ signedBlocksWindow: 10_000n, minSignedPerWindow: "50000000000000000", slashFractionDowntime: "200000000000000" });
    expect(res.params?.downtimeJailDuration).toMatchObject({ seconds: 21_600n, nanos: 0 });
  });

  it("SigningInfo: found, NotFound, empty, bad address", () => {
    const c = chain();
    const path = "/cosmos.slashing.v1beta1.Query/SigningInfo";
    const q = (consAddress: string) => c.query(path, QuerySigningInfoRequestSchema, QuerySigningInfoResponseSchema, { consAddress });
    expect(q(valcons(B.consAddr)).valSigningInfo).toMatchObject({ address: valcons(B.consAddr), startHeight: 0n });
    const stranger = valcons(new Uint8Array(20).fill(7));
    expect(() => q(stranger)).toThrow(new QueryError("NotFound", `SigningInfo not found for validator ${stranger}`));
    expect(() => q("")).toThrow(new QueryError("InvalidArgument", "invalid request"));
    expect(() => q(valoper(B.operator))).toThrow(/invalid Bech32 prefix; expected stvalcons, got stvaloper/);
  });

  it("SigningInfos: consensus-address order, pages by key and by offset", () => {
    const c = chain();
    const path = "/cosmos.slashing.v1beta1.Query/SigningInfos";
    const sorted = [A, B, C].map((v) => v.consAddr).sort(compareBytes).map(valcons);
    const all = c.query(path, QuerySigningInfosRequestSchema, QuerySigningInfosResponseSchema, {});
    expect(all.info.map((i) => i.address)).toEqual(sorted);
    expect(all.pagination?.total).toBe(3n);
    const first = c.query(path, QuerySigningInfosRequestSchema, QuerySigningInfosResponseSchema, { pagination: { limit: 2n } });
    expect(first.info.map((i) => i.address)).toEqual(sorted.slice(0, 2));
    const rest = c.query(path, QuerySigningInfosRequestSchema, QuerySigningInfosResponseSchema, { pagination: { key: first.pagination!.nextKey, limit: 2n } });
    expect(rest.info.map((i) => i.address)).toEqual(sorted.slice(2));
    expect(rest.pagination?.nextKey).toEqual(new Uint8Array());
    const offset = c.query(path, QuerySigningInfosRequestSchema, QuerySigningInfosResponseSchema, { pagination: { offset: 1n, limit: 1n, countTotal: true } });
    expect(offset.info.map((i) => i.address)).toEqual([sorted[1]]);
    expect(offset.pagination?.total).toBe(3n);
  });

  it("queries never write", () => {
    const c = chain();
    c.block({ votes: [vote(C, FLAG.absent)] });
    const before = c.dump("slashing");
    c.query("/cosmos.slashing.v1beta1.Query/SigningInfos", QuerySigningInfosRequestSchema, QuerySigningInfosResponseSchema, {});
    c.query("/cosmos.slashing.v1beta1.Query/Params", QueryParamsRequestSchema, QueryParamsResponseSchema, {});
    expect(c.dump("slashing")).toEqual(before);
  });
});

describe("genesis (§3.6)", () => {
  it("mainnet's section round-trips", () => {
    const c = chain({ params: slashingParamsJson(MAINNET_SLASHING_PARAMS), signing_infos: [], missed_blocks: [] });
    const exported = exportSlashingGenesis(c.context(), c.slashing.keeper) as { params: unknown };
    expect(exported.params).toEqual({
      signed_blocks_window: "10000", min_signed_per_window: "0.050000000000000000", downtime_jail_duration: "21600s",
      slash_fraction_double_sign: "0.050000000000000000", slash_fraction_downtime: "0.000200000000000000",
    });
  });

  it("a running chain's state (counters, bitmaps, jail times, tombstone) exports and imports to the same state", () => {
    const c = chain();
    c.block();
    for (let i = 0; i < 4; i++) c.block({ votes: [vote(A, FLAG.commit), vote(B, i % 2 === 0 ? FLAG.absent : FLAG.commit), vote(C, FLAG.absent)] });
    c.run((ctx) => { c.slashing.keeper.jailUntil(ctx, A.consAddr, 1_800_000_000_123_456_789n); c.slashing.keeper.tombstone(ctx, A.consAddr); });
    const exported = exportSlashingGenesis(c.context(), c.slashing.keeper);
    const json = JSON.parse(JSON.stringify(exported)) as unknown;
    const infos = (json as { signing_infos: Array<{ address: string; validator_signing_info: Record<string, unknown> }> }).signing_infos;
    const a = infos.find((i) => i.address === valcons(A.consAddr))!;
    expect(a.validator_signing_info).toEqual({
      address: valcons(A.consAddr), start_height: "0", index_offset: "4", jailed_until: "2027-01-15T08:00:00.123456789Z", tombstoned: true, missed_blocks_counter: "0",
    });
    expect((json as { missed_blocks: unknown[] }).missed_blocks).toContainEqual({
      address: valcons(C.consAddr), missed_blocks: [0, 1, 2, 3].map((i) => ({ index: String(i), missed: true })),
    });
    // A fresh chain from that genesis holds the same slashing state and exports the same JSON.
    const d = chain(json);
    expect(exportSlashingGenesis(d.context(), d.slashing.keeper)).toEqual(exported);
    for (const v of [A, B, C]) {
      expect(d.slashing.keeper.missedBlocks(d.context(), v.consAddr)).toEqual(c.slashing.keeper.missedBlocks(c.context(), v.consAddr));
    }
  });

  it("stores the pubkey relation of validators staking already has", () => {
    const c = chain();
    const fresh = new SlashingChain({ accounts: [] });
    // InitGenesis over c's state: the relations come from staking's validators.
    c.run((ctx) => {
      for (const v of [A, B, C]) c.slashing.keeper.deletePubkey(ctx, v.consAddr);
      c.slashing.module.initGenesis?.(ctx, SHORT);
    });
    for (const v of [A, B, C]) expect(c.slashing.keeper.getPubkey(c.context(), v.consAddr)).toEqual(v.consensusPubKey);
    expect([...fresh.slashing.keeper.signingInfos(fresh.context())]).toEqual([]);
  });

  it.each([
    { name: "an unknown field", g: { ...SHORT, extra: 1 }, error: 'slashing: unknown field "extra"' },
    { name: "a bad signing-info address", g: { ...SHORT, signing_infos: [{ address: "stvaloper1x", validator_signing_info: {} }] }, error: /^slashing\.signing_infos\[0\]\.address: / },
    { name: "a nil decimal", g: { ...SHORT, params: { ...SHORT.params, slash_fraction_downtime: null } }, error: "slashing.params: downtime slash fraction cannot be nil: <nil>" },
    { name: "a zero window", g: { ...SHORT, params: { ...SHORT.params, signed_blocks_window: "0" } }, error: "slashing.params: signed blocks window must be positive: 0" },
    { name: "a bad duration", g: { ...SHORT, params: { ...SHORT.params, downtime_jail_duration: "6 hours" } }, error: /^slashing\.params\.downtime_jail_duration: bad Duration/ },
    { name: "a bad index", g: { ...SHORT, missed_blocks: [{ address: valcons(A.consAddr), missed_blocks: [{ index: "1.5", missed: true }] }] }, error: /missed_blocks\[0\]\.missed_blocks\[0\]\.index/ },
  ])("refuses $name", ({ g, error }) => {
    expect(() => chain(g)).toThrow(GenesisError);
    expect(() => chain(g)).toThrow(error);
  });

  it("encodes the params as the reference's bytes (raw-integer decimals)", () => {
    const c = chain();
    const stored = c.store.getReader("slashing").get(Uint8Array.of(0x00))!;
    expect(stored).toEqual(toBinary(ParamsSchema, create(ParamsSchema, {
      signedBlocksWindow: 10n, minSignedPerWindow: "500000000000000000", downtimeJailDuration: create(DurationSchema, { seconds: 60n, nanos: 0 }),
      slashFractionDoubleSign: "50000000000000000", slashFractionDowntime: "10000000000000000",
    })));
  });
});
