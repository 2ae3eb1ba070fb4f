/**
 * GasKVStore charges, checked against hand-computed SDK gaskv sequences (store/gaskv/store.go,
 * KVGasConfig: has 1000, delete 1000, read 1000 + 3/byte, write 2000 + 30/byte, iter step 30).
 */

import { describe, expect, it } from "vitest";
import { CacheKV } from "./branch/cacheKV.js";
import { utf8 } from "./bytes.js";
import { GasKVStore } from "./gas.js";
import { DEFAULT_KV_GAS_CONFIG, TRANSIENT_KV_GAS_CONFIG, type GasMeter, type KVGasConfig } from "./types.js";
import { EMPTY_READER } from "./views.js";

class OutOfGas extends Error {}

class RecordingMeter implements GasMeter {
  readonly charges: [string, bigint][] = [];
  private used = 0n;
  constructor(private readonly max: bigint = 10n ** 18n) {}
  consumeGas(amount: bigint, descriptor: string): void {
    if (this.used + amount > this.max) throw new OutOfGas(`out of gas in ${descriptor}`);
    this.used += amount;
    this.charges.push([descriptor, amount]);
  }
  gasConsumed(): bigint {
    return this.used;
  }
  limit(): bigint {
    return this.max;
  }
}

/** A store holding "a"→"1", "bb"→"22", "ccc"→"333". */
function fixture(config: KVGasConfig = DEFAULT_KV_GAS_CONFIG, max?: bigint) {
  const inner = new CacheKV(EMPTY_READER, undefined);
  inner.set(utf8("a"), utf8("1"));
  inner.set(utf8("bb"), utf8("22"));
  inner.set(utf8("ccc"), utf8("333"));
  const meter = new RecordingMeter(max);
  return { inner, meter, store: new GasKVStore(inner, meter, config) };
}

const CASES: readonly { name: string; run: (s: GasKVStore) => void; want: [string, bigint][] }[] = [
  {
    name: "get existing (key 2 bytes, value 2 bytes)",
    run: (s) => s.get(utf8("bb")),
    want: [["ReadFlat", 1000n], ["ReadPerByte", 6n], ["ReadPerByte", 6n]],
  },
  {
    name: "get missing (value charge 0)",
    run: (s) => s.get(utf8("zz")),
    want: [["ReadFlat", 1000n], ["ReadPerByte", 6n], ["ReadPerByte", 0n]],
  },
  {
    name: "set (key 3 bytes, value 4 bytes)",
    run: (s) => s.set(utf8("key"), utf8("vvvv")),
    want: [["WriteFlat", 2000n], ["WritePerByte", 90n], ["WritePerByte", 120n]],
  },
  { name: "has", run: (s) => s.has(utf8("a")), want: [["Has", 1000n]] },
  { name: "delete", run: (s) => s.delete(utf8("a")), want: [["Delete", 1000n]] },
  {
    name: "full forward walk: first pair charged twice, n+1 steps",
    run: (s) => [...s.iterator()],
    want: [
      ["ValuePerByte", 3n], ["ValuePerByte", 3n], ["IterNextFlat", 30n], // creation, on "a"
      ["ValuePerByte", 3n], ["ValuePerByte", 3n], ["IterNextFlat", 30n], // Next from "a"
      ["ValuePerByte", 6n], ["ValuePerByte", 6n], ["IterNextFlat", 30n], // Next from "bb"
      ["ValuePerByte", 9n], ["ValuePerByte", 9n], ["IterNextFlat", 30n], // Next from "ccc"
    ],
  },
  {
    name: "full reverse walk charges the same way",
    run: (s) => [...s.reverseIterator()],
    want: [
      ["ValuePerByte", 9n], ["ValuePerByte", 9n], ["IterNextFlat", 30n],
      ["ValuePerByte", 9n], ["ValuePerByte", 9n], ["IterNextFlat", 30n],
      ["ValuePerByte", 6n], ["ValuePerByte", 6n], ["IterNextFlat", 30n],
      ["ValuePerByte", 3n], ["ValuePerByte", 3n], ["IterNextFlat", 30n],
    ],
  },
  {
    name: "break after the first pair: only the creation charge",
    run: (s) => {
      for (const p of s.iterator()) {
        expect(p.key).toEqual(utf8("a"));
        break;
      }
    },
    want: [["ValuePerByte", 3n], ["ValuePerByte", 3n], ["IterNextFlat", 30n]],
  },
  {
    name: "empty range: one flat step",
    run: (s) => [...s.iterator(utf8("x"), utf8("y"))],
    want: [["IterNextFlat", 30n]],
  },
];

describe("GasKVStore (SDK KVGasConfig)", () => {
  it.each(CASES)("$name", ({ run, want }) => {
    const { store, meter } = fixture();
    run(store);
    expect(meter.charges).toEqual(want);
  });

  it("transient config: per-byte read cost 0, write 200 + 3/byte", () => {
    const { store, meter } = fixture(TRANSIENT_KV_GAS_CONFIG);
    store.get(utf8("bb"));
    store.set(utf8("k"), utf8("vv"));
    expect(meter.charges).toEqual([
      ["ReadFlat", 100n], ["ReadPerByte", 0n], ["ReadPerByte", 0n],
      ["WriteFlat", 200n], ["WritePerByte", 3n], ["WritePerByte", 6n],
    ]);
  });

  it("out of gas on the write flat cost leaves the store unchanged", () => {
    const { store, inner } = fixture(DEFAULT_KV_GAS_CONFIG, 1999n);
    expect(() => store.set(utf8("k"), utf8("v"))).toThrow(OutOfGas);
    expect(inner.get(utf8("k"))).toBeUndefined();
  });

  it("out of gas on a per-byte write cost leaves the store unchanged", () => {
    const { store, inner } = fixture(DEFAULT_KV_GAS_CONFIG, 2000n + 30n);
    expect(() => store.set(utf8("kk"), utf8("v"))).toThrow(OutOfGas);
    expect(inner.get(utf8("kk"))).toBeUndefined();
  });

  it("rejects empty keys and values before charging", () => {
    const { store, meter } = fixture();
    expect(() => store.set(new Uint8Array(0), utf8("v"))).toThrow(/empty key/);
    expect(() => store.set(utf8("k"), new Uint8Array(0))).toThrow(/empty value/);
    expect(meter.charges).toEqual([]);
  });
});
