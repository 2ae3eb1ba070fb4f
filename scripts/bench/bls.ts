/**
 * BLS benchmark (`npx tsx scripts/bench/bls.ts`). Prints the median (and minimum), in ms, of:
 *   - blsVerify of a volume report signed by 3 meta nodes (decode 3 keys + 1 signature with the
 *     subgroup checks, aggregate the keys, hash txData to the curve, two Miller loops and one final
 *     exponentiation) — on the spec's TV6 report, whose txData needs 4 extra hash-to-curve attempts,
 *     and over 24 other txData values (the typical case: 1 extra attempt on average);
 *   - hashToPoint (full H(m), cofactor multiplication included; verify avoids that multiplication);
 *   - decodePoint of one compressed key; blsSign.
 * Reference point: libpbc in C needs ~0.83 ms per verification (shared/notes.md).
 * Figures are wall-clock on a shared 2-core machine: run a few times; the minimum shows the figure
 * without interference from other processes.
 */
import { pathToFileURL } from "node:url";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { hexToBytes } from "@noble/hashes/utils.js";
import {
  blsAggregateSignatures,
  blsKeyFromSecret,
  blsPublicKey,
  blsSign,
  blsVerify,
  decodePoint,
  hashToPoint,
} from "../../app/crypto/bls/index.js";

const TV6_TX_DATA = hexToBytes("f34622108e484f6e9a0fe25555a087b137250e63f574ade3b3925353602aa63e");
const ROUNDS = 41;

interface Timing {
  readonly median: number;
  readonly min: number;
}

/** Median and minimum wall time of `run(i)` over `rounds` calls, after warm-up calls. */
function timeMs(rounds: number, run: (i: number) => unknown): Timing {
  for (let i = 0; i < 5; i++) run(i);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[samples.length >> 1]!, min: samples[0]! };
}

function report(label: string, { median, min }: Timing): void {
  console.log(`${label.padEnd(54)} median ${median.toFixed(3).padStart(7)} ms   min ${min.toFixed(3).padStart(7)} ms`);
}

export async function runBench(): Promise<void> {
  const keys = [0x11, 0x22, 0x33].map((b) => blsKeyFromSecret(new Uint8Array(32).fill(b)));
  const publicKeys = keys.map(blsPublicKey);
  const signOver = (txData: Uint8Array): Uint8Array => blsAggregateSignatures(keys.map((k) => blsSign(k, txData)));
  const messages = Array.from({ length: 24 }, (_, i) => keccak_256(new Uint8Array([i, 0x42])));
  const signatures = messages.map(signOver);
  const tv6Signature = signOver(TV6_TX_DATA);

  for (let i = 0; i < messages.length; i++) {
    if (!blsVerify(messages[i]!, signatures[i]!, publicKeys)) throw new Error(`bench: message ${i} does not verify`);
  }
  console.log(`BLS over PBC type A, pure TypeScript bigint (Node ${process.version}); ${ROUNDS} runs each`);
  report("blsVerify, 3 signers, TV6 txData", timeMs(ROUNDS, () => blsVerify(TV6_TX_DATA, tv6Signature, publicKeys)));
  report("blsVerify, 3 signers, 24 other txData values", timeMs(ROUNDS, (i) => blsVerify(messages[i % 24]!, signatures[i % 24]!, publicKeys)));
  report("hashToPoint, TV6 txData", timeMs(ROUNDS, () => hashToPoint(TV6_TX_DATA)));
  report("hashToPoint, 24 other txData values", timeMs(ROUNDS, (i) => hashToPoint(messages[i % 24]!)));
  report("decodePoint (one public key, subgroup check included)", timeMs(ROUNDS, (i) => decodePoint(publicKeys[i % 3]!)));
  report("blsSign", timeMs(ROUNDS, (i) => blsSign(keys[i % 3]!, messages[i % 24]!)));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runBench();
}
