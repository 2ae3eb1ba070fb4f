/**
 * The one secp256k1 backend everything uses, chosen once at load.
 *
 * Native libsecp256k1 when its addon loads (the fastest by ~25×, see README.md). Otherwise a loud
 * message on stderr and a fallback with the same accept/reject rules: noble for digests (Keccak), OpenSSL
 * for SHA-256 messages. The node should call `assertNativeSecp256k1()` at start-up if it must not run slow.
 */
import type { Secp256k1Backend } from "./secp256k1Backend.js";
import { createNativeBackend, loadNativeSecp256k1, type NativeLoadResult } from "./secp256k1Native.js";
import { nobleBackend } from "./secp256k1Noble.js";
import { verifySha256NodeCrypto } from "./secp256k1NodeCrypto.js";

const nativeLoad = loadNativeSecp256k1();

/** Noble for everything but SHA-256 messages, which OpenSSL verifies ~4× faster. */
const fallbackBackend: Secp256k1Backend = {
  ...nobleBackend,
  name: "fallback: @noble/curves + node:crypto (native libsecp256k1 did not load)",
  verifySha256: verifySha256NodeCrypto,
};

/** Native if it loaded; otherwise the fallback, announced through `warn` (stderr by default). */
export function selectSecp256k1Backend(
  load: NativeLoadResult,
  warn: (message: string) => void = (m) => process.stderr.write(m),
): Secp256k1Backend {
  if (load.ok) return createNativeBackend(load.lib);
  warn(
    "\n*** stratos-ts crypto: native libsecp256k1 (secp256k1/bindings) failed to load: " +
      `${load.error}\n*** Falling back to @noble/curves: signature verification is ~25x slower.\n\n`,
  );
  return fallbackBackend;
}

/** The backend in use for all secp256k1 and eth_secp256k1 verification and signing. */
export const secp256k1Backend: Secp256k1Backend = selectSecp256k1Backend(nativeLoad);

/** True if the native addon is in use. */
export const isNativeSecp256k1 = nativeLoad.ok;

/** @throws Error with the load failure if the native addon is not in use. */
export function assertNativeSecp256k1(): void {
  if (!nativeLoad.ok) throw new Error(`assertNativeSecp256k1: native libsecp256k1 unavailable: ${nativeLoad.error}`);
}

/** The fallback backend, exported so tests and benchmarks exercise it even when native loads. */
export const secp256k1FallbackBackend: Secp256k1Backend = fallbackBackend;
