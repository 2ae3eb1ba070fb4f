/**
 * `<home>/config/client.toml`, the SDK's client config: defaults for `--chain-id`, `--keyring-backend`,
 * `--node`, `--output` and `--broadcast-mode` of every verb (a flag given on the command line wins).
 * `stchaind config` prints it, `stchaind config <key>` one value, `stchaind config <key> <value>` sets one.
 */
import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "smol-toml";
import { CliError, DEFAULT_HOME, flag, parseVerb, printResult, type Verb } from "./common.js";

export const CLIENT_CONFIG_KEYS = ["chain-id", "keyring-backend", "output", "node", "broadcast-mode"] as const;
export type ClientConfigKey = (typeof CLIENT_CONFIG_KEYS)[number];
export type ClientConfig = Record<ClientConfigKey, string>;

/** What `stchaind config` shows before anything is set (the SDK's defaults, with this node's RPC). */
export const DEFAULT_CLIENT_CONFIG: ClientConfig = {
  "chain-id": "",
  "keyring-backend": "file",
  output: "text",
  node: "http://127.0.0.1:26657",
  "broadcast-mode": "sync",
};

export function clientTomlPath(home: string): string {
  return path.join(home, "config", "client.toml");
}

/** The file's values over the defaults. @throws CliError on a malformed file. */
export function readClientConfig(home: string): ClientConfig {
  const file = clientTomlPath(home);
  if (!fs.existsSync(file)) return { ...DEFAULT_CLIENT_CONFIG };
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new CliError(`${file}: not TOML (${(e instanceof Error ? e.message : String(e)).split("\n")[0]})`);
  }
  const out: ClientConfig = { ...DEFAULT_CLIENT_CONFIG };
  for (const key of CLIENT_CONFIG_KEYS) {
    const v = parsed[key];
    if (typeof v === "string") out[key] = v;
  }
  return out;
}

function checkValue(key: ClientConfigKey, value: string): void {
  if (key === "output" && value !== "json" && value !== "text") throw new CliError(`output must be json or text, got ${value}`, 2);
  if (key === "keyring-backend" && value !== "file" && value !== "test") throw new CliError(`keyring-backend must be file or test, got ${value}`, 2);
  if (key === "broadcast-mode" && value !== "sync" && value !== "async") throw new CliError(`broadcast-mode must be sync or async, got ${value}`, 2);
  if (key === "node" && !/^(https?|tcp):\/\/[^\s]+$/.test(value)) throw new CliError(`node must be an http://host:port URL, got ${value}`, 2);
  if (key === "chain-id" && !/^[a-zA-Z0-9_.-]{0,50}$/.test(value)) throw new CliError(`malformed chain-id ${value}`, 2);
}

export function writeClientConfig(home: string, config: ClientConfig): void {
  const file = clientTomlPath(home);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const header = "# stchaind client configuration: defaults of --chain-id, --keyring-backend, --output, --node, --broadcast-mode\n";
  fs.writeFileSync(file, header + stringify(config) + "\n");
}

/** The `--home` an argument list names (both `--home X` and `--home=X`), else the default home. */
export function homeOfArgs(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--home" && args[i + 1] !== undefined) return path.resolve(args[i + 1]!);
    if (a.startsWith("--home=")) return path.resolve(a.slice("--home=".length));
  }
  return DEFAULT_HOME;
}

/**
 * The client.toml values as flag defaults: for each option of `options` the file sets (a non-empty
 * value), its default becomes the file's value. `tcp://` node URLs (the SDK's form) become `http://`.
 */
export function withClientDefaults<T extends Record<string, { type: "string" | "boolean"; default?: string | boolean; short?: string }>>(options: T, args: readonly string[]): T {
  const home = homeOfArgs(args);
  if (!fs.existsSync(clientTomlPath(home))) return options;
  const config = readClientConfig(home);
  const out: Record<string, { type: "string" | "boolean"; default?: string | boolean; short?: string }> = { ...options };
  for (const key of CLIENT_CONFIG_KEYS) {
    const option = out[key];
    const value = key === "node" ? config[key].replace(/^tcp:\/\//, "http://") : config[key];
    if (option !== undefined && option.type === "string" && value !== "") out[key] = { ...option, default: value };
  }
  return out as T;
}

export const CONFIG_VERB: Verb = {
  usage: "stchaind config [key [value]] [--home DIR]   (keys: chain-id, keyring-backend, output, node, broadcast-mode)",
  example: "stchaind config chain-id stratos-1 && stchaind config node http://127.0.0.1:26657 && stchaind config",
  description: "Without arguments prints <home>/config/client.toml; with a key prints its value; with a key and a value sets it. Every tx and query verb reads these values as the defaults of its flags.",
};

export async function runConfig(args: string[]): Promise<number> {
  const p = parseVerb(args, CONFIG_VERB, {}, { min: 0, max: 2 });
  if (p.help) return 0;
  const config = readClientConfig(p.home);
  const [key, value] = p.positionals;
  if (key === undefined) {
    printResult(flag(p.values, "output") === "json" ? "json" : p.output, config);
    return 0;
  }
  if (!(CLIENT_CONFIG_KEYS as readonly string[]).includes(key)) throw new CliError(`unknown client config key ${key} (one of ${CLIENT_CONFIG_KEYS.join(", ")})`, 2);
  const k = key as ClientConfigKey;
  if (value === undefined) {
    process.stdout.write(`${config[k]}\n`);
    return 0;
  }
  checkValue(k, value);
  writeClientConfig(p.home, { ...config, [k]: value });
  return 0;
}
