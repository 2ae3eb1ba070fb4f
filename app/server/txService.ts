/**
 * `cosmos.tx.v1beta1.Service` (SDK v0.47 x/auth/tx/service.go, client/broadcast.go): Simulate and
 * GetTx are the app's own query handlers (baseapp Simulate on the CheckTx state, GetTx from
 * CometBFT's index); BroadcastTx, GetTxsEvent and GetBlockWithTxs go through this node's CometBFT
 * RPC as the SDK's client context does. Amino JSON encoding is not offered (Unimplemented).
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { TxResponse as TxResponseCodec } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { sha256 } from "@noble/hashes/sha2.js";
import { parseMessageLogs, rpcTxFromJson, type RpcTxJson, txResponseOf } from "../baseapp/tx/getTx.js";
import {
  BroadcastMode, BroadcastTxRequestSchema, BroadcastTxResponseSchema, GetBlockWithTxsRequestSchema,
  GetBlockWithTxsResponseSchema, GetTxsEventRequestSchema, GetTxsEventResponseSchema, OrderBy, TxDecodeRequestSchema,
  TxDecodeResponseSchema, TxEncodeRequestSchema, TxEncodeResponseSchema,
} from "../codec/cosmos/tx/v1beta1/service_pb.js";
import { TxRawSchema, TxSchema, TxBodySchema, AuthInfoSchema, type Tx } from "../codec/cosmos/tx/v1beta1/tx_pb.js";
import { TxResponseSchema, type TxResponse } from "../codec/cosmos/base/abci/v1beta1/abci_pb.js";
import { blockIdOf, blockOf, type ResultBlockJson } from "./blocks.js";
import { CometRpc, CometRpcError } from "./cometRpc.js";
import type { MethodCall, MethodResult, NodeMethod } from "./methods.js";
import { Code, invalidArgument, ServiceError, unimplemented } from "./status.js";

const SERVICE = "/cosmos.tx.v1beta1.Service/";
const DEFAULT_LIMIT = 100n;

export interface TxServiceDeps {
  readonly rpc: CometRpc;
  readonly lastHeight: () => number;
}

interface BroadcastJson {
  code: number;
  data: string;
  log: string;
  codespace: string;
  hash: string;
}

/** A CometBFT-side txs result decoded into the SDK's TxResponse (protobuf-es form). */
function sdkTxResponse(found: RpcTxJson, blockTime: string): TxResponse {
  return fromBinary(TxResponseSchema, TxResponseCodec.encode(txResponseOf(rpcTxFromJson(found), blockTime)).finish());
}

const txHash = (tx: Uint8Array): string => Buffer.from(sha256(tx)).toString("hex").toUpperCase();

/** SDK `CheckCometError`: CometBFT's refusals that are answers, not errors (codes 19, 20, 21). */
function cometRefusal(e: unknown, tx: Uint8Array): TxResponse | undefined {
  if (!(e instanceof CometRpcError)) return undefined;
  const text = e.text.toLowerCase();
  const code = text.includes("tx already exists in cache") ? 19 : text.includes("mempool is full") ? 20 : text.includes("tx too large") ? 21 : 0;
  return code === 0 ? undefined : create(TxResponseSchema, { code, codespace: "sdk", txhash: txHash(tx) });
}

export function txServiceMethods(d: TxServiceDeps): Map<string, NodeMethod> {
  const result = (value: Uint8Array): MethodResult => ({ value, height: d.lastHeight() });
  const blockTimes = async (heights: readonly string[]): Promise<Map<string, string>> => {
    const times = new Map<string, string>();
    for (const h of new Set(heights)) {
      const b = await d.rpc.call<ResultBlockJson>("block", { height: h });
      times.set(h, b.block.header.time);
    }
    return times;
  };

  const methods: Record<string, (call: MethodCall) => Promise<MethodResult>> = {
    async BroadcastTx(call) {
      const req = fromBinary(BroadcastTxRequestSchema, call.request);
      if (req.txBytes.length === 0) throw invalidArgument("invalid empty tx");
      const method = req.mode === BroadcastMode.SYNC ? "broadcast_tx_sync" : req.mode === BroadcastMode.ASYNC ? "broadcast_tx_async" : undefined;
      if (method === undefined) {
        const name = req.mode === BroadcastMode.BLOCK ? "block" : "unspecified";
        throw new ServiceError(Code.UNKNOWN, `unsupported return type ${name}; supported types: sync, async`);
      }
      let res: BroadcastJson;
      try {
        res = await d.rpc.call<BroadcastJson>(method, { tx: `0x${Buffer.from(req.txBytes).toString("hex")}` });
      } catch (e) {
        const refusal = cometRefusal(e, req.txBytes);
        if (refusal) return result(toBinary(BroadcastTxResponseSchema, create(BroadcastTxResponseSchema, { txResponse: refusal })));
        throw e instanceof CometRpcError ? new ServiceError(Code.UNKNOWN, e.message) : e;
      }
      // SDK `NewResponseFormatBroadcastTx`: CheckTx's log is "[]", so `logs` stays empty.
      const txResponse = create(TxResponseSchema, {
        code: res.code,
        codespace: res.codespace,
        data: Buffer.from(res.data ?? "", "base64").toString("hex").toUpperCase(),
        rawLog: res.log,
        logs: parseMessageLogs(res.log).map((l) => ({ msgIndex: l.msgIndex, log: l.log, events: l.events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ ...a })) })) })),
        txhash: res.hash.toUpperCase(),
      });
      return result(toBinary(BroadcastTxResponseSchema, create(BroadcastTxResponseSchema, { txResponse })));
    },

    async GetTxsEvent(call) {
      const req = fromBinary(GetTxsEventRequestSchema, call.request);
      if (req.events.length === 0) throw invalidArgument("must declare at least one event to search");
      for (const event of req.events) {
        if ((event.match(/=/g) ?? []).length !== 1) {
          throw invalidArgument(`invalid event; event ${event} should be of the format: {eventType}.{eventAttribute}={value}`);
        }
      }
      let page = req.page;
      let limit = req.limit;
      // The deprecated PageRequest still works: offset/limit → page.
      if (page === 0n && limit === 0n && req.pagination) {
        limit = req.pagination.limit;
        if (limit === 0n) limit = DEFAULT_LIMIT;
        page = req.pagination.offset / limit + 1n;
      }
      if (page === 0n) page = 1n;
      if (limit === 0n) limit = DEFAULT_LIMIT;
      if (limit > 100n) limit = 100n; // CometBFT's per_page maximum
      const orderBy = req.orderBy === OrderBy.DESC ? "desc" : "asc";
      let res: { txs: RpcTxJson[]; total_count: string };
      try {
        res = await d.rpc.call<{ txs: RpcTxJson[]; total_count: string }>("tx_search", {
          query: JSON.stringify(req.events.join(" AND ")),
          page: page.toString(),
          per_page: limit.toString(),
          order_by: JSON.stringify(orderBy),
        });
      } catch (e) {
        if (e instanceof CometRpcError) throw invalidArgument(e.message);
        throw e;
      }
      const times = await blockTimes(res.txs.map((t) => t.height));
      const txResponses = res.txs.map((t) => sdkTxResponse(t, times.get(t.height)!));
      const txs = res.txs.map((t) => fromBinary(TxSchema, Buffer.from(t.tx, "base64")));
      const total = BigInt(res.total_count);
      return result(toBinary(GetTxsEventResponseSchema, create(GetTxsEventResponseSchema, { txs, txResponses, pagination: { total }, total })));
    },

    async GetBlockWithTxs(call) {
      const req = fromBinary(GetBlockWithTxsRequestSchema, call.request);
      const current = BigInt(d.lastHeight());
      if (req.height < 1n || req.height > current) {
        throw invalidArgument(`requested height ${req.height} but height must not be less than 1 or greater than the current height ${current}: invalid height`);
      }
      const res = await d.rpc.call<ResultBlockJson>("block", { height: req.height.toString() });
      const block = blockOf(res.block);
      const blockTxs = block.data?.txs ?? [];
      const count = BigInt(blockTxs.length);
      const offset = req.pagination?.offset ?? 0n;
      const limit = req.pagination ? req.pagination.limit : DEFAULT_LIMIT;
      if (offset >= count && count !== 0n) {
        throw invalidArgument(`out of range: cannot paginate ${count} txs with offset ${offset} and limit ${limit}: invalid request`);
      }
      const txs: Tx[] = [];
      if (req.pagination?.reverse) {
        for (let i = offset, n = 0n; i > 0n && n !== limit; i--, n++) txs.push(fromBinary(TxSchema, blockTxs[Number(i)]!));
      } else {
        for (let i = offset, n = 0n; i < count && n !== limit; i++, n++) txs.push(fromBinary(TxSchema, blockTxs[Number(i)]!));
      }
      return result(toBinary(GetBlockWithTxsResponseSchema, create(GetBlockWithTxsResponseSchema, {
        txs, blockId: blockIdOf(res.block_id), block, pagination: { total: count },
      })));
    },

    async TxDecode(call) {
      const req = fromBinary(TxDecodeRequestSchema, call.request);
      if (req.txBytes.length === 0) throw invalidArgument("invalid empty tx bytes");
      const raw = fromBinary(TxRawSchema, req.txBytes);
      const tx = create(TxSchema, { body: fromBinary(TxBodySchema, raw.bodyBytes), authInfo: fromBinary(AuthInfoSchema, raw.authInfoBytes), signatures: raw.signatures });
      return result(toBinary(TxDecodeResponseSchema, create(TxDecodeResponseSchema, { tx })));
    },

    async TxEncode(call) {
      const req = fromBinary(TxEncodeRequestSchema, call.request);
      if (!req.tx) throw invalidArgument("invalid empty tx");
      const raw = create(TxRawSchema, {
        bodyBytes: req.tx.body ? toBinary(TxBodySchema, req.tx.body) : new Uint8Array(),
        authInfoBytes: req.tx.authInfo ? toBinary(AuthInfoSchema, req.tx.authInfo) : new Uint8Array(),
        signatures: req.tx.signatures,
      });
      return result(toBinary(TxEncodeResponseSchema, create(TxEncodeResponseSchema, { txBytes: toBinary(TxRawSchema, raw) })));
    },

    async TxEncodeAmino() {
      throw unimplemented("amino JSON txs are not supported by stratos-ts: use SIGN_MODE_DIRECT protobuf txs");
    },

    async TxDecodeAmino() {
      throw unimplemented("amino JSON txs are not supported by stratos-ts: use SIGN_MODE_DIRECT protobuf txs");
    },
  };
  return new Map(Object.entries(methods).map(([name, f]) => [SERVICE + name, f]));
}

