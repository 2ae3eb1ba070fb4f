/**
 * The meta-node reporter bitmap of a file record (spec-sds §4.1.3–§4.1.4).
 *
 * Encoding (kelindar/bitmap v1.4.1 on a little-endian host): a sequence of 64-bit little-endian
 * words; bit i is bit (i mod 8) of byte ⌊i/8⌋. The byte string is 8 × (number of words) long, grows
 * to 8·(⌊i/64⌋ + 1) bytes when bit i needs it, and never shrinks. {0} → 0100000000000000,
 * {0,2} → 0500000000000000, {64} → 0000000000000000 0100000000000000.
 *
 * Index: the reference keeps a process-global cache that is not rolled back and differs after a
 * restart (QUIRK, §10 item 1). This port uses the deterministic rule spec-sds §4.1.4 recommends (R):
 * the reporter's position among the meta nodes that are BONDED and not suspended in the current
 * (transaction-branch) state, sorted by bech32 network address in plain byte order; a reporter not in
 * that list gets index 0, as in the reference (its lookup error is ignored there). On chain the rule
 * is answered by register's active-meta-node index (RegisterKeeper.activeMetaNodePosition) rather than a
 * scan of every record; `metaNodeBitmapIndex` below is the rule itself, the model the index is tested
 * against.
 */
import { BondStatus } from "../../register/logic/bondStatus.js";

/** A stored `reporters` value whose length is not a multiple of 8 (Go panics in bitmap.FromBytes). */
export class BitmapLengthError extends RangeError {
  override readonly name = "BitmapLengthError";
}

/** What the index rule reads of a meta node. */
export interface MetaNodeForIndex {
  readonly networkAddress: string;
  readonly status: BondStatus;
  readonly suspend: boolean;
}

/**
 * Bitmap index of `reporter` (bech32 `stsds1…` string). `found` is false when the reporter is not an
 * active meta node; `index` is then 0 (reference behaviour).
 */
export function metaNodeBitmapIndex(reporter: string, metaNodes: readonly MetaNodeForIndex[]): { index: number; found: boolean } {
  const active = metaNodes
    .filter((m) => m.status === BondStatus.Bonded && !m.suspend)
    .map((m) => m.networkAddress)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // ASCII bech32: code-unit order = byte order
  const index = active.indexOf(reporter);
  return index < 0 ? { index: 0, found: false } : { index, found: true };
}

/** Returns a new bitmap: `bitmap` (absent/empty = no bits) with bit `index` set. */
export function setReporterBit(bitmap: Uint8Array | undefined, index: number): Uint8Array {
  if (!Number.isSafeInteger(index) || index < 0 || index > 0xffffffff) {
    throw new RangeError(`setReporterBit: index must be a uint32, got ${index}`);
  }
  const current = bitmap ?? new Uint8Array(0);
  if (current.length % 8 !== 0) {
    throw new BitmapLengthError(`setReporterBit: bitmap length ${current.length} is not a multiple of 8`);
  }
  const words = Math.max(current.length / 8, Math.floor(index / 64) + 1);
  const out = new Uint8Array(words * 8);
  out.set(current);
  const byteAt = Math.floor(index / 8);
  out[byteAt] = (out[byteAt] ?? 0) | (1 << (index % 8));
  return out;
}

/** The set bits of a stored bitmap, ascending (for queries and tests). */
export function reporterIndexes(bitmap: Uint8Array): number[] {
  if (bitmap.length % 8 !== 0) {
    throw new BitmapLengthError(`reporterIndexes: bitmap length ${bitmap.length} is not a multiple of 8`);
  }
  const out: number[] = [];
  bitmap.forEach((byte, i) => {
    for (let bit = 0; bit < 8; bit++) if ((byte >> bit) & 1) out.push(i * 8 + bit);
  });
  return out;
}
