/**
 * The operator services of a node beside ABCI (app.toml): state sync snapshots, Prometheus metrics
 * and halt-height. `runNode` starts them; they change nothing on a consensus path.
 */

import fs from "node:fs";
import path from "node:path";
import type { Application } from "../abci/application.js";
import { SNAPSHOT_META } from "../baseapp/baseApp.js";
import { SnapshotManager } from "../snapshots/manager.js";
import type { RootMultiStore } from "../store/rootMultiStore.js";
import type { AppConfig } from "./appConfig.js";
import type { Logger } from "./logger.js";
import { AppMetrics } from "./metrics.js";

export interface OperatorServices {
  readonly snapshots: SnapshotManager;
  /** The app as CometBFT should see it: with metrics and halt-height when configured. */
  wrap(app: Application): Promise<Application>;
  close(): Promise<void>;
}

export async function startOperatorServices(o: {
  home: string;
  dataDir: string;
  config: AppConfig;
  store: RootMultiStore;
  logger: Logger;
}): Promise<OperatorServices> {
  const { config, store, logger } = o;
  const snapshotDir = path.join(o.dataDir, "snapshots");
  const chainId = genesisChainId(o.home);
  const snapshots = await SnapshotManager.open({
    dir: snapshotDir,
    interval: config.stateSync.snapshotInterval,
    keepRecent: config.stateSync.snapshotKeepRecent,
    store,
    meta: {
      ...SNAPSHOT_META,
      ...(chainId !== undefined ? { expected: new Map([["chain_id", new TextEncoder().encode(chainId)]]) } : {}),
    },
    logger,
  });
  let metricsServer: { address: string; close(): Promise<void> } | undefined;

  const wrap = async (app: Application): Promise<Application> => {
    let wrapped = app;
    if (config.telemetry.enabled) {
      const metrics = new AppMetrics(
        {
          dirs: { "application.db": path.join(o.dataDir, "application.db"), snapshots: snapshotDir },
          loadedNodes: () => {
            const s = store.stats();
            return s.loadedNodes + s.residentNodes;
          },
        },
        config.telemetry.serviceName,
      );
      metrics.setHeight(store.lastCommit().height);
      wrapped = metrics.instrument(wrapped);
      metricsServer = await metrics.serve(config.telemetry.prometheusListenAddress);
      logger.info(`Prometheus metrics at http://${metricsServer.address}/metrics`);
    }
    return wrapped;
  };

  return {
    snapshots,
    wrap,
    async close() {
      await metricsServer?.close();
      await snapshots.close();
    },
  };
}

/** The chain id of `<home>/config/genesis.json`, if there is one (a restored snapshot must match it). */
function genesisChainId(home: string): string | undefined {
  try {
    const g = JSON.parse(fs.readFileSync(path.join(home, "config", "genesis.json"), "utf8")) as { chain_id?: unknown };
    return typeof g.chain_id === "string" ? g.chain_id : undefined;
  } catch {
    return undefined;
  }
}

