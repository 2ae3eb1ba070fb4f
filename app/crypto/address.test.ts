import { fromBech32, toBech32 } from "@cosmjs/encoding";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Address,
  AddressError,
  BECH32_PREFIX,
  bytesFromBech32,
  formatBech32Address,
  parseBech32Address,
  verifyAddressFormat,
} from "./address.js";
import { Bech32DecodeError, bech32Decode, bech32Encode } from "./bech32.js";
import { GO_BECH32_VECTORS } from "./goReference.vectors.js";
import { GENTX_VECTOR, OWNER_B1_VECTOR } from "./spec.vectors.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

/** The log text the SDK produces: registered errors get ": <registered text>" appended. */
function goText(e: unknown): string {
  if (!(e instanceof AddressError)) throw e;
  return e.sdkCode === 9 ? `${e.message}: unknown address` : e.message;
}

describe("parseBech32Address against the Go reference (cosmos/btcutil + SDK v0.47 wrappers)", () => {
  it.each(GO_BECH32_VECTORS)("$name", ({ input, prefix, hex: want, error }) => {
    if (want !== undefined) {
      expect(hex(parseBech32Address(input, prefix))).toBe(want);
      return;
    }
    let thrown: unknown;
    try {
      parseBech32Address(input, prefix);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AddressError);
    expect(goText(thrown)).toBe(error);
  });
});

describe("spec-chain §2 prefixes", () => {
  it("has the eight Stratos HRPs", () => {
    expect(BECH32_PREFIX).toEqual({
      account: "st",
      accountPub: "stpub",
      validator: "stvaloper",
      validatorPub: "stvaloperpub",
      consensus: "stvalcons",
      consensusPub: "stvalconspub",
      sds: "stsds",
      sdsPub: "stsdspub",
    });
  });

  it("mainnet gentx: st ↔ stvaloper carry the same 20 bytes", () => {
    const bytes = parseBech32Address(GENTX_VECTOR.account, "st");
    expect(bytes.length).toBe(20);
    expect(formatBech32Address(bytes, "stvaloper")).toBe(GENTX_VECTOR.valoper);
    expect(hex(parseBech32Address(GENTX_VECTOR.valoper, "stvaloper"))).toBe(hex(bytes));
  });

  it("spec-register R12: 20 × 0xB1 is the owner address", () => {
    expect(formatBech32Address(Buffer.from(OWNER_B1_VECTOR.hex, "hex"), "st")).toBe(OWNER_B1_VECTOR.account);
  });
});

describe("errors", () => {
  it("names the expected prefix", () => {
    expect(() => parseBech32Address(GENTX_VECTOR.valoper, "st")).toThrow(
      "invalid Bech32 prefix; expected st, got stvaloper",
    );
  });

  it("classifies failures and carries SDK code 9 only for length errors", () => {
    const reasonOf = (text: string, prefix = "st"): [string, number | undefined] => {
      try {
        parseBech32Address(text, prefix);
      } catch (e) {
        if (e instanceof AddressError) return [e.reason, e.sdkCode];
      }
      throw new Error("expected an AddressError");
    };
    expect(reasonOf(" ")).toEqual(["blank", undefined]);
    expect(reasonOf("st1cxmws9w5ej8847q5ycfskhetrccnhruf56rgc2")).toEqual(["bech32", undefined]);
    expect(reasonOf(GENTX_VECTOR.account, "stsds")).toEqual(["prefix", undefined]);
    expect(reasonOf(bech32Encode("st", new Uint8Array(0)))).toEqual(["empty", 9]);
    expect(reasonOf(bech32Encode("st", new Uint8Array(256)))).toEqual(["tooLong", 9]);
  });

  it("bytesFromBech32 on an empty string uses GetFromBech32's text and skips the length check", () => {
    expect(() => bytesFromBech32("", "st")).toThrow("decoding Bech32 address failed: must provide a non empty address");
    expect(bytesFromBech32(bech32Encode("st", new Uint8Array(0)), "st")).toEqual(new Uint8Array(0));
  });

  it("bech32Decode throws Bech32DecodeError carrying the input", () => {
    const bad = "st1cxmws9w5ej8847q5ycfskhetrccnhruf56rgc2";
    expect(() => bech32Decode(bad)).toThrow(Bech32DecodeError);
    try {
      bech32Decode(bad);
    } catch (e) {
      expect(e instanceof Bech32DecodeError && e.input).toBe(bad);
    }
  });

  it.each([
    { name: "empty prefix", prefix: "" },
    { name: "space in prefix", prefix: "s t" },
    { name: "non-ASCII prefix", prefix: "stö" },
  ])("bech32Encode refuses $name", ({ prefix }) => {
    expect(() => bech32Encode(prefix, new Uint8Array(20))).toThrow(/bech32Encode/);
  });

  it("verifyAddressFormat accepts 1…255 bytes only", () => {
    expect(() => verifyAddressFormat(new Uint8Array(1))).not.toThrow();
    expect(() => verifyAddressFormat(new Uint8Array(255))).not.toThrow();
    expect(() => verifyAddressFormat(new Uint8Array(0))).toThrow("addresses cannot be empty");
    expect(() => verifyAddressFormat(new Uint8Array(256))).toThrow("address max length is 255, got 256");
  });
});

describe("formatting", () => {
  it("prints an empty address as the empty string, like the SDK's String()", () => {
    expect(formatBech32Address(new Uint8Array(0), "st")).toBe("");
  });

  it("round-trips any 1…255-byte payload under every prefix", () => {
    const prefixes = Object.values(BECH32_PREFIX);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 255 }), fc.constantFrom(...prefixes), (bytes, prefix) => {
        const text = formatBech32Address(bytes, prefix);
        expect(hex(parseBech32Address(text, prefix))).toBe(hex(bytes));
        expect(hex(parseBech32Address(text.toUpperCase(), prefix))).toBe(hex(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with CosmJS (@cosmjs/encoding) on 20- and 32-byte payloads", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.uint8Array({ minLength: 32, maxLength: 32 })), (bytes) => {
        const ours = formatBech32Address(bytes, "st");
        expect(ours).toBe(toBech32("st", bytes));
        expect(hex(fromBech32(ours, 1023).data)).toBe(hex(parseBech32Address(ours, "st")));
      }),
      { numRuns: 300 },
    );
  });

  it("rejects any single-character change (checksum or charset)", () => {
    const text = GENTX_VECTOR.account;
    const alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    fc.assert(
      fc.property(fc.integer({ min: 3, max: text.length - 1 }), fc.constantFrom(...alphabet), (i, c) => {
        fc.pre(text[i] !== c);
        const mutated = text.slice(0, i) + c + text.slice(i + 1);
        expect(() => parseBech32Address(mutated, "st")).toThrow(AddressError);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Address", () => {
  const bytes = Buffer.from("c1b6e815d4cc8e7af81426130b5f2b1e313b8f89", "hex");

  it("parses, prints under each prefix, compares and stays immutable", () => {
    const a = Address.fromBech32(GENTX_VECTOR.account);
    expect(a.toHex()).toBe(hex(bytes));
    expect(a.length).toBe(20);
    expect(a.toBech32()).toBe(GENTX_VECTOR.account);
    expect(`${a}`).toBe(GENTX_VECTOR.account);
    expect(a.toBech32("stvaloper")).toBe(GENTX_VECTOR.valoper);
    expect(a.equals(Address.fromBech32(GENTX_VECTOR.valoper, "stvaloper"))).toBe(true);
    expect(a.equals(Address.fromBytes(new Uint8Array(20)))).toBe(false);
    const copy = a.bytes;
    copy[0] ^= 0xff;
    expect(a.toHex()).toBe(hex(bytes));
    const source = Uint8Array.from(bytes);
    const b = Address.fromBytes(source);
    source[0] ^= 0xff;
    expect(b.toHex()).toBe(hex(bytes));
  });

  it("refuses bad lengths and strings", () => {
    expect(() => Address.fromBytes(new Uint8Array(0))).toThrow(AddressError);
    expect(() => Address.fromBytes(new Uint8Array(256))).toThrow(AddressError);
    expect(() => Address.fromBech32(GENTX_VECTOR.valoper)).toThrow("expected st, got stvaloper");
  });
});
