/**
 * spec-sds §11 TV A (prepay) and TV F (file uploads) through real signed transactions on the whole app
 * in-process (TestApp), plus the message error paths of §4. The devnet version is test/sds.test.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  QueryFileUploadRequestSchema, QueryFileUploadResponseSchema, QueryNozPriceResponseSchema, QueryNozSupplyResponseSchema,
  QuerySimPrepayRequestSchema, QuerySimPrepayResponseSchema,
} from "../../codec/stratos/sds/v1/query_pb.js";
import { MsgFileUploadSchema, MsgPrepaySchema } from "../../codec/stratos/sds/v1/tx_pb.js";
import { MsgCreateResourceNodeSchema, MsgRemoveMetaNodeSchema } from "../../codec/stratos/register/v1/tx_pb.js";
import { toGoProtoJson } from "../../baseapp/protoJson.js";
import { Dec } from "../../math/dec.js";
import { POOL } from "../register/keeper.js";
import { BondStatus } from "../register/logic/bondStatus.js";
import { metaNodeBitmapIndex, reporterIndexes } from "./logic/reporterBitmap.js";
import { actionEvent, anyMsg, ed25519Any, eventAttributes, genesisG, G_OWNERS, q, Scenario, STOS, T } from "../register/testkit.js";

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

async function start(options: Parameters<typeof Scenario.create>[0]): Promise<Scenario> {
  scenario = await Scenario.create(options);
  return scenario;
}

function expectOk(r: { code: number; log: string }): void {
  expect(r.code === 0 ? 0 : `${r.code}: ${r.log}`).toBe(0);
}

const prepay = (s: Scenario, sender: string, coins: Array<{ denom: string; amount: bigint }>, beneficiary = sender) =>
  anyMsg(MsgPrepaySchema, { sender: s.address(sender), beneficiary: s.address(beneficiary), amount: coins.map((c) => ({ denom: c.denom, amount: c.amount.toString() })) });

function nozPrice(s: Scenario): string {
  return Dec.fromProtoString(fromBinary(QueryNozPriceResponseSchema, s.app.query("/stratos.sds.v1.Query/NozPrice", new Uint8Array())).price).toString();
}

function nozSupply(s: Scenario): { remaining: string; total: string } {
  const r = fromBinary(QueryNozSupplyResponseSchema, s.app.query("/stratos.sds.v1.Query/NozSupply", new Uint8Array()));
  return { remaining: r.remaining, total: r.total };
}

function simPrepay(s: Scenario, amount: string): string {
  const req = toBinary(QuerySimPrepayRequestSchema, create(QuerySimPrepayRequestSchema, { amount }));
  return fromBinary(QuerySimPrepayResponseSchema, s.app.query("/stratos.sds.v1.Query/SimPrepay", req)).noz;
}

/** TV A's genesis: Genesis G, fresh (owners pay at InitGenesis), plus the prepaying wallets. */
const tvA = () => ({ balances: { ...G_OWNERS, RES1: 100n * STOS, W2: 100n * STOS, W3: 10n * STOS, POOR: STOS }, nodes: genesisG, otherCoins: { W3: { foo: 5n } } });

describe("TV A: prepay on a fresh network", () => {
  it("A0–A4: prices, supply, purchases with the exact rounding, dust and foreign denoms", async () => {
    const s = await start(tvA());
    expect(s.register.ozoneState(s.read)).toEqual({ s: 8n * STOS, lt: 8_000_000_000_000n });
    expect(nozPrice(s)).toBe("1000000.000000000000000000");
    expect(nozSupply(s)).toEqual({ remaining: "8000000000000", total: "8000000000000" });
    expect(simPrepay(s, "20stos")).toBe("5714285714285");
    expect(simPrepay(s, "1.5stos")).toBe("1263157894736");

    // A1: 20 STOS → 5 714 285 714 285 noz.
    const before = s.balance("RES1");
    const a1 = await s.tx("RES1", [prepay(s, "RES1", [{ denom: "wei", amount: 20n * STOS }])], T);
    expectOk(a1);
    expect(eventAttributes(a1.events, "stratos.sds.v1.EventPrePay")).toEqual({
      amount: q("20000000000000000000wei"), beneficiary: q(s.address("RES1")), purchased_noz: q("5714285714285"), sender: q(s.address("RES1")),
    });
    expect(actionEvent(a1.events)).toMatchObject({ action: "/stratos.sds.v1.MsgPrepay", module: "sds" });
    expect(s.register.poolBalance(s.read, POOL.totalUnissuedPrepay)).toBe(20n * STOS);
    expect(s.register.getRemainingOzoneLimit(s.read)).toBe(2_285_714_285_715n);
    expect(before - s.balance("RES1")).toBeGreaterThan(20n * STOS); // the fee on top
    expect(nozPrice(s)).toBe("12249999.999996171875000001");
    expect(nozSupply(s)).toEqual({ remaining: "2285714285715", total: "8000000000000" });

    // A2: another wallet, 10 STOS → 601 503 759 398 noz.
    const a2 = await s.tx("W2", [prepay(s, "W2", [{ denom: "wei", amount: 10n * STOS }])], T + 5n);
    expectOk(a2);
    expect(eventAttributes(a2.events, "stratos.sds.v1.EventPrePay")?.purchased_noz).toBe(q("601503759398"));
    expect(s.register.getRemainingOzoneLimit(s.read)).toBe(1_684_210_526_317n);
    expect(s.register.poolBalance(s.read, POOL.totalUnissuedPrepay)).toBe(30n * STOS);
    expect(nozPrice(s)).toBe("22562499.999983783203125012");

    // A3: dust: 1 wei buys nothing, but the wei is taken.
    const a3 = await s.tx("W2", [prepay(s, "W2", [{ denom: "wei", amount: 1n }])], T + 10n);
    expectOk(a3);
    expect(eventAttributes(a3.events, "stratos.sds.v1.EventPrePay")?.purchased_noz).toBe(q("0"));
    expect(s.register.poolBalance(s.read, POOL.totalUnissuedPrepay)).toBe(30n * STOS + 1n);
    expect(s.register.getRemainingOzoneLimit(s.read)).toBe(1_684_210_526_317n);

    // A4: only a foreign denom: nothing moves, the event still reports it.
    const a4 = await s.tx("W3", [prepay(s, "W3", [{ denom: "foo", amount: 5n }])], T + 15n);
    expectOk(a4);
    expect(eventAttributes(a4.events, "stratos.sds.v1.EventPrePay")).toMatchObject({ amount: q("5foo"), purchased_noz: q("0") });
    expect(s.app.balance(s.address("W3"), "foo")).toBe(5n);
    expect(s.register.poolBalance(s.read, POOL.totalUnissuedPrepay)).toBe(30n * STOS + 1n);
  });

  it("A5: more than the balance fails with sds 10 and changes nothing but fee and sequence", async () => {
    const s = await start(tvA());
    const r = await s.tx("POOR", [prepay(s, "POOR", [{ denom: "wei", amount: 2n * STOS }])], T);
    expect([r.codespace, r.code]).toEqual(["sds", 10]);
    expect(r.log).toBe(`failed to execute message; message index: 0: Insufficient balance in the acc ${s.address("POOR")}: insufficient funds: failure during prepay`);
    expect(s.register.getRemainingOzoneLimit(s.read)).toBe(8_000_000_000_000n);
    expect(s.register.poolBalance(s.read, POOL.totalUnissuedPrepay)).toBe(0n);
  });

  it.each([
    { name: "no coins", coins: [], code: 10, codespace: "sdk", log: "missing amount to send: invalid coins" },
    { name: "zero amount", coins: [{ denom: "wei", amount: 0n }], code: 10, codespace: "sdk", log: "missing amount to send: invalid coins" },
    { name: "unsorted coins (R: validated)", coins: [{ denom: "wei", amount: 1n }, { denom: "foo", amount: 1n }], code: 10, codespace: "sdk", log: "1wei,1foo: denomination foo is not sorted: invalid coins" },
    { name: "duplicate denoms", coins: [{ denom: "wei", amount: 1n }, { denom: "wei", amount: 1n }], code: 10, codespace: "sdk", log: "1wei,1wei: duplicate denomination wei: invalid coins" },
    { name: "invalid denom", coins: [{ denom: "w", amount: 1n }], code: 10, codespace: "sdk", log: "1w: invalid denom: w: invalid coins" },
  ])("ValidateBasic refuses $name", async ({ coins, code, codespace, log }) => {
    const s = await start(tvA());
    const r = await s.tx("RES1", [prepay(s, "RES1", coins)], T);
    expect([r.codespace, r.code, r.log]).toEqual([codespace, code, log]);
  });

  it("bad sender / beneficiary addresses: sds 12 and 13", async () => {
    const s = await start(tvA());
    const bad = anyMsg(MsgPrepaySchema, { sender: s.address("RES1"), beneficiary: "st1invalid", amount: [{ denom: "wei", amount: "1" }] });
    const r = await s.tx("RES1", [bad], T);
    expect([r.codespace, r.code, r.log]).toEqual(["sds", 13, "invalid beneficiary address"]);
  });
});

// TV F: the file hash of "hello" (keccak-256/20, codec 0x66, base32hex), and two uploaders.
const H = "v05j1m50shbvpa1k5obmkngon9sq74a3rarcl2uo";
const U1 = "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv";
const U2 = "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9";
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

describe("TV F: file upload records", () => {
  /** META1…3 as M_a < M_b < M_c by bech32 string. */
  function sortedMetas(s: Scenario): [string, string, string] {
    const names = ["META1", "META2", "META3"].sort((x, y) => (s.net(x) < s.net(y) ? -1 : 1));
    return [names[0]!, names[1]!, names[2]!];
  }

  const upload = (s: Scenario, reporter: string, uploader: string, fileHash = H, from = reporter) =>
    anyMsg(MsgFileUploadSchema, { fileHash, from: s.address(from), reporter: s.net(reporter), uploader });

  async function toHeight(s: Scenario, height: bigint): Promise<void> {
    while (s.app.nextHeight < height) await s.emptyBlock(T - 1000n + s.app.nextHeight);
  }

  it("F1–F6: store key and value hex, reporters bitmap, last-writer height/uploader, errors, params", async () => {
    const s = await start({ balances: G_OWNERS, nodes: genesisG });
    const [ma, mb, mc] = sortedMetas(s);
    await toHeight(s, 100n);
    const f1 = await s.tx(ma, [upload(s, ma, U1)], T);
    expectOk(f1);
    const key = new TextEncoder().encode(H);
    expect(hex(Uint8Array.of(0x01, ...key))).toBe("017630356a316d3530736862767061316b356f626d6b6e676f6e39737137346133726172636c32756f");
    const stored = s.read.kv("sds").get(Uint8Array.of(0x01, ...key))!;
    expect(hex(stored)).toBe("3a" + "0a03313030" + "12080100000000000000" + "1a29737431306530353235736672663533796832616c6a6d6d33736e396a71356e6a6b376c636463357076");
    expect(eventAttributes(f1.events, "stratos.sds.v1.EventFileUpload")).toEqual({
      file_hash: q(H), reporter: q(s.net(ma)), sender: q(s.address(ma)), uploader: q(U1),
    });
    const query = (fileHash: string) => s.app.query("/stratos.sds.v1.Query/Fileupload", toBinary(QueryFileUploadRequestSchema, create(QueryFileUploadRequestSchema, { fileHash })));
    expect(JSON.stringify(toGoProtoJson(QueryFileUploadResponseSchema, fromBinary(QueryFileUploadResponseSchema, query(H))))).toBe(
      `{"file_info":{"height":"100","reporters":"AQAAAAAAAAA=","uploader":"${U1}"}}`,
    );

    await toHeight(s, 105n);
    expectOk(await s.tx(mc, [upload(s, mc, U2)], T + 10n));
    expect(hex(s.read.kv("sds").get(Uint8Array.of(0x01, ...key))!)).toBe(
      "3a" + "0a03313035" + "12080500000000000000" + "1a2973743177353038643671656a7874646734793572337a6172766172793063357877376b787372677739",
    );

    // F3: the owner of M_b cannot report as M_a.
    const f3 = await s.tx(mb, [upload(s, ma, U1, H, mb)], T + 15n);
    expect([f3.codespace, f3.code, f3.log]).toEqual(["sds", 11, "failed to execute message; message index: 0: invalid reporter address or owner address"]);

    // F4: the CLI help's example hash is not a CID; a CIDv0 is.
    const f4 = await s.tx(ma, [upload(s, ma, U1, "c03661732294feb49caf6dc16c7cbb2534986d73")], T + 20n);
    expect([f4.codespace, f4.code, f4.log]).toEqual(["sds", 7, "failed to validate file hash: invalid file hash"]);
    expectOk(await s.tx(ma, [upload(s, ma, U1, "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG")], T + 25n));

    // F5: a valid unknown CID → the handler's ErrNoFileFound (sds 8), which the SDK's ABCI query path
    // reports as unknown request (sdk 6) with its text; an empty hash → InvalidArgument.
    expect(() => query("bafkqaaa")).toThrow("code 6 (sdk): file does not exist: unknown request");
    expect(() => query("")).toThrow(/Network address cannot be empty/);

    // F6: params as stored.
    expect(hex(s.read.kv("sds").get(Uint8Array.of(0x20))!)).toBe("0a03776569");
  });

  it("the bitmap index follows the active meta nodes: a removed reporter sets bit 0 and the others move up", async () => {
    const s = await start({ balances: G_OWNERS, nodes: genesisG });
    const [ma, mb, mc] = sortedMetas(s);
    const H2 = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    const bitsOf = (fileHash: string): number[] =>
      reporterIndexes(s.app.parts.keepers.sds.getFileInfo(s.read, new TextEncoder().encode(fileHash))!.reporters);
    const remove = anyMsg(MsgRemoveMetaNodeSchema, { metaNodeAddress: s.net(mb), ownerAddress: s.address(mb) });
    expectOk(await s.tx(mb, [remove], T));
    expect(s.register.getMetaNode(s.read, s.netBytes(mb))?.status).toBe(BondStatus.Unbonding);
    // M_b is no longer active: M_c moves from bit 2 to bit 1, and M_b's own report (its owner still
    // owns it, §10 item 3) lands on bit 0 like the reference's failed lookup, as M_a's does.
    expectOk(await s.tx(mc, [upload(s, mc, U1)], T + 5n));
    expect(bitsOf(H)).toEqual([1]);
    expectOk(await s.tx(mb, [upload(s, mb, U1, H2)], T + 10n));
    expect(bitsOf(H2)).toEqual([0]);
    expectOk(await s.tx(ma, [upload(s, ma, U1, H2)], T + 15n));
    expect(bitsOf(H2)).toEqual([0]);
    // register's index answers exactly the pure rule over every meta-node record.
    const records = [...s.register.metaNodes(s.read)].map((m) => m.value);
    for (const name of [ma, mb, mc]) {
      expect(s.register.activeMetaNodePosition(s.read, s.net(name))).toEqual(metaNodeBitmapIndex(s.net(name), records));
    }
  });

  it("ValidateBasic errors: bad from, reporter and uploader addresses (sdk 7)", async () => {
    const s = await start({ balances: G_OWNERS, nodes: genesisG });
    const cases: Array<[Partial<{ from: string; reporter: string; uploader: string }>, string]> = [
      [{ from: "st1xyz" }, "failed to validate from address: invalid address"],
      [{ reporter: s.address("META1") }, "failed to parse reporter address: invalid address"],
      [{ uploader: s.net("META1") }, "failed to parse uploader address: invalid address"],
    ];
    let t = T;
    for (const [over, log] of cases) {
      const msg = anyMsg(MsgFileUploadSchema, { fileHash: H, from: s.address("META1"), reporter: s.net("META1"), uploader: U1, ...over });
      const r = await s.tx("META1", [msg], (t += 5n));
      expect([r.codespace, r.code, r.log]).toEqual(["sdk", 7, log]);
    }
  });

  it("a relayd-size batch: 250 MsgFileUpload from several reporters in one tx; one bad message fails them all", async () => {
    const s = await start({ balances: G_OWNERS, nodes: genesisG });
    // 250 distinct CIDv1 (raw codec, a 2-byte identity multihash) in base16.
    const cids = Array.from({ length: 250 }, (_, i) => "f" + Buffer.from([0x01, 0x55, 0x00, 0x02, i & 0xff, i >> 8]).toString("hex"));
    const msgs = cids.map((h) => upload(s, "META1", U1, h));
    const r = await s.tx("META1", msgs, T);
    expectOk(r);
    expect(r.events.filter((e) => e.type === "stratos.sds.v1.EventFileUpload")).toHaveLength(250);
    const bad = [...cids.slice(0, 249).map((h) => upload(s, "META1", U2, h)), upload(s, "META1", U2, "not-a-cid")];
    const r2 = await s.tx("META1", bad, T + 5n);
    expect([r2.codespace, r2.code]).toEqual(["sds", 7]);
    // Nothing of the failed batch stayed: the records still carry U1.
    const info = s.app.parts.keepers.sds.getFileInfo(s.read, new TextEncoder().encode(cids[0]!));
    expect(info?.uploader).toBe(U1);
  });
});

describe("sds and register interplay", () => {
  it("a resource node created after a prepay leaves the price alone until its deposit is effective", async () => {
    const s = await start({ ...tvA(), balances: { ...tvA().balances, RES6: 10n * STOS } });
    expectOk(await s.tx("RES1", [prepay(s, "RES1", [{ denom: "wei", amount: 20n * STOS }])], T));
    const price = nozPrice(s);
    expectOk(await s.tx("RES6", [anyMsg(MsgCreateResourceNodeSchema, {
      networkAddress: s.net("RES6"), pubkey: ed25519Any(s.actor("RES6").node.publicKey), value: { denom: "wei", amount: (2n * STOS).toString() },
      ownerAddress: s.address("RES6"), description: { moniker: "res6" }, nodeType: 4,
    })], T + 5n));
    expect(nozPrice(s)).toBe(price);
  });
});
