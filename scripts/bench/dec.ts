/**
 * Dec (LegacyDec) throughput: mul and quo on realistic 18-decimal operands — wei amounts, noz prices
 * and reward shares of the size the pot/sds formulas see. Run: `npx tsx scripts/bench/dec.ts`.
 * Figures depend on the machine and its load; they are measurements, not guarantees.
 */
import { pathToFileURL } from "node:url";
import { Dec } from "../../app/math/dec.js";

const OPERANDS: readonly Dec[] = [
  "12249999.999996171875000001", // noz price after TV A1
  "5714285714285.714285714285714286", // purchase before truncation
  "28000000000000000000", // S + Pt in wei
  "0.020000000000000000", // community tax
  "1224999946405.869532259956129398", // traffic reward R (spec-pot TV1)
  "80000000000000000000", // mining reward per epoch
  "0.500000000000000000", // a volume share
  "2285714285715", // Lt
].map((s) => Dec.parse(s));

function measure(label: string, op: (a: Dec, b: Dec) => Dec): void {
  const n = OPERANDS.length;
  let sink = 0n;
  // warm-up so the figure reflects optimised code
  for (let i = 0; i < 50_000; i++) sink += op(OPERANDS[i % n] as Dec, OPERANDS[(i * 3 + 1) % n] as Dec).raw;
  const iterations = 400_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += op(OPERANDS[i % n] as Dec, OPERANDS[(i * 3 + 1) % n] as Dec).raw;
  const elapsedNs = process.hrtime.bigint() - start;
  const opsPerSecond = (BigInt(iterations) * 1_000_000_000n) / elapsedNs;
  console.log(`${label.padEnd(14)} ${opsPerSecond.toString().padStart(10)} ops/s  (${iterations} ops, checksum ${sink % 100_000n})`);
}

export async function runBench(): Promise<void> {
  console.log(`Dec benchmark, node ${process.version}`);
  measure("Dec.mul", (a, b) => a.mul(b));
  measure("Dec.quo", (a, b) => a.quo(b));
  measure("Dec.add", (a, b) => a.add(b));
  measure("Dec.truncateInt", (a) => Dec.fromInt(a.truncateInt()));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runBench();
}
