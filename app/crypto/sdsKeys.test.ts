import { describe, expect, it } from "vitest";
import { AddressError, parseBech32Address } from "./address.js";
import { bech32Encode } from "./bech32.js";
import { ed25519Address } from "./ed25519.js";
import { InvalidKeyError } from "./keyErrors.js";
import { consAddressOfPubKey, sdsAddressOfPubKey, sdsPubKeyFromBech32, sdsPubKeyToBech32 } from "./sdsKeys.js";
import { SDS_ADDRESS_VECTORS } from "./spec.vectors.js";

const fromB64 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "base64"));

describe("stsds addresses (spec-chain §2, spec-register R12)", () => {
  it.each(SDS_ADDRESS_VECTORS)("$name", ({ pubBase64, sds }) => {
    const pub = fromB64(pubBase64);
    expect(sdsAddressOfPubKey(pub)).toBe(sds);
    // stvalcons uses the same 20 bytes.
    const cons = consAddressOfPubKey(pub);
    expect(cons.startsWith("stvalcons1")).toBe(true);
    expect(parseBech32Address(cons, "stvalcons")).toEqual(parseBech32Address(sds, "stsds"));
    expect(parseBech32Address(sds, "stsds")).toEqual(ed25519Address(pub));
  });

  it("R12 address bytes", () => {
    expect(Buffer.from(ed25519Address(new Uint8Array(32).fill(1))).toString("hex")).toBe("72cd6e8422c407fb6d098690f1130b7ded7ec2f7");
  });
});

describe("stsdspub", () => {
  it("is bech32 of the raw 32-byte key and round-trips", () => {
    for (const { pubBase64 } of SDS_ADDRESS_VECTORS) {
      const pub = fromB64(pubBase64);
      const text = sdsPubKeyToBech32(pub);
      expect(text.startsWith("stsdspub1")).toBe(true);
      expect(parseBech32Address(text, "stsdspub")).toEqual(pub);
      expect(sdsPubKeyFromBech32(text)).toEqual(pub);
    }
  });

  it("refuses other prefixes and lengths", () => {
    expect(() => sdsPubKeyFromBech32(bech32Encode("stpub", new Uint8Array(32)))).toThrow(AddressError);
    expect(() => sdsPubKeyFromBech32(bech32Encode("stsdspub", new Uint8Array(33)))).toThrow(InvalidKeyError);
    expect(() => sdsPubKeyToBech32(new Uint8Array(31))).toThrow(InvalidKeyError);
    expect(() => sdsAddressOfPubKey(new Uint8Array(33))).toThrow(InvalidKeyError);
  });
});
