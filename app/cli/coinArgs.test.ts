import { describe, expect, it } from "vitest";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { CliError } from "./common.js";
import { parseAccountAddress, parseCliCoins, parseValidatorAddress } from "./coinArgs.js";

const WEI_PER_STOS = 10n ** 18n;

describe("parseCliCoins", () => {
  it("normalises stos and gwei to wei and keeps other denoms", () => {
    expect(parseCliCoins("1.5stos")).toEqual([{ denom: "wei", amount: 15n * WEI_PER_STOS / 10n }]);
    expect(parseCliCoins("3gwei")).toEqual([{ denom: "wei", amount: 3n * 10n ** 9n }]);
    expect(parseCliCoins("1000000wei")).toEqual([{ denom: "wei", amount: 1_000_000n }]);
  });

  it.each([["lots"], ["1.5"], [""], ["-1stos"], ["0stos"], ["1stos,"]])("refuses %j with a CliError naming it", (text) => {
    let error: unknown;
    try {
      parseCliCoins(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toContain(`invalid coins "${text}"`);
    expect((error as CliError).message).not.toContain("\n");
  });
});

describe("addresses", () => {
  const bytes = new Uint8Array(20).fill(7);
  const account = formatBech32Address(bytes, BECH32_PREFIX.account);
  const validator = formatBech32Address(bytes, BECH32_PREFIX.validator);

  it("accepts st1… accounts and stvaloper1… validators", () => {
    expect(parseAccountAddress(account)).toBe(account);
    expect(parseValidatorAddress(validator)).toBe(validator);
  });

  it("refuses a wrong prefix, a bad checksum and garbage", () => {
    expect(() => parseAccountAddress(validator)).toThrow(CliError);
    expect(() => parseValidatorAddress(account)).toThrow(/invalid validator address/);
    const flipped = account.slice(0, -1) + (account.endsWith("q") ? "p" : "q");
    expect(() => parseAccountAddress(flipped)).toThrow(/invalid address/);
    expect(() => parseAccountAddress("st1")).toThrow(/invalid address "st1"/);
    expect(() => parseAccountAddress("")).toThrow(/invalid address ""/);
  });
});
