/**
 * What a secp256k1 implementation must provide to serve the chain. Every backend applies the same
 * byte-level checks first (secp256k1Shape.ts): canonical r, low-S s, 33-byte compressed key. A malformed
 * key or signature yields `false`, never an exception.
 */
export interface Secp256k1Backend {
  /** Shown in logs and benchmarks. */
  readonly name: string;
  /** ECDSA verification of `sig64` (r‖s) over a caller-computed 32-byte digest (Keccak-256 or SHA-256). */
  verifyDigest(pub33: Uint8Array, digest32: Uint8Array, sig64: Uint8Array): boolean;
  /** ECDSA verification over SHA-256(`msg`) (Cosmos `secp256k1` keys). */
  verifySha256(pub33: Uint8Array, msg: Uint8Array, sig64: Uint8Array): boolean;
  /** Deterministic (RFC 6979) low-S signature over `digest32`, with its recovery id (0 or 1 in practice). */
  signDigest(privateKey32: Uint8Array, digest32: Uint8Array): { signature: Uint8Array; recovery: number };
  /** The 65-byte uncompressed (0x04‖X‖Y) form of a compressed key, or undefined if it is not a curve point. */
  uncompressedPublicKey(pub33: Uint8Array): Uint8Array | undefined;
  /** 33-byte compressed public key of a 32-byte private key. @throws Error if the key is 0 or ≥ n. */
  publicKey(privateKey32: Uint8Array): Uint8Array;
}

/** Throws unless `x` is a Uint8Array of exactly `length` bytes; `what` names the caller and argument. */
export function assertBytes(x: Uint8Array, length: number, what: string): void {
  if (!(x instanceof Uint8Array) || x.length !== length) {
    const got = x instanceof Uint8Array ? `${x.length} bytes` : typeof x;
    throw new TypeError(`${what} must be ${length} bytes, got ${got}`);
  }
}
