import { verifyEthSecp256k1 } from "./ethSecp256k1.js";
import { verifySecp256k1 } from "./secp256k1.js";

/** One signature check a worker can do without any state: the key, the signed bytes, the signature. */
export interface VerifyJob {
  readonly kind: "eth_secp256k1" | "secp256k1";
  readonly pubKey: Uint8Array;
  /** The SIGN_MODE_DIRECT sign bytes; the worker hashes them (Keccak-256 or SHA-256 by kind). */
  readonly signBytes: Uint8Array;
  readonly signature: Uint8Array;
}

/** The check itself, shared by the worker and the inline fallback. Malformed input → false. */
export function runVerifyJob(job: VerifyJob): boolean {
  return job.kind === "eth_secp256k1"
    ? verifyEthSecp256k1(job.pubKey, job.signBytes, job.signature)
    : job.signature.length === 64 && verifySecp256k1(job.pubKey, job.signBytes, job.signature);
}
