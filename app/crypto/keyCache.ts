/**
 * A bounded memo of parsed public keys (raw bytes → a backend's parsed form).
 *
 * Parsing is a pure function of the key bytes, so the cache cannot change any result, only its cost:
 * it is safe outside the store (a branch revert has nothing to undo). The insertion order of the Map
 * is used only to pick what to evict, never for anything hashed or persisted.
 */
export class KeyCache<V> {
  readonly #entries = new Map<string, V>();

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`KeyCache: capacity must be a positive integer, got ${capacity}`);
    }
  }

  /** The cached value for `key`, computing it with `parse` on a miss. `parse` returning undefined is not cached. */
  getOrParse(key: Uint8Array, parse: (key: Uint8Array) => V | undefined): V | undefined {
    // latin1 maps each byte to one UTF-16 unit: the cheapest exact string key.
    const id = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString("latin1");
    const hit = this.#entries.get(id);
    if (hit !== undefined) return hit;
    const value = parse(key);
    if (value === undefined) return undefined;
    if (this.#entries.size >= this.capacity) {
      // Evict the oldest insertion: validator and busy-account keys are re-inserted soon enough.
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(id, value);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}
