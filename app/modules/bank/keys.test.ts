import { describe, expect, it } from "vitest";
import {
  accountBalancesPrefix, balanceKey, denomAddressKey, denomAddressPrefix, denomMetadataKey, lengthPrefixed, sendEnabledKey,
  splitBalanceKey, supplyKey,
} from "./keys.js";
import { BANK_KEYS } from "./reference.vectors.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const A = new Uint8Array(Buffer.from("7e5f4552091a69125d5dfcb7b8c2659029395bdf", "hex"));

describe("bank store keys (x/bank/types/keys.go)", () => {
  it("balance: 0x02 ‖ len ‖ addr ‖ denom (reference vector)", () => {
    expect(hex(balanceKey(A, "wei"))).toBe(BANK_KEYS.balanceAwei);
    expect(hex(accountBalancesPrefix(A))).toBe(BANK_KEYS.balanceAwei.slice(0, -6));
  });
  it("denom → address index: 0x03 ‖ denom ‖ 0x00 ‖ len ‖ addr", () => {
    expect(hex(denomAddressPrefix("wei"))).toBe(BANK_KEYS.denomAddressPrefixWei);
    expect(hex(denomAddressKey("wei", A))).toBe(`${BANK_KEYS.denomAddressPrefixWei}14${hex(A)}`);
  });
  it("send enabled, supply, metadata", () => {
    expect(hex(sendEnabledKey("wei"))).toBe(BANK_KEYS.sendEnabledWei);
    expect(hex(supplyKey("wei"))).toBe("00776569");
    expect(hex(denomMetadataKey("wei"))).toBe("01776569");
  });
  it("length prefix takes one byte; longer than 255 bytes is refused", () => {
    expect(hex(lengthPrefixed(new Uint8Array(32)))).toBe(`20${"00".repeat(32)}`);
    expect(() => lengthPrefixed(new Uint8Array(256))).toThrow(/exceeds 255/);
  });
  it("splitBalanceKey inverts the balance key (after the 0x02 prefix)", () => {
    expect(splitBalanceKey(balanceKey(A, "wei").subarray(1))).toEqual({ address: A, denom: "wei" });
    expect(splitBalanceKey(denomAddressKey("wei", A).subarray(denomAddressPrefix("wei").length))).toEqual({ address: A, denom: "" });
    expect(splitBalanceKey(new Uint8Array())).toBeUndefined();
    expect(splitBalanceKey(Uint8Array.of(5, 1, 2))).toBeUndefined();
  });
});
