/**
 * What every `stchaind` command group shares: the error type whose message is the one line the
 * user sees, flag parsing with `--help`, the home directory, `--output json|text` and stdin input.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import os from "node:os";
import path from "node:path";
import { withClientDefaults } from "./clientConfig.js";

/** An error the user caused (bad input, unknown key, …): printed as one line, exit code `exitCode`. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(message: string, readonly exitCode: number = 1) {
    super(message);
  }
}

export const DEFAULT_HOME = path.join(os.homedir(), ".stchaind");

/** The node RPC every tx and query verb talks to unless --node or client.toml says otherwise. */
export const DEFAULT_NODE = "http://127.0.0.1:26657";

export type OutputFormat = "json" | "text";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Flags every verb takes. */
export const COMMON_FLAGS = {
  home: { type: "string", default: DEFAULT_HOME },
  output: { type: "string", default: "text" },
  help: { type: "boolean", short: "h", default: false },
} as const satisfies Options;

export interface Verb {
  readonly usage: string;
  /** One or more shell lines showing a typical call. */
  readonly example: string;
  /** What the verb does, when the usage line does not say enough. */
  readonly description?: string;
}

export function helpText(verb: Verb): string {
  return `Usage:\n  ${verb.usage}\n${verb.description ? `\n${verb.description}\n` : ""}\nExample:\n  ${verb.example}\n`;
}

export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

export interface Parsed {
  readonly values: FlagValues;
  readonly positionals: string[];
  readonly home: string;
  readonly output: OutputFormat;
  /** True if `--help` was given: the help has been printed, the caller returns 0. */
  readonly help: boolean;
}

/**
 * Parses `args` against `options` plus the common flags. `--help` prints the verb's help; a wrong
 * number of positionals or an unknown flag is a CliError naming the usage.
 */
export function parseVerb(args: string[], verb: Verb, options: Options, positionals: { min: number; max: number }): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args, options: withClientDefaults({ ...options, ...COMMON_FLAGS }, args), allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${e instanceof Error ? e.message : String(e)} (usage: ${verb.usage})`, 2);
  }
  const values = parsed.values as Record<string, unknown>;
  const help = values["help"] === true;
  if (help) {
    process.stdout.write(helpText(verb));
  } else if (parsed.positionals.length < positionals.min || parsed.positionals.length > positionals.max) {
    throw new CliError(`expected ${positionals.min === positionals.max ? positionals.min : `${positionals.min} to ${positionals.max}`} argument(s), got ${parsed.positionals.length} (usage: ${verb.usage})`, 2);
  }
  const output = values["output"];
  if (output !== "json" && output !== "text") throw new CliError(`--output must be json or text, got ${String(output)}`, 2);
  return { values: values as FlagValues, positionals: parsed.positionals, home: path.resolve(String(values["home"])), output, help };
}

/** Prints `value` as JSON, or as `key: value` lines for text output. */
export function printResult(output: OutputFormat, value: unknown): void {
  if (output === "json") {
    process.stdout.write(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) + "\n");
    return;
  }
  process.stdout.write(toText(value, "") + "\n");
}

function toText(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}[]`;
    return value.map((v) => `${indent}- ${toText(v, indent + "  ").trimStart()}`).join("\n");
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => (v !== null && typeof v === "object" && !(Array.isArray(v) && v.length === 0) ? `${indent}${k}:\n${toText(v, indent + "  ")}` : `${indent}${k}: ${toText(v, "").trim()}`))
      .join("\n");
  }
  return `${indent}${String(value)}`;
}

/** A sub-command group: `keys`, `tx`, … Each verb gets the args after its name. */
export type VerbHandler = (args: string[]) => Promise<number>;

export async function dispatchGroup(group: string, verbs: Readonly<Record<string, { verb: Verb; run: VerbHandler }>>, args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const lines = Object.values(verbs).map((v) => `  ${v.verb.usage}`);
    process.stdout.write(`Usage: stchaind ${group} <verb> …   (each verb takes --help)\n\n${lines.join("\n")}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = verbs[name];
  if (entry === undefined) throw new CliError(`unknown verb "${group} ${name}"; known: ${Object.keys(verbs).join(", ")}`, 2);
  return entry.run(rest);
}

/**
 * Lines of input for scripts (mnemonics, passphrases): stdin is read once, whole, and handed out a
 * line at a time, so `printf 'words…\npass\n' | stchaind keys add k --recover` works.
 */
export class InputLines {
  private lines: string[] | undefined;

  async next(what: string): Promise<string> {
    if (this.lines === undefined) {
      if (process.stdin.isTTY) process.stderr.write(`${what}: `);
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      this.lines = Buffer.concat(chunks).toString("utf8").split(/\r?\n/);
    }
    const line = this.lines.shift();
    if (line === undefined || line === "") throw new CliError(`no ${what} given (expected a line on stdin)`);
    return line;
  }
}

export const stdinLines = new InputLines();

/** A string flag's value (undefined when absent). */
export function flag(values: FlagValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

/** The first non-empty line of an error's message (CosmJS and CometBFT errors span several lines). */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n").map((l) => l.trim()).find((l) => l.length > 0) ?? text;
}

/** Connects to the node at `node` with `connect`; a failure is one line saying the node cannot be reached. */
export async function reachNode<T>(node: string, connect: () => Promise<T>): Promise<T> {
  try {
    return await connect();
  } catch (e) {
    throw new CliError(`cannot reach the node at ${node}: ${firstLine(e)}`);
  }
}
