import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { keccak_256 as nobleKeccak256 } from "@noble/hashes/sha3.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keccak256, ripemd160, sha256 } from "./hash.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

// Published digests of "" and "abc" (FIPS 180-2, the Keccak team / go-ethereum, the RIPEMD-160 page).
const VECTORS = [
  { name: "sha256('')", fn: sha256, input: "", want: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
  { name: "sha256('abc')", fn: sha256, input: "abc", want: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
  { name: "keccak256('')", fn: keccak256, input: "", want: "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470" },
  { name: "keccak256('abc')", fn: keccak256, input: "abc", want: "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45" },
  { name: "ripemd160('')", fn: ripemd160, input: "", want: "9c1185a5c5e9fc54612808977ee8f548b2258d31" },
  { name: "ripemd160('abc')", fn: ripemd160, input: "abc", want: "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc" },
] as const;

describe("hash vectors", () => {
  it.each(VECTORS)("$name", ({ fn, input, want }) => {
    expect(hex(fn(ascii(input)))).toBe(want);
  });
});

describe("sha256", () => {
  it("returns a plain Uint8Array whose slice copies", () => {
    const d = sha256(ascii("x"));
    expect(Buffer.isBuffer(d)).toBe(false);
    const head = d.slice(0, 4);
    head[0] ^= 0xff;
    expect(d[0]).not.toBe(head[0]);
  });

  it("matches @noble/hashes on random input", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        expect(hex(sha256(data))).toBe(hex(nobleSha256(data)));
      }),
      { numRuns: 200 },
    );
  });
});

describe("keccak256", () => {
  it("is not FIPS-202 SHA3-256 (different padding)", () => {
    // SHA3-256('') per FIPS 202.
    expect(hex(keccak256(new Uint8Array(0)))).not.toBe("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
  });

  it("matches @noble/hashes on random input, across the 136-byte rate and for a 48.7 KB SignDoc", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (data) => {
        expect(hex(keccak256(data))).toBe(hex(nobleKeccak256(data)));
      }),
      { numRuns: 300 },
    );
    for (const n of [135, 136, 137, 272, 48_691]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
      expect(hex(keccak256(data))).toBe(hex(nobleKeccak256(data)));
    }
  });

  it("returns a fresh array each call (the shared hasher leaks no state between calls)", () => {
    const a = keccak256(ascii("abc"));
    const b = keccak256(ascii("abc"));
    expect(a).not.toBe(b);
    a[0] ^= 0xff;
    expect(hex(b)).toBe("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  });
});
