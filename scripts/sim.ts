/**
 * `npm run sim`: the SDS network simulator against an already running devnet (e.g. `npm start --
 * --chain-only` in another terminal), with the live terminal view; or one or all adversarial
 * scenarios, each printing the chain's answer.
 *
 *   npm run sim -- [--rpc http://127.0.0.1:26657] [--grpc 127.0.0.1:9090] [--chain-id stratos-devnet-1]
 *                  [--scenario NAME|all] [--sim-epoch-blocks N …  (app/sim/cli.ts)]
 *
 * Scenarios: duplicate-epoch, stale-epoch, invalid-cid, over-budget, stale-sequence, duplicate-bls-key,
 * sybil, zero-traffic (chain-restart needs a chain the simulator controls: see test/simScenarios.test.ts).
 * They run after three honest epochs were accepted.
 */
import { parseArgs } from "node:util";
import { DEVNET_CHAIN_ID } from "../app/node/devnetGenesis.js";
import { SIM_CLI_OPTIONS, runSimulatorWithView, simulatorOptionsFromCli } from "../app/sim/cli.js";
import { SCENARIOS, describeResult, runScenario, type ScenarioName } from "../app/sim/scenarios.js";
import { Simulator } from "../app/sim/simulator.js";

const { values } = parseArgs({
  options: {
    rpc: { type: "string", default: "http://127.0.0.1:26657" },
    grpc: { type: "string", default: "127.0.0.1:9090" },
    "chain-id": { type: "string", default: DEVNET_CHAIN_ID },
    scenario: { type: "string", default: "" },
    ...SIM_CLI_OPTIONS,
  },
  strict: true,
});

const options = simulatorOptionsFromCli(values, { rpcUrl: values.rpc, grpcAddress: values.grpc, chainId: values["chain-id"] });

if (values.scenario === "") {
  const run = await runSimulatorWithView(options);
  const stop = (): void => void run.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} else {
  const names = (values.scenario === "all" ? SCENARIOS.filter((s) => s !== "chain-restart") : [values.scenario]) as ScenarioName[];
  for (const n of names) if (!SCENARIOS.includes(n)) throw new Error(`unknown scenario ${n}; one of ${SCENARIOS.join(", ")}`);
  const sim = new Simulator({ ...options, onLog: (l) => console.log(l) });
  await sim.start();
  while (sim.accepted < 3) await new Promise((r) => setTimeout(r, 250));
  for (const n of names) console.log(describeResult(await runScenario(sim, n)));
  await sim.stop();
  process.exit(0);
}
