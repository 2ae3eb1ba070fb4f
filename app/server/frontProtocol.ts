/** Messages between the main thread (handlers) and the front-end worker (gRPC and REST servers). */
import type { Code } from "./status.js";
import type { GrpcServerOptions } from "./grpcServer.js";
import type { RestServerOptions } from "./rest.js";

export interface FrontInit {
  readonly kind: "init";
  /** Method paths the main thread serves. */
  readonly served: readonly string[];
  readonly grpc?: GrpcServerOptions;
  readonly rest?: RestServerOptions;
}

/** Worker → main: run one method. */
export interface FrontRequest {
  readonly kind: "call";
  readonly id: number;
  readonly path: string;
  readonly request: Uint8Array;
  readonly heights: string[];
}

/** Main → worker: the answer, or the status to report. */
export interface FrontReply {
  readonly kind: "result";
  readonly id: number;
  readonly value?: Uint8Array;
  readonly height?: number;
  readonly error?: { readonly code: Code; readonly message: string };
}

export type FrontStatus =
  | { readonly kind: "ready"; readonly grpcAddress?: string; readonly restAddress?: string; readonly grpcServices: string[] }
  | { readonly kind: "failed"; readonly message: string }
  | { readonly kind: "closed" };
