/** Runs `stchaind` as a child process (`node --import tsx app/cli/stchaind.ts …`), as an operator's shell would. */
import { execFile } from "node:child_process";
import path from "node:path";
import { expect } from "vitest";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { Devnet, type DevnetPorts, PROJECT_ROOT } from "../../app/node/devnet.js";
import { waitForHeight } from "./devnet.js";

const CLI = path.join(PROJECT_ROOT, "app", "cli", "stchaind.ts");

export interface Run { code: number; stdout: string; stderr: string }

export function stchaind(args: readonly string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, STCHAIND_KEYRING_PASSPHRASE: undefined } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr });
    });
    child.stdin?.end(input ?? "");
  });
}

export async function ok(args: readonly string[], input?: string): Promise<string> {
  const r = await stchaind(args, input);
  if (r.code !== 0) throw new Error(`stchaind ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** A failure: non-zero exit, exactly one line on stderr, which matches `pattern`. */
export async function fails(args: readonly string[], pattern: RegExp): Promise<void> {
  const r = await stchaind(args);
  expect(r.code, `${args.join(" ")}: ${r.stderr}`).not.toBe(0);
  const lines = r.stderr.split("\n").filter((l) => l.length > 0);
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

/** Runs `f` over `items`, three child processes at a time (the test machine has two cores). */
export async function inParallel<T>(items: readonly T[], f: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all([0, 1, 2].map(async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await f(item);
  }));
}


/**
 * Starts CometBFT and the app on a home the `stchaind` verbs made (Devnet keeps its genesis) and waits
 * for height 2, the first block after InitChain's validator set took effect.
 */
export async function startCliMadeNode(home: string, ports: DevnetPorts, configOverrides?: string): Promise<Devnet> {
  const devnet = new Devnet({ home, ports, onAppOutput: () => {}, ...(configOverrides !== undefined ? { configOverrides } : {}) });
  await devnet.start();
  const comet = await Comet38Client.connect(`http://127.0.0.1:${ports.rpc}`);
  try {
    await waitForHeight(comet, 2, 60_000);
  } finally {
    comet.disconnect();
  }
  return devnet;
}
