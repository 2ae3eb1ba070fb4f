/** A public or private key the chain cannot use (wrong length, not on the curve, out of range). */
export class InvalidKeyError extends Error {
  override readonly name = "InvalidKeyError";
}

/** Hex of `bytes` for error messages, shortened past 80 bytes. */
export function hexForError(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 80)).toString("hex");
  return bytes.byteLength > 80 ? `${hex}… (${bytes.byteLength} bytes)` : hex;
}

/** True if every argument is a Uint8Array: verifiers answer `false` rather than throw on anything else. */
export function allBytes(...xs: readonly unknown[]): boolean {
  return xs.every((x) => x instanceof Uint8Array);
}
