import { GetTxRequest, GetTxResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { Tx } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { ABCIMessageLog, TxResponse } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import type { QueryHandler } from "../queryRouter.js";
import { invalidArgument, notFound } from "../queryRouter.js";

export const GET_TX_PATH = "/cosmos.tx.v1beta1.Service/GetTx";

/** The two CometBFT RPC reads GetTx needs (the SDK's tx service asks the node the same way). */
export interface TxLookup {
  /** `/tx?hash=0x…`; undefined when CometBFT does not know the tx. */
  tx(hashHex: string): Promise<RpcTx | undefined>;
  /** `/block?height=h` header time (RFC 3339 with nanoseconds, as CometBFT prints it). */
  blockTime(height: bigint): Promise<string>;
}

export interface RpcTx {
  readonly hash: string;
  readonly height: bigint;
  readonly tx: Uint8Array;
  readonly result: {
    readonly code: number;
    readonly codespace: string;
    readonly data: Uint8Array;
    readonly log: string;
    readonly info: string;
    readonly gasWanted: bigint;
    readonly gasUsed: bigint;
    readonly events: readonly { type: string; attributes: readonly { key: string; value: string; index: boolean }[] }[];
  };
}

/**
 * `cosmos.tx.v1beta1.Service/GetTx` (x/auth/tx/service.go + client/tx query, SDK v0.47): the tx and
 * its TxResponse, read from CometBFT's tx index. Not found is a gRPC NotFound ("tx not found: HASH").
 */
export function getTxHandler(lookup: TxLookup): QueryHandler {
  return async (_ctx, request) => {
    const req = GetTxRequest.decode(request);
    if (req.hash === "") throw invalidArgument("tx hash cannot be empty");
    // SDK `QueryTx` decodes the hash with Go's hex.DecodeString and returns its error as is (a plain
    // error: baseapp maps it to ErrInvalidRequest, code 18). A well-formed hash of any length goes on
    // to CometBFT, which answers "not found" for an unknown one.
    const hexProblem = goHexDecodeError(req.hash);
    if (hexProblem !== undefined) throw new Error(hexProblem);
    const found = await lookup.tx(req.hash);
    if (!found) throw notFound(`tx not found: ${req.hash}`);
    const time = await lookup.blockTime(found.height);
    // TxRaw and Tx share one wire layout (bytes fields 1–3 vs messages 1–3), so the raw bytes are a Tx.
    const tx = Tx.decode(found.tx);
    return GetTxResponse.encode({ tx, txResponse: txResponseOf(found, time) }).finish();
  };
}

/**
 * SDK `NewResponseResultTx`: the TxResponse of an indexed tx, its message logs parsed from the
 * SDK 0.47 JSON log, its time the block's (RFC 3339, whole seconds).
 */
export function txResponseOf(found: RpcTx, blockTime: string): TxResponse {
  return {
      height: found.height,
      txhash: found.hash.toUpperCase(),
      codespace: found.result.codespace,
      code: found.result.code,
      data: Buffer.from(found.result.data).toString("hex").toUpperCase(),
      rawLog: found.result.log,
      logs: parseMessageLogs(found.result.log),
      info: found.result.info,
      gasWanted: found.result.gasWanted,
      gasUsed: found.result.gasUsed,
      tx: { typeUrl: "/cosmos.tx.v1beta1.Tx", value: found.tx },
      timestamp: rfc3339Seconds(blockTime),
      events: found.result.events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ ...a })) })),
  };
}

/**
 * The error text of Go's `hex.DecodeString(s)`, or undefined if it decodes. Pairs are checked left to
 * right (first the high, then the low nibble); an odd length is reported after checking the last byte.
 * Go works on bytes: a non-ASCII character reports its first UTF-8 byte (`%#U` of that byte value).
 */
export function goHexDecodeError(s: string): string | undefined {
  const bytes = Buffer.from(s, "utf8");
  const isHex = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46);
  // `%#U` adds the quoted character only when strconv.IsPrint holds (ASCII graphic + space, Latin-1
  // graphic except the soft hyphen).
  const printable = (b: number): boolean => (b >= 0x20 && b <= 0x7e) || (b >= 0xa1 && b !== 0xad);
  const invalid = (b: number): string => {
    const code = `U+${b.toString(16).toUpperCase().padStart(4, "0")}`;
    return `encoding/hex: invalid byte: ${printable(b) ? `${code} '${String.fromCharCode(b)}'` : code}`;
  };
  let j = 1;
  for (; j < bytes.length; j += 2) {
    if (!isHex(bytes[j - 1]!)) return invalid(bytes[j - 1]!);
    if (!isHex(bytes[j]!)) return invalid(bytes[j]!);
  }
  if (bytes.length % 2 === 1) {
    if (!isHex(bytes[j - 1]!)) return invalid(bytes[j - 1]!);
    return "encoding/hex: odd length hex string";
  }
  return undefined;
}

/** SDK `ParseABCILogs`: the JSON message logs of a successful tx; anything else parses to none. */
export function parseMessageLogs(log: string): ABCIMessageLog[] {
  try {
    const parsed: unknown = JSON.parse(log);
    if (!Array.isArray(parsed)) return [];
    return parsed.map((entry: { msg_index?: number; log?: string; events?: { type: string; attributes: { key: string; value: string }[] }[] }) => ({
      msgIndex: entry.msg_index ?? 0,
      log: entry.log ?? "",
      events: (entry.events ?? []).map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ key: a.key, value: a.value })) })),
    }));
  } catch {
    return [];
  }
}

/** Go `time.Format(time.RFC3339)`: whole seconds, "Z" for UTC. */
function rfc3339Seconds(time: string): string {
  return time.replace(/\.\d+Z$/, "Z");
}

/** TxLookup over CometBFT's JSON-RPC (HTTP GET). */
export function cometRpcTxLookup(rpcUrl: string): TxLookup {
  const base = rpcUrl.replace(/\/$/, "");
  const call = async (path: string): Promise<{ result?: unknown; error?: { data?: string; message?: string } }> => {
    const res = await fetch(`${base}${path}`);
    return (await res.json()) as { result?: unknown; error?: { data?: string; message?: string } };
  };
  return {
    async tx(hashHex) {
      const body = await call(`/tx?hash=0x${hashHex}&prove=false`);
      if (body.error) {
        if (`${body.error.data ?? ""}${body.error.message ?? ""}`.includes("not found")) return undefined;
        throw new Error(`CometBFT /tx: ${body.error.data ?? body.error.message}`);
      }
      return rpcTxFromJson(body.result as RpcTxJson);
    },
    async blockTime(height) {
      const body = await call(`/block?height=${height}`);
      if (body.error) throw new Error(`CometBFT /block: ${body.error.data ?? body.error.message}`);
      return (body.result as { block: { header: { time: string } } }).block.header.time;
    },
  };
}

/** A tx as CometBFT's `/tx` and `/tx_search` print it. */
export interface RpcTxJson {
  hash: string;
  height: string;
  tx: string;
  tx_result: { code?: number; codespace?: string; data?: string | null; log?: string; info?: string; gas_wanted?: string; gas_used?: string; events?: { type: string; attributes?: { key: string; value: string; index?: boolean }[] }[] };
}

export function rpcTxFromJson(r: RpcTxJson): RpcTx {
  const t = r.tx_result;
  return {
    hash: r.hash,
    height: BigInt(r.height),
    tx: Buffer.from(r.tx, "base64"),
    result: {
      code: t.code ?? 0,
      codespace: t.codespace ?? "",
      data: Buffer.from(t.data ?? "", "base64"),
      log: t.log ?? "",
      info: t.info ?? "",
      gasWanted: BigInt(t.gas_wanted ?? "0"),
      gasUsed: BigInt(t.gas_used ?? "0"),
      events: (t.events ?? []).map((e) => ({ type: e.type, attributes: (e.attributes ?? []).map((a) => ({ key: a.key, value: a.value, index: a.index ?? false })) })),
    },
  };
}
