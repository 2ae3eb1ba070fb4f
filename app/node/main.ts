import path from "node:path";
import fs from "node:fs";
import { AbciServer } from "../abci/server.js";
import type { ModuleHooks } from "../baseapp/block.js";
import { APP_NAME, APP_VERSION, createStratosApp, DEFAULT_MIN_GAS_PRICES } from "./app.js";
import { withBlockLog } from "./blockLog.js";
import { refuseDamagedStore } from "./dataDamage.js";
import { EXIT_IN_COMMIT_ENV, parseExitInCommit, withExitInCommit } from "./faultHook.js";
import { RootMultiStore } from "../store/rootMultiStore.js";
import { createLogger, type LogLevel } from "./logger.js";
import { defaultAppConfig, storePruning, type AppConfig } from "./appConfig.js";
import { startOperatorServices } from "./operator.js";
import type { UpgradeHandler } from "../modules/upgrade/index.js";
import type { StakingForGov } from "../modules/gov/index.js";
import { UPGRADE_HANDLERS } from "./upgrades.js";
import { type NodeServicesConfig, startNodeServices } from "../server/index.js";

export interface NodeOptions {
  /** Node home: the app keeps its state in `<home>/data/application.db` (the SDK's layout). */
  readonly home: string;
  /** ABCI listen address, `tcp://host:port` or `unix:///path`. */
  readonly abciAddress: string;
  readonly logLevel?: LogLevel;
  /** This node's CometBFT RPC (GetTx reads the tx index through it). */
  readonly cometRpc?: string;
  /** Node-local minimum gas prices, e.g. "1000000000wei" (CheckTx only). */
  readonly minimumGasPrices?: string;
  /** Worker threads for CheckTx signature checks (0 = inline). */
  readonly checkTxVerifyWorkers?: number;
  /** Replay register's reference quirks (docs/deviations.md); all validators must agree. */
  readonly referenceQuirks?: boolean;
  /** Test-only modules appended to every phase. */
  readonly extraModules?: readonly ModuleHooks[];
  /**
   * The app.toml settings (appConfig.ts; defaults when absent). minimumGasPrices and
   * checkTxVerifyWorkers above, when given, take precedence over it.
   */
  readonly config?: AppConfig;
  /** Overrides app.toml `halt-height`: stop after committing this height (0 = off). */
  readonly haltHeight?: bigint;
  /** Overrides app.toml `halt-time`: stop after committing a block at or after this Unix time (0 = off). */
  readonly haltTime?: bigint;
  /** This binary's upgrade handlers; default: the registry of app/node/upgrades.ts. */
  readonly upgradeHandlers?: ReadonlyMap<string, UpgradeHandler>;
  /** gov's staking view until staking is wired (tests only; see StratosAppOptions.stakingForGov). */
  readonly stakingForGov?: StakingForGov;
  /** `--inv-check-period`: assert every invariant at heights divisible by it (0: never). */
  readonly invCheckPeriod?: bigint;
  /** `--x-crisis-skip-assert-invariants`: no invariant assertion at InitChain. */
  readonly skipGenesisInvariants?: boolean;
  /** gRPC and REST; when absent, app.toml's `[grpc]` and `[api]` (default both on, loopback 9090 and 1317). */
  readonly services?: NodeServicesConfig;
}

export interface RunningNode {
  readonly address: string;
  /** "host:port" of the gRPC server, when on. */
  readonly grpcAddress: string | undefined;
  /** "host:port" of the REST server, when on. */
  readonly restAddress: string | undefined;
  stop(): Promise<void>;
}

/** Opens the store, builds the app and serves ABCI until stopped. */
export async function runNode(options: NodeOptions): Promise<RunningNode> {
  const logger = createLogger(options.logLevel ?? "info");
  const exitInCommit = parseExitInCommit(process.env[EXIT_IN_COMMIT_ENV]);
  const dataDir = path.join(options.home, "data");
  fs.mkdirSync(dataDir, { recursive: true });
  const config = options.config ?? defaultAppConfig();
  const store = new RootMultiStore({
    path: path.join(dataDir, "application.db"),
    pruning: storePruning(config),
    maxLoadedNodes: config.node.maxLoadedNodes,
    trimDepth: config.node.trimDepth,
  });
  const haltHeight = options.haltHeight ?? BigInt(config.haltHeight);
  const haltTime = options.haltTime ?? BigInt(config.haltTime);
  const ops = await startOperatorServices({ home: options.home, dataDir, config, store, logger });
  const parts = await createStratosApp(store, {
    checkTxVerifyWorkers: options.checkTxVerifyWorkers ?? config.node.checktxWorkers,
    extraModules: options.extraModules ?? [],
    cometRpc: options.cometRpc,
    minimumGasPrices: options.minimumGasPrices ?? config.minimumGasPrices ?? DEFAULT_MIN_GAS_PRICES,
    snapshots: ops.snapshots,
    minRetainBlocks: config.minRetainBlocks,
    referenceQuirks: options.referenceQuirks ?? false,
    invCheckPeriod: options.invCheckPeriod ?? 0n,
    skipGenesisInvariants: options.skipGenesisInvariants ?? false,
    onEndBlockProblem: (module, problem) => logger.error(`${module} EndBlock: ${problem} (the reference only logs this; state is left as it was)`),
    onInternalError: (error) => logger.error(`tx execution bug: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    upgradeHandlers: options.upgradeHandlers ?? UPGRADE_HANDLERS,
    // The reference's layout: <home>/data/upgrade-info.json, where cosmovisor looks for it.
    upgradeInfoDir: dataDir,
    onUpgradeNeeded: (needed) => logger.error(needed.message),
    ...(options.stakingForGov ? { stakingForGov: options.stakingForGov } : {}),
    ...(haltHeight || haltTime
      ? {
          halt: {
            ...(haltHeight ? { height: haltHeight } : {}),
            ...(haltTime ? { time: haltTime } : {}),
            onHalt: (reason: string) => {
              logger.info(`halting node per configuration: ${reason}`);
              // Let the Commit response reach CometBFT first, as the reference does (it signals itself).
              setTimeout(() => void stop().finally(() => process.exit(0)), 200);
            },
          },
        }
      : {}),
  }).catch(async (e: unknown) => {
    await ops.close();
    throw refuseDamagedStore(options.home, e);
  });
  const { app: baseApp, close } = parts;
  const app = await ops.wrap(baseApp);
  const last = store.lastCommit();
  logger.info(
    `${APP_NAME} ${APP_VERSION}: state at height ${last.height}, app hash ${Buffer.from(last.appHash).toString("hex").toUpperCase() || "(none)"}${baseApp.currentChainId ? `, chain ${baseApp.currentChainId}` : ""}`,
  );

  let stopping: Promise<void> | undefined;
  let served = withBlockLog(app, logger);
  if (exitInCommit !== undefined) {
    logger.error(`${EXIT_IN_COMMIT_ENV} is set: this process will exit in Commit of height ${exitInCommit.height} (a fault test hook)`);
    served = withExitInCommit(served, exitInCommit, logger);
  }
  const server: AbciServer = new AbciServer(served, {
    logger,
    onFatal: (error) => {
      logger.error(`stopping: the application failed: ${error instanceof Error ? error.message : String(error)}`);
      void stop().finally(() => process.exit(1));
    },
  });
  let services: Awaited<ReturnType<typeof startNodeServices>> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await services?.close();
      await server.close();
      await ops.close();
      await close();
    })();
    return stopping;
  };
  // gRPC and REST read the committed store in this process; they start before ABCI so that the
  // "listening" line means every service is up.
  const minimumGasPrices = options.minimumGasPrices ?? config.minimumGasPrices ?? DEFAULT_MIN_GAS_PRICES;
  services = await startNodeServices(baseApp, {
    config: options.services ?? { grpc: config.grpc, api: config.api },
    cometRpc: options.cometRpc ?? "http://127.0.0.1:26657",
    minimumGasPrices,
  }, APP_NAME, APP_VERSION);
  if (services.grpcAddress) logger.info(`gRPC server listening on ${services.grpcAddress}`);
  if (services.restAddress) logger.info(`REST server listening on http://${services.restAddress}`);
  const address = await server.listen(options.abciAddress);
  logger.info(`ABCI server listening on ${address}`);
  return { address, grpcAddress: services.grpcAddress, restAddress: services.restAddress, stop };
}
