import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { BondStatus } from "../../register/logic/bondStatus.js";
import { BitmapLengthError, metaNodeBitmapIndex, reporterIndexes, setReporterBit, type MetaNodeForIndex } from "./reporterBitmap.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const unhex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, "hex"));

describe("reporter bitmap encoding (spec-sds §4.1.3 step 5, TV F)", () => {
  it.each([
    { name: "TV F step 1: {0}", before: undefined, index: 0, want: "0100000000000000" },
    { name: "TV F step 2: {0} + 2 = {0,2}", before: "0100000000000000", index: 2, want: "0500000000000000" },
    { name: "{64} needs a second word", before: undefined, index: 64, want: "0000000000000000" + "0100000000000000" },
    { name: "{63} stays in the first word", before: "", index: 63, want: "0000000000000080" },
    { name: "setting a set bit changes nothing", before: "0500000000000000", index: 2, want: "0500000000000000" },
    { name: "a long bitmap never shrinks", before: "0000000000000000" + "0100000000000000", index: 1, want: "0200000000000000" + "0100000000000000" },
    { name: "{130} → three words", before: "0100000000000000", index: 130, want: "0100000000000000" + "0000000000000000" + "0400000000000000" },
  ])("$name", ({ before, index, want }) => {
    expect(hex(setReporterBit(before === undefined ? undefined : unhex(before), index))).toBe(want);
  });

  it("TV F query form: reporters bytes as base64", () => {
    expect(Buffer.from(setReporterBit(undefined, 0)).toString("base64")).toBe("AQAAAAAAAAA=");
    expect(Buffer.from(unhex("0500000000000000")).toString("base64")).toBe("BQAAAAAAAAA=");
  });

  it("a stored length not divisible by 8 is refused (Go panics)", () => {
    expect(() => setReporterBit(unhex("01"), 0)).toThrow(BitmapLengthError);
    expect(() => reporterIndexes(unhex("0100"))).toThrow(BitmapLengthError);
  });

  it("rejects indexes that are not uint32", () => {
    expect(() => setReporterBit(undefined, -1)).toThrow(RangeError);
    expect(() => setReporterBit(undefined, 1.5)).toThrow(RangeError);
  });

  it("does not modify its input", () => {
    const before = unhex("0100000000000000");
    setReporterBit(before, 3);
    expect(hex(before)).toBe("0100000000000000");
  });

  it("set bits read back as the union, length 8·(⌊max/64⌋+1)", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat(300), { maxLength: 20 }), (bits) => {
      let b: Uint8Array | undefined;
      for (const i of bits) b = setReporterBit(b, i);
      const want = [...bits].sort((x, y) => x - y);
      expect(b === undefined ? [] : reporterIndexes(b)).toEqual(want);
      if (b !== undefined) expect(b.length).toBe(8 * (Math.floor(Math.max(...bits) / 64) + 1));
    }), { numRuns: 300 });
  });
});

describe("meta-node bitmap index (spec-sds §4.1.4 R: deterministic)", () => {
  const m = (networkAddress: string, status: BondStatus = BondStatus.Bonded, suspend = false): MetaNodeForIndex =>
    ({ networkAddress, status, suspend });
  // TV F setup: M_a < M_b < M_c by bech32 string, all Bonded, not suspended → 0, 1, 2.
  const TV_F = [m("stsds1ccc"), m("stsds1aaa"), m("stsds1bbb")];
  it.each([
    { name: "M_a → 0", reporter: "stsds1aaa", want: { index: 0, found: true } },
    { name: "M_b → 1", reporter: "stsds1bbb", want: { index: 1, found: true } },
    { name: "M_c → 2", reporter: "stsds1ccc", want: { index: 2, found: true } },
    { name: "unknown reporter → bit 0 (reference)", reporter: "stsds1zzz", want: { index: 0, found: false } },
  ])("$name", ({ reporter, want }) => {
    expect(metaNodeBitmapIndex(reporter, TV_F)).toEqual(want);
  });

  it("only Bonded, not suspended meta nodes count", () => {
    const nodes = [
      m("stsds1a", BondStatus.Unbonding), m("stsds1b", BondStatus.Bonded, true), m("stsds1c", BondStatus.Unbonded),
      m("stsds1d"), m("stsds1e"),
    ];
    expect(metaNodeBitmapIndex("stsds1e", nodes)).toEqual({ index: 1, found: true });
    expect(metaNodeBitmapIndex("stsds1b", nodes)).toEqual({ index: 0, found: false });
    expect(metaNodeBitmapIndex("stsds1a", nodes)).toEqual({ index: 0, found: false });
  });

  it("order is plain byte order of the bech32 strings, independent of input order", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^stsds1[02-9ac-hj-np-z]{1,6}$/), { minLength: 1, maxLength: 12 }), (addrs) => {
      const sorted = [...addrs].sort();
      const shuffled = [...addrs].reverse().map((a) => m(a));
      sorted.forEach((a, i) => expect(metaNodeBitmapIndex(a, shuffled)).toEqual({ index: i, found: true }));
    }), { numRuns: 200 });
  });
});
