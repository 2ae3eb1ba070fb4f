import { hash } from "node:crypto";
import type { MsgRouter } from "../msgs.js";
import { decodeTx } from "./decode.js";
import type { DecodedTx } from "./decodedTx.js";

/**
 * Decoded txs by content hash, so a tx decoded in CheckTx is not decoded again in RECHECK and
 * FinalizeBlock. Decoding is a pure function of the bytes, so sharing the result is deterministic.
 * Decode failures are not cached (they are cheap to reproduce and would fill the cache).
 */
export class DecodedTxCache {
  private readonly entries = new Map<string, DecodedTx>();

  constructor(private readonly capacity: number) {}

  getOrDecode(bytes: Uint8Array, router: MsgRouter): DecodedTx {
    const key = hash("sha256", bytes, "binary");
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh its place in insertion order (least recently used goes first).
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const tx = decodeTx(bytes, router);
    this.entries.set(key, tx);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return tx;
  }
}
