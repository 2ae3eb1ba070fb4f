#!/usr/bin/env node
import { parseArgs } from "node:util";
import path from "node:path";
import os from "node:os";
import { runNode } from "../node/main.js";
import { APP_NAME, APP_VERSION, DEFAULT_MIN_GAS_PRICES } from "../node/app.js";
import type { LogLevel } from "../node/logger.js";
import { DEFAULT_NODE_SERVICES } from "../server/index.js";

const USAGE = `stchaind — the stratos-ts node (ABCI application for CometBFT 0.38)

Usage:
  stchaind start [--home DIR] [--abci tcp://127.0.0.1:26658] [--rpc http://127.0.0.1:26657]
                 [--minimum-gas-prices 1000000000wei] [--checktx-workers N] [--log-level info|debug|error]
                 [--reference-quirks] [--grpc.address 127.0.0.1:9090] [--grpc.enable true|false]
                 [--api.address tcp://127.0.0.1:1317] [--api.enable true|false] [--api.enabled-unsafe-cors]
  stchaind version

start   serve the application over ABCI; run CometBFT with --proxy_app pointing at --abci.
        State lives in <home>/data/application.db (default home ~/.stchaind).
        --rpc is this node's CometBFT RPC (GetTx reads CometBFT's tx index through it).
        --minimum-gas-prices is node-local and checked in CheckTx only.
        --checktx-workers N verifies CheckTx signatures on N worker threads (default 0: inline;
        worth it only with cores to spare beside CometBFT, see docs/performance.md).
        --reference-quirks reproduces the reference's register security holes, only to re-execute
        stratos-1 history (docs/deviations.md); every validator of a network must agree on it.
        --grpc.address / --api.address move gRPC (default 127.0.0.1:9090) and REST (default
        tcp://127.0.0.1:1317); --grpc.enable false / --api.enable false switch them off;
        --api.enabled-unsafe-cors answers browser requests from any origin (explorers).`;

function parseWorkers(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0 || n > 64) throw new Error(`--checktx-workers must be an integer from 0 to 64, got ${text}`);
  return n;
}

function parseBool(flag: string, text: string): boolean {
  if (text === "true") return true;
  if (text === "false") return false;
  throw new Error(`${flag} must be true or false, got ${text}`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start": {
      const { values } = parseArgs({
        args: rest,
        options: {
          home: { type: "string", default: path.join(os.homedir(), ".stchaind") },
          abci: { type: "string", default: "tcp://127.0.0.1:26658" },
          rpc: { type: "string", default: "http://127.0.0.1:26657" },
          "minimum-gas-prices": { type: "string", default: DEFAULT_MIN_GAS_PRICES },
          "checktx-workers": { type: "string", default: "0" },
          "log-level": { type: "string", default: "info" },
          "reference-quirks": { type: "boolean", default: false },
          "grpc.address": { type: "string", default: DEFAULT_NODE_SERVICES.grpc.address },
          "grpc.enable": { type: "string", default: "true" },
          "api.address": { type: "string", default: DEFAULT_NODE_SERVICES.api.address },
          "api.enable": { type: "string", default: "true" },
          "api.enabled-unsafe-cors": { type: "boolean", default: false },
        },
        strict: true,
      });
      const level = values["log-level"];
      if (level !== "info" && level !== "debug" && level !== "error") {
        process.stderr.write(`--log-level must be info, debug or error\n`);
        return 2;
      }
      const node = await runNode({
        home: path.resolve(values.home),
        abciAddress: values.abci,
        cometRpc: values.rpc,
        minimumGasPrices: values["minimum-gas-prices"],
        checkTxVerifyWorkers: parseWorkers(values["checktx-workers"]),
        logLevel: level as LogLevel,
        referenceQuirks: values["reference-quirks"],
        services: {
          grpc: { enable: parseBool("--grpc.enable", values["grpc.enable"]), address: values["grpc.address"] },
          api: { enable: parseBool("--api.enable", values["api.enable"]), address: values["api.address"], enabledUnsafeCors: values["api.enabled-unsafe-cors"] },
        },
      });
      await new Promise<void>((resolve) => {
        const onSignal = (): void => {
          void node.stop().then(resolve);
        };
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
      });
      return 0;
    }
    case "version":
      process.stdout.write(`${APP_NAME} ${APP_VERSION}\n`);
      return 0;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE + "\n");
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command ${command}\n\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`stchaind: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
