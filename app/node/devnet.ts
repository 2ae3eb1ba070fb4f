import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyTomlOverrides, patchConfigFile } from "./cometbftConfig.js";
import { appTomlPath, defaultAppConfig, renderAppToml, type AppConfig } from "./appConfig.js";
import { buildDevnetAppState, DEVNET_CHAIN_ID } from "./devnetGenesis.js";
import { cometNodeId, cometValidatorPubKey, withGenesisValidator } from "./genesisValidator.js";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const COMETBFT_BIN = path.join(PROJECT_ROOT, ".tools", "bin", "cometbft");
const DEFAULT_APP_ENTRY = path.join(PROJECT_ROOT, "app", "cli", "stchaind.ts");

export interface DevnetPorts {
  readonly p2p: number;
  readonly rpc: number;
  readonly abci: number;
  /** gRPC; 0 or absent: off. */
  readonly grpc?: number;
  /** REST (gRPC gateway); 0 or absent: off. */
  readonly api?: number;
}

/** The reference's ports (spec-chain.md §12). */
export const DEFAULT_PORTS: DevnetPorts = { p2p: 26656, rpc: 26657, abci: 26658, grpc: 9090, api: 1317 };

/**
 * Node.js flags of the app process. A larger young generation (64 MiB semi-spaces) cuts scavenges:
 * block execution allocates many short-lived objects (docs/performance.md).
 */
export const APP_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];

export interface DevnetOptions {
  /** Node home shared by CometBFT (config/, data/) and the app (data/application.db). */
  readonly home: string;
  readonly ports?: DevnetPorts;
  /** TypeScript entry of the app process; it is run as `<entry> start --home … --abci …`. */
  readonly appEntry?: string;
  readonly chainId?: string;
  /** Where the app's output goes (default: this process's stdout). CometBFT's goes to <home>/cometbft.log. */
  readonly onAppOutput?: (line: string) => void;
  readonly cometbftBinary?: string;
  /** Genesis `app_state` of a fresh home (default: the embedded devnet genesis). */
  readonly appState?: Record<string, unknown>;
  /** Extra `[section] key = value` CometBFT settings applied after cometbft-config/devnet.toml. */
  readonly configOverrides?: string;
  /** Node-local minimum gas prices of the app (default: the reference's 1000000000wei). */
  readonly minimumGasPrices?: string;
  /** Worker threads for CheckTx signature checks in the app (default 0: inline). */
  readonly checkTxVerifyWorkers?: number;
  /** Extra Node.js flags for the app process (e.g. `--cpu-prof` when profiling). */
  readonly appNodeArgs?: readonly string[];
  /** REST answers browser requests from any origin (app.toml `enabled-unsafe-cors`). */
  readonly enabledUnsafeCors?: boolean;
  /** The app's app.toml, written at every init (default: the file `stchaind` writes on first start). */
  readonly appConfig?: AppConfig;
  /** More environment variables of the app process (e.g. the fault test hooks of faultHook.ts). */
  readonly appEnv?: Readonly<Record<string, string>>;
  /** Copy this genesis.json into a fresh home instead of building one (a node joining a devnet). */
  readonly genesisFile?: string;
  /** Extra `stchaind start` arguments (e.g. `--inv-check-period 1`: crisis asserts every invariant every block). */
  readonly appArgs?: readonly string[];
}

/**
 * A single-validator devnet: one CometBFT node and the stratos-ts app, as two child processes.
 * `init` creates the home once (keys, config from cometbft-config/, the embedded default genesis);
 * `start` runs the app, waits until it listens, then runs CometBFT; `stop` stops CometBFT first so it
 * never sees the app vanish, then the app.
 */
export class Devnet {
  readonly home: string;
  readonly ports: DevnetPorts;
  private app: ChildProcess | undefined;
  private comet: ChildProcess | undefined;
  private readonly appEntry: string;
  private readonly cometbft: string;

  constructor(private readonly options: DevnetOptions) {
    this.home = path.resolve(options.home);
    this.ports = options.ports ?? DEFAULT_PORTS;
    this.appEntry = options.appEntry ?? DEFAULT_APP_ENTRY;
    this.cometbft = options.cometbftBinary ?? COMETBFT_BIN;
  }

  get rpcUrl(): string {
    return `http://127.0.0.1:${this.ports.rpc}`;
  }

  /** "127.0.0.1:port" of the app's gRPC server, undefined when off. */
  get grpcAddress(): string | undefined {
    return this.ports.grpc ? `127.0.0.1:${this.ports.grpc}` : undefined;
  }

  /** Base URL of the app's REST server, undefined when off. */
  get restUrl(): string | undefined {
    return this.ports.api ? `http://127.0.0.1:${this.ports.api}` : undefined;
  }

  get appProcess(): ChildProcess | undefined {
    return this.app;
  }

  get cometbftProcess(): ChildProcess | undefined {
    return this.comet;
  }

  get isInitialized(): boolean {
    return fs.existsSync(path.join(this.home, "config", "genesis.json"));
  }

  /** Wipe the app state and CometBFT state together (they must never diverge), keys and config included. */
  reset(): void {
    fs.rmSync(this.home, { recursive: true, force: true });
  }

  /** Create the home on first use; a no-op when it exists. Ports are re-applied to config every time. */
  init(): void {
    if (!fs.existsSync(this.cometbft)) {
      throw new Error(`CometBFT is not built at ${this.cometbft}: run 'npm install' (it builds the pinned version)`);
    }
    const fresh = !this.isInitialized;
    if (fresh) {
      fs.mkdirSync(this.home, { recursive: true });
      const r = spawnSync(this.cometbft, ["init", "--home", this.home], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`cometbft init failed: ${r.stderr || r.stdout}`);
      this.writeGenesis();
    }
    const configFile = path.join(this.home, "config", "config.toml");
    const vars = { abci_port: String(this.ports.abci), rpc_port: String(this.ports.rpc), p2p_port: String(this.ports.p2p), moniker: "stratos-devnet" };
    patchConfigFile(configFile, path.join(PROJECT_ROOT, "cometbft-config", "devnet.toml"), vars);
    if (this.options.configOverrides) {
      fs.writeFileSync(configFile, applyTomlOverrides(fs.readFileSync(configFile, "utf8"), this.options.configOverrides, vars));
    }
    if (this.options.appConfig) fs.writeFileSync(appTomlPath(this.home), renderAppToml(this.options.appConfig));
    else if (!fs.existsSync(appTomlPath(this.home))) fs.writeFileSync(appTomlPath(this.home), renderAppToml(devnetAppConfig()));
  }

  /**
   * Like a real network's genesis: the validator comes from a gentx in which the devnet validator
   * operator self-delegates with this node's `priv_validator_key.json` (genesisValidator.ts), and the
   * CometBFT genesis lists no validators, so CometBFT takes the set from InitChain.
   */
  private writeGenesis(): void {
    const file = path.join(this.home, "config", "genesis.json");
    if (this.options.genesisFile !== undefined) {
      fs.copyFileSync(this.options.genesisFile, file);
      return;
    }
    const genesis = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    const chainId = this.options.chainId ?? DEVNET_CHAIN_ID;
    genesis["chain_id"] = chainId;
    genesis["app_state"] = withGenesisValidator(this.options.appState ?? buildDevnetAppState(), {
      chainId,
      consensusPubKey: cometValidatorPubKey(this.home),
      memo: `${cometNodeId(this.home)}@127.0.0.1:${this.ports.p2p}`,
    });
    delete genesis["validators"];
    fs.writeFileSync(file, JSON.stringify(genesis, null, 2) + "\n");
  }

  async start(): Promise<void> {
    if (this.app || this.comet) throw new Error("devnet already started");
    this.init();
    await this.startApp();
    this.startCometbft();
  }

  /** Start (or restart) only the app process and wait until it serves ABCI. */
  async startApp(): Promise<void> {
    const args = appCommandArgs(this.home, this.ports, { ...this.options, appEntry: this.appEntry });
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...this.options.appEnv },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // own process group: Ctrl-C reaches the orchestrator only, which stops children in order
    });
    this.app = child;
    const out = this.options.onAppOutput ?? ((line: string) => process.stdout.write(line + "\n"));
    const listening = new Promise<void>((resolve, reject) => {
      let buffered = "";
      const onData = (chunk: Buffer): void => {
        buffered += chunk.toString("utf8");
        let nl: number;
        while ((nl = buffered.indexOf("\n")) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          out(line);
          if (line.includes("ABCI server listening")) resolve();
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("exit", (code, signal) => reject(new Error(`the app exited before listening (code ${code}, signal ${signal})`)));
    });
    await listening;
  }

  /** Start (or restart) only CometBFT. Its log is appended to <home>/cometbft.log. */
  startCometbft(): void {
    const log = fs.openSync(path.join(this.home, "cometbft.log"), "a");
    this.comet = spawn(this.cometbft, ["start", "--home", this.home], {
      stdio: ["ignore", log, log],
      detached: true,
    });
    fs.closeSync(log);
  }

  /** SIGKILL the app (crash simulation). CometBFT stops itself when its ABCI connections drop. */
  killApp(): void {
    this.app?.kill("SIGKILL");
  }

  async stop(): Promise<void> {
    await stopProcess(this.comet, 15_000);
    this.comet = undefined;
    await stopProcess(this.app, 15_000);
    this.app = undefined;
  }

  /** Wait until a child has exited (e.g. CometBFT after its app was killed). */
  static async waitForExit(child: ChildProcess | undefined, timeoutMs: number): Promise<void> {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`)), timeoutMs);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** The Node.js arguments that run the app of the node at `home` (`stchaind start` and its flags). */
export function appCommandArgs(home: string, ports: DevnetPorts, options: Pick<DevnetOptions, "appEntry" | "appNodeArgs" | "minimumGasPrices" | "checkTxVerifyWorkers" | "enabledUnsafeCors" | "appArgs"> = {}): string[] {
  const abci = `tcp://127.0.0.1:${ports.abci}`;
  const rpc = `http://127.0.0.1:${ports.rpc}`;
  const args = [...APP_NODE_FLAGS, ...(options.appNodeArgs ?? []), "--import", "tsx", options.appEntry ?? DEFAULT_APP_ENTRY, "start", "--home", home, "--abci", abci, "--rpc", rpc];
  if (options.minimumGasPrices !== undefined) args.push("--minimum-gas-prices", options.minimumGasPrices);
  if (options.checkTxVerifyWorkers) args.push("--checktx-workers", String(options.checkTxVerifyWorkers));
  args.push("--grpc.enable", String(Boolean(ports.grpc)), "--grpc.address", `127.0.0.1:${ports.grpc ?? 0}`);
  args.push("--api.enable", String(Boolean(ports.api)), "--api.address", `tcp://127.0.0.1:${ports.api ?? 0}`);
  if (options.enabledUnsafeCors) args.push("--api.enabled-unsafe-cors", "true");
  if (options.appArgs) args.push(...options.appArgs);
  return args;
}

/** The app.toml of a new devnet home: the defaults, plus a snapshot every 100 blocks so nodes can join by state sync. */
export function devnetAppConfig(): AppConfig {
  return { ...defaultAppConfig(), stateSync: { snapshotInterval: 100, snapshotKeepRecent: 2 } };
}

async function stopProcess(child: ChildProcess | undefined, graceMs: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
