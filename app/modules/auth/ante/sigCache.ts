/**
 * Signatures already verified on this node, so FinalizeBlock does not verify again what CheckTx did
 * (store-perf.md §3.2). Keyed by (hash of the sign bytes, key type, public key, signature):
 * verification is a pure function of those, so a hit gives exactly the result a fresh check would —
 * the cache changes speed, never outcomes. Only successes are stored.
 */
export class SignatureCache {
  private readonly entries = new Set<string>();

  constructor(private readonly capacity = 50_000) {}

  private static key(signBytesHash: Uint8Array, pubKey: Uint8Array, signature: Uint8Array, keyType: string): string {
    const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");
    return keyType + "\u0000" + latin1(signBytesHash) + latin1(pubKey) + latin1(signature);
  }

  has(signBytesHash: Uint8Array, pubKey: Uint8Array, signature: Uint8Array, keyType: string): boolean {
    return this.entries.has(SignatureCache.key(signBytesHash, pubKey, signature, keyType));
  }

  add(signBytesHash: Uint8Array, pubKey: Uint8Array, signature: Uint8Array, keyType: string): void {
    const key = SignatureCache.key(signBytesHash, pubKey, signature, keyType);
    if (this.entries.has(key)) return;
    this.entries.add(key);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.values().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
