/**
 * The three hashes the chain's keys and addresses use.
 *
 * sha256 goes through `node:crypto`'s one-shot `crypto.hash` (OpenSSL): measured 0.96 µs for 32 B and
 * 1.6 µs for 200 B against 1.4 / 4.8 µs for @noble/hashes (scripts/bench/keys.ts). Keccak-256 is not the
 * same function as SHA3-256 (different padding) and OpenSSL 3.0 does not expose it. It is on the hot
 * path: every eth_secp256k1 signature covers Keccak-256 of the whole SignDoc, twice per tx (CheckTx and
 * FinalizeBlock), and a relayd batch of 250 MsgFileUpload signs 48.7 KB. hash-wasm's WebAssembly Keccak
 * takes 0.16 ms for those 48.7 KB against 2.2 ms for @noble/hashes, and is faster from 32 B up
 * (0.8 µs against 6.8 µs; `npx tsx scripts/bench/keys.ts`). The hasher is created once at module load (its
 * constructor is async, hence the top-level await) and reused: init/update/digest are synchronous, so
 * no two calls interleave on Node's single thread. RIPEMD-160 comes from @noble/hashes (only used to
 * derive Cosmos secp256k1 addresses, never hot).
 */
import { hash as nodeHash } from "node:crypto";
import { ripemd160 as nobleRipemd160 } from "@noble/hashes/legacy.js";
import { createKeccak } from "hash-wasm";

const keccakHasher = await createKeccak(256);

/** SHA-256 of `data` (32 bytes). */
export function sha256(data: Uint8Array): Uint8Array {
  const out = nodeHash("sha256", data, "buffer");
  // A plain Uint8Array view, not a Buffer: Buffer#slice aliases where Uint8Array#slice copies.
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Keccak-256 (the original Keccak padding used by Ethereum, not FIPS-202 SHA3-256) of `data`. */
export function keccak256(data: Uint8Array): Uint8Array {
  keccakHasher.init();
  keccakHasher.update(data);
  return keccakHasher.digest("binary");
}

/** RIPEMD-160 of `data` (20 bytes). */
export function ripemd160(data: Uint8Array): Uint8Array {
  return nobleRipemd160(data);
}
