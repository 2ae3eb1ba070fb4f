/**
 * gRPC statuses of the node services and their HTTP form (grpc-gateway `HTTPStatusFromCode`).
 * Handler errors keep the SDK's meaning: a QueryError is the status the handler chose; a registered
 * SDK error is mapped as the SDK client maps ABCI codes back to statuses (`sdkErrorToGRPCError`:
 * invalid request → InvalidArgument, unauthorized → Unauthenticated, key not found → NotFound,
 * anything else Unknown), with the `GRPCStatus` text "codespace C code N: …".
 */
import { status as Code } from "@grpc/grpc-js";
import { TxError } from "../baseapp/errors.js";
import { QueryError, type GrpcCode } from "../baseapp/queryRouter.js";

export { Code };

export class ServiceError extends Error {
  override readonly name = "ServiceError";
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }
}

export const invalidArgument = (message: string): ServiceError => new ServiceError(Code.INVALID_ARGUMENT, message);
export const notFound = (message: string): ServiceError => new ServiceError(Code.NOT_FOUND, message);
export const unimplemented = (message: string): ServiceError => new ServiceError(Code.UNIMPLEMENTED, message);

const QUERY_CODES: Record<GrpcCode, Code> = {
  NotFound: Code.NOT_FOUND,
  InvalidArgument: Code.INVALID_ARGUMENT,
  FailedPrecondition: Code.FAILED_PRECONDITION,
  Unauthenticated: Code.UNAUTHENTICATED,
  Unknown: Code.UNKNOWN,
  Internal: Code.INTERNAL,
};

/** SDK root codes with a status of their own; 26 (invalid height) is a bad argument too. */
const SDK_CODES: Record<number, Code> = { 4: Code.UNAUTHENTICATED, 18: Code.INVALID_ARGUMENT, 22: Code.NOT_FOUND, 26: Code.INVALID_ARGUMENT };

/** Any error a method raised, as the status the client gets. */
export function toServiceError(e: unknown): ServiceError {
  if (e instanceof ServiceError) return e;
  if (e instanceof QueryError) return new ServiceError(QUERY_CODES[e.grpcCode], e.desc);
  if (e instanceof TxError) {
    const code = e.codespace === "sdk" ? (SDK_CODES[e.code] ?? Code.UNKNOWN) : Code.UNKNOWN;
    return new ServiceError(code, e.grpcMessage());
  }
  // Malformed request bytes fail inside the protobuf decoders: the client's fault.
  if (e instanceof RangeError || e instanceof TypeError || e instanceof SyntaxError) {
    return new ServiceError(Code.INVALID_ARGUMENT, `invalid request: ${e.message}`);
  }
  return new ServiceError(Code.UNKNOWN, e instanceof Error ? e.message : String(e));
}

/** grpc-gateway `HTTPStatusFromCode`. */
export function httpStatusOf(code: Code): number {
  switch (code) {
    case Code.OK:
      return 200;
    case Code.CANCELLED:
      return 499;
    case Code.INVALID_ARGUMENT:
    case Code.FAILED_PRECONDITION:
    case Code.OUT_OF_RANGE:
      return 400;
    case Code.DEADLINE_EXCEEDED:
      return 504;
    case Code.NOT_FOUND:
      return 404;
    case Code.ALREADY_EXISTS:
    case Code.ABORTED:
      return 409;
    case Code.PERMISSION_DENIED:
      return 403;
    case Code.UNAUTHENTICATED:
      return 401;
    case Code.RESOURCE_EXHAUSTED:
      return 429;
    case Code.UNIMPLEMENTED:
      return 501;
    case Code.UNAVAILABLE:
      return 503;
    default:
      return 500;
  }
}
