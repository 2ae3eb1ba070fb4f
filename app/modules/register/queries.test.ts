import {
  create, createRegistry, type DescMessage, type DescMethod, fromBinary, getOption, type JsonValue, type MessageInitShape, type MessageShape, toBinary,
} from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ErrPanic, TxError } from "../../baseapp/errors.js";
import { toGoProtoJson } from "../../baseapp/protoJson.js";
import { type QueryContext, QueryError } from "../../baseapp/queryRouter.js";
import { createTestContext } from "../../baseapp/testing.js";
import { PubKeySchema } from "../../codec/cosmos/crypto/ed25519/keys_pb.js";
import { http } from "../../codec/google/api/annotations_pb.js";
import { Query, QueryDepositByNodeResponseSchema, QueryResourceNodeResponseSchema } from "../../codec/stratos/register/v1/query_pb.js";
import { bech32Encode } from "../../crypto/bech32.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import type { Coin } from "../../math/coins.js";
import { fromHex, hexOf } from "../../store/bytes.js";
import { memoryMultiStore } from "../../store/memory.js";
import { accString, sdsString } from "./addresses.js";
import type { AccountsForRegister, BankForRegister, CommunityPoolForRegister } from "./expected.js";
import { POOL, RegisterKeeper } from "./keeper.js";
import { BondStatus } from "./logic/bondStatus.js";
import { utcTime } from "./logic/time.js";
import { DEFAULT_REGISTER_PARAMS } from "./params.js";
import { grpcMethodPath } from "../../baseapp/grpcQuery.js";
import { registerQueryHandlers } from "./queries.js";
import { EMPTY_DESCRIPTION, type MetaNode, type ResourceNode } from "./types.js";

const STOS = 10n ** 18n;
const Q = Query.method;

/** Only `getBalance` is read by queries; balances are set directly. */
class FakeBank implements BankForRegister {
  private readonly balances = new Map<string, bigint>();
  set(address: Uint8Array, denom: string, amount: bigint): void {
    this.balances.set(`${hexOf(address)}/${denom}`, amount);
  }
  getBalance(_ctx: unknown, address: Uint8Array, denom: string): Coin {
    return { denom, amount: this.balances.get(`${hexOf(address)}/${denom}`) ?? 0n };
  }
  sendCoinsFromAccountToModule(): void {
    throw new Error("queries do not send");
  }
  sendCoinsFromModuleToModule(): void {
    throw new Error("queries do not send");
  }
  sendCoinsFromModuleToAccount(): void {
    throw new Error("queries do not send");
  }
}

const accounts: AccountsForRegister = { getModuleAddress: (name) => moduleAddress(name), hasAccount: () => true };
const communityPool: CommunityPoolForRegister = {
  fundCommunityPool() {
    throw new Error("queries do not fund");
  },
};

const bytes20 = (b: number): Uint8Array => new Uint8Array(20).fill(b);
// Genesis G / state P names (spec-register §11): RESi, METAi and their owners as 20-byte patterns.
const RES = [1, 2, 3, 4, 5].map((i) => bytes20(0x10 + i));
const OWN_RES = [1, 2, 3, 4, 5].map((i) => bytes20(0x30 + i));
const META = [1, 2, 3].map((i) => bytes20(0x20 + i));
const OWN_META = [1, 2, 3].map((i) => bytes20(0x40 + i));
const GENESIS_TIME = utcTime(2021, 9, 24, 14, 37, 13);

function resourceNode(addr: Uint8Array, owner: Uint8Array, over: Partial<ResourceNode> = {}): ResourceNode {
  return {
    networkAddress: sdsString(addr), pubKey: undefined, suspend: false, status: BondStatus.Bonded, tokens: STOS,
    ownerAddress: accString(owner), description: EMPTY_DESCRIPTION, creationTime: GENESIS_TIME, nodeType: 4,
    effectiveTokens: STOS, beneficiaryAddress: accString(owner), ...over,
  };
}

function metaNode(addr: Uint8Array, owner: Uint8Array, over: Partial<MetaNode> = {}): MetaNode {
  return {
    networkAddress: sdsString(addr), pubKey: undefined, suspend: false, status: BondStatus.Bonded, tokens: STOS,
    ownerAddress: accString(owner), description: EMPTY_DESCRIPTION, creationTime: GENESIS_TIME, beneficiaryAddress: accString(owner), ...over,
  };
}

/** State P after R6 step 1 (RES2 removed at height 1000, maturing 2024-06-15), set through the keeper's setters. */
function setup() {
  const store = memoryMultiStore();
  const ctx = createTestContext({ store });
  const bank = new FakeBank();
  const keeper = new RegisterKeeper({ bank, accounts, communityPool, authority: accString(moduleAddress("gov")), referenceQuirks: false });
  keeper.setParams(ctx, DEFAULT_REGISTER_PARAMS);
  RES.forEach((addr, i) => {
    keeper.setResourceNode(ctx, addr, resourceNode(addr, OWN_RES[i]!, i === 1 ? { status: BondStatus.Unbonding } : {}));
  });
  META.forEach((addr, i) => keeper.setMetaNode(ctx, addr, metaNode(addr, OWN_META[i]!)));
  keeper.setUnbondingNode(ctx, RES[1]!, {
    networkAddr: sdsString(RES[1]!), isMetaNode: false,
    entries: [{ creationHeight: 1000n, completionTime: utcTime(2024, 6, 15), initialBalance: STOS, balance: STOS }],
  });
  bank.set(moduleAddress(POOL.resourceBonded), "wei", 4n * STOS);
  bank.set(moduleAddress(POOL.resourceNotBonded), "wei", STOS);
  bank.set(moduleAddress(POOL.metaBonded), "wei", 3n * STOS);
  keeper.setBondedResourceNodeCount(ctx, 4n);
  keeper.setBondedMetaNodeCount(ctx, 3n);
  keeper.setRemainingOzoneLimit(ctx, 2_285_714_285_715n);

  const handlers = registerQueryHandlers(keeper);
  const qctx: QueryContext = { height: 1, chainId: "stratos-test-1", store, kv: (n) => store.getReader(n) };
  /** The raw handler: request bytes in, response bytes out. */
  const raw = (method: DescMethod, request: Uint8Array): Uint8Array => {
    const answer = handlers[grpcMethodPath(method)]!(qctx, request);
    if (!(answer instanceof Uint8Array)) throw new Error("async answer");
    return answer;
  };
  const call = <I extends DescMessage, O extends DescMessage>(method: DescMethod & { input: I; output: O }, request: MessageInitShape<I>): MessageShape<O> =>
    fromBinary(method.output, raw(method, toBinary(method.input, create(method.input, request))));
  return { ctx, keeper, bank, raw, call };
}

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

const coinOf = (c: { denom: string; amount: string } | undefined): string => (c === undefined ? "<nil>" : `${c.amount}${c.denom}`);

describe("register queries: R6 step 1 (spec-register §11)", () => {
  const { call, raw } = setup();

  it("DepositTotal = {resource 5e18, meta 3e18, bonded 7e18, unbonded 0, unbonding 1e18} from the pool balances", () => {
    const r = call(Q.depositTotal, {});
    expect([r.resourceNodesTotalDeposit, r.metaNodesTotalDeposit, r.totalBondedDeposit, r.totalUnbondedDeposit, r.totalUnbondingDeposit].map(coinOf))
      .toEqual(["5000000000000000000wei", "3000000000000000000wei", "7000000000000000000wei", "0wei", "1000000000000000000wei"]);
  });

  it("DepositByNode(RES2, 2): UNBONDING, tokens 1e18, un_bonding_deposit 1e18wei, the other two 0wei", () => {
    const info = call(Q.depositByNode, { networkAddr: sdsString(RES[1]!), queryType: 2 }).depositInfo!;
    expect(info.status).toBe(BondStatus.Unbonding);
    expect(info.tokens).toBe("1000000000000000000");
    expect(coinOf(info.unBondingDeposit)).toBe("1000000000000000000wei");
    expect(coinOf(info.bondedDeposit)).toBe("0wei");
    expect(coinOf(info.unBondedDeposit)).toBe("0wei");
    expect([info.networkAddress, info.ownerAddress, info.nodeType]).toEqual([sdsString(RES[1]!), accString(OWN_RES[1]!), 4]);
  });

  it("BondedResourceNodeCount = 4, BondedMetaNodeCount = 3, RemainingOzoneLimit = Lt", () => {
    expect(call(Q.bondedResourceNodeCount, {}).number).toBe(4n);
    expect(call(Q.bondedMetaNodeCount, {}).number).toBe(3n);
    expect(call(Q.remainingOzoneLimit, {}).ozoneLimit).toBe("2285714285715");
  });

  it("Params: the default params, bytes as R1's 0x20 value inside field 1", () => {
    expect(hexOf(raw(Q.params, new Uint8Array()))).toBe(
      "0a38" + "0a03776569120508809cb5071a040880ea4920102801321a0a037765691213313030303030303030303030303030303030303a040880f524");
  });

  it("DepositByNode query_type: 1 = meta only, 0 = both, 3 = none; a meta node has node_type 0", () => {
    const empty = call(Q.depositByNode, { networkAddr: sdsString(RES[1]!), queryType: 1 }).depositInfo!;
    expect(empty.status).toBe(BondStatus.Unspecified);
    expect(call(Q.depositByNode, { networkAddr: sdsString(RES[0]!), queryType: 3 }).depositInfo!.networkAddress).toBe("");
    expect(call(Q.depositByNode, { networkAddr: sdsString(RES[0]!), queryType: 0 }).depositInfo!.networkAddress).toBe(sdsString(RES[0]!));
    const meta = call(Q.depositByNode, { networkAddr: sdsString(META[0]!), queryType: 0 }).depositInfo!;
    expect([meta.nodeType, coinOf(meta.bondedDeposit), coinOf(meta.unBondedDeposit)]).toEqual([0, "1000000000000000000wei", "0wei"]);
  });

  it("DepositByNode type 0 with a meta and a resource node at one address: the resource node wins", () => {
    const { ctx, keeper, call } = setup();
    keeper.setMetaNode(ctx, RES[0]!, metaNode(RES[0]!, OWN_META[0]!, { status: BondStatus.Unbonded }));
    const info = call(Q.depositByNode, { networkAddr: sdsString(RES[0]!), queryType: 0 }).depositInfo!;
    expect([info.ownerAddress, info.nodeType, coinOf(info.bondedDeposit)]).toEqual([accString(OWN_RES[0]!), 4, "1000000000000000000wei"]);
    const metaOnly = call(Q.depositByNode, { networkAddr: sdsString(RES[0]!), queryType: 1 }).depositInfo!;
    expect([metaOnly.ownerAddress, coinOf(metaOnly.unBondedDeposit), coinOf(metaOnly.bondedDeposit)]).toEqual([accString(OWN_META[0]!), "1000000000000000000wei", "0wei"]);
  });

  it("DepositByOwner(OWN_RES2): the UNBONDING node; total = returned", () => {
    const r = call(Q.depositByOwner, { ownerAddr: accString(OWN_RES[1]!) });
    expect(r.depositInfos.map((d) => [d.networkAddress, coinOf(d.unBondingDeposit)])).toEqual([[sdsString(RES[1]!), "1000000000000000000wei"]]);
    expect(r.pagination?.total).toBe(1n);
    expect(r.pagination?.nextKey).toEqual(new Uint8Array());
  });
});

describe("register queries: a not-found DepositByNode is Go's zero DepositInfo (§6)", () => {
  const { raw } = setup();
  const request = toBinary(Q.depositByNode.input, create(Q.depositByNode.input, { networkAddr: sdsString(bytes20(0x99)), queryType: 0 }));

  it("bytes: non-nullable tokens, description, creation time and coins are encoded (gogoproto)", () => {
    expect(hexOf(raw(Q.depositByNode, request))).toBe("0a212a01303a00420b088092b8c398feffffff0152031201305a031201306203120130");
  });

  it("gateway JSON", () => {
    const json = toGoProtoJson(QueryDepositByNodeResponseSchema, fromBinary(QueryDepositByNodeResponseSchema, raw(Q.depositByNode, request)));
    expect(JSON.stringify(json)).toBe(
      '{"deposit_info":{"network_address":"","pubkey":null,"suspend":false,"status":"BOND_STATUS_UNSPECIFIED","tokens":"0",' +
        '"owner_address":"","description":{"moniker":"","identity":"","website":"","security_contact":"","details":""},' +
        '"creation_time":"0001-01-01T00:00:00Z","node_type":0,"bonded_deposit":{"denom":"","amount":"0"},' +
        '"un_bonding_deposit":{"denom":"","amount":"0"},"un_bonded_deposit":{"denom":"","amount":"0"}}}',
    );
  });
});

describe("register queries: R12 ResourceNode (spec-register §11)", () => {
  const { ctx, keeper, raw } = setup();
  const addr = fromHex("72cd6e8422c407fb6d098690f1130b7ded7ec2f7");
  const owner = bytes20(0xb1);
  keeper.setResourceNode(ctx, addr, {
    networkAddress: "stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa",
    pubKey: { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: fromHex("0a20" + "01".repeat(32)) },
    suspend: true, status: BondStatus.Bonded, tokens: 2n * STOS, ownerAddress: "st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp",
    description: { ...EMPTY_DESCRIPTION, moniker: "res6" }, creationTime: utcTime(2024, 6, 1), nodeType: 4, effectiveTokens: 0n,
    beneficiaryAddress: accString(owner),
  });
  const answer = raw(Q.resourceNode, toBinary(Q.resourceNode.input, create(Q.resourceNode.input, { networkAddr: "stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa" })));

  // The spec's hex has one "30" too many in field 5 (2a13 announces 19 bytes of "2000000000000000000" but
  // 20 follow, making the body 248 bytes against its own f701 = 247); the 19-byte form is used here.
  it("response bytes = field 1 around the stored record's body", () => {
    const body =
      "0a2c7374736473317774786b6170707a6373726c6b6d6766733667307a79637430686b6861736868766b6b647161" +
      "12430a1d2f636f736d6f732e63727970746f2e656432353531392e5075624b657912220a20" + "01".repeat(32) +
      "1801" + "2003" + "2a13" + "32" + "30".repeat(18) +
      "32297374316b78636d727664336b78636d727664336b78636d727664336b78636d72766433763332776470" +
      "3a060a0472657336" + "42060880c9e9b206" + "4804" + "520130" +
      "5a297374316b78636d727664336b78636d727664336b78636d727664336b78636d72766433763332776470";
    expect(hexOf(answer)).toBe("0af701" + body);
  });

  const R12_JSON =
    '{"node":{"network_address":"stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa","pubkey":{"@type":"/cosmos.crypto.ed25519.PubKey","key":"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="},"suspend":true,"status":"BOND_STATUS_BONDED","tokens":"2000000000000000000","owner_address":"st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp","description":{"moniker":"res6","identity":"","website":"","security_contact":"","details":""},"creation_time":"2024-06-01T00:00:00Z","node_type":4,"effective_tokens":"0","beneficiary_address":"st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp"}}';
  const gatewayJson = (): JsonValue =>
    toGoProtoJson(QueryResourceNodeResponseSchema, fromBinary(QueryResourceNodeResponseSchema, answer), createRegistry(PubKeySchema));

  it("gateway JSON byte for byte (an Any's @type first, as Go's jsonpb writes it)", () => {
    expect(JSON.stringify(gatewayJson())).toBe(R12_JSON);
  });
});

describe("register queries: errors (reference texts and kinds)", () => {
  const { ctx, keeper, call, raw } = setup();
  const BAD_STATUS = bytes20(0x77);
  const BAD_OWNER = bytes20(0x78);
  keeper.setResourceNode(ctx, BAD_STATUS, resourceNode(BAD_STATUS, BAD_OWNER, { status: BondStatus.Unspecified }));
  const emptyPayloadSds = bech32Encode("stsds", new Uint8Array());
  const absent = sdsString(bytes20(0x99));
  const invalidStatus = `Invalid status of node ${sdsString(BAD_STATUS)}, expected Bonded, Unbonded, or Unbonding, got BOND_STATUS_UNSPECIFIED: panic`;

  // gRPC status errors (QueryError): code and desc.
  it.each([
    { name: "ResourceNode: empty address (sic, leading space, capital N)", f: () => call(Q.resourceNode, { networkAddr: "" }),
      code: "InvalidArgument", desc: " Network address cannot be empty" },
    { name: "MetaNode: empty address (sic, leading space)", f: () => call(Q.metaNode, { networkAddr: "" }),
      code: "InvalidArgument", desc: " network address cannot be empty" },
    { name: "DepositByNode: empty address", f: () => call(Q.depositByNode, { networkAddr: "", queryType: 2 }),
      code: "InvalidArgument", desc: "node network address cannot be empty" },
    { name: "DepositByOwner: empty owner", f: () => call(Q.depositByOwner, { ownerAddr: "" }),
      code: "InvalidArgument", desc: "owner address cannot be empty" },
    { name: "ResourceNode: not stored", f: () => call(Q.resourceNode, { networkAddr: absent }),
      code: "NotFound", desc: `network address ${absent} not found` },
    { name: "MetaNode: not stored (a resource node at the address does not count)", f: () => call(Q.metaNode, { networkAddr: sdsString(RES[0]!) }),
      code: "NotFound", desc: `network address ${sdsString(RES[0]!)} not found` },
    { name: "DepositByOwner: a node with status UNSPECIFIED is an Internal error", f: () => call(Q.depositByOwner, { ownerAddr: accString(BAD_OWNER) }),
      code: "Internal", desc: invalidStatus },
    { name: "DepositByOwner: offset and key", f: () => call(Q.depositByOwner, { ownerAddr: accString(OWN_RES[0]!), pagination: { key: Uint8Array.of(1), offset: 1n } }),
      code: "Internal", desc: "invalid request, either offset or key is expected, got both" },
    { name: "DepositByOwner: offset and an empty key present on the wire", code: "Internal", desc: "invalid request, either offset or key is expected, got both",
      f: () => raw(Q.depositByOwner, Uint8Array.of(...toBinary(Q.depositByOwner.input, create(Q.depositByOwner.input, { ownerAddr: accString(OWN_RES[0]!) })), 0x12, 0x04, 0x0a, 0x00, 0x10, 0x01)) },
  ])("$name", ({ f, code, desc }) => {
    const e = caught(f);
    expect(e).toBeInstanceOf(QueryError);
    expect([(e as QueryError).grpcCode, (e as QueryError).desc]).toEqual([code, desc]);
  });

  // The raw parse error, returned as is (gRPC Unknown): a plain Go error.
  it.each([
    { name: "ResourceNode: not bech32", f: () => call(Q.resourceNode, { networkAddr: "bad" }), text: "decoding bech32 failed: invalid bech32 string length 3" },
    { name: "MetaNode: an account address", f: () => call(Q.metaNode, { networkAddr: accString(OWN_META[0]!) }), text: "invalid Bech32 prefix; expected stsds, got st" },
    { name: "DepositByNode: blank", f: () => call(Q.depositByNode, { networkAddr: "  " }), text: "empty address string is not allowed" },
    { name: "DepositByOwner: a node address", f: () => call(Q.depositByOwner, { ownerAddr: sdsString(RES[0]!) }), text: "invalid Bech32 prefix; expected st, got stsds" },
  ])("$name", ({ f, text }) => {
    const e = caught(f);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(QueryError);
    expect(e).not.toBeInstanceOf(TxError);
    expect((e as Error).message).toBe(text);
  });

  it("an empty payload is the SDK's registered ErrUnknownAddress (sdk 9)", () => {
    const e = caught(() => call(Q.resourceNode, { networkAddr: emptyPayloadSds }));
    expect(e).toBeInstanceOf(TxError);
    expect([(e as TxError).codespace, (e as TxError).code, (e as TxError).message]).toEqual(["sdk", 9, "addresses cannot be empty: unknown address"]);
  });

  it("DepositByNode: a node with status UNSPECIFIED returns the wrapped ErrPanic", () => {
    const e = caught(() => call(Q.depositByNode, { networkAddr: sdsString(BAD_STATUS), queryType: 0 }));
    expect(ErrPanic.is(e)).toBe(true);
    expect((e as TxError).message).toBe(invalidStatus);
  });
});

describe("register queries: DepositByOwner through the handler", () => {
  const { ctx, keeper, call } = setup();
  const OWNER = bytes20(0x55);
  const nodes = [0x61, 0x62, 0x63].map((b) => bytes20(b));
  for (const n of nodes) keeper.setResourceNode(ctx, n, resourceNode(n, OWNER));
  const meta = bytes20(0x64);
  keeper.setMetaNode(ctx, meta, metaNode(meta, OWNER, { status: BondStatus.Unbonded }));
  const names = (r: { depositInfos: { networkAddress: string }[] }): string[] => r.depositInfos.map((d) => d.networkAddress);

  it("no pagination: resource nodes then meta nodes in key order", () => {
    const r = call(Q.depositByOwner, { ownerAddr: accString(OWNER) });
    expect(names(r)).toEqual([...nodes, meta].map(sdsString));
    expect(r.depositInfos.map((d) => coinOf(d.unBondedDeposit))).toEqual(["0wei", "0wei", "0wei", "1000000000000000000wei"]);
    expect(r.pagination?.total).toBe(4n);
  });

  it("limit 2: two resource nodes, then the meta node (QUIRK), next_key = the third resource node's address", () => {
    const r = call(Q.depositByOwner, { ownerAddr: accString(OWNER), pagination: { limit: 2n } });
    expect(names(r)).toEqual([nodes[0]!, nodes[1]!, meta].map(sdsString));
    expect(r.pagination?.nextKey).toEqual(nodes[2]);
    expect(r.pagination?.total).toBe(3n);
  });

  it("key mode from the next key", () => {
    const r = call(Q.depositByOwner, { ownerAddr: accString(OWNER), pagination: { key: nodes[2]!, limit: 2n } });
    expect(names(r)).toEqual([nodes[2]!, meta].map(sdsString));
  });
});

describe("register queries: REST gateway table derivable from the descriptors", () => {
  // spec-register §6, REST path column.
  const REST: Record<string, string> = {
    ResourceNode: "/stratos/register/v1/resource_node/{network_addr}",
    MetaNode: "/stratos/register/v1/meta_node/{network_addr}",
    Params: "/stratos/register/v1/params",
    DepositByNode: "/stratos/register/v1/deposit_by_node/{network_addr}/{query_type}",
    DepositByOwner: "/stratos/register/v1/deposit_by_owner/{owner_addr}",
    DepositTotal: "/stratos/register/v1/deposit_total",
    BondedResourceNodeCount: "/stratos/register/v1/resource_node_count",
    BondedMetaNodeCount: "/stratos/register/v1/meta_node_count",
    RemainingOzoneLimit: "/stratos/register/v1/remaining_ozone_limit",
  };

  it("each method's google.api.http GET path is §6's, and each has a handler at its gRPC path", () => {
    const handlers = Object.keys(registerQueryHandlers(setup().keeper)).sort();
    const fromDescriptors = Object.fromEntries(Query.methods.map((m) => {
      const rule = getOption(m, http);
      return [m.name, rule.pattern.case === "get" ? rule.pattern.value : `<${String(rule.pattern.case)}>`];
    }));
    expect(fromDescriptors).toEqual(REST);
    expect(handlers).toEqual(Query.methods.map((m) => `/stratos.register.v1.Query/${m.name}`).sort());
  });
});
