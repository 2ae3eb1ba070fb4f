import type { RequestQuery, ResponseQuery } from "cosmjs-types/tendermint/abci/types";
import type { CommitMultiStore, MultiStoreReader } from "../store/types.js";
import type { ReadContext } from "./context.js";
import { ErrInvalidHeight, ErrInvalidRequest, ErrKeyNotFound, ErrPanic, ErrUnauthorized, ErrUnknownRequest, TxError, toAbciError } from "./errors.js";

/** What a query handler reads: the committed state at the requested height (no gas metering). */
export interface QueryContext extends ReadContext {
  readonly height: number;
  readonly chainId: string;
  readonly store: MultiStoreReader;
}

/**
 * A gRPC-style query method: protobuf request bytes in, protobuf response bytes out. A handler may
 * answer asynchronously (e.g. GetTx asks CometBFT); the ABCI server does not hold consensus for it.
 */
export type QueryHandler = (ctx: QueryContext, request: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** A gRPC call's answer: the response bytes and the committed height they were read at. */
export interface GrpcAnswer {
  readonly value: Uint8Array;
  readonly height: number;
}

/** gRPC status codes the SDK maps to its own codes (baseapp `gRPCErrorToSDKError`). */
export type GrpcCode = "NotFound" | "InvalidArgument" | "FailedPrecondition" | "Unauthenticated" | "Unknown" | "Internal";

/**
 * An error a query handler returns the way SDK gRPC query servers return `status.Error(code, msg)`.
 * Its text as the client sees it is Go's status error text: "rpc error: code = X desc = msg".
 */
export class QueryError extends Error {
  override readonly name = "QueryError";
  constructor(
    readonly grpcCode: GrpcCode,
    readonly desc: string,
  ) {
    super(`rpc error: code = ${grpcCode} desc = ${desc}`);
  }
}

export const notFound = (desc: string): QueryError => new QueryError("NotFound", desc);
export const invalidArgument = (desc: string): QueryError => new QueryError("InvalidArgument", desc);

/** SDK `gRPCErrorToSDKError`: status code → SDK error wrapping the status text. */
function grpcToSdkError(e: unknown): TxError {
  if (e instanceof QueryError) {
    switch (e.grpcCode) {
      case "NotFound":
        return ErrKeyNotFound.wrap(e.message);
      case "InvalidArgument":
      case "FailedPrecondition":
        return ErrInvalidRequest.wrap(e.message);
      case "Unauthenticated":
        return ErrUnauthorized.wrap(e.message);
      default:
        return ErrUnknownRequest.wrap(e.message);
    }
  }
  // A recovered panic keeps its code, as the SDK's query recovery does.
  if (e instanceof TxError && ErrPanic.is(e)) return e;
  // A registered SDK error reaches baseapp as a plain error: wrapped as unknown request, no status prefix
  // (checked against the reference: "addresses cannot be empty: unknown address: unknown request").
  if (e instanceof TxError) return ErrUnknownRequest.wrap(e.message);
  if (e instanceof RangeError || e instanceof TypeError || e instanceof SyntaxError) {
    // Malformed request bytes (protobuf decode) are the client's fault.
    return ErrInvalidRequest.wrap(e.message);
  }
  return ErrInvalidRequest.wrap(e instanceof Error ? e.message : String(e));
}

/**
 * ABCI Query dispatch, as the SDK's `BaseApp.Query`: gRPC method paths registered by modules,
 * `/store/<name>/key|subspace` raw store reads (with ICS23 proofs), and `/app/version`.
 * Every successful answer carries the height it was read at (CosmJS throws on height 0).
 */
export class QueryRouter {
  private readonly routes = new Map<string, QueryHandler>();

  constructor(private readonly appVersion: string) {}

  register(path: string, handler: QueryHandler): void {
    if (!path.startsWith("/")) throw new Error(`query route ${path} must start with "/"`);
    if (this.routes.has(path)) throw new Error(`query route ${path} registered twice`);
    this.routes.set(path, handler);
  }

  has(path: string): boolean {
    return this.routes.has(path);
  }

  handle(req: RequestQuery, store: CommitMultiStore, chainId: string): ResponseQuery | Promise<ResponseQuery> {
    const handler = this.routes.get(req.path);
    if (handler) return this.handleGrpc(handler, req, store, chainId);
    if (req.path.startsWith("/store/")) return this.handleStore(req, store);
    if (req.path === "/app/version") return ok(new TextEncoder().encode(this.appVersion), BigInt(store.lastCommit().height));
    return failure(ErrUnknownRequest.wrap(`unknown query path: ${req.path}`), req.height);
  }

  /**
   * A gRPC method call as the node's gRPC and REST servers make it (SDK `RegisterGRPCServer`'s
   * interceptor): the committed state at `height` (0 = the last committed), errors thrown as the
   * handler raised them (QueryError, TxError or a plain Error) for the caller to turn into a status.
   * Undefined when no handler serves `path`.
   */
  callGrpc(path: string, data: Uint8Array, height: bigint, store: CommitMultiStore, chainId: string): GrpcAnswer | Promise<GrpcAnswer> | undefined {
    const handler = this.routes.get(path);
    if (!handler) return undefined;
    const resolved = resolveHeight(height, store);
    const view = loadView(store, resolved);
    const ctx: QueryContext = { height: resolved, chainId, store: view, kv: (name) => view.getReader(name) };
    const answer = handler(ctx, data);
    return answer instanceof Promise ? answer.then((value) => ({ value, height: resolved })) : { value: answer, height: resolved };
  }

  private handleGrpc(handler: QueryHandler, req: RequestQuery, store: CommitMultiStore, chainId: string): ResponseQuery | Promise<ResponseQuery> {
    let height: number;
    let view: MultiStoreReader;
    try {
      height = resolveHeight(req.height, store);
      view = loadView(store, height);
    } catch (e) {
      return failure(e, req.height);
    }
    try {
      const ctx: QueryContext = { height, chainId, store: view, kv: (name) => view.getReader(name) };
      const answer = handler(ctx, req.data);
      if (answer instanceof Promise) {
        return answer.then(
          (value) => ok(value, BigInt(height)),
          (e: unknown) => failure(grpcToSdkError(e), req.height),
        );
      }
      return ok(answer, BigInt(height));
    } catch (e) {
      // An error response carries the request's height, like the SDK.
      return failure(grpcToSdkError(e), req.height);
    }
  }

  private handleStore(req: RequestQuery, store: CommitMultiStore): ResponseQuery {
    const parts = req.path.split("/"); // ["", "store", name, "key" | "subspace"]
    const name = parts[2] ?? "";
    const kind = parts[3] ?? "";
    if (parts.length !== 4 || name === "" || (kind !== "key" && kind !== "subspace")) {
      return failure(ErrUnknownRequest.wrap(`unknown query path: ${req.path}`), req.height);
    }
    try {
      const height = resolveHeight(req.height, store);
      if (req.prove && height <= 1) {
        throw ErrInvalidRequest.wrap("cannot query with proof when height <= 1; please provide a valid height");
      }
      if (kind === "subspace") return ok(store.querySubspace(name, req.data, height).value, BigInt(height));
      const result = store.query(name, req.data, height, req.prove);
      const response = ok(result.value ?? new Uint8Array(), BigInt(height));
      response.key = req.data;
      if (result.proofOps) response.proofOps = { ops: result.proofOps.map((op) => ({ type: op.type, key: op.key, data: op.data })) };
      return response;
    } catch (e) {
      if (e instanceof RangeError) return failure(ErrInvalidRequest.wrap(e.message), req.height);
      return failure(e, req.height);
    }
  }
}

/** SDK `createQueryContext` height rules. */
function resolveHeight(height: bigint, store: CommitMultiStore): number {
  const last = store.lastCommit().height;
  if (last === 0) throw ErrInvalidHeight.wrap("stratos-ts is not ready; please wait for first block");
  if (height < 0n) throw ErrInvalidRequest.wrap(`cannot query with height < 0; please provide a valid height`);
  if (height === 0n) return last;
  if (height > BigInt(last)) {
    throw ErrInvalidHeight.wrap("cannot query with height in the future; please provide a valid height");
  }
  return Number(height);
}

function loadView(store: CommitMultiStore, height: number): MultiStoreReader {
  const last = store.lastCommit().height;
  if (height === last) return store.committed();
  try {
    return store.at(height);
  } catch (e) {
    throw ErrInvalidRequest.wrap(`failed to load state at height ${height}; ${(e as Error).message} (latest height: ${last})`);
  }
}

function ok(value: Uint8Array, height: bigint): ResponseQuery {
  return { code: 0, log: "", info: "", index: 0n, key: new Uint8Array(), value, proofOps: undefined, height, codespace: "" };
}

function failure(e: unknown, height: bigint): ResponseQuery {
  const { codespace, code, log } = toAbciError(e);
  return { code, log, info: "", index: 0n, key: new Uint8Array(), value: new Uint8Array(), proofOps: undefined, height, codespace };
}
