/**
 * `npm run bench:crypto`: signature verification (secp256k1, eth_secp256k1, ed25519), BLS volume-report
 * verification and hash-to-point, and Dec arithmetic. Each part also runs on its own
 * (`npx tsx scripts/bench/keys.ts`, `bls.ts`, `dec.ts`).
 */
import os from "node:os";
import { runBench as keys } from "./keys.js";
import { runBench as bls } from "./bls.js";
import { runBench as dec } from "./dec.js";

console.log(`bench:crypto — Node ${process.version}, OpenSSL ${process.versions.openssl}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), one core used`);
await keys();
await bls();
await dec();
