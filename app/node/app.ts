import { BaseApp } from "../baseapp/baseApp.js";
import type { ModuleHooks, ModulePhases } from "../baseapp/block.js";
import { QueryRouter } from "../baseapp/queryRouter.js";
import type { CommitMultiStore } from "../store/types.js";

export const APP_NAME = "stratos-ts";
export const APP_VERSION = "0.1.0";

export interface StratosAppParts {
  readonly app: BaseApp;
  readonly store: CommitMultiStore;
  readonly queries: QueryRouter;
}

/**
 * The one place that lists the modules and their order per phase (spec-chain.md §8).
 * `extraModules` lets tests add modules (appended to every phase); production passes none.
 */
export async function createStratosApp(store: CommitMultiStore, extraModules: readonly ModuleHooks[] = []): Promise<StratosAppParts> {
  const modules: ModulePhases = {
    initGenesis: [...extraModules],
    beginBlock: [...extraModules],
    endBlock: [...extraModules],
  };
  BaseApp.mountStores(store, modules);
  await store.load();
  const queries = new QueryRouter(APP_VERSION);
  const app = new BaseApp({ store, modules, queries, name: APP_NAME, version: APP_VERSION });
  return { app, store, queries };
}
