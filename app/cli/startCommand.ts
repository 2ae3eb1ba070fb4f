/** `stchaind start`: serve the application over ABCI (CometBFT runs beside it with --proxy_app = --abci). */
import { parseArgs } from "node:util";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { LogLevel } from "../node/logger.js";
import { DEFAULT_HOME } from "./common.js";

export const START_USAGE = `stchaind — the stratos-ts node (ABCI application for CometBFT 0.38)

Usage:
  stchaind start [--home DIR] [--abci tcp://127.0.0.1:26658] [--rpc http://127.0.0.1:26657]
                 [--minimum-gas-prices 1000000000wei] [--checktx-workers N] [--log-level info|debug|error]
                 [--reference-quirks] [--inv-check-period N] [--x-crisis-skip-assert-invariants]
                 [--with-comet [--cometbft PATH]]
                 [--<app.toml key> VALUE …]
  stchaind version

start   serve the application over ABCI; run CometBFT with --proxy_app pointing at --abci, or pass
        --with-comet and stchaind runs CometBFT itself (cometbft start --home <home> --proxy_app <abci>;
        the binary: --cometbft PATH, else the one npm install built in .tools/bin), stopping both together.
        State lives in <home>/data/application.db (default home ~/.stchaind).
        --rpc is this node's CometBFT RPC (GetTx reads CometBFT's tx index through it).
        --minimum-gas-prices is node-local and checked in CheckTx only.
        --checktx-workers N verifies CheckTx signatures on N worker threads (default 0: inline;
        worth it only with cores to spare beside CometBFT, see docs/performance.md).
        --reference-quirks reproduces the reference's register security holes, only to re-execute
        stratos-1 history (docs/deviations.md); every validator of a network must agree on it.
        Settings come from <home>/config/app.toml (written with the defaults on the first start);
        any of its keys can be given as a flag: --pruning custom --pruning-keep-recent 100
        --pruning-interval 10 --min-retain-blocks N --halt-height N --state-sync.snapshot-interval N
        --state-sync.snapshot-keep-recent N --telemetry.enabled true --stratos-ts.max-loaded-nodes N …
        --halt-height / --halt-time stop the node once it has committed a block at or above that height,
        or with a time at or after that Unix time (the SDK's halt-height / halt-time; 0 = off).
        --inv-check-period N asserts every module invariant in EndBlock at heights divisible by N
        and stops the node when one is broken (default 0: never).
        --x-crisis-skip-assert-invariants skips the invariant assertion at InitChain.`;


function parseInvCheckPeriod(text: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw new Error(`--inv-check-period must be a non-negative integer, got ${text}`);
  return BigInt(text);
}

function parseWorkers(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0 || n > 64) throw new Error(`--checktx-workers must be an integer from 0 to 64, got ${text}`);
  return n;
}

export async function runStart(rest: string[]): Promise<number> {
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(START_USAGE + "\n\nExample:\n  stchaind start --home ~/.stchaind --with-comet\n  stchaind start --home ~/.stchaind --abci tcp://127.0.0.1:26658 &\n  cometbft start --home ~/.stchaind --proxy_app tcp://127.0.0.1:26658\n");
    return 0;
  }
  // Loaded here, not at the top: `--help` should not wait for the whole app to load.
  const { runNode } = await import("../node/main.js");
  const { appConfigFlagNames, applyAppConfigFlags, appTomlPath, loadAppToml } = await import("../node/appConfig.js");
  const configFlags = Object.fromEntries(appConfigFlagNames().map((k) => [k, { type: "string" as const }]));
  const { values } = parseArgs({
    args: rest,
    options: {
      ...configFlags,
      home: { type: "string", default: DEFAULT_HOME },
      abci: { type: "string", default: "tcp://127.0.0.1:26658" },
      rpc: { type: "string", default: "http://127.0.0.1:26657" },
      "checktx-workers": { type: "string" },
      "log-level": { type: "string", default: "info" },
      "reference-quirks": { type: "boolean", default: false },
      "inv-check-period": { type: "string", default: "0" },
      "x-crisis-skip-assert-invariants": { type: "boolean", default: false },
      "with-comet": { type: "boolean", default: false },
      cometbft: { type: "string" },
    },
    strict: true,
  });
  const level = values["log-level"];
  if (level !== "info" && level !== "debug" && level !== "error") {
    process.stderr.write(`--log-level must be info, debug or error\n`);
    return 2;
  }
  const home = path.resolve(values.home);
  // app.toml, then flags over it (--checktx-workers is the short form of --stratos-ts.checktx-workers).
  const file = loadAppToml(home);
  const flagValues: Record<string, string | undefined> = {};
  for (const k of appConfigFlagNames()) flagValues[k] = (values as Record<string, string | boolean | undefined>)[k] as string | undefined;
  if (values["checktx-workers"] !== undefined) flagValues["stratos-ts.checktx-workers"] = String(parseWorkers(values["checktx-workers"]));
  const config = applyAppConfigFlags(file.config, flagValues);
  if (file.created) process.stdout.write(`stchaind: wrote the default ${appTomlPath(home)}\n`);
  if (file.ignored.length > 0) process.stdout.write(`stchaind: ${appTomlPath(home)}: ignoring keys this app does not use: ${file.ignored.join(", ")}\n`);
  const node = await runNode({
    home,
    abciAddress: values.abci,
    cometRpc: values.rpc,
    config,
    logLevel: level as LogLevel,
    referenceQuirks: values["reference-quirks"],
    invCheckPeriod: parseInvCheckPeriod(values["inv-check-period"]),
    skipGenesisInvariants: values["x-crisis-skip-assert-invariants"],
  });
  // --with-comet: CometBFT as a child, its output passed through; either one ending stops the other.
  let comet: ChildProcess | undefined;
  if (values["with-comet"]) {
    const { COMETBFT_BIN } = await import("../node/devnet.js");
    const binary = values.cometbft ?? COMETBFT_BIN;
    comet = spawn(binary, ["start", "--home", home, "--proxy_app", values.abci], { stdio: ["ignore", "inherit", "inherit"] });
  }
  let code = 0;
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      if (comet !== undefined && comet.exitCode === null && comet.signalCode === null) comet.kill("SIGTERM");
      void node.stop().then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    comet?.once("error", (e) => {
      process.stderr.write(`stchaind: cannot run CometBFT (${e.message}); give --cometbft PATH\n`);
      code = 1;
      stop();
    });
    comet?.once("exit", (exitCode) => {
      if (!stopping) {
        process.stderr.write(`stchaind: CometBFT exited (code ${String(exitCode)}); stopping the app\n`);
        code = 1;
      }
      stop();
    });
  });
  return code;
}
