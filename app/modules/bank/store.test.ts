import { describe, expect, it } from "vitest";
import { BANK_VALUES } from "./reference.vectors.js";
import { addAmounts, decodeAmount, decodeBankParams, decodeBoolValue, encodeAmount, encodeBankParams, encodeBoolValue } from "./store.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("bank store values", () => {
  it("amounts are math.Int text (reference vector for 10^24)", () => {
    expect(hex(encodeAmount(10n ** 24n))).toBe(BANK_VALUES.int1e24);
    expect(decodeAmount(encodeAmount(10n ** 24n))).toBe(10n ** 24n);
  });

  const READS = [
    { name: "decimal", text: "1000", want: 1000n },
    { name: "hex prefix (Go base 0)", text: "0x10", want: 16n },
    { name: "leading zero is octal", text: "010", want: 8n },
    { name: "digit separators", text: "1_000", want: 1000n },
  ] as const;
  it.each(READS)("reads $name as Go's big.Int UnmarshalText", ({ text, want }) => {
    expect(decodeAmount(ascii(text))).toBe(want);
  });

  it("a corrupt amount panics (ErrPanic) with Go's text", () => {
    expect(() => decodeAmount(ascii("12a"))).toThrow('math/big: cannot unmarshal "12a" into a *big.Int: panic');
  });

  it("sums past 256 bits panic with \"integer overflow\"", () => {
    expect(addAmounts(1n, 2n)).toBe(3n);
    expect(() => addAmounts((1n << 256n) - 1n, 1n)).toThrow("integer overflow: panic");
  });

  it("BoolValue true and Params{default_send_enabled: true} match the reference bytes", () => {
    expect(hex(encodeBoolValue(true))).toBe(BANK_VALUES.boolTrue);
    expect(hex(encodeBankParams({ sendEnabled: [], defaultSendEnabled: true }))).toBe(BANK_VALUES.paramsDefaultSendEnabled);
  });

  it("deviation: false values are written explicitly (the reference writes zero bytes, which the store refuses)", () => {
    expect(BANK_VALUES.boolFalse).toBe("");
    expect(hex(encodeBoolValue(false))).toBe("0800");
    expect(hex(encodeBankParams({ sendEnabled: [], defaultSendEnabled: false }))).toBe("1000");
    // …and both encodings decode to false, as the reference's zero bytes do.
    expect(decodeBoolValue(Uint8Array.of(8, 0))).toBe(false);
    expect(decodeBoolValue(new Uint8Array())).toBe(false);
    expect(decodeBankParams(Uint8Array.of(0x10, 0))).toEqual({ sendEnabled: [], defaultSendEnabled: false });
  });
});
