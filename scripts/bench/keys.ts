/**
 * Key and signature costs on one core: secp256k1 (SHA-256) and eth_secp256k1 (Keccak-256) verification
 * per backend, ed25519 verification, hashes. Run: `npx tsx scripts/bench/keys.ts`.
 *
 * Operations of one table run in five interleaved rounds of timed loops (≥ 0.3 s each, after a warm-up)
 * over 256 distinct keys and 300-byte messages (about a MsgSend SignDoc); the best loop (least disturbed
 * by other processes on a shared machine) and the median are printed.
 */
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { pathToFileURL } from "node:url";
import { verifyEd25519, verifyEd25519OpenSsl, verifyEd25519Zip215Noble, ed25519PublicKey, signEd25519 } from "../../app/crypto/ed25519.js";
import { ethAddressFromPubKey, verifyEthSecp256k1, verifyEthSecp256k1Digest } from "../../app/crypto/ethSecp256k1.js";
import { keccak256, ripemd160, sha256 } from "../../app/crypto/hash.js";
import { keccak_256 as nobleKeccak256 } from "@noble/hashes/sha3.js";
import type { Secp256k1Backend } from "../../app/crypto/secp256k1Backend.js";
import { secp256k1Backend } from "../../app/crypto/secp256k1Default.js";
import { createNativeBackend, loadNativeSecp256k1 } from "../../app/crypto/secp256k1Native.js";
import { nobleBackend } from "../../app/crypto/secp256k1Noble.js";
import { verifySha256NodeCrypto } from "../../app/crypto/secp256k1NodeCrypto.js";
import { verifySecp256k1 } from "../../app/crypto/secp256k1.js";
import { toBytes32 } from "../../app/crypto/secp256k1Shape.js";

const KEYS = 256;
const MSG_BYTES = 300;

interface Figure {
  /** µs per operation in the fastest loop. */
  bestUs: number;
  /** µs per operation, median loop. */
  medianUs: number;
}

type Op = readonly [label: string, fn: (i: number) => unknown, minMs?: number];

/** One timed loop of `fn(i)` (i = 0, 1, 2, …) for at least `minMs`: µs per call. */
function loop(fn: (i: number) => unknown, minMs: number): number {
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsedNs = 0n;
  do {
    for (let k = 0; k < 50; k++) fn(n++);
    elapsedNs = process.hrtime.bigint() - start;
  } while (elapsedNs < BigInt(minMs) * 1_000_000n);
  return Number(elapsedNs) / 1000 / n;
}

/**
 * Times a group of operations in five interleaved rounds (A B C, A B C, …) so that load from other
 * processes hits them alike, then prints best and median per operation.
 */
function group(title: string, ops: readonly Op[]): void {
  console.log(`\n${title}`);
  for (const [, fn] of ops) for (let i = 0; i < 300; i++) fn(i);
  const runs: number[][] = ops.map(() => []);
  for (let r = 0; r < 5; r++) ops.forEach(([, fn, minMs], k) => runs[k].push(loop(fn, minMs ?? 300)));
  ops.forEach(([label], k) => {
    const sorted = runs[k].sort((a, b) => a - b);
    row(label, { bestUs: sorted[0], medianUs: sorted[2] });
  });
}

const perSec = (us: number): string => Math.round(1e6 / us).toLocaleString("en-US").padStart(9);

function row(label: string, f: Figure): void {
  console.log(`  ${label.padEnd(56)} ${perSec(f.bestUs)} /s ${f.bestUs.toFixed(2).padStart(8)} µs | median ${perSec(f.medianUs)} /s`);
}

/** Deterministic test material: key i = 0x1000 + i, message i = bytes derived from i. */
function fixtures(backend: Secp256k1Backend) {
  const items = [];
  for (let i = 0; i < KEYS; i++) {
    const priv = toBytes32(0x1000n + BigInt(i));
    const msg = new Uint8Array(MSG_BYTES).map((_, j) => (i * 31 + j * 7) & 0xff);
    const kDigest = keccak256(msg);
    items.push({
      pub: backend.publicKey(priv),
      msg,
      kDigest,
      ethSig: backend.signDigest(priv, kDigest).signature,
      cosmosSig: backend.signDigest(priv, sha256(msg)).signature,
    });
  }
  return items;
}

export async function runBench(): Promise<void> {
  const native = loadNativeSecp256k1();
  console.log(`node ${process.version}; default secp256k1 backend: ${secp256k1Backend.name}`);
  console.log("figures: best of 5 interleaved loops (µs/op) | median loop; one core, shared machine");
  const backends: { label: string; backend: Secp256k1Backend; minMs: number }[] = [];
  if (native.ok) {
    backends.push({ label: "native libsecp256k1, parsed-key cache (default)", backend: createNativeBackend(native.lib), minMs: 300 });
    backends.push({ label: "native libsecp256k1, no cache", backend: createNativeBackend(native.lib, 0), minMs: 300 });
    backends.push({ label: "native, cache always missing (capacity 1)", backend: createNativeBackend(native.lib, 1), minMs: 300 });
  } else {
    console.log(`  (native addon unavailable: ${native.error})`);
  }
  backends.push({ label: "@noble/curves", backend: nobleBackend, minMs: 800 });
  const fx = fixtures(secp256k1Backend);
  const at = (i: number) => fx[i % KEYS];

  group(`eth_secp256k1: ECDSA over Keccak-256 of a ${MSG_BYTES}-byte message (Keccak included)`, [
    ...backends.map(({ label, backend, minMs }): Op => [label, (i) => backend.verifyDigest(at(i).pub, keccak256(at(i).msg), at(i).ethSig), minMs]),
    ["verifyEthSecp256k1 (public API)", (i) => verifyEthSecp256k1(at(i).pub, at(i).msg, at(i).ethSig)],
    ["verifyEthSecp256k1Digest (public API, digest given)", (i) => verifyEthSecp256k1Digest(at(i).pub, at(i).kDigest, at(i).ethSig)],
  ]);

  group(`secp256k1 (Cosmos): ECDSA over SHA-256 of a ${MSG_BYTES}-byte message (SHA-256 included)`, [
    ...backends.map(({ label, backend, minMs }): Op => [label, (i) => backend.verifySha256(at(i).pub, at(i).msg, at(i).cosmosSig), minMs]),
    ["node:crypto (OpenSSL), cached KeyObject", (i) => verifySha256NodeCrypto(at(i).pub, at(i).msg, at(i).cosmosSig), 500],
    ["verifySecp256k1 (public API)", (i) => verifySecp256k1(at(i).pub, at(i).msg, at(i).cosmosSig)],
  ]);

  group("address derivation", [["ethAddressFromPubKey (parsed key cached)", (i) => ethAddressFromPubKey(at(i).pub)]]);

  const ed = Array.from({ length: KEYS }, (_, i) => {
    const seed = toBytes32(0x2000n + BigInt(i));
    return { pub: ed25519PublicKey(seed), msg: fx[i].msg, sig: signEd25519(seed, fx[i].msg) };
  });
  const edAt = (i: number) => ed[i % KEYS];
  group(`ed25519 over a ${MSG_BYTES}-byte message`, [
    ["verifyEd25519 (OpenSSL, ZIP-215 re-check on reject)", (i) => verifyEd25519(edAt(i).pub, edAt(i).msg, edAt(i).sig)],
    ["OpenSSL only, cached KeyObject", (i) => verifyEd25519OpenSsl(edAt(i).pub, edAt(i).msg, edAt(i).sig)],
    ["@noble/curves ZIP-215", (i) => verifyEd25519Zip215Noble(edAt(i).pub, edAt(i).msg, edAt(i).sig), 800],
  ]);

  // 48,691 B: the SignDoc of relayd's 250-message MsgFileUpload tx, hashed in CheckTx and FinalizeBlock.
  for (const size of [32, 300, 1024, 48_691]) {
    const data = new Uint8Array(size).fill(0x5a);
    group(`hashes of ${size} B`, [
      ["sha256, node:crypto crypto.hash (used)", () => sha256(data), 150],
      ["sha256, @noble/hashes", () => nobleSha256(data), 150],
      ["keccak256, hash-wasm (used)", () => keccak256(data), 150],
      ["keccak256, @noble/hashes", () => nobleKeccak256(data), 150],
      ["ripemd160, @noble/hashes (used)", () => ripemd160(data), 150],
    ]);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runBench();
}
