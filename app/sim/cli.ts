/**
 * Command-line wiring of the simulator: the flags `npm start` (scripts/devnet.ts) and `npm run sim`
 * (scripts/sim.ts) share, and a runner that starts the simulator and its terminal view against a
 * running chain.
 *
 *   --sim-epoch-blocks N     blocks per epoch (default 10: ~10 s on the devnet's 1 s blocks)
 *   --sim-resource-nodes M   resource nodes registered ppd-style (default 5)
 *   --sim-users U            users who prepay and consume traffic (default 6)
 *   --sim-uploads N          MsgFileUpload per block (default 20)
 *   --sim-slices N           slices served per block (default 12)
 *   --sim-signers all|threshold   BLS signers per report (default all)
 *   --sim-no-lifecycle       no top-ups, slashing bursts, unsuspensions
 *   --sim-epochs N           stop after N accepted reports (default: run until Ctrl-C)
 *   --sim-invariants         query /app/invariants at every block
 */
import fs from "node:fs";
import { DEVNET_META_OWNER_INDICES } from "../node/devnetGenesis.js";
import { walletAt } from "./actors.js";
import { Simulator, type SimulatorOptions } from "./simulator.js";
import { SimulatorView } from "./view.js";

const STOS = 10n ** 18n;

export const SIM_CLI_OPTIONS = {
  "sim-epoch-blocks": { type: "string", default: "10" },
  "sim-resource-nodes": { type: "string", default: "5" },
  "sim-users": { type: "string", default: "6" },
  "sim-uploads": { type: "string", default: "20" },
  "sim-slices": { type: "string", default: "12" },
  "sim-signers": { type: "string", default: "all" },
  "sim-no-lifecycle": { type: "boolean", default: false },
  "sim-epochs": { type: "string", default: "0" },
  "sim-invariants": { type: "boolean", default: false },
} as const;

type CliValue<T> = T extends { readonly type: "boolean" } ? boolean : string;
export type SimCliValues = { readonly [K in keyof typeof SIM_CLI_OPTIONS]?: CliValue<(typeof SIM_CLI_OPTIONS)[K]> };

/** The simulator's options for a chain started from the devnet's embedded genesis (meta nodes at HD 10–12; dev account 4 funds). */
export function simulatorOptionsFromCli(v: SimCliValues, chain: { rpcUrl: string; grpcAddress: string; chainId: string }): SimulatorOptions {
  const signers = v["sim-signers"] === "threshold" ? "threshold" : "all";
  return {
    ...chain,
    metaOwnerIndices: [...DEVNET_META_OWNER_INDICES],
    resourceNodes: Number(v["sim-resource-nodes"] ?? 5),
    users: Number(v["sim-users"] ?? 6),
    epochBlocks: Number(v["sim-epoch-blocks"] ?? 10),
    epochs: Number(v["sim-epochs"] ?? 0),
    uploadsPerBlock: Number(v["sim-uploads"] ?? 20),
    slicesPerBlock: Number(v["sim-slices"] ?? 12),
    signers,
    lifecycle: !(v["sim-no-lifecycle"] ?? false),
    withdrawMatured: true,
    checkInvariants: v["sim-invariants"] ?? false,
    funder: walletAt(4),
    foundationTarget: 100_000n * STOS,
  };
}

/**
 * Starts the simulator and its view; resolves with a stop function. Log lines that would break the
 * panel go to `logFile` when given.
 */
export async function runSimulatorWithView(options: SimulatorOptions, o: { header?: readonly string[]; logFile?: string } = {}): Promise<{ sim: Simulator; stop: () => Promise<void> }> {
  const logStream = o.logFile ? fs.createWriteStream(o.logFile, { flags: "a" }) : undefined;
  const sim = new Simulator({ ...options, onLog: (l) => logStream?.write(`${new Date().toISOString()} ${l}\n`) });
  const view = new SimulatorView(sim, { header: o.header ?? [] });
  process.stdout.write("simulator: registering resource nodes, funding and prepaying…\n");
  await sim.start();
  view.start();
  return {
    sim,
    async stop() {
      view.stop();
      await sim.stop();
      logStream?.end();
    },
  };
}
