/**
 * The node services beside ABCI: gRPC (default 127.0.0.1:9090) and REST (127.0.0.1:1317), both
 * answering from the app's committed state in this process — never through the ABCI connections —
 * and the CometBFT-backed services (tendermint, tx broadcast and search).
 */
import type { BaseApp } from "../baseapp/baseApp.js";
import { loadProtoCatalog, type ProtoCatalog } from "./descriptors.js";
import { Dispatcher } from "./dispatch.js";
import { Worker } from "node:worker_threads";
import type { FrontInit, FrontReply, FrontRequest, FrontStatus } from "./frontProtocol.js";
import type { MethodResult, NodeMethod } from "./methods.js";
import { nodeServiceMethods } from "./nodeService.js";
import { QueryScheduler, type SchedulerOptions } from "./scheduler.js";
import { tendermintServiceMethods } from "./tendermintService.js";
import { txServiceMethods } from "./txService.js";
import { CometRpc } from "./cometRpc.js";
import { toServiceError } from "./status.js";

/** The app.toml `[grpc]` and `[api]` settings (SDK names). */
export interface NodeServicesConfig {
  readonly grpc: { readonly enable: boolean; readonly address: string };
  readonly api: { readonly enable: boolean; readonly address: string; readonly enabledUnsafeCors: boolean };
}

export const DEFAULT_NODE_SERVICES: NodeServicesConfig = {
  grpc: { enable: true, address: "127.0.0.1:9090" },
  api: { enable: true, address: "tcp://127.0.0.1:1317", enabledUnsafeCors: false },
};

export interface NodeServicesOptions {
  readonly config: NodeServicesConfig;
  /** This node's CometBFT RPC (blocks, validators, broadcast, tx search). */
  readonly cometRpc: string;
  readonly minimumGasPrices: string;
  readonly scheduler?: SchedulerOptions;
  readonly maxRecvBytes?: number;
  readonly maxBodyBytes?: number;
}

export interface RunningNodeServices {
  /** "host:port", when gRPC is on. */
  readonly grpcAddress: string | undefined;
  /** "host:port", when REST is on. */
  readonly restAddress: string | undefined;
  readonly grpcServices: readonly string[];
  close(): Promise<void>;
}

/** What the services need of the app (BaseApp, or a test double). */
export type ServedApp = Pick<BaseApp, "grpcQuery" | "servesQuery" | "query" | "lastHeight">;

/**
 * The method table: every method of every generated service that the app's query router serves
 * (module queries, Simulate, GetTx, BlockEvents), then the node's own (tx broadcast and search,
 * tendermint, node config), which take precedence on the same path.
 */
export function buildMethodTable(catalog: ProtoCatalog, app: ServedApp, options: Omit<NodeServicesOptions, "config">, appName: string, appVersion: string): Map<string, NodeMethod> {
  const table = new Map<string, NodeMethod>();
  const lastHeight = (): number => app.lastHeight;
  for (const service of catalog.services) {
    for (const m of service.methods) {
      const path = `/${service.typeName}/${m.name}`;
      if (m.methodKind !== "unary" || !app.servesQuery(path)) continue;
      table.set(path, (call): MethodResult | Promise<MethodResult> => app.grpcQuery(path, call.request, call.height)!);
    }
  }
  const rpc = new CometRpc(options.cometRpc);
  const own = [
    txServiceMethods({ rpc, lastHeight }),
    tendermintServiceMethods({ rpc, abciQuery: (req) => app.query(req), lastHeight, appName, appVersion }),
    nodeServiceMethods(options.minimumGasPrices, lastHeight),
  ];
  for (const methods of own) for (const [path, method] of methods) table.set(path, method);
  return table;
}

export async function startNodeServices(app: ServedApp, options: NodeServicesOptions, appName: string, appVersion: string): Promise<RunningNodeServices> {
  const { grpc, api } = options.config;
  if (!grpc.enable && !api.enable) return { grpcAddress: undefined, restAddress: undefined, grpcServices: [], close: async () => {} };
  const catalog = await loadProtoCatalog();
  const table = buildMethodTable(catalog, app, options, appName, appVersion);
  const dispatcher = new Dispatcher(table, new QueryScheduler(options.scheduler), () => app.lastHeight);
  const front = await startFrontWorker(dispatcher, {
    kind: "init",
    served: dispatcher.paths,
    ...(grpc.enable ? { grpc: { address: grpc.address, ...(options.maxRecvBytes ? { maxRecvBytes: options.maxRecvBytes } : {}) } } : {}),
    ...(api.enable ? { rest: { address: api.address, enabledUnsafeCors: api.enabledUnsafeCors, ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) } } : {}),
  });
  return {
    grpcAddress: front.ready.grpcAddress,
    restAddress: front.ready.restAddress,
    grpcServices: front.ready.grpcServices,
    close: () => front.close(),
  };
}

const WORKER_URL = new URL("./frontWorker.ts", import.meta.url).href;
// Loader flags do not reach workers on Node 20: a bootstrap registers tsx inside the worker first
// (as app/crypto/verifyPool.ts does).
const WORKER_BOOTSTRAP = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

/** Starts the front-end worker and serves its calls from `dispatcher` on this thread. */
async function startFrontWorker(dispatcher: Dispatcher, init: FrontInit): Promise<{ ready: Extract<FrontStatus, { kind: "ready" }>; close(): Promise<void> }> {
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, execArgv: [] });
  let closed: (() => void) | undefined;
  const ready = new Promise<Extract<FrontStatus, { kind: "ready" }>>((resolve, reject) => {
    worker.on("message", (msg: FrontRequest | FrontStatus) => {
      switch (msg.kind) {
        case "call":
          dispatcher.call(msg.path, msg.request, msg.heights).then(
            (r) => worker.postMessage({ kind: "result", id: msg.id, value: r.value, height: r.height } satisfies FrontReply),
            (e: unknown) => {
              const err = toServiceError(e);
              worker.postMessage({ kind: "result", id: msg.id, error: { code: err.code, message: err.message } } satisfies FrontReply);
            },
          );
          return;
        case "ready":
          resolve(msg);
          return;
        case "failed":
          reject(new Error(`node services: ${msg.message}`));
          return;
        case "closed":
          closed?.();
          return;
      }
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`node services worker exited (${code})`)));
  });
  worker.postMessage(init);
  let status: Extract<FrontStatus, { kind: "ready" }>;
  try {
    status = await ready;
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  return {
    ready: status,
    async close() {
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ kind: "close" });
        setTimeout(resolve, 3_000).unref();
      });
      await worker.terminate();
    },
  };
}
