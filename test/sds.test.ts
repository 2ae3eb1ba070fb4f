/**
 * The sds module through real signed transactions (stock CosmJS, eth_secp256k1, SIGN_MODE_DIRECT) on a
 * real devnet (CometBFT 0.38 + the app): spec-sds §11 TV A (prepay) and TV F (file uploads), every
 * error path of §4 a client can trigger, and a relayd-style batch of 250 MsgFileUpload
 * (spec-sds-clients §5). The same vectors run in-process in app/modules/sds/spec.vectors.test.ts.
 *
 * Genesis: TV A's — spec-register's Genesis G on a fresh start (RES1…RES5 and META1…META3 with
 * 1 STOS each, paid by their owners at InitGenesis, so S = 8e18 and Lt = 8e12) — plus the prepaying
 * wallets W2, W3 (5foo besides wei) and POOR (1 STOS), and RELAY, the owner of four more bonded meta
 * nodes for the relayd batch. Their deposits are 0 so S, Lt and every TV A number stay as in the spec
 * (sds never looks at deposits), and their P2P keys were picked so their addresses sort after
 * META1…META3: TV F's M_a < M_b < M_c keep the bitmap indexes 0, 1, 2 of the spec.
 *
 * Owner wallet of X = the devnet mnemonic's eth_secp256k1 key at HD index i, P2P key of a node =
 * `devnetNodeKey(j)`: RES1…RES5 = 101…105, META1…META3 = 111…113, W2 = 121, W3 = 122, POOR = 123,
 * RELAY = 130 with node keys 133, 136, 147, 151.
 *
 * ValidateBasic errors are CheckTx refusals (CosmJS BroadcastTxError, nothing charged); handler errors
 * are DeliverTx failures (fee and sequence consumed, messages reverted). `/app/invariants` is checked
 * at every height.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, type DescMessage, fromBinary, type MessageInitShape, type MessageShape, toBinary } from "@bufbuild/protobuf";
import type { DirectEthSecp256k1HdWallet, EncodeObject } from "@cosmjs/proto-signing";
import { BroadcastTxError, type DeliverTxResponse, type SigningStargateClient, type StdFee } from "@cosmjs/stargate";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { toHex } from "@cosmjs/encoding";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { connectStratos, stratosWallet } from "../app/client/index.js";
import { buildAppState, type GenesisNode } from "../app/node/genesisBuilder.js";
import { devnetAccount, devnetMnemonic, devnetNodeKey } from "../app/node/devnetGenesis.js";
import { mnemonicToSeed } from "../app/crypto/hd.js";
import { toGoProtoJson } from "../app/baseapp/protoJson.js";
import { Dec } from "../app/math/dec.js";
import {
  QueryFileUploadRequestSchema, QueryFileUploadResponseSchema, QueryNozPriceRequestSchema, QueryNozPriceResponseSchema,
  QueryNozSupplyRequestSchema, QueryNozSupplyResponseSchema, QueryParamsRequestSchema, QueryParamsResponseSchema,
  QuerySimPrepayRequestSchema, QuerySimPrepayResponseSchema,
} from "../app/codec/stratos/sds/v1/query_pb.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";
import { onlyEvent, type TxEvent } from "./helpers/txSender.js";
import { abciQuery, balanceAt, checkInvariants, invariantsAt, moduleAccount, queryValue, storeValue } from "./helpers/abciQuery.js";
import { REGISTER_KEY, lpInt } from "./helpers/registerRecords.js";
import { PARAMS_KEY, fileInfoValue, fileKey, identityCid, reportersBitmap } from "./helpers/sdsRecords.js";

const STOS = 10n ** 18n;
const GWEI = 1_000_000_000n;

const INDEX = {
  RES1: 101, RES2: 102, RES3: 103, RES4: 104, RES5: 105,
  META1: 111, META2: 112, META3: 113,
  W2: 121, W3: 122, POOR: 123, RELAY: 130,
} as const;
type Actor = keyof typeof INDEX;
const RELAY_NODE_KEYS = [133, 136, 147, 151] as const;

const seed = mnemonicToSeed(devnetMnemonic());
const own = Object.fromEntries(Object.entries(INDEX).map(([n, i]) => [n, devnetAccount(i, seed).address])) as Record<Actor, string>;
const nodeKeyOf = (i: number) => devnetNodeKey(i, seed);
const GENESIS_CREATED = "2021-09-24T14:37:13Z";

const G_METAS = ["META1", "META2", "META3"] as const;
type GMeta = (typeof G_METAS)[number];
const metaNet = Object.fromEntries(G_METAS.map((a) => [a, nodeKeyOf(INDEX[a]).networkAddress])) as Record<GMeta, string>;
const relayNets = RELAY_NODE_KEYS.map((i) => nodeKeyOf(i).networkAddress);
/** Every meta node is BONDED and unsuspended: the bitmap index is the position in this list (spec-sds §4.1.4 R:). */
const activeMetas = [...Object.values(metaNet), ...relayNets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const bitIndex = (networkAddress: string): number => activeMetas.indexOf(networkAddress);
/** TV F's M_a < M_b < M_c by bech32 string. */
const [M_A, M_B, M_C] = [...G_METAS].sort((x, y) => (metaNet[x] < metaNet[y] ? -1 : 1)) as [GMeta, GMeta, GMeta];

const BALANCES: Record<Actor, bigint> = {
  RES1: 100n * STOS, RES2: 100n * STOS, RES3: 100n * STOS, RES4: 100n * STOS, RES5: 100n * STOS,
  META1: 100n * STOS, META2: 100n * STOS, META3: 100n * STOS,
  W2: 100n * STOS, W3: 10n * STOS, POOR: STOS, RELAY: 100n * STOS,
};

function genesis(): Record<string, unknown> {
  const resources = ([1, 2, 3, 4, 5] as const).map((i): GenesisNode => ({
    kind: "resource", ownerAddress: own[`RES${i}`], pubKey: nodeKeyOf(INDEX[`RES${i}`]).publicKey, tokens: STOS, moniker: `res${i}`,
    nodeType: 4, creationTime: GENESIS_CREATED,
  }));
  const metas = G_METAS.map((a, i): GenesisNode => ({
    kind: "meta", ownerAddress: own[a], pubKey: nodeKeyOf(INDEX[a]).publicKey, tokens: STOS, moniker: `meta${i + 1}`, creationTime: GENESIS_CREATED,
  }));
  const relayMetas = RELAY_NODE_KEYS.map((k, i): GenesisNode => ({
    kind: "meta", ownerAddress: own.RELAY, pubKey: nodeKeyOf(k).publicKey, tokens: 0n, moniker: `relay-meta${i + 1}`, creationTime: GENESIS_CREATED,
  }));
  return buildAppState({
    accounts: (Object.keys(INDEX) as Actor[]).map((a) => ({ address: own[a], balance: BALANCES[a], ...(a === "W3" ? { otherCoins: { foo: 5n } } : {}) })),
    nodes: [...resources, ...metas, ...relayMetas],
  });
}

// ---- messages (CosmJS EncodeObjects, camelCase values) ---------------------------------------

const S = "/stratos.sds.v1.";
interface Coin { readonly denom: string; readonly amount: string }
const coin = (amount: bigint, denom = "wei"): Coin => ({ denom, amount: amount.toString() });

const prepay = (sender: string, amount: readonly Coin[], beneficiary = sender): EncodeObject => ({
  typeUrl: `${S}MsgPrepay`, value: { sender, beneficiary, amount: [...amount] },
});
const upload = (o: { fileHash: string; from: string; reporter: string; uploader: string }): EncodeObject => ({ typeUrl: `${S}MsgFileUpload`, value: { ...o } });
/** An upload by a genesis meta node's own owner. */
const report = (m: GMeta, uploader: string, fileHash = H, from = own[m]): EncodeObject => upload({ fileHash, from, reporter: metaNet[m], uploader });
const updateParams = (authority: string, bondDenom: string): EncodeObject => ({ typeUrl: `${S}MsgUpdateParams`, value: { authority, params: { bondDenom } } });

// TV F: the file hash of "hello" (keccak-256/20, codec 0x66, base32hex) and two uploaders.
const H = "v05j1m50shbvpa1k5obmkngon9sq74a3rarcl2uo";
const U1 = "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv";
const U2 = "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9";
const CIDV0 = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
/** The pool of Pt (spec-sds §2.3). */
const PREPAY_POOL = "st15fmkzxwtq5p64gc0zxmd87cmdwjnn3sakmkuu7";
const GOV = "st10d07y265gmmuvt4z0w9aw880jnsr700jx08hhw";

// ---- the devnet and its views ----------------------------------------------------------------

let devnet: TestDevnet;
let comet: Comet38Client;
let client: SigningStargateClient;
/** Highest height whose invariants were checked. */
let checkedHeight = 0;

const hex = (b: Uint8Array): string => toHex(b);
const q = (s: string): string => JSON.stringify(s);
const feeOf = (gas: bigint): StdFee => ({ amount: [coin(gas * GWEI)], gas: gas.toString() });
const FIXED = feeOf(300_000n);

async function sdsQuery<I extends DescMessage, O extends DescMessage>(
  method: string, req: I, init: MessageInitShape<I>, res: O, height?: number,
): Promise<MessageShape<O>> {
  return fromBinary(res, await queryValue(comet, `/stratos.sds.v1.Query/${method}`, toBinary(req, create(req, init)), height));
}
const nozPrice = async (height: number): Promise<string> =>
  Dec.fromProtoString((await sdsQuery("NozPrice", QueryNozPriceRequestSchema, {}, QueryNozPriceResponseSchema, height)).price).toString();
const nozSupply = async (height: number) => {
  const r = await sdsQuery("NozSupply", QueryNozSupplyRequestSchema, {}, QueryNozSupplyResponseSchema, height);
  return { remaining: r.remaining, total: r.total };
};
const simPrepay = async (amount: string, height: number): Promise<string> =>
  (await sdsQuery("SimPrepay", QuerySimPrepayRequestSchema, { amount }, QuerySimPrepayResponseSchema, height)).noz;
/** The gateway's JSON of `Fileupload` (proto field names, bytes base64). */
const fileUploadJson = async (fileHash: string, height: number): Promise<string> =>
  JSON.stringify(toGoProtoJson(QueryFileUploadResponseSchema, await sdsQuery("Fileupload", QueryFileUploadRequestSchema, { fileHash }, QueryFileUploadResponseSchema, height)));
const fileRecord = async (fileHash: string, height: number): Promise<string> => hex(await storeValue(comet, "sds", fileKey(fileHash), height));

const balance = (a: Actor, height: number): Promise<bigint> => balanceAt(comet, own[a], height);
async function balanceOf(address: string, denom: string, height: number): Promise<bigint> {
  const value = await queryValue(comet, "/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest.encode({ address, denom }).finish(), height);
  return BigInt(QueryBalanceResponse.decode(value).balance?.amount ?? "0");
}
const pt = (height: number): Promise<bigint> => balanceAt(comet, PREPAY_POOL, height);
const lt = async (height: number): Promise<string> => hex(await storeValue(comet, "register", REGISTER_KEY.remainingOzoneLimit, height));
const sequence = async (a: Actor): Promise<number> => (await client.getSequence(own[a])).sequence;

async function latestHeight(): Promise<number> {
  return (await comet.status()).syncInfo.latestBlockHeight;
}

/** Checks `/app/invariants` at every height not yet checked up to the latest. */
async function checkAllInvariants(): Promise<void> {
  checkedHeight = await checkInvariants(comet, checkedHeight, await latestHeight());
}

/**
 * The per-message log of a delivered tx as relayd reads it (spec-sds-clients §4.3): index, the first
 * `message` event's first attribute (must be `action`), and the attributes of the sds typed event.
 * The event order inside an entry is not checked: app/baseapp/tx/messageLog.ts merges same-type events
 * and sorts the types, as the SDK did before cosmos-sdk#14691, where SDK 0.47.12 keeps them unmerged in
 * emission order (spec-sds-clients §4.1) — a deviation to fix there, not here.
 */
function messageLog(r: DeliverTxResponse): Array<{ msg_index: number; action: string | undefined; [typed: string]: unknown }> {
  const log = JSON.parse(r.rawLog ?? "") as Array<{ msg_index: number; events: Array<{ type: string; attributes: Array<{ key: string; value?: string }> }> }>;
  return log.map((m) => {
    const first = m.events.find((e) => e.type === "message")?.attributes[0];
    const typed = m.events.filter((e) => e.type.startsWith("stratos.sds.v1.Event"));
    return {
      msg_index: m.msg_index,
      action: first?.key === "action" ? first.value : undefined,
      ...Object.fromEntries(typed.map((e) => [e.type === "stratos.sds.v1.EventPrePay" ? "prepay" : "upload", e.attributes])),
    };
  });
}

const events = (r: DeliverTxResponse): TxEvent[] => r.events.map((e) => ({ type: e.type, attributes: e.attributes.map(({ key, value }) => ({ key, value })) }));

/** The baseapp `message` event(s) carrying `action` (first attribute), as attribute lists. */
const actionEvents = (r: DeliverTxResponse) =>
  events(r).filter((e) => e.type === "message" && e.attributes[0]?.key === "action").map((e) => e.attributes);

function expectOk(r: DeliverTxResponse): void {
  expect(r.code === 0 ? 0 : `${r.code}: ${r.rawLog ?? ""}`).toBe(0);
}

/** The fee a delivered tx paid: gas limit × 1 gwei (CosmJS "auto" and the fixed fees here both use 1 gwei). */
const paid = (r: DeliverTxResponse): bigint => r.gasWanted * GWEI;

/** A handler error: in a block, code + log; the fee and the sequence are consumed, nothing else. */
async function expectDeliverFailure(a: Actor, r: DeliverTxResponse, codespace: string, code: number, text: string, msgIndex = 0): Promise<void> {
  const log = `failed to execute message; message index: ${msgIndex}: ${text}`;
  expect([r.code, r.rawLog]).toEqual([code, log]);
  const found = await client.getTx(r.transactionHash);
  expect([found?.code, found?.height]).toEqual([code, r.height]);
  const result = (await comet.tx({ hash: Buffer.from(r.transactionHash, "hex") })).result;
  expect([result.codespace, result.code, result.log]).toEqual([codespace, code, log]);
  expect(await balance(a, r.height)).toBe((await balance(a, r.height - 1)) - paid(r));
  expect(events(r).filter((e) => e.type.startsWith("stratos."))).toEqual([]);
}

/** Broadcasts `msgs` signed by `a` with a fixed fee and returns CheckTx's refusal. */
async function refusal(a: Actor, msgs: readonly EncodeObject[]): Promise<{ codespace: string; code: number; log: string }> {
  const err = await client.signAndBroadcast(own[a], [...msgs], FIXED).then(
    (r) => new Error(`expected a CheckTx refusal, the tx was delivered with code ${r.code}: ${r.rawLog ?? ""}`),
    (e: unknown) => e,
  );
  if (!(err instanceof BroadcastTxError)) throw err;
  return { codespace: err.codespace, code: err.code, log: err.log ?? "" };
}

describe("sds through signed transactions on a devnet (TV A genesis)", () => {
  beforeAll(async () => {
    devnet = await createTestDevnet({ appState: genesis() });
    await devnet.devnet.start();
    comet = await devnet.client();
    await waitForHeight(comet, 2);
    const wallet = (await stratosWallet(devnetMnemonic(), { indexes: Object.values(INDEX) })) as DirectEthSecp256k1HdWallet;
    client = await connectStratos(devnet.devnet.rpcUrl, wallet, { broadcastPollIntervalMs: 200 });
  });

  afterAll(async () => {
    client?.disconnect();
    await devnet?.cleanup();
  });

  it("oracle self-check: the FileInfo encoder reproduces spec §11 TV F's literal hex; the relay nodes sort after M_a, M_b, M_c", () => {
    expect(hex(fileKey(H))).toBe("017630356a316d3530736862767061316b356f626d6b6e676f6e39737137346133726172636c32756f");
    expect(hex(fileInfoValue(100, reportersBitmap([0]), U1))).toBe(
      "3a" + "0a03313030" + "12080100000000000000" + "1a29737431306530353235736672663533796832616c6a6d6d33736e396a71356e6a6b376c636463357076",
    );
    expect(hex(fileInfoValue(105, reportersBitmap([0, 2]), U2))).toBe(
      "3a" + "0a03313035" + "12080500000000000000" + "1a2973743177353038643671656a7874646734793572337a6172766172793063357877376b787372677739",
    );
    expect(hex(reportersBitmap([64]))).toBe("00000000000000000100000000000000");
    expect([bitIndex(metaNet[M_A]), bitIndex(metaNet[M_B]), bitIndex(metaNet[M_C])]).toEqual([0, 1, 2]);
    expect(relayNets.map(bitIndex).sort()).toEqual([3, 4, 5, 6]);
    expect(moduleAccount("total_unissued_prepay")).toBe(PREPAY_POOL);
  });

  it("A0: genesis G fresh — S = 8e18, Lt = 8e12; NozPrice, NozSupply, SimPrepay(\"20stos\", \"1.5stos\"), Params and their errors", async () => {
    const h = await latestHeight();
    expect(hex(await storeValue(comet, "register", REGISTER_KEY.effectiveTotalDeposit, h))).toBe(hex(lpInt(8n * STOS)));
    expect(await lt(h)).toBe(hex(lpInt(8_000_000_000_000n)));
    expect(await pt(h)).toBe(0n);
    expect(await nozPrice(h)).toBe("1000000.000000000000000000");
    expect(await nozSupply(h)).toEqual({ remaining: "8000000000000", total: "8000000000000" });
    expect(await simPrepay("20stos", h)).toBe("5714285714285");
    expect(await simPrepay("1.5stos", h)).toBe("1263157894736");
    // Normalised coin strings (spec-sds §6): gwei → wei; an unregistered denom is truncated and buys nothing.
    expect(await simPrepay("20000000000gwei", h)).toBe("5714285714285");
    expect(await simPrepay("1.9foo", h)).toBe("0");
    const params = await sdsQuery("Params", QueryParamsRequestSchema, {}, QueryParamsResponseSchema, h);
    expect(JSON.stringify(toGoProtoJson(QueryParamsResponseSchema, params))).toBe('{"params":{"bond_denom":"wei"}}');
    expect(hex(await storeValue(comet, "sds", PARAMS_KEY, h))).toBe("0a03776569"); // TV F6
    // SimPrepay errors are gRPC InvalidArgument: the SDK's ABCI query path answers sdk 18 (invalid request).
    const bad = async (amount: string) => {
      const r = await abciQuery(comet, "/stratos.sds.v1.Query/SimPrepay", toBinary(QuerySimPrepayRequestSchema, create(QuerySimPrepayRequestSchema, { amount })), h);
      return [r.codespace, r.code, r.log];
    };
    expect(await bad("")).toEqual(["sdk", 18, "rpc error: code = InvalidArgument desc = Amount cannot be empty: invalid request"]);
    expect(await bad("twenty stos")).toEqual(["sdk", 18, "rpc error: code = InvalidArgument desc = Amount invalid: invalid request"]);
    await checkAllInvariants();
  });

  it("A1: RES1 prepays 20 STOS through signAndBroadcast → 5 714 285 714 285 noz; event byte for byte; Pt, Lt, NozPrice after", async () => {
    const r = await client.signAndBroadcast(own.RES1, [prepay(own.RES1, [coin(20n * STOS)])], "auto");
    expectOk(r);
    expect(onlyEvent(events(r), "stratos.sds.v1.EventPrePay")).toEqual([
      { key: "amount", value: "\"20000000000000000000wei\"" },
      { key: "beneficiary", value: `"${own.RES1}"` },
      { key: "purchased_noz", value: "\"5714285714285\"" },
      { key: "sender", value: `"${own.RES1}"` },
    ]);
    expect(actionEvents(r)).toEqual([[
      { key: "action", value: "/stratos.sds.v1.MsgPrepay" }, { key: "sender", value: own.RES1 }, { key: "module", value: "sds" },
    ]]);
    // relayd's `sync` path reads the per-message log (spec-sds-clients §4.3): the first `message` event's
    // first attribute names the type; the typed event carries the quoted values.
    expect(messageLog(r)).toEqual([{ msg_index: 0, action: "/stratos.sds.v1.MsgPrepay", prepay: onlyEvent(events(r), "stratos.sds.v1.EventPrePay") }]);
    const h = r.height;
    expect(await pt(h)).toBe(20n * STOS);
    expect(await lt(h)).toBe(hex(lpInt(2_285_714_285_715n)));
    expect(hex(await storeValue(comet, "register", REGISTER_KEY.effectiveTotalDeposit, h))).toBe(hex(lpInt(8n * STOS)));
    expect(await balance("RES1", h)).toBe((await balance("RES1", h - 1)) - 20n * STOS - paid(r));
    expect(await nozPrice(h)).toBe("12249999.999996171875000001");
    expect(await nozSupply(h)).toEqual({ remaining: "2285714285715", total: "8000000000000" });
    await checkAllInvariants();
  });

  it("A2: W2 prepays 10 STOS → 601 503 759 398 noz; Pt = 30 STOS, Lt = 1 684 210 526 317, NozPrice 22562499.999983783203125012", async () => {
    const r = await client.signAndBroadcast(own.W2, [prepay(own.W2, [coin(10n * STOS)], U1)], "auto");
    expectOk(r);
    // beneficiary ≠ sender is fine: it is only echoed.
    expect(onlyEvent(events(r), "stratos.sds.v1.EventPrePay")).toEqual([
      { key: "amount", value: "\"10000000000000000000wei\"" },
      { key: "beneficiary", value: `"${U1}"` },
      { key: "purchased_noz", value: "\"601503759398\"" },
      { key: "sender", value: `"${own.W2}"` },
    ]);
    const h = r.height;
    expect(await pt(h)).toBe(30n * STOS);
    expect(await lt(h)).toBe(hex(lpInt(1_684_210_526_317n)));
    expect(await nozPrice(h)).toBe("22562499.999983783203125012");
    expect(await balance("W2", h)).toBe((await balance("W2", h - 1)) - 10n * STOS - paid(r));
    await checkAllInvariants();
  });

  it("A3 (dust): 1 wei buys 0 noz but is taken; A4 (foreign denom): 5foo buys 0 noz and nothing moves", async () => {
    const a3 = await client.signAndBroadcast(own.W2, [prepay(own.W2, [coin(1n)])], "auto");
    expectOk(a3);
    expect(onlyEvent(events(a3), "stratos.sds.v1.EventPrePay")).toEqual([
      { key: "amount", value: "\"1wei\"" }, { key: "beneficiary", value: `"${own.W2}"` }, { key: "purchased_noz", value: "\"0\"" }, { key: "sender", value: `"${own.W2}"` },
    ]);
    expect(await pt(a3.height)).toBe(30n * STOS + 1n);
    expect(await lt(a3.height)).toBe(hex(lpInt(1_684_210_526_317n)));
    expect(await balance("W2", a3.height)).toBe((await balance("W2", a3.height - 1)) - 1n - paid(a3));

    const a4 = await client.signAndBroadcast(own.W3, [prepay(own.W3, [coin(5n, "foo")])], "auto");
    expectOk(a4);
    expect(onlyEvent(events(a4), "stratos.sds.v1.EventPrePay")).toEqual([
      { key: "amount", value: "\"5foo\"" }, { key: "beneficiary", value: `"${own.W3}"` }, { key: "purchased_noz", value: "\"0\"" }, { key: "sender", value: `"${own.W3}"` },
    ]);
    // X = 0: the bank "transfer" of an empty coin set still emits its events, with amount "".
    const transfer = events(a4).filter((e) => e.type === "transfer").at(-1);
    expect(transfer?.attributes).toEqual([{ key: "recipient", value: PREPAY_POOL }, { key: "sender", value: own.W3 }, { key: "amount", value: "" }]);
    expect(await balanceOf(own.W3, "foo", a4.height)).toBe(5n);
    expect(await balanceOf(PREPAY_POOL, "foo", a4.height)).toBe(0n);
    expect(await pt(a4.height)).toBe(30n * STOS + 1n);
    expect(await lt(a4.height)).toBe(hex(lpInt(1_684_210_526_317n)));
    expect(await balance("W3", a4.height)).toBe((await balance("W3", a4.height - 1)) - paid(a4));
    await checkAllInvariants();
  });

  it("A5: POOR (1 STOS) prepays 2 STOS → DeliverTx fails with sds 10 and the exact log; only fee and sequence change", async () => {
    const seq = await sequence("POOR");
    const r = await client.signAndBroadcast(own.POOR, [prepay(own.POOR, [coin(2n * STOS)])], FIXED);
    await expectDeliverFailure("POOR", r, "sds", 10, `Insufficient balance in the acc ${own.POOR}: insufficient funds: failure during prepay`);
    expect(await sequence("POOR")).toBe(seq + 1);
    expect(await pt(r.height)).toBe(30n * STOS + 1n);
    expect(await lt(r.height)).toBe(hex(lpInt(1_684_210_526_317n)));
    await checkAllInvariants();
  });

  let f2Height = 0;

  it("F1, F2: M_a then M_c report H — store key/value hex, reporters {0} then {0,2}, last-writer height and uploader, the Fileupload JSON", async () => {
    const f1 = await client.signAndBroadcast(own[M_A], [report(M_A, U1)], "auto");
    expectOk(f1);
    expect(onlyEvent(events(f1), "stratos.sds.v1.EventFileUpload")).toEqual([
      { key: "file_hash", value: "\"v05j1m50shbvpa1k5obmkngon9sq74a3rarcl2uo\"" },
      { key: "reporter", value: `"${metaNet[M_A]}"` },
      { key: "sender", value: `"${own[M_A]}"` },
      { key: "uploader", value: "\"st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv\"" },
    ]);
    expect(actionEvents(f1)).toEqual([[
      { key: "action", value: "/stratos.sds.v1.MsgFileUpload" }, { key: "sender", value: own[M_A] }, { key: "module", value: "sds" },
    ]]);
    // No tokens move beyond the fee.
    expect(await balance(M_A, f1.height)).toBe((await balance(M_A, f1.height - 1)) - paid(f1));
    expect(await fileRecord(H, f1.height)).toBe(hex(fileInfoValue(f1.height, reportersBitmap([0]), U1)));
    expect(await fileUploadJson(H, f1.height)).toBe(`{"file_info":{"height":"${f1.height}","reporters":"AQAAAAAAAAA=","uploader":"${U1}"}}`);

    const f2 = await client.signAndBroadcast(own[M_C], [report(M_C, U2)], "auto");
    expectOk(f2);
    f2Height = f2.height;
    expect(onlyEvent(events(f2), "stratos.sds.v1.EventFileUpload")).toEqual([
      { key: "file_hash", value: q(H) }, { key: "reporter", value: q(metaNet[M_C]) }, { key: "sender", value: q(own[M_C]) }, { key: "uploader", value: q(U2) },
    ]);
    expect(await fileRecord(H, f2.height)).toBe(hex(fileInfoValue(f2.height, reportersBitmap([0, 2]), U2)));
    expect(await fileUploadJson(H, f2.height)).toBe(`{"file_info":{"height":"${f2.height}","reporters":"BQAAAAAAAAA=","uploader":"${U2}"}}`);
    // The record at F1's height is still F1's (historical query).
    expect(await fileUploadJson(H, f1.height)).toBe(`{"file_info":{"height":"${f1.height}","reporters":"AQAAAAAAAAA=","uploader":"${U1}"}}`);
    await checkAllInvariants();
  });

  it("F3: the owner of M_b reporting as M_a, or for a node that is no meta node, fails in DeliverTx with sds 11; the record stays", async () => {
    const f3 = await client.signAndBroadcast(own[M_B], [report(M_A, U1, H, own[M_B])], FIXED);
    await expectDeliverFailure(M_B, f3, "sds", 11, "invalid reporter address or owner address");
    expect(await fileRecord(H, f3.height)).toBe(hex(fileInfoValue(f2Height, reportersBitmap([0, 2]), U2)));
    // A resource node's address is a valid stsds address but no meta node.
    const res = await client.signAndBroadcast(own.RES2, [upload({ fileHash: H, from: own.RES2, reporter: nodeKeyOf(INDEX.RES2).networkAddress, uploader: U1 })], FIXED);
    await expectDeliverFailure("RES2", res, "sds", 11, "invalid reporter address or owner address");
    expect(await fileRecord(H, res.height)).toBe(hex(fileInfoValue(f2Height, reportersBitmap([0, 2]), U2)));
    await checkAllInvariants();
  });

  it("F4, F5: the CLI example hash is refused in CheckTx (sds 7); a CIDv0 is accepted; Fileupload query errors", async () => {
    const f4 = await refusal(M_A, [report(M_A, U1, "c03661732294feb49caf6dc16c7cbb2534986d73")]);
    expect(f4).toEqual({ codespace: "sds", code: 7, log: "failed to validate file hash: invalid file hash" });
    const v0 = await client.signAndBroadcast(own[M_A], [report(M_A, U1, CIDV0)], "auto");
    expectOk(v0);
    expect(await fileRecord(CIDV0, v0.height)).toBe(hex(fileInfoValue(v0.height, reportersBitmap([0]), U1)));

    const failure = async (fileHash: string) => {
      const r = await abciQuery(comet, "/stratos.sds.v1.Query/Fileupload", toBinary(QueryFileUploadRequestSchema, create(QueryFileUploadRequestSchema, { fileHash })), v0.height);
      return [r.codespace, r.code, r.log];
    };
    // A valid, unknown CID: ErrNoFileFound, which the SDK's gRPC-over-ABCI path reports as unknown request.
    expect(await failure("bafkqaaa")).toEqual(["sdk", 6, "file does not exist: unknown request"]);
    expect(await failure("")).toEqual(["sdk", 18, "rpc error: code = InvalidArgument desc =  Network address cannot be empty: invalid request"]);
    // Not a CID: the reference returns a plain error (`fmt.Errorf("invalid file hash %w", err)`), which the
    // SDK's gRPC-over-ABCI path reports as invalid request. (Its text names go-cid's cause; the port names
    // the hash — reported, only the code is checked here.)
    const notCid = await failure("c03661732294feb49caf6dc16c7cbb2534986d73");
    expect([notCid[0], notCid[1]]).toEqual(["sdk", 18]);
    expect(notCid[2]).toMatch(/^invalid file hash .*: invalid request$/);
    // The same hash in another multibase is another record (keyed by the string).
    expect(await fileRecord(H.toUpperCase(), v0.height)).toBe("");
    await checkAllInvariants();
  });

  it("§4 ValidateBasic errors are CheckTx refusals with the reference's codespace/code/log; nothing is charged", async () => {
    const me = own.W3;
    const msgFile = (o: Partial<{ fileHash: string; from: string; reporter: string; uploader: string }>): EncodeObject =>
      upload({ fileHash: H, from: own.RELAY, reporter: relayNets[0]!, uploader: U1, ...o });
    const cases: ReadonlyArray<readonly [string, Actor, EncodeObject, string, number, string]> = [
      // MsgFileUpload (§4.1.1), in the order of the checks.
      ["file hash empty", "RELAY", msgFile({ fileHash: "" }), "sds", 7, "failed to validate file hash: invalid file hash"],
      ["file hash base10 multibase", "RELAY", msgFile({ fileHash: "9123456789" }), "sds", 7, "failed to validate file hash: invalid file hash"],
      ["file hash with trailing bytes", "RELAY", msgFile({ fileHash: identityCid(1) + "00" }), "sds", 7, "failed to validate file hash: invalid file hash"],
      ["from not bech32", "RELAY", msgFile({ from: "st1xyz" }), "sdk", 7, "failed to validate from address: invalid address"],
      ["from with the stsds prefix", "RELAY", msgFile({ from: relayNets[0]! }), "sdk", 7, "failed to validate from address: invalid address"],
      ["reporter is an account address", "RELAY", msgFile({ reporter: own.RELAY }), "sdk", 7, "failed to parse reporter address: invalid address"],
      ["uploader is a node address", "RELAY", msgFile({ uploader: relayNets[0]! }), "sdk", 7, "failed to parse uploader address: invalid address"],
      ["uploader empty", "RELAY", msgFile({ uploader: "" }), "sdk", 7, "failed to parse uploader address: invalid address"],
      // MsgPrepay (§4.2.1); the coin-set checks beyond "missing amount" are the port's R: (valid sorted positive Coins).
      ["prepay sender invalid", "W3", prepay("st1invalid", [coin(1n)], me), "sds", 12, "invalid sender address"],
      ["prepay beneficiary invalid", "W3", prepay(me, [coin(1n)], "st1invalid"), "sds", 13, "invalid beneficiary address"],
      ["prepay beneficiary is a node address", "W3", prepay(me, [coin(1n)], relayNets[0]!), "sds", 13, "invalid beneficiary address"],
      ["prepay without coins", "W3", prepay(me, []), "sdk", 10, "missing amount to send: invalid coins"],
      ["prepay of 0wei", "W3", prepay(me, [coin(0n)]), "sdk", 10, "missing amount to send: invalid coins"],
      ["prepay unsorted coins", "W3", prepay(me, [coin(1n), coin(1n, "foo")]), "sdk", 10, "1wei,1foo: denomination foo is not sorted: invalid coins"],
      ["prepay duplicate denoms", "W3", prepay(me, [coin(1n), coin(1n)]), "sdk", 10, "1wei,1wei: duplicate denomination wei: invalid coins"],
      ["prepay invalid denom", "W3", prepay(me, [coin(1n, "w")]), "sdk", 10, "1w: invalid denom: w: invalid coins"],
      ["prepay negative amount", "W3", prepay(me, [{ denom: "wei", amount: "-1" }]), "sdk", 10, "-1wei: coin -1wei amount is not positive: invalid coins"],
      // MsgUpdateParams (§4.3): the raw bech32 error is unregistered (undefined/1); params.Validate → sds 9.
      ["update params: empty authority", "W3", updateParams("", "wei"), "undefined", 1, "empty address string is not allowed"],
      ["update params: invalid bond denom", "W3", updateParams(GOV, "w"), "sds", 9, "failed to validate bond denomination: invalid denomination"],
    ];
    const before = { RELAY: await sequence("RELAY"), W3: await sequence("W3") };
    const h0 = await latestHeight();
    const balances0 = { RELAY: await balance("RELAY", h0), W3: await balance("W3", h0) };
    for (const [name, signer, msg, codespace, code, log] of cases) {
      expect({ name, ...(await refusal(signer, [msg])) }).toEqual({ name, codespace, code, log });
    }
    // A refused tx is in no block: sequences and balances are unchanged.
    expect({ RELAY: await sequence("RELAY"), W3: await sequence("W3") }).toEqual(before);
    const h1 = await latestHeight();
    expect({ RELAY: await balance("RELAY", h1), W3: await balance("W3", h1) }).toEqual(balances0);
    await checkAllInvariants();
  });

  it("§4.3 MsgUpdateParams signed by anyone but the gov module account fails in DeliverTx with gov 13", async () => {
    const r = await client.signAndBroadcast(own.W3, [updateParams(own.W3, "wei")], FIXED);
    await expectDeliverFailure("W3", r, "gov", 13, `invalid authority; expected ${GOV}, got ${own.W3}: expected gov account as only signer for proposal message`);
    expect(hex(await storeValue(comet, "sds", PARAMS_KEY, r.height))).toBe("0a03776569");
    await checkAllInvariants();
  });

  // ---- relayd (spec-sds-clients §5) ------------------------------------------------------------

  /** The batch's uploads: 200 new hashes round-robin over RELAY's 4 nodes, then 50 re-reports of the first 50 by the next node. */
  const batchHash = (n: number): string => identityCid(n, 1);
  const relayReporter = (n: number): string => relayNets[n % relayNets.length]!;
  const firstBatch = (): EncodeObject[] => [
    ...Array.from({ length: 200 }, (_, n) => upload({ fileHash: batchHash(n), from: own.RELAY, reporter: relayReporter(n), uploader: U1 })),
    ...Array.from({ length: 50 }, (_, n) => upload({ fileHash: batchHash(n), from: own.RELAY, reporter: relayReporter(n + 1), uploader: U2 })),
  ];
  const expectedRecord = (n: number, height: number): string =>
    hex(fileInfoValue(height, reportersBitmap(n < 50 ? [bitIndex(relayReporter(n)), bitIndex(relayReporter(n + 1))] : [bitIndex(relayReporter(n))]), n < 50 ? U2 : U1));

  /** relayd's build (§5.5): sign with fee {[], 0} and the chain's account number and sequence. */
  async function relaydSign(msgs: readonly EncodeObject[], fee: StdFee): Promise<Uint8Array> {
    const { accountNumber, sequence: seq } = await client.getSequence(own.RELAY);
    const raw = await client.sign(own.RELAY, [...msgs], fee, "", { accountNumber, sequence: seq, chainId: await client.getChainId() });
    return TxRaw.encode(raw).finish();
  }

  async function simulate(txBytes: Uint8Array): Promise<{ gasUsed: bigint } | { codespace: string; code: number; log: string }> {
    const r = await abciQuery(comet, "/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest.encode({ txBytes }).finish());
    if (r.code !== 0) return { codespace: r.codespace, code: r.code, log: r.log };
    return { gasUsed: SimulateResponse.decode(r.value).gasInfo?.gasUsed ?? 0n };
  }

  let batchHeight = 0;
  let batchGasLimit = 0n;

  it("relayd: ONE tx of 250 MsgFileUpload from 4 reporters of one owner — gas = Simulate × 2.0, fee = gas × 1 gwei — executes in one block", async () => {
    const msgs = firstBatch();
    const sim = await simulate(await relaydSign(msgs, { amount: [], gas: "0" }));
    if (!("gasUsed" in sim)) throw new Error(`Simulate failed: ${sim.codespace}/${sim.code}: ${sim.log}`);
    expect(sim.gasUsed).toBeGreaterThan(0n);
    // Mainnet max_gas is 20 000 000 and relayd doubles the simulation (spec-sds-clients §5.8).
    expect(sim.gasUsed).toBeLessThan(10_000_000n);
    const gasLimit = sim.gasUsed * 2n; // ⌊gas_used × 2.0⌋
    const bytes = await relaydSign(msgs, feeOf(gasLimit));
    const r = await client.broadcastTx(bytes);
    expectOk(r);
    batchHeight = r.height;
    batchGasLimit = gasLimit;
    expect(r.gasWanted).toBe(gasLimit);
    // Delivery costs what Simulate said plus a constant, not a per-message amount: relayd simulates with
    // an empty fee, so the fee transfer (bank reads and writes) and ~10 gas per byte of the fee fields
    // come on top — well inside the 2× margin.
    expect(r.gasUsed).toBeGreaterThan(sim.gasUsed);
    expect(r.gasUsed - sim.gasUsed).toBeLessThan(30_000n);
    expect(r.gasUsed).toBeLessThanOrEqual(gasLimit);
    expect((await comet.block(r.height)).block.txs.map((t) => hex(t))).toContain(hex(bytes));
    expect(await balance("RELAY", r.height)).toBe((await balance("RELAY", r.height - 1)) - gasLimit * GWEI);

    // One message event and one EventFileUpload per message, in message order.
    const typed = events(r).filter((e) => e.type === "stratos.sds.v1.EventFileUpload");
    expect(typed).toHaveLength(250);
    msgs.forEach((m, i) => {
      const v = m.value as { fileHash: string; reporter: string; uploader: string };
      expect(typed[i]!.attributes).toEqual([
        { key: "file_hash", value: q(v.fileHash) }, { key: "reporter", value: q(v.reporter) }, { key: "sender", value: q(own.RELAY) }, { key: "uploader", value: q(v.uploader) },
      ]);
    });
    expect(actionEvents(r)).toHaveLength(250);
    expect(messageLog(r)).toEqual(typed.map((e, i) => ({ msg_index: i, action: "/stratos.sds.v1.MsgFileUpload", upload: e.attributes })));

    // Every record as stored: re-reported files carry both bits and the later uploader.
    for (let start = 0; start < 200; start += 25) {
      const chunk = Array.from({ length: 25 }, (_, k) => start + k);
      const got = await Promise.all(chunk.map((n) => fileRecord(batchHash(n), r.height)));
      expect(got).toEqual(chunk.map((n) => expectedRecord(n, r.height)));
    }
    expect(await fileUploadJson(batchHash(0), r.height)).toBe(
      `{"file_info":{"height":"${r.height}","reporters":"${Buffer.from(reportersBitmap([bitIndex(relayReporter(0)), bitIndex(relayReporter(1))])).toString("base64")}","uploader":"${U2}"}}`,
    );
    await checkAllInvariants();
  });

  it("relayd: a 250-message batch with one bad message (index 125, a node RELAY does not own) fails as a whole; only fee and sequence change", async () => {
    const bad = 125;
    const msgs: EncodeObject[] = Array.from({ length: 250 }, (_, i) =>
      i === bad
        ? upload({ fileHash: batchHash(1000), from: own.RELAY, reporter: metaNet[M_A], uploader: U1 })
        : i < 100
          ? upload({ fileHash: batchHash(i), from: own.RELAY, reporter: relayReporter(i + 2), uploader: U2 }) // re-reports
          : upload({ fileHash: identityCid(i, 2), from: own.RELAY, reporter: relayReporter(i), uploader: U1 }), // new files
    );
    const reason = "invalid reporter address or owner address";
    // relayd would drop this batch at Simulate (spec-sds-clients §5.6).
    const sim = await simulate(await relaydSign(msgs, { amount: [], gas: "0" }));
    // Over ABCI the gRPC Unknown status becomes sdk 6; the gas wanted of a simulation is the infinite meter's limit.
    expect("log" in sim ? [sim.codespace, sim.code] : "simulated").toEqual(["sdk", 6]);
    expect("log" in sim ? sim.log : "").toMatch(new RegExp(
      `^rpc error: code = Unknown desc = failed to execute message; message index: ${bad}: ${reason} With gas wanted: '18446744073709551615' and gas used: '\\d+' : unknown request$`,
    ));
    // Broadcast anyway, with the good batch's gas.
    const seq = await sequence("RELAY");
    const r = await client.broadcastTx(await relaydSign(msgs, feeOf(batchGasLimit)));
    await expectDeliverFailure("RELAY", r, "sds", 11, reason, bad);
    expect(await sequence("RELAY")).toBe(seq + 1);
    expect(actionEvents(r)).toEqual([]);
    const records = await Promise.all(Array.from({ length: 250 }, (_, i) => (i < 100 ? fileRecord(batchHash(i), r.height) : i === bad ? "" : fileRecord(identityCid(i, 2), r.height))));
    expect(records).toEqual(Array.from({ length: 250 }, (_, i) => (i < 100 ? expectedRecord(i, batchHeight) : "")));
    await checkAllInvariants();
  });

  it("after every block waited for, /app/invariants has no broken entry", async () => {
    await waitForHeight(comet, (await latestHeight()) + 1);
    await checkAllInvariants();
    expect(checkedHeight).toBeGreaterThan(batchHeight);
    // The checks ran (the answer is not vacuous): register's invariants are listed, none broken.
    const last = await invariantsAt(comet, checkedHeight);
    expect(Object.keys(last)).toEqual(expect.arrayContaining(["register/module-accounts", "register/effective-total-deposit", "register/nonnegative-amounts"]));
    expect(Object.values(last).filter((v) => v !== null)).toEqual([]);
  });
});
