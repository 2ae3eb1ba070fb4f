/**
 * GasKVStore: charges every store access to a GasMeter exactly as Cosmos SDK store/gaskv does
 * (v0.47 `gaskv/store.go`), with the descriptors of store/types/gas.go:
 *
 *   get     : ReadFlat, then (after the read) ReadPerByte × len(key), ReadPerByte × len(value)
 *   set     : WriteFlat, WritePerByte × len(key), WritePerByte × len(value), then the write
 *   has     : Has;   delete: Delete
 *   iterator: on creation and on every step, for the pair the iterator is *on* (if any):
 *             ValuePerByte × len(key), ValuePerByte × len(value) (at ReadCostPerByte), then
 *             IterNextFlat. Forward and reverse iterators charge the same.
 *
 * Go iterators sit on their first pair after creation and move with Next(), which charges the
 * pair it leaves. A JS iterator's first next() returns the pair the Go iterator sits on (already
 * charged at creation); each later next() charges the previous pair plus IterNextFlat, like Go's
 * Next(). So a full walk over n pairs costs the first pair twice, every other pair once, and
 * n + 1 IterNextFlat — as in the SDK. A charge that exceeds the limit throws (the meter's error)
 * before the access happens, except for the per-byte charges of get, which follow the read.
 */

import type { Bytes, GasMeter, KVGasConfig, KVPair, KVStore } from "./types.js";
import { assertWritable } from "./branch/cacheKV.js";

export const GAS_DESC = {
  iterNextFlat: "IterNextFlat",
  valuePerByte: "ValuePerByte",
  writePerByte: "WritePerByte",
  readPerByte: "ReadPerByte",
  writeFlat: "WriteFlat",
  readFlat: "ReadFlat",
  has: "Has",
  delete: "Delete",
} as const;

export class GasKVStore implements KVStore {
  constructor(
    private readonly parent: KVStore,
    private readonly meter: GasMeter,
    private readonly config: KVGasConfig,
  ) {}

  get(key: Bytes): Bytes | undefined {
    const c = this.config;
    this.meter.consumeGas(c.readCostFlat, GAS_DESC.readFlat);
    const value = this.parent.get(key);
    this.meter.consumeGas(c.readCostPerByte * BigInt(key.length), GAS_DESC.readPerByte);
    this.meter.consumeGas(c.readCostPerByte * BigInt(value?.length ?? 0), GAS_DESC.readPerByte);
    return value;
  }

  has(key: Bytes): boolean {
    this.meter.consumeGas(this.config.hasCost, GAS_DESC.has);
    return this.parent.has(key);
  }

  set(key: Bytes, value: Bytes): void {
    assertWritable("GasKVStore.set", key, value);
    const c = this.config;
    this.meter.consumeGas(c.writeCostFlat, GAS_DESC.writeFlat);
    this.meter.consumeGas(c.writeCostPerByte * BigInt(key.length), GAS_DESC.writePerByte);
    this.meter.consumeGas(c.writeCostPerByte * BigInt(value.length), GAS_DESC.writePerByte);
    this.parent.set(key, value);
  }

  delete(key: Bytes): void {
    this.meter.consumeGas(this.config.deleteCost, GAS_DESC.delete);
    this.parent.delete(key);
  }

  iterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return new GasIterator(this.parent.iterator(start, end), this.meter, this.config);
  }

  reverseIterator(start?: Bytes, end?: Bytes): IterableIterator<KVPair> {
    return new GasIterator(this.parent.reverseIterator(start, end), this.meter, this.config);
  }
}

class GasIterator implements IterableIterator<KVPair> {
  /** The pair a Go iterator would be on (undefined once invalid). */
  private current: KVPair | undefined;
  private started = false;

  constructor(
    private readonly parent: Iterator<KVPair>,
    private readonly meter: GasMeter,
    private readonly config: KVGasConfig,
  ) {
    this.current = this.pull();
    this.chargeSeek();
  }

  [Symbol.iterator](): IterableIterator<KVPair> {
    return this;
  }

  private pull(): KVPair | undefined {
    const r = this.parent.next();
    return r.done === true ? undefined : r.value;
  }

  /** gaskv consumeSeekGas: the pair the iterator is on (if valid), then the flat step cost. */
  private chargeSeek(): void {
    const p = this.current;
    if (p !== undefined) {
      const perByte = this.config.readCostPerByte;
      this.meter.consumeGas(perByte * BigInt(p.key.length), GAS_DESC.valuePerByte);
      this.meter.consumeGas(perByte * BigInt(p.value.length), GAS_DESC.valuePerByte);
    }
    this.meter.consumeGas(this.config.iterNextCostFlat, GAS_DESC.iterNextFlat);
  }

  next(): IteratorResult<KVPair> {
    if (!this.started) {
      this.started = true;
    } else if (this.current !== undefined) {
      // Go Next(): charge the pair being left, then move.
      this.chargeSeek();
      this.current = this.pull();
    }
    const p = this.current;
    return p === undefined ? { done: true, value: undefined } : { done: false, value: p };
  }
}
