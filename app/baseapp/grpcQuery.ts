/**
 * Query handlers from generated service descriptors: a handler is keyed by its gRPC method path and
 * decodes/encodes with the method's own input/output schemas, so the same table serves ABCI queries,
 * gRPC and (through the `google.api.http` options) REST.
 */
import { create, type DescMessage, type DescMethod, fromBinary, type MessageInitShape, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { AddressError } from "../crypto/address.js";
import { ErrUnknownAddress } from "./errors.js";
import type { QueryContext, QueryHandler } from "./queryRouter.js";

/** "/stratos.register.v1.Query/ResourceNode" for the ResourceNode method of that service. */
export function grpcMethodPath(method: DescMethod): string {
  return `/${method.parent.typeName}/${method.name}`;
}

/**
 * One unary method: decodes the request with the method's input schema, encodes the answer with its
 * output schema. `bytes` is passed on for the rare handler that must see presence on the wire (a
 * PageRequest key).
 */
export function unary<I extends DescMessage, O extends DescMessage>(
  method: DescMethod & { readonly input: I; readonly output: O },
  answer: (ctx: QueryContext, req: MessageShape<I>, bytes: Uint8Array) => MessageInitShape<O>,
): [string, QueryHandler] {
  return [grpcMethodPath(method), (ctx, bytes) => toBinary(method.output, create(method.output, answer(ctx, fromBinary(method.input, bytes), bytes)))];
}

/**
 * A bech32 address of a request, failing as `AccAddressFromBech32` / `SdsAddressFromBech32` do inside a
 * query: the raw error is returned (gRPC Unknown) — registered `ErrUnknownAddress` for an empty or
 * over-long payload, a plain Go error for everything else.
 */
export function queryAddress(parse: (text: string) => Uint8Array, text: string): Uint8Array {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof AddressError) throw e.sdkCode === 9 ? ErrUnknownAddress.wrap(e.message) : new Error(e.message);
    throw e;
  }
}
