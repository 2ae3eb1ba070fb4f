/**
 * The method table both servers dispatch through: a gRPC method path → a handler taking the
 * request bytes and the requested height, answering the response bytes and the height they were
 * read at (the `x-cosmos-block-height` response header).
 */
export interface MethodCall {
  readonly request: Uint8Array;
  /** From `x-cosmos-block-height`; 0 = the latest committed height. */
  readonly height: bigint;
}

export interface MethodResult {
  readonly value: Uint8Array;
  readonly height: number;
}

export type NodeMethod = (call: MethodCall) => MethodResult | Promise<MethodResult>;

export type MethodTable = ReadonlyMap<string, NodeMethod>;
