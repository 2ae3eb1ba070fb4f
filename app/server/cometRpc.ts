/**
 * The few CometBFT JSON-RPC calls the node services make (status, blocks, validators, tx search,
 * broadcast, block results), over HTTP GET to this node's RPC as the SDK's client context does.
 */
import { Code, ServiceError } from "./status.js";

export interface RpcError {
  readonly code?: number;
  readonly message?: string;
  readonly data?: string;
}

/** A JSON-RPC error answer; `text` is what CometBFT said (data, else message). */
export class CometRpcError extends Error {
  override readonly name = "CometRpcError";
  constructor(
    readonly method: string,
    readonly rpc: RpcError,
  ) {
    super(`${rpc.message ?? "error"}${rpc.data ? `: ${rpc.data}` : ""}`);
  }

  get text(): string {
    return `${this.rpc.data ?? ""} ${this.rpc.message ?? ""}`;
  }
}

export class CometRpc {
  private readonly base: string;

  constructor(
    url: string,
    private readonly timeoutMs = 10_000,
  ) {
    this.base = url.replace(/\/$/, "");
  }

  /** `GET /<method>?k=v`; resolves with `result`, rejects with CometRpcError or Unavailable. */
  async call<T>(method: string, params: Record<string, string | number | boolean | undefined> = {}): Promise<T> {
    const query = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join("&");
    let body: { result?: T; error?: RpcError };
    try {
      const res = await fetch(`${this.base}/${method}${query ? `?${query}` : ""}`, { signal: AbortSignal.timeout(this.timeoutMs) });
      body = (await res.json()) as { result?: T; error?: RpcError };
    } catch (e) {
      throw new ServiceError(Code.UNAVAILABLE, `CometBFT RPC ${method}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (body.error) throw new CometRpcError(method, body.error);
    if (body.result === undefined) throw new ServiceError(Code.UNAVAILABLE, `CometBFT RPC ${method}: no result`);
    return body.result;
  }
}

/** CometBFT quotes string parameters of its URI interface in double quotes. */
export const rpcString = (s: string): string => JSON.stringify(s);
