import { describe, expect, it } from "vitest";
import { formatBech32Address } from "./address.js";
import { moduleAddress } from "./moduleAddress.js";
import { MODULE_ADDRESS_VECTORS } from "./spec.vectors.js";

describe("moduleAddress (spec-chain §9)", () => {
  it.each(MODULE_ADDRESS_VECTORS)("$name", ({ name, address }) => {
    const bytes = moduleAddress(name);
    expect(bytes.length).toBe(20);
    expect(formatBech32Address(bytes, "st")).toBe(address);
  });

  it("refuses an empty name", () => {
    expect(() => moduleAddress("")).toThrow(/moduleAddress/);
  });
});
