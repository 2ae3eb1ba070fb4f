/**
 * A localnet of N validators and M full nodes on loopback whose keys, genesis, gentxs and peers are
 * made only with `stchaind` verbs, as a network's operators make them: every node `init`s its own
 * home, each validator's operator key is `keys add`ed in its node's test keyring, node 0's genesis
 * receives every account (`add-genesis-account`), the genesis is copied to every node, each
 * validator signs a `gentx` with its node's consensus key, and every node `collect-gentxs` from the
 * one directory holding them all (which also writes the validators as its persistent peers).
 * `validate-genesis` checks the result. The nodes then run in the background (nodeProcesses.ts).
 *
 * `<dir>/localnet.json` records the nodes and their ports, so that `up`, `down` and `status` need
 * nothing but the directory.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { AppConfig } from "./appConfig.js";
import { Devnet, devnetAppConfig, PROJECT_ROOT, type DevnetPorts } from "./devnet.js";
import { NodeProcesses } from "./nodeProcesses.js";

const CLI = path.join(PROJECT_ROOT, "app", "cli", "stchaind.ts");
const MANIFEST = "localnet.json";

export interface LocalnetNodeSpec {
  readonly name: string;
  /** Home directory, relative to the localnet directory. */
  readonly home: string;
  readonly validator: boolean;
  readonly ports: DevnetPorts;
  /** The operator's account (validators only). */
  readonly operator?: string;
}

export interface LocalnetManifest {
  readonly chainId: string;
  readonly nodes: readonly LocalnetNodeSpec[];
}

export interface CreateLocalnetOptions {
  readonly dir: string;
  readonly chainId: string;
  readonly validators: number;
  readonly fullNodes: number;
  /** Ports of node i (validators first, then full nodes). */
  readonly portsOf: (node: number) => DevnetPorts;
  /** Every operator's genesis balance (`add-genesis-account` coins, e.g. "10000stos"). */
  readonly operatorCoins?: string;
  /** Self-bond of every validator (`gentx` amount). */
  readonly selfBond?: string;
  /** More genesis accounts: address → coins. */
  readonly accounts?: ReadonlyArray<{ readonly address: string; readonly coins: string }>;
  /** app.toml of every node (default: the devnet's, a snapshot every 100 blocks). */
  readonly appConfig?: AppConfig;
  /** Extra CometBFT `[section] key = value` settings of every node. */
  readonly configOverrides?: string;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

/** Runs `stchaind <args>` (as an operator's shell would); its stdout, or an error with its stderr. */
export function stchaind(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: PROJECT_ROOT }, (error, stdout, stderr) => {
      if (error) reject(new Error(`stchaind ${args.join(" ")} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Runs `f` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, f: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await f(item);
  }));
}

export function localnetExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, MANIFEST));
}

export function readLocalnet(dir: string): LocalnetManifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${dir}: no localnet here (run 'npm run localnet -- up' to create one)`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as LocalnetManifest;
}

/** The processes of every node of the localnet in `dir`, in manifest order. */
export function localnetNodes(dir: string, manifest: LocalnetManifest = readLocalnet(dir)): NodeProcesses[] {
  return manifest.nodes.map((n) => new NodeProcesses({ home: path.join(dir, n.home), ports: n.ports }));
}

/** Creates the localnet (nothing is started). */
export async function createLocalnet(o: CreateLocalnetOptions): Promise<LocalnetManifest> {
  const dir = path.resolve(o.dir);
  if (localnetExists(dir)) throw new Error(`${dir} already holds a localnet`);
  if (o.validators < 1) throw new Error("a localnet needs at least one validator");
  const log = o.log ?? (() => {});
  fs.mkdirSync(dir, { recursive: true });
  const count = o.validators + o.fullNodes;
  const specs = Array.from({ length: count }, (_, i) => {
    const validator = i < o.validators;
    const name = validator ? `node${i}` : `full${i - o.validators}`;
    return { name, home: name, validator, ports: o.portsOf(i) };
  });
  const home = (i: number): string => path.join(dir, specs[i]!.home);
  const keyring = ["--keyring-backend", "test"];

  log(`creating ${o.validators} validators and ${o.fullNodes} full nodes in ${dir} with stchaind`);
  const operators: string[] = [];
  await inParallel(specs.map((_, i) => i), 3, async (i) => {
    const s = specs[i]!;
    if (s.validator) {
      const key = JSON.parse(await stchaind(["keys", "add", `operator${i}`, "--home", home(i), ...keyring, "--output", "json"])) as { address: string };
      operators[i] = key.address;
    }
    await stchaind(["init", s.name, "--chain-id", o.chainId, "--home", home(i)]);
  });
  const genesisOf = (i: number): string => path.join(home(i), "config", "genesis.json");
  for (let i = 0; i < o.validators; i++) await stchaind(["add-genesis-account", operators[i]!, o.operatorCoins ?? "10000stos", "--home", home(0)]);
  for (const a of o.accounts ?? []) await stchaind(["add-genesis-account", a.address, a.coins, "--home", home(0)]);
  for (let i = 1; i < count; i++) fs.copyFileSync(genesisOf(0), genesisOf(i));
  await inParallel(specs.slice(0, o.validators).map((_, i) => i), 3, async (i) => {
    await stchaind(["gentx", `operator${i}`, o.selfBond ?? "1000stos", "--chain-id", o.chainId, "--p2p-port", String(specs[i]!.ports.p2p), "--home", home(i), ...keyring]);
  });
  // The operators exchange their gentx files: all of them in one directory.
  const gentxDir = path.join(dir, "gentx");
  fs.mkdirSync(gentxDir, { recursive: true });
  for (let i = 0; i < o.validators; i++) {
    const own = path.join(home(i), "config", "gentx");
    for (const f of fs.readdirSync(own)) fs.copyFileSync(path.join(own, f), path.join(gentxDir, f));
  }
  await inParallel(specs.map((_, i) => i), 3, async (i) => {
    await stchaind(["collect-gentxs", "--gentx-dir", gentxDir, "--home", home(i)]);
  });
  const genesis = fs.readFileSync(genesisOf(0), "utf8");
  for (let i = 1; i < count; i++) {
    if (fs.readFileSync(genesisOf(i), "utf8") !== genesis) throw new Error(`${genesisOf(i)} differs from ${genesisOf(0)}`);
  }
  fs.copyFileSync(genesisOf(0), path.join(dir, "genesis.json"));
  const validated = JSON.parse(await stchaind(["validate-genesis", "--home", home(0), "--output", "json"])) as { validators: number };
  if (validated.validators !== o.validators) throw new Error(`validate-genesis: ${validated.validators} validators, expected ${o.validators}`);

  // Ports and the devnet's CometBFT settings (1 s blocks, kv tx index, loopback) on top of the homes.
  for (let i = 0; i < count; i++) {
    const appConfig = o.appConfig ?? devnetAppConfig();
    new Devnet({ home: home(i), ports: specs[i]!.ports, appConfig, ...(o.configOverrides ? { configOverrides: o.configOverrides } : {}) }).init();
  }
  const manifest: LocalnetManifest = {
    chainId: o.chainId,
    nodes: specs.map((s, i) => (s.validator ? { ...s, operator: operators[i]! } : s)),
  };
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  log(`genesis ${path.join(dir, "genesis.json")}: ${o.validators} gentxs, chain ${o.chainId}`);
  return manifest;
}

/**
 * Starts every node that is not running: every app first, then every CometBFT, so that no validator
 * begins far behind the others.
 */
export async function startLocalnet(nodes: readonly NodeProcesses[]): Promise<void> {
  for (const n of nodes) if (!n.isRunning("app")) await n.startApp();
  for (const n of nodes) if (!n.isRunning("cometbft")) n.startCometbft();
}

export async function stopLocalnet(nodes: readonly NodeProcesses[]): Promise<void> {
  await Promise.all(nodes.map((n) => n.stop()));
}
