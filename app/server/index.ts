/**
 * The node services beside ABCI: gRPC (default 127.0.0.1:9090) and REST (127.0.0.1:1317), both
 * answering from the app's committed state in this process — never through the ABCI connections —
 * and the CometBFT-backed services (tendermint, tx broadcast and search).
 */
import type { BaseApp } from "../baseapp/baseApp.js";
import { loadProtoCatalog, type ProtoCatalog } from "./descriptors.js";
import { Dispatcher } from "./dispatch.js";
import { startGrpcServer } from "./grpcServer.js";
import type { MethodResult, NodeMethod } from "./methods.js";
import { nodeServiceMethods } from "./nodeService.js";
import { startRestServer } from "./rest.js";
import { QueryScheduler, type SchedulerOptions } from "./scheduler.js";
import { tendermintServiceMethods } from "./tendermintService.js";
import { txServiceMethods } from "./txService.js";
import { CometRpc } from "./cometRpc.js";

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
  const grpcServer = grpc.enable ? await startGrpcServer(catalog, dispatcher, { address: grpc.address, maxRecvBytes: options.maxRecvBytes }) : undefined;
  let restServer;
  try {
    restServer = api.enable
      ? await startRestServer(catalog, dispatcher, { address: api.address, enabledUnsafeCors: api.enabledUnsafeCors, maxBodyBytes: options.maxBodyBytes })
      : undefined;
  } catch (e) {
    await grpcServer?.close();
    throw e;
  }
  return {
    grpcAddress: grpcServer?.address,
    restAddress: restServer?.address,
    grpcServices: grpcServer?.services ?? [],
    async close() {
      await Promise.all([grpcServer?.close(), restServer?.close()]);
    },
  };
}
