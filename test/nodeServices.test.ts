import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as grpc from "@grpc/grpc-js";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { QueryClient } from "@cosmjs/stargate";
import WebSocket from "ws";
import fs from "node:fs";
import path from "node:path";
import { sdsAddressOfPubKey } from "../app/crypto/sdsKeys.js";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import {
  BroadcastMode, BroadcastTxRequest, BroadcastTxResponse, GetTxRequest, GetTxResponse, GetTxsEventRequest, GetTxsEventResponse,
  SimulateRequest, SimulateResponse,
} from "cosmjs-types/cosmos/tx/v1beta1/service";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import {
  GetBlockByHeightRequest, GetBlockByHeightResponse, GetLatestBlockResponse, GetLatestValidatorSetRequest, GetLatestValidatorSetResponse,
  GetNodeInfoResponse,
} from "cosmjs-types/cosmos/base/tendermint/v1beta1/query";
import { ConfigResponse } from "cosmjs-types/cosmos/base/node/v1beta1/query";
import { ServerReflectionRequestSchema, ServerReflectionResponseSchema } from "../app/codec/grpc/reflection/v1alpha/reflection_pb.js";
import { QueryResourceNodeRequestSchema, QueryResourceNodeResponseSchema, QueryMetaNodeRequestSchema, QueryMetaNodeResponseSchema } from "../app/codec/stratos/register/v1/query_pb.js";
import { QueryNozSupplyResponseSchema } from "../app/codec/stratos/sds/v1/query_pb.js";
import { QueryBlockEventsRequestSchema, QueryBlockEventsResponseSchema } from "../app/codec/stratosts/node/v1/query_pb.js";
import { loadProtoCatalog } from "../app/server/descriptors.js";
import { BECH32_PREFIX, formatBech32Address } from "../app/crypto/address.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey, signEthSecp256k1Digest } from "../app/crypto/ethSecp256k1.js";
import { keccak256 } from "../app/crypto/hash.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../app/crypto/hd.js";
import { DEVNET_CHAIN_ID, devnetMnemonic, devnetNodes } from "../app/node/devnetGenesis.js";
import { createTestDevnet, waitFor, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

interface Codec<T> {
  encode(m: T): { finish(): Uint8Array };
  decode(b: Uint8Array): T;
}

interface CallResult<T> {
  readonly value: T;
  readonly height: number;
}

/** A generic grpc-js client: paths and codecs only, as a client built from the reference's protos. */
class RawClient {
  readonly client: grpc.Client;
  constructor(address: string) {
    this.client = new grpc.Client(address, grpc.credentials.createInsecure());
  }
  callBytes(path: string, request: Uint8Array, height?: string): Promise<CallResult<Uint8Array>> {
    const md = new grpc.Metadata();
    if (height !== undefined) md.set("x-cosmos-block-height", height);
    return new Promise((resolve, reject) => {
      let header = 0;
      const call = this.client.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, Buffer.from(request), md, (err, value) => {
        if (err) reject(err);
        else resolve({ value: new Uint8Array(value!), height: header });
      });
      call.on("metadata", (m: grpc.Metadata) => {
        header = Number(m.get("x-cosmos-block-height")[0] ?? 0);
      });
    });
  }
  async call<Req, Res>(path: string, reqCodec: Codec<Req>, req: Req, resCodec: Codec<Res>, height?: string): Promise<CallResult<Res>> {
    const r = await this.callBytes(path, reqCodec.encode(req).finish(), height);
    return { value: resCodec.decode(r.value), height: r.height };
  }
  close(): void {
    this.client.close();
  }
}

const EMPTY: Codec<Record<string, never>> = { encode: () => ({ finish: () => new Uint8Array() }), decode: () => ({}) };

async function grpcError(p: Promise<unknown>): Promise<grpc.ServiceError> {
  try {
    await p;
  } catch (e) {
    return e as grpc.ServiceError;
  }
  throw new Error("expected a gRPC error");
}

function devKey(index: number) {
  const privateKey = derivePrivateKey(mnemonicToSeed(devnetMnemonic()), stratosHdPath(index));
  const publicKey = ethPublicKeyFromPrivateKey(privateKey);
  return { privateKey, publicKey, address: formatBech32Address(ethAddressFromPubKey(publicKey), BECH32_PREFIX.account) };
}

/** A signed MsgSend (SIGN_MODE_DIRECT over Keccak-256, eth_secp256k1), as the SDS tx-client builds it. */
function signedSend(from: ReturnType<typeof devKey>, to: string, o: { accountNumber: bigint; sequence: bigint; gas: bigint; fee: bigint }): Uint8Array {
  const msg = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: MsgSend.encode({ fromAddress: from.address, toAddress: to, amount: [{ denom: "wei", amount: "1000" }] }).finish() };
  const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages: [msg] })).finish();
  const authInfoBytes = AuthInfo.encode(AuthInfo.fromPartial({
    signerInfos: [{ publicKey: { typeUrl: "/stratos.crypto.v1.ethsecp256k1.PubKey", value: PubKey.encode({ key: from.publicKey }).finish() }, modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence: o.sequence }],
    fee: { amount: o.fee > 0n ? [{ denom: "wei", amount: o.fee.toString() }] : [], gasLimit: o.gas },
  })).finish();
  const signBytes = SignDoc.encode({ bodyBytes, authInfoBytes, chainId: DEVNET_CHAIN_ID, accountNumber: o.accountNumber }).finish();
  const signature = signEthSecp256k1Digest(from.privateKey, keccak256(signBytes));
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
}

describe("node services: gRPC (9090) and REST (1317) on a devnet", () => {
  let net: TestDevnet;
  let rpc: RawClient;
  let rest: string;
  const alice = devKey(0);
  const bob = devKey(1);
  const carol = devKey(2);

  beforeAll(async () => {
    net = await createTestDevnet();
    await net.devnet.start();
    await waitForHeight(await net.client(), 2);
    rpc = new RawClient(net.devnet.grpcAddress!);
    rest = net.devnet.restUrl!;
  }, 120_000);

  afterAll(async () => {
    rpc?.close();
    await net?.cleanup();
  });

  const account = async (address: string) => {
    const r = await rpc.call("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest, { address }, QueryAccountResponse);
    expect(r.value.account?.typeUrl).toBe("/cosmos.auth.v1beta1.BaseAccount");
    return { ...BaseAccount.decode(r.value.account!.value), height: r.height };
  };

  it("lists every served service through reflection (v1alpha, as grpcurl) and hands out their descriptors", async () => {
    const ask = (request: Uint8Array): Promise<Uint8Array> =>
      new Promise((resolve, reject) => {
        const call = rpc.client.makeBidiStreamRequest("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", (b: Buffer) => b, (b: Buffer) => b);
        call.on("data", (b: Buffer) => {
          resolve(new Uint8Array(b));
          call.end();
        });
        call.on("error", reject);
        call.write(Buffer.from(request));
      });
    const list = fromBinary(ServerReflectionResponseSchema, await ask(toBinary(ServerReflectionRequestSchema, create(ServerReflectionRequestSchema, { messageRequest: { case: "listServices", value: "*" } }))));
    expect(list.messageResponse.case).toBe("listServicesResponse");
    const names = list.messageResponse.case === "listServicesResponse" ? list.messageResponse.value.service.map((s) => s.name) : [];
    for (const s of [
      "cosmos.auth.v1beta1.Query", "cosmos.bank.v1beta1.Query", "cosmos.tx.v1beta1.Service", "cosmos.base.tendermint.v1beta1.Service",
      "cosmos.base.node.v1beta1.Service", "stratos.register.v1.Query", "stratos.pot.v1.Query", "stratos.sds.v1.Query",
      "stratosts.node.v1.Query", "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection",
    ]) expect(names).toContain(s);
    expect(names).not.toContain("cosmos.bank.v1beta1.Msg");

    const files = fromBinary(ServerReflectionResponseSchema, await ask(toBinary(ServerReflectionRequestSchema, create(ServerReflectionRequestSchema, { messageRequest: { case: "fileContainingSymbol", value: "stratos.register.v1.Query" } }))));
    expect(files.messageResponse.case).toBe("fileDescriptorResponse");
    const protos = files.messageResponse.case === "fileDescriptorResponse" ? files.messageResponse.value.fileDescriptorProto.map((b) => fromBinary(FileDescriptorProtoSchema, b)) : [];
    expect(protos[0]?.name).toBe("stratos/register/v1/query.proto");
    expect(protos[0]?.service[0]?.method.map((m) => m.name)).toContain("ResourceNode");
    expect(protos.map((p) => p.name)).toContain("google/api/annotations.proto");
  });

  it("Query/Account answers a BaseAccount Any with the committed height in x-cosmos-block-height; unknown accounts are NotFound", async () => {
    const a = await account(alice.address);
    expect(a.address).toBe(alice.address);
    expect(a.accountNumber).toBe(0n);
    expect(a.height).toBeGreaterThan(0);
    const missing = await grpcError(rpc.call("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest, { address: formatBech32Address(new Uint8Array(20).fill(7), "st") }, QueryAccountResponse));
    expect(missing.code).toBe(grpc.status.NOT_FOUND);
    expect(missing.details).toMatch(/not found/);
  });

  it("honours x-cosmos-block-height: an old height reads old state, a future or malformed one is InvalidArgument", async () => {
    const r = await rpc.call("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest, { address: alice.address, denom: "wei" }, QueryBalanceResponse, "1");
    expect(r.height).toBe(1);
    expect(BigInt(r.value.balance!.amount)).toBeGreaterThan(0n);
    const future = await grpcError(rpc.call("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest, { address: alice.address, denom: "wei" }, QueryBalanceResponse, "999999999"));
    expect(future.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(future.details).toMatch(/height in the future/);
    const junk = await grpcError(rpc.call("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest, { address: alice.address, denom: "wei" }, QueryBalanceResponse, "abc"));
    expect(junk.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(junk.details).toMatch(/invalid height header/);
    const bad = await grpcError(rpc.call("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest, { address: "st1nope", denom: "wei" }, QueryBalanceResponse));
    expect(bad.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(bad.details).toMatch(/invalid address/);
  });

  it("serves every Stratos module query (the SDS node queries with real answers)", async () => {
    const catalog = await loadProtoCatalog();
    for (const service of catalog.services.filter((s) => s.typeName.startsWith("stratos.") && s.typeName.endsWith(".Query"))) {
      for (const m of service.methods) {
        const outcome = await rpc.callBytes(`/${service.typeName}/${m.name}`, new Uint8Array()).then(() => grpc.status.OK, (e: grpc.ServiceError) => e.code);
        expect(outcome, `${service.typeName}/${m.name}`).not.toBe(grpc.status.UNIMPLEMENTED);
      }
    }
    const nodes = devnetNodes();
    const metaAddr = sdsAddressOfPubKey(nodes.find((n) => n.kind === "meta")!.pubKey);
    const resourceAddr = sdsAddressOfPubKey(nodes.find((n) => n.kind === "resource")!.pubKey);
    const rn = fromBinary(QueryResourceNodeResponseSchema, (await rpc.callBytes("/stratos.register.v1.Query/ResourceNode", toBinary(QueryResourceNodeRequestSchema, create(QueryResourceNodeRequestSchema, { networkAddr: resourceAddr })))).value);
    expect(rn.node?.networkAddress).toBe(resourceAddr);
    expect(rn.node?.tokens).toMatch(/^\d+$/);
    const mn = fromBinary(QueryMetaNodeResponseSchema, (await rpc.callBytes("/stratos.register.v1.Query/MetaNode", toBinary(QueryMetaNodeRequestSchema, create(QueryMetaNodeRequestSchema, { networkAddr: metaAddr })))).value);
    expect(mn.node?.suspend).toBe(false);
    const supply = fromBinary(QueryNozSupplyResponseSchema, (await rpc.callBytes("/stratos.sds.v1.Query/NozSupply", new Uint8Array())).value);
    expect(supply.total).toMatch(/^\d+$/);
  });

  it("tendermint and node services: node info, blocks, validator set, config", async () => {
    const info = await rpc.call("/cosmos.base.tendermint.v1beta1.Service/GetNodeInfo", EMPTY, {}, GetNodeInfoResponse);
    expect(info.value.defaultNodeInfo?.network).toBe(DEVNET_CHAIN_ID);
    expect(info.value.applicationVersion?.appName).toBe("stchaind");
    const latest = await rpc.call("/cosmos.base.tendermint.v1beta1.Service/GetLatestBlock", EMPTY, {}, GetLatestBlockResponse);
    expect(latest.value.block?.header?.height).toBeGreaterThan(0n);
    expect(latest.value.sdkBlock?.header?.proposerAddress).toMatch(/^stvalcons1/);
    const first = await rpc.call("/cosmos.base.tendermint.v1beta1.Service/GetBlockByHeight", GetBlockByHeightRequest, { height: 1n }, GetBlockByHeightResponse);
    expect(first.value.block?.header?.chainId).toBe(DEVNET_CHAIN_ID);
    expect(first.value.blockId?.hash.length).toBe(32);
    const vals = await rpc.call("/cosmos.base.tendermint.v1beta1.Service/GetLatestValidatorSet", GetLatestValidatorSetRequest, {}, GetLatestValidatorSetResponse);
    expect(vals.value.validators.length).toBe(1);
    expect(vals.value.validators[0]?.pubKey?.typeUrl).toBe("/cosmos.crypto.ed25519.PubKey");
    const tooHigh = await grpcError(rpc.call("/cosmos.base.tendermint.v1beta1.Service/GetBlockByHeight", GetBlockByHeightRequest, { height: 10n ** 12n }, GetBlockByHeightResponse));
    expect(tooHigh.code).toBe(grpc.status.INVALID_ARGUMENT);
    const config = await rpc.call("/cosmos.base.node.v1beta1.Service/Config", EMPTY, {}, ConfigResponse);
    expect(config.value.minimumGasPrice).toBe("1000000000.000000000000000000wei");
  });

  it("SDS flow over gRPC: Simulate (signed, gas 0, sequence checked) → BroadcastTx SYNC (logs empty) → state visible before NewBlock → GetTx with logs", async () => {
    const before = await account(carol.address);
    const simTx = signedSend(carol, bob.address, { accountNumber: before.accountNumber, sequence: before.sequence, gas: 0n, fee: 0n });
    const sim = await rpc.call("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest, SimulateRequest.fromPartial({ txBytes: simTx }), SimulateResponse);
    expect(sim.value.gasInfo!.gasUsed).toBeGreaterThan(0n);
    const wrongSeq = await grpcError(rpc.call("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest, SimulateRequest.fromPartial({
      txBytes: signedSend(carol, bob.address, { accountNumber: before.accountNumber, sequence: before.sequence + 5n, gas: 0n, fee: 0n }),
    }), SimulateResponse));
    expect(wrongSeq.details).toMatch(/account sequence mismatch/);

    const gas = sim.value.gasInfo!.gasUsed * 2n;
    const tx = signedSend(carol, bob.address, { accountNumber: before.accountNumber, sequence: before.sequence, gas, fee: gas * 1_000_000_000n });
    // relayd re-reads the sequence over gRPC as soon as NewBlock(N) arrives on CometBFT's websocket
    // (spec-sds-clients §0 item 3, §5.4): state N must already be served then.
    const ws = new WebSocket(`${net.devnet.rpcUrl.replace(/^http/, "ws")}/websocket`);
    const seen = new Map<number, { sequence: bigint; height: number }>();
    ws.on("message", (data: Buffer) => {
      const frame = JSON.parse(data.toString("utf8")) as { result?: { data?: { value?: { block?: { header: { height: string } } } } } };
      const height = frame.result?.data?.value?.block?.header.height;
      if (height === undefined) return;
      void account(carol.address).then((a) => seen.set(Number(height), { sequence: a.sequence, height: a.height }));
    });
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "subscribe", params: { query: "tm.event='NewBlock'" } }));
    await waitFor("the first NewBlock frame", async () => (seen.size > 0 ? true : undefined), 20_000, 50);
    // (Not CometBFT's `status` height: CometBFT 0.38 saves the block, and reports it, before it runs
    // FinalizeBlock and Commit. NewBlock is published only after Commit.)
    const res = await rpc.call("/cosmos.tx.v1beta1.Service/BroadcastTx", BroadcastTxRequest, { txBytes: tx, mode: BroadcastMode.BROADCAST_MODE_SYNC }, BroadcastTxResponse);
    expect(res.value.txResponse?.code).toBe(0);
    expect(res.value.txResponse?.logs).toEqual([]);
    expect(res.value.txResponse?.txhash).toMatch(/^[0-9A-F]{64}$/);
    const found = await waitFor("the tx over gRPC GetTx", async () =>
      rpc.call("/cosmos.tx.v1beta1.Service/GetTx", GetTxRequest, { hash: res.value.txResponse!.txhash }, GetTxResponse).then((r) => r.value, () => undefined), 30_000, 200);
    expect(found.txResponse?.code).toBe(0);
    expect(found.txResponse?.logs[0]?.events[0]?.type).toBe("message");
    expect(found.txResponse?.logs[0]?.events[0]?.attributes[0]).toEqual({ key: "action", value: "/cosmos.bank.v1beta1.MsgSend" });
    const included = Number(found.txResponse!.height);
    const atNewBlock = await waitFor("the NewBlock frame of the tx's height", async () => seen.get(included), 20_000, 50);
    expect(atNewBlock.height).toBeGreaterThanOrEqual(included);
    expect(atNewBlock.sequence).toBe(before.sequence + 1n);
    ws.close();
    // A signed Simulate with the next sequence passes (CheckTx state, sequence checked).
    const next = await rpc.call("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest, SimulateRequest.fromPartial({
      txBytes: signedSend(carol, bob.address, { accountNumber: before.accountNumber, sequence: before.sequence + 1n, gas: 0n, fee: 0n }),
    }), SimulateResponse);
    expect(next.value.gasInfo!.gasUsed).toBeGreaterThan(0n);

    // A duplicate is an answer with code 19, not a gRPC error (SDK CheckCometError).
    const dup = await rpc.call("/cosmos.tx.v1beta1.Service/BroadcastTx", BroadcastTxRequest, { txBytes: tx, mode: BroadcastMode.BROADCAST_MODE_SYNC }, BroadcastTxResponse);
    expect([19, 32]).toContain(dup.value.txResponse?.code);
    const block = await grpcError(rpc.call("/cosmos.tx.v1beta1.Service/BroadcastTx", BroadcastTxRequest, { txBytes: tx, mode: BroadcastMode.BROADCAST_MODE_BLOCK }, BroadcastTxResponse));
    expect(block.details).toMatch(/unsupported return type block/);

    const search = await rpc.call("/cosmos.tx.v1beta1.Service/GetTxsEvent", GetTxsEventRequest, GetTxsEventRequest.fromPartial({ events: [`message.sender='${carol.address}'`], limit: 10n }), GetTxsEventResponse);
    expect(search.value.txResponses.map((t) => t.txhash)).toContain(res.value.txResponse!.txhash);
  });

  it("the devnet's CometBFT allows relayd's 16 websocket subscriptions (max_subscriptions_per_client ≥ 32)", () => {
    const config = fs.readFileSync(path.join(net.devnet.home, "config", "config.toml"), "utf8");
    expect(Number(/^max_subscriptions_per_client = (\d+)/m.exec(config)?.[1])).toBeGreaterThanOrEqual(32);
  });

  it("block-level events: BlockEvents over gRPC, REST and ABCI (CosmJS QueryClient)", async () => {
    const r = fromBinary(QueryBlockEventsResponseSchema, (await rpc.callBytes("/stratosts.node.v1.Query/BlockEvents", toBinary(QueryBlockEventsRequestSchema, create(QueryBlockEventsRequestSchema, { height: 2n })))).value);
    expect(r.height).toBe(2n);
    expect(Array.isArray(r.events)).toBe(true);
    const comet = await net.client();
    const q = QueryClient.withExtensions(comet);
    const abci = await q.queryAbci("/stratosts.node.v1.Query/BlockEvents", toBinary(QueryBlockEventsRequestSchema, create(QueryBlockEventsRequestSchema, { height: 2n })));
    expect(fromBinary(QueryBlockEventsResponseSchema, abci.value).height).toBe(2n);
    const json = (await (await fetch(`${rest}/stratos-ts/node/v1/block_events/2`)).json()) as { height: string; events: unknown[] };
    expect(json.height).toBe("2");
    expect(json.events.length).toBe(r.events.length);
  });

  it("bad gRPC input: unknown method, undecodable request, oversized request", async () => {
    expect((await grpcError(rpc.callBytes("/cosmos.nothing.v1.Query/Nothing", new Uint8Array()))).code).toBe(grpc.status.UNIMPLEMENTED);
    expect((await grpcError(rpc.callBytes("/cosmos.bank.v1beta1.Query/Balance", new Uint8Array([0x0a, 0xff, 0xff])))).code).toBe(grpc.status.INVALID_ARGUMENT);
    expect((await grpcError(rpc.callBytes("/cosmos.bank.v1beta1.Query/Balance", new Uint8Array(11 * 1024 * 1024)))).code).toBe(grpc.status.RESOURCE_EXHAUSTED);
  });

  it("REST: explorer paths with the gateway's JSON conventions", async () => {
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${rest}${path}`, { headers });
      return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
    };
    const acc = await get(`/cosmos/auth/v1beta1/accounts/${alice.address}`);
    expect(acc.status).toBe(200);
    expect(acc.body).toMatchObject({ account: { "@type": "/cosmos.auth.v1beta1.BaseAccount", address: alice.address, account_number: "0" } });
    expect(Number(acc.headers.get("grpc-metadata-x-cosmos-block-height"))).toBeGreaterThan(0);
    expect(acc.headers.get("access-control-allow-origin")).toBeNull();

    const bal = await get(`/cosmos/bank/v1beta1/balances/${alice.address}/by_denom?denom=wei`);
    expect(bal.body).toMatchObject({ balance: { denom: "wei" } });
    expect(typeof (bal.body.balance as { amount: unknown }).amount).toBe("string");

    const page = await get(`/cosmos/bank/v1beta1/supply?pagination.limit=1&pagination.count_total=true`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ supply: [{ denom: expect.any(String) }], pagination: { total: expect.stringMatching(/^\d+$/) } });
    const pageByKey = await get(`/cosmos/bank/v1beta1/supply?pagination.key=${encodeURIComponent(Buffer.from("wei").toString("base64"))}`);
    expect(pageByKey.status).toBe(200);

    const node = await get(`/cosmos/base/tendermint/v1beta1/node_info`);
    expect(node.body).toMatchObject({ default_node_info: { network: DEVNET_CHAIN_ID }, application_version: { app_name: "stchaind" } });
    const latest = await get(`/cosmos/base/tendermint/v1beta1/blocks/latest`);
    expect(latest.status).toBe(200);
    expect((latest.body.sdk_block as { header: { proposer_address: string } }).header.proposer_address).toMatch(/^stvalcons1/);
    const vals = await get(`/cosmos/base/tendermint/v1beta1/validatorsets/latest`);
    expect(vals.body).toMatchObject({ validators: [{ pub_key: { "@type": "/cosmos.crypto.ed25519.PubKey" } }] });

    const metaAddr = sdsAddressOfPubKey(devnetNodes().find((n) => n.kind === "meta")!.pubKey);
    const mn = await get(`/stratos/register/v1/meta_node/${metaAddr}`);
    expect(mn.status, JSON.stringify(mn.body)).toBe(200);
    expect(mn.body).toMatchObject({ node: { network_address: metaAddr, status: "BOND_STATUS_BONDED", suspend: false } });
    expect(typeof (mn.body.node as { tokens: unknown }).tokens).toBe("string");
    expect((await get(`/stratos/sds/v1/noz_supply`)).status).toBe(200);
    expect((await get(`/stratos/pot/v1/params`)).status).toBe(200);

    // LegacyDec custom types as the gateway writes them: the human decimal (the binary form is the raw integer).
    const validators = await get(`/cosmos/staking/v1beta1/validators?status=BOND_STATUS_BONDED`);
    const v0 = (validators.body.validators as Array<{ delegator_shares: string; tokens: string; commission: { commission_rates: { rate: string } } }>)[0]!;
    expect(v0.delegator_shares).toMatch(/^\d+\.\d{18}$/);
    expect(v0.tokens).toMatch(/^\d+$/);
    expect(v0.commission.commission_rates.rate).toMatch(/^0\.\d{18}$/);
    expect((await get(`/cosmos/distribution/v1beta1/params`)).body).toMatchObject({ params: { community_tax: expect.stringMatching(/^0\.\d{18}$/) } });
    expect((await get(`/cosmos/mint/v1beta1/inflation`)).body).toEqual({ inflation: "0.000000000000000000" });
    expect((await get(`/stratos/sds/v1/noz_price`)).body).toMatchObject({ price: expect.stringMatching(/^\d+\.\d{18}$/) });
  });

  it("REST: POST simulate and txs", async () => {
    const a = await account(alice.address);
    const simTx = signedSend(alice, bob.address, { accountNumber: a.accountNumber, sequence: a.sequence, gas: 0n, fee: 0n });
    const sim = await fetch(`${rest}/cosmos/tx/v1beta1/simulate`, { method: "POST", body: JSON.stringify({ tx_bytes: Buffer.from(simTx).toString("base64") }) });
    expect(sim.status, await sim.clone().text()).toBe(200);
    const simBody = (await sim.json()) as { gas_info: { gas_used: string } };
    expect(BigInt(simBody.gas_info.gas_used)).toBeGreaterThan(0n);
    const gas = BigInt(simBody.gas_info.gas_used) * 2n;
    const tx = signedSend(alice, bob.address, { accountNumber: a.accountNumber, sequence: a.sequence, gas, fee: gas * 1_000_000_000n });
    const sent = await fetch(`${rest}/cosmos/tx/v1beta1/txs`, { method: "POST", body: JSON.stringify({ tx_bytes: Buffer.from(tx).toString("base64"), mode: "BROADCAST_MODE_SYNC" }) });
    const sentBody = (await sent.json()) as { tx_response: { code: number; txhash: string; logs: unknown[] } };
    expect(sentBody.tx_response).toMatchObject({ code: 0, logs: [] });
    const got = await waitFor("GET /cosmos/tx/v1beta1/txs/{hash}", async () => {
      const r = await fetch(`${rest}/cosmos/tx/v1beta1/txs/${sentBody.tx_response.txhash}`);
      return r.status === 200 ? ((await r.json()) as { tx_response: { height: string; logs: unknown[] }; tx: { "@type"?: string; body: { messages: { "@type": string }[] } } }) : undefined;
    }, 30_000, 200);
    expect(got.tx_response.height).toMatch(/^\d+$/);
    expect(got.tx_response.logs.length).toBe(1);
    expect(got.tx.body.messages[0]?.["@type"]).toBe("/cosmos.bank.v1beta1.MsgSend");
    const search = (await (await fetch(`${rest}/cosmos/tx/v1beta1/txs?events=${encodeURIComponent(`message.sender='${alice.address}'`)}&order_by=ORDER_BY_DESC&limit=5`)).json()) as { tx_responses: { txhash: string }[]; total: string };
    expect(search.tx_responses.map((t) => t.txhash)).toContain(sentBody.tx_response.txhash);
    expect(Number(search.total)).toBeGreaterThan(0);
  });

  it("REST: bad input answers the gateway's errors", async () => {
    const call = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${rest}${path}`, init);
      return { status: res.status, body: (await res.json()) as { code: number; message: string; details: unknown[] } };
    };
    expect(await call("/cosmos/nothing/v1/here")).toEqual({ status: 501, body: { code: 12, message: "Not Implemented", details: [] } });
    const badAddr = await call(`/cosmos/bank/v1beta1/balances/st1nope/by_denom?denom=wei`);
    expect(badAddr.status).toBe(400);
    expect(badAddr.body.code).toBe(3);
    expect(badAddr.body.message).toMatch(/invalid address/);
    const future = await call(`/cosmos/bank/v1beta1/supply`, { headers: { "x-cosmos-block-height": "99999999999" } });
    expect(future.status).toBe(400);
    expect(future.body.message).toMatch(/height in the future/);
    const badKey = await call(`/cosmos/bank/v1beta1/supply?pagination.key=%%%`);
    expect(badKey.status).toBe(400);
    const badLimit = await call(`/cosmos/bank/v1beta1/supply?pagination.limit=abc`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.message).toMatch(/pagination\.limit/);
    const notFound = await call(`/cosmos/auth/v1beta1/accounts/${formatBech32Address(new Uint8Array(20).fill(9), "st")}`);
    expect(notFound.status).toBe(404);
    expect(notFound.body.code).toBe(5);
    const big = await call(`/cosmos/tx/v1beta1/simulate`, { method: "POST", body: "x".repeat(1_200_000) });
    expect(big.status).toBe(413);
    const wrongMethod = await call(`/cosmos/tx/v1beta1/simulate`);
    expect(wrongMethod.status).toBe(501);
  });
});
