/**
 * One entry point for gRPC and REST calls: the `x-cosmos-block-height` header checked as the SDK's
 * gRPC interceptor does, then the method run through the query scheduler (never through ABCI).
 */
import { ErrInvalidHeight, ErrInvalidRequest } from "../baseapp/errors.js";
import type { MethodResult, MethodTable } from "./methods.js";
import type { QueryScheduler } from "./scheduler.js";
import { unimplemented } from "./status.js";

/** The SDK's height header (types/grpc `GRPCBlockHeightHeader`). */
export const BLOCK_HEIGHT_HEADER = "x-cosmos-block-height";

const INT64_MAX = (1n << 63n) - 1n;

/**
 * The requested height of a call: the header when it appears exactly once (Go `strconv.ParseInt`
 * rules), else 0 (the latest). A bad value or a negative one is an invalid request.
 */
export function parseHeightHeader(values: readonly string[]): bigint {
  if (values.length !== 1) return 0n;
  const text = values[0]!;
  const fail = (why: string): never => {
    throw ErrInvalidRequest.wrap(`Baseapp.RegisterGRPCServer: invalid height header "${BLOCK_HEIGHT_HEADER}": strconv.ParseInt: parsing ${JSON.stringify(text)}: ${why}`);
  };
  if (!/^[+-]?\d+$/.test(text)) fail("invalid syntax");
  const height = BigInt(text);
  if (height > INT64_MAX || height < -INT64_MAX - 1n) fail("value out of range");
  if (height < 0n) throw ErrInvalidRequest.wrap("cannot query with height < 0; please provide a valid height");
  return height;
}

/** What the gRPC and REST servers call: the Dispatcher itself, or its proxy on the front-end worker. */
export interface CallDispatcher {
  has(path: string): boolean;
  call(path: string, request: Uint8Array, heightHeader: readonly string[]): Promise<MethodResult>;
}

export class Dispatcher implements CallDispatcher {
  constructor(
    private readonly table: MethodTable,
    private readonly scheduler: QueryScheduler,
    private readonly lastHeight: () => number,
  ) {}

  has(path: string): boolean {
    return this.table.has(path);
  }

  get paths(): string[] {
    return [...this.table.keys()];
  }

  /** Runs `path` with the raw height header values; rejects with the error to report. */
  call(path: string, request: Uint8Array, heightHeader: readonly string[]): Promise<MethodResult> {
    const method = this.table.get(path);
    if (!method) return Promise.reject(unimplemented(`unknown method ${path}`));
    return this.scheduler.run(() => {
      const height = parseHeightHeader(heightHeader);
      const last = this.lastHeight();
      if (last === 0) throw ErrInvalidHeight.wrap("stratos-ts is not ready; please wait for first block");
      if (height > BigInt(last)) throw ErrInvalidHeight.wrap("cannot query with height in the future; please provide a valid height");
      return method({ request, height });
    });
  }
}
