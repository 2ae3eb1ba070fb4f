/**
 * `npm run test:fuzz`: the long fuzz runs on the whole app in process (docs/fuzzing.md).
 *
 * 1. 10^5 random and mutated TxRaw byte strings through CheckTx and FinalizeBlock (100 per block),
 *    every invariant after each block, a twin app on the same blocks compared by app hash.
 * 2. 10^4 random operations across bank, register, sds, pot, staking and distribution, every
 *    invariant after each block, the twin compared.
 *
 * Prints inputs tried, the codes seen, exceptions (must be 0) and blocks produced; exits 1 on any
 * exception, broken invariant, app-hash difference or a code 111222 the reference would not give.
 *
 *   npm run test:fuzz -- [--inputs 100000] [--ops 10000] [--seed N] [--no-twin] [--skip-tx] [--skip-ops]
 */
import { parseArgs } from "node:util";
import { formatOpsFuzzReport, runOpsFuzz } from "../app/node/fuzz/opsFuzz.js";
import { formatTxFuzzReport, IMITATED_PANICS, runTxFuzz } from "../app/node/fuzz/txFuzz.js";

const { values } = parseArgs({
  options: {
    inputs: { type: "string", default: "100000" },
    ops: { type: "string", default: "10000" },
    seed: { type: "string", default: "20261206" },
    "no-twin": { type: "boolean", default: false },
    "skip-tx": { type: "boolean", default: false },
    "skip-ops": { type: "boolean", default: false },
  },
});

const seed = Number(values.seed);
const twin = !values["no-twin"];
let failed = false;

if (!values["skip-tx"]) {
  const inputs = Number(values.inputs);
  console.log(`tx fuzz: ${inputs} inputs, seed ${seed}${twin ? ", twin app" : ""} …`);
  const r = await runTxFuzz({
    inputs, seed, twin,
    onProgress: (done, report) => {
      if (done % 10_000 === 0) console.log(`  ${done} inputs, ${report().blocks} blocks, ${(report().ms / 1000).toFixed(0)} s, exceptions ${report().exceptions.length}`);
    },
  });
  console.log(formatTxFuzzReport(r));
  const unexpectedPanics = r.panicKinds.filter((k) => !IMITATED_PANICS.test(k));
  if (unexpectedPanics.length > 0) console.log(`  111222 logs that are no imitated reference panic: ${unexpectedPanics.join(" | ")}`);
  if (r.exceptions.length > 0 || r.afterCode !== "ok/0" || unexpectedPanics.length > 0) failed = true;
}

if (!values["skip-ops"]) {
  const ops = Number(values.ops);
  console.log(`operation sequences: ${ops} operations, seed ${seed}${twin ? ", twin app" : ""} …`);
  const r = await runOpsFuzz({
    ops, seed, twin,
    onProgress: (report) => {
      const now = report();
      if (now.ops % 3_000 === 0) console.log(`  ${now.ops} operations, ${now.blocks} blocks, ${(now.ms / 1000).toFixed(0)} s`);
    },
  });
  console.log(formatOpsFuzzReport(r));
  if (r.exceptions.length > 0) failed = true;
}

process.exit(failed ? 1 : 0);
