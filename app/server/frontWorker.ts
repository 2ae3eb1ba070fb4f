/**
 * The gRPC and REST front ends on a worker thread. HTTP/2 framing, HTTP parsing and JSON rendering
 * cost far more CPU per call than the query itself; here they run beside the main thread, which only
 * runs the handlers against committed state (each call is one message each way). The main thread
 * executes CheckTx and FinalizeBlock one at a time, so a query flood taking its CPU would lower
 * the chain's throughput.
 */
import { parentPort } from "node:worker_threads";
import { loadProtoCatalog } from "./descriptors.js";
import type { CallDispatcher } from "./dispatch.js";
import { startGrpcServer, type RunningGrpcServer } from "./grpcServer.js";
import type { MethodResult } from "./methods.js";
import { startRestServer, type RunningRestServer } from "./rest.js";
import { ServiceError } from "./status.js";
import type { FrontInit, FrontReply, FrontRequest } from "./frontProtocol.js";

const port = parentPort!;
const pending = new Map<number, { resolve: (r: MethodResult) => void; reject: (e: unknown) => void }>();
let nextId = 1;
let servers: { grpc?: RunningGrpcServer; rest?: RunningRestServer } = {};

port.on("message", (msg: FrontReply | FrontInit | { kind: "close" }) => {
  switch (msg.kind) {
    case "init":
      void start(msg);
      return;
    case "close":
      void Promise.all([servers.grpc?.close(), servers.rest?.close()]).then(() => port.postMessage({ kind: "closed" }));
      return;
    case "result": {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new ServiceError(msg.error.code, msg.error.message));
      else p.resolve({ value: msg.value!, height: msg.height! });
      return;
    }
  }
});

async function start(init: FrontInit): Promise<void> {
  try {
    const catalog = await loadProtoCatalog();
    const served = new Set(init.served);
    const dispatcher: CallDispatcher = {
      has: (path) => served.has(path),
      call: (path, request, heights) =>
        new Promise<MethodResult>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          const req: FrontRequest = { kind: "call", id, path, request, heights: [...heights] };
          port.postMessage(req);
        }),
    };
    if (init.grpc) servers.grpc = await startGrpcServer(catalog, dispatcher, init.grpc);
    if (init.rest) servers.rest = await startRestServer(catalog, dispatcher, init.rest);
    port.postMessage({ kind: "ready", grpcAddress: servers.grpc?.address, restAddress: servers.rest?.address, grpcServices: servers.grpc?.services ?? [] });
  } catch (e) {
    await Promise.all([servers.grpc?.close(), servers.rest?.close()]);
    servers = {};
    port.postMessage({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
  }
}
