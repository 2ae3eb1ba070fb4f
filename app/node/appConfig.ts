/**
 * `<home>/config/app.toml`: the app's settings beside CometBFT's config.toml, with the reference's
 * (SDK v0.47) key names and defaults where it has them, plus this implementation's own settings in
 * `[stratos-ts]`. `stchaind start` reads it (writing the defaults first when it is missing, as the
 * SDK does); command-line flags `--<key>` / `--<section>.<key>` override it. A bad value is an error
 * that names the key. Keys this app does not know (a reference app.toml has rosetta, evm, json-rpc
 * and more) are reported and ignored, as the SDK ignores unknown keys.
 */

import fs from "node:fs";
import path from "node:path";
import { parse, TomlError } from "smol-toml";
import { PRUNING_STRATEGIES, PruningConfigError, pruningOptionsFor, type PruningStrategy } from "../store/pruningModes.js";
import type { PruningOptions } from "../store/storeOptions.js";
import { DEFAULT_MAX_LOADED_NODES, DEFAULT_TRIM_DEPTH } from "../store/storeOptions.js";
import { DEFAULT_MIN_GAS_PRICES } from "./app.js";

export interface AppConfig {
  readonly minimumGasPrices: string;
  readonly pruning: PruningStrategy;
  readonly pruningKeepRecent: number;
  readonly pruningInterval: number;
  readonly minRetainBlocks: number;
  readonly haltHeight: number;
  /** Unix seconds (0: off). */
  readonly haltTime: number;
  /** Accepted for compatibility; the store keeps its trees in memory, so it changes nothing. */
  readonly interBlockCache: boolean;
  readonly telemetry: {
    readonly serviceName: string;
    readonly enabled: boolean;
    readonly prometheusRetentionTime: number;
    /** stratos-ts: where Prometheus scrapes the app's metrics (`/metrics`). */
    readonly prometheusListenAddress: string;
  };
  /** Read by the REST server (app/server). */
  readonly api: { readonly enable: boolean; readonly address: string; readonly enabledUnsafeCors: boolean };
  /** Read by the gRPC server (app/server). */
  readonly grpc: { readonly enable: boolean; readonly address: string };
  readonly stateSync: { readonly snapshotInterval: number; readonly snapshotKeepRecent: number };
  /** This implementation's own settings (no SDK counterpart). */
  readonly node: {
    readonly checktxWorkers: number;
    readonly maxLoadedNodes: number;
    readonly trimDepth: number;
  };
}

type Kind = "string" | "bool" | "uint" | "address" | "strategy";

interface Setting {
  /** "" for top-level keys. */
  readonly section: string;
  readonly key: string;
  readonly kind: Kind;
  readonly get: (c: AppConfig) => string | number | boolean;
  readonly set: (c: Mutable<AppConfig>, v: string | number | boolean) => void;
  /** The comment written above the key in a new app.toml. */
  readonly doc: string;
  readonly max?: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

export const OWN_SECTION = "stratos-ts";

export function defaultAppConfig(): AppConfig {
  return {
    minimumGasPrices: DEFAULT_MIN_GAS_PRICES,
    pruning: "default",
    pruningKeepRecent: 0,
    pruningInterval: 0,
    minRetainBlocks: 0,
    haltHeight: 0,
    haltTime: 0,
    interBlockCache: true,
    telemetry: { serviceName: "", enabled: false, prometheusRetentionTime: 0, prometheusListenAddress: "127.0.0.1:26661" },
    // The issue asks for REST and gRPC on loopback by default (the SDK leaves REST off, binds 0.0.0.0 / localhost).
    api: { enable: true, address: "tcp://127.0.0.1:1317", enabledUnsafeCors: false },
    grpc: { enable: true, address: "127.0.0.1:9090" },
    stateSync: { snapshotInterval: 0, snapshotKeepRecent: 2 },
    node: { checktxWorkers: 0, maxLoadedNodes: DEFAULT_MAX_LOADED_NODES, trimDepth: DEFAULT_TRIM_DEPTH },
  };
}

const SETTINGS: readonly Setting[] = [
  {
    section: "", key: "minimum-gas-prices", kind: "string",
    get: (c) => c.minimumGasPrices, set: (c, v) => (c.minimumGasPrices = String(v)),
    doc: "The lowest gas price this node accepts into its mempool (CheckTx only), e.g. 1000000000wei.",
  },
  {
    section: "", key: "pruning", kind: "strategy",
    get: (c) => c.pruning, set: (c, v) => (c.pruning = v as PruningStrategy),
    doc: [
      "default: keep the last 362880 states, prune every 10 blocks",
      "nothing: keep every state (archive node)",
      "everything: keep the last 2 states (and the current one), prune every 10 blocks",
      "custom: keep 'pruning-keep-recent' states, prune every 'pruning-interval' blocks",
    ].join("\n"),
  },
  {
    section: "", key: "pruning-keep-recent", kind: "uint",
    get: (c) => c.pruningKeepRecent, set: (c, v) => (c.pruningKeepRecent = Number(v)),
    doc: "Read only when pruning = \"custom\": states kept besides the current one (at least 2).",
  },
  {
    section: "", key: "pruning-interval", kind: "uint",
    get: (c) => c.pruningInterval, set: (c, v) => (c.pruningInterval = Number(v)),
    doc: "Read only when pruning = \"custom\": prune every this many blocks (at least 10).",
  },
  {
    section: "", key: "min-retain-blocks", kind: "uint",
    get: (c) => c.minRetainBlocks, set: (c, v) => (c.minRetainBlocks = Number(v)),
    doc: [
      "Let CometBFT delete blocks older than this many heights (0: keep every block). The height asked",
      "for also keeps the evidence window and the blocks after the oldest state sync snapshot.",
      "This prunes CometBFT's blocks only; the app's states follow 'pruning'.",
    ].join("\n"),
  },
  {
    section: "", key: "halt-height", kind: "uint",
    get: (c) => c.haltHeight, set: (c, v) => (c.haltHeight = Number(v)),
    doc: "Stop the node after committing this height (0: never); used for upgrades.",
  },
  {
    section: "", key: "halt-time", kind: "uint",
    get: (c) => c.haltTime, set: (c, v) => (c.haltTime = Number(v)),
    doc: "Stop the node after committing a block whose time is at or after this Unix time in seconds (0: never).",
  },
  {
    section: "", key: "inter-block-cache", kind: "bool",
    get: (c) => c.interBlockCache, set: (c, v) => (c.interBlockCache = Boolean(v)),
    doc: "Accepted for compatibility. The store keeps its trees in memory, so there is nothing to turn on or off.",
  },
  {
    section: "telemetry", key: "service-name", kind: "string",
    get: (c) => c.telemetry.serviceName, set: (c, v) => (c.telemetry.serviceName = String(v)),
    doc: "Added to every metric as the label service (empty: no label).",
  },
  {
    section: "telemetry", key: "enabled", kind: "bool",
    get: (c) => c.telemetry.enabled, set: (c, v) => (c.telemetry.enabled = Boolean(v)),
    doc: "Serve the app's Prometheus metrics at http://<prometheus-listen-address>/metrics.",
  },
  {
    section: "telemetry", key: "prometheus-retention-time", kind: "uint",
    get: (c) => c.telemetry.prometheusRetentionTime, set: (c, v) => (c.telemetry.prometheusRetentionTime = Number(v)),
    doc: "Accepted for compatibility: the metrics are cumulative counters and current gauges, never expired.",
  },
  {
    section: "telemetry", key: "prometheus-listen-address", kind: "address",
    get: (c) => c.telemetry.prometheusListenAddress, set: (c, v) => (c.telemetry.prometheusListenAddress = String(v)),
    doc: "(stratos-ts) host:port of the metrics endpoint. CometBFT's own metrics use 26660.",
  },
  {
    section: "api", key: "enable", kind: "bool",
    get: (c) => c.api.enable, set: (c, v) => (c.api.enable = Boolean(v)),
    doc: "Serve the REST API (gRPC gateway paths).",
  },
  {
    section: "api", key: "address", kind: "address",
    get: (c) => c.api.address, set: (c, v) => (c.api.address = String(v)),
    doc: "Address of the REST API.",
  },
  {
    section: "api", key: "enabled-unsafe-cors", kind: "bool",
    get: (c) => c.api.enabledUnsafeCors, set: (c, v) => (c.api.enabledUnsafeCors = Boolean(v)),
    doc: "Answer cross-origin requests from any site (browser wallets, explorers).",
  },
  {
    section: "grpc", key: "enable", kind: "bool",
    get: (c) => c.grpc.enable, set: (c, v) => (c.grpc.enable = Boolean(v)),
    doc: "Serve gRPC (the SDS tools use it).",
  },
  {
    section: "grpc", key: "address", kind: "address",
    get: (c) => c.grpc.address, set: (c, v) => (c.grpc.address = String(v)),
    doc: "Address of the gRPC server.",
  },
  {
    section: "state-sync", key: "snapshot-interval", kind: "uint",
    get: (c) => c.stateSync.snapshotInterval, set: (c, v) => (c.stateSync.snapshotInterval = Number(v)),
    doc: "Take a state sync snapshot every this many blocks (0: none). Snapshots go to <home>/data/snapshots.",
  },
  {
    section: "state-sync", key: "snapshot-keep-recent", kind: "uint",
    get: (c) => c.stateSync.snapshotKeepRecent, set: (c, v) => (c.stateSync.snapshotKeepRecent = Number(v)),
    doc: "How many recent snapshots to keep and serve (0: all).",
    max: 0xffffffff,
  },
  {
    section: OWN_SECTION, key: "checktx-workers", kind: "uint",
    get: (c) => c.node.checktxWorkers, set: (c, v) => (c.node.checktxWorkers = Number(v)),
    doc: "Worker threads verifying CheckTx signatures (0: inline). Worth it only with cores to spare beside CometBFT.",
    max: 64,
  },
  {
    section: OWN_SECTION, key: "max-loaded-nodes", kind: "uint",
    get: (c) => c.node.maxLoadedNodes, set: (c, v) => (c.node.maxLoadedNodes = Number(v)),
    doc: "Tree nodes kept in memory (about 600 bytes each) before the trees are cut back to 'trim-depth' levels.",
  },
  {
    section: OWN_SECTION, key: "trim-depth", kind: "uint",
    get: (c) => c.node.trimDepth, set: (c, v) => (c.node.trimDepth = Number(v)),
    doc: "Levels of each tree kept loaded after a cut; deeper nodes are read back from disk when needed.",
    max: 64,
  },
];

/** A bad app.toml or flag value; the message names the key. */
export class AppConfigError extends Error {
  override readonly name = "AppConfigError";
}

function keyName(s: Setting): string {
  return s.section === "" ? s.key : `${s.section}.${s.key}`;
}

/** Checks and converts one raw value (from TOML or a flag string) for a setting. */
function convert(s: Setting, raw: unknown, where: string): string | number | boolean {
  const bad = (want: string): never => {
    throw new AppConfigError(`${where}: ${want}, got ${JSON.stringify(raw)}`);
  };
  switch (s.kind) {
    case "string":
      if (typeof raw !== "string") bad("must be a string");
      return raw as string;
    case "address": {
      if (typeof raw !== "string") bad("must be an address string");
      const text = raw as string;
      if (!/^(tcp:\/\/)?(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]*):\d{1,5}$/.test(text) || Number(text.slice(text.lastIndexOf(":") + 1)) > 65535) {
        bad("must be host:port (or tcp://host:port)");
      }
      return text;
    }
    case "bool":
      if (typeof raw === "boolean") return raw;
      if (raw === "true") return true;
      if (raw === "false") return false;
      return bad("must be true or false");
    case "uint": {
      // The SDK writes some integers as strings ("0"): accept both.
      const n = typeof raw === "bigint" ? Number(raw) : typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isSafeInteger(n) || n < 0) bad("must be a non-negative integer");
      if (s.max !== undefined && n > s.max) bad(`must be at most ${s.max}`);
      return n;
    }
    case "strategy":
      if (typeof raw !== "string" || !(PRUNING_STRATEGIES as readonly string[]).includes(raw)) bad(`must be one of ${PRUNING_STRATEGIES.join(", ")}`);
      return raw as string;
  }
}

function clone(c: AppConfig): Mutable<AppConfig> {
  return JSON.parse(JSON.stringify(c)) as Mutable<AppConfig>;
}

export interface ParsedAppConfig {
  readonly config: AppConfig;
  /** Keys of the file this app does not know (ignored). */
  readonly ignored: readonly string[];
}

/** Parses app.toml text over the defaults. `file` names the file in errors. */
export function parseAppToml(text: string, file = "app.toml"): ParsedAppConfig {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (e) {
    const where = e instanceof TomlError ? ` (line ${e.line}, column ${e.column})` : "";
    throw new AppConfigError(`${file}: not valid TOML${where}: ${(e as Error).message.split("\n")[0]}`);
  }
  const config = clone(defaultAppConfig());
  const ignored: string[] = [];
  const known = new Set(SETTINGS.map(keyName));
  const sections = new Set(SETTINGS.map((s) => s.section).filter((s) => s !== ""));
  for (const [k, v] of Object.entries(doc)) {
    if (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      for (const inner of Object.keys(v as Record<string, unknown>)) {
        if (!known.has(`${k}.${inner}`)) ignored.push(`${k}.${inner}`);
      }
      if (!sections.has(k) && Object.keys(v as Record<string, unknown>).length === 0) ignored.push(k);
    } else if (!known.has(k)) {
      ignored.push(k);
    }
  }
  for (const s of SETTINGS) {
    const holder = s.section === "" ? doc : (doc[s.section] as Record<string, unknown> | undefined);
    if (holder === undefined || typeof holder !== "object" || !(s.key in holder)) continue;
    s.set(config, convert(s, holder[s.key], `${file}: ${keyName(s)}`));
  }
  validate(config, file);
  return { config, ignored: ignored.sort() };
}

/** Flag names: `--<key>` for top-level keys, `--<section>.<key>` for the others. */
export function appConfigFlagNames(): string[] {
  return SETTINGS.map(keyName);
}

/** Applies `--<key> value` overrides (values as typed on the command line) over `base`. */
export function applyAppConfigFlags(base: AppConfig, flags: Readonly<Record<string, string | undefined>>): AppConfig {
  const config = clone(base);
  for (const s of SETTINGS) {
    const raw = flags[keyName(s)];
    if (raw === undefined) continue;
    s.set(config, convert(s, raw, `--${keyName(s)}`));
  }
  validate(config, "flags");
  return config;
}

function validate(c: AppConfig, where: string): void {
  try {
    pruningOptionsFor(c.pruning, c.pruningKeepRecent, c.pruningInterval);
  } catch (e) {
    if (e instanceof PruningConfigError) throw new AppConfigError(`${where}: ${e.key}: ${e.message}`);
    throw e;
  }
  if (c.node.maxLoadedNodes < 1) throw new AppConfigError(`${where}: ${OWN_SECTION}.max-loaded-nodes: must be at least 1`);
}

/** The store's pruning options for the configured strategy. */
export function storePruning(c: AppConfig): PruningOptions {
  return pruningOptionsFor(c.pruning, c.pruningKeepRecent, c.pruningInterval);
}

function tomlValue(v: string | number | boolean): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

const SECTION_TITLES: Record<string, string> = {
  telemetry: "Telemetry: the app's Prometheus metrics",
  api: "REST API (gRPC gateway)",
  grpc: "gRPC",
  "state-sync": "State sync snapshots: new nodes join from a snapshot instead of replaying every block",
  [OWN_SECTION]: "Settings of stratos-ts itself (no counterpart in the reference's app.toml)",
};

/** A complete app.toml with comments, holding `c`. */
export function renderAppToml(c: AppConfig): string {
  const lines: string[] = [
    "# stratos-ts app configuration (beside CometBFT's config.toml). Key names follow the reference",
    "# chain's app.toml (Cosmos SDK v0.47) where it has them. Flags of `stchaind start` override",
    "# these values: --<key> for top-level keys, --<section>.<key> for the others.",
    "",
  ];
  let section = "";
  for (const s of SETTINGS) {
    if (s.section !== section) {
      section = s.section;
      lines.push("", `###############################################################################`, `# ${SECTION_TITLES[section] ?? section}`, `[${section}]`, "");
    }
    for (const d of s.doc.split("\n")) lines.push(`# ${d}`);
    lines.push(`${s.key} = ${tomlValue(s.get(c))}`, "");
  }
  return lines.join("\n");
}

export function appTomlPath(home: string): string {
  return path.join(home, "config", "app.toml");
}

/**
 * Reads `<home>/config/app.toml`, writing one with the defaults first when there is none (as the
 * SDK does at the first start).
 */
export function loadAppToml(home: string): ParsedAppConfig & { readonly created: boolean } {
  const file = appTomlPath(home);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, renderAppToml(defaultAppConfig()));
    return { config: defaultAppConfig(), ignored: [], created: true };
  }
  return { ...parseAppToml(fs.readFileSync(file, "utf8"), file), created: false };
}
