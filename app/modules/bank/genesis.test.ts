import type { Metadata } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import { describe, expect, it } from "vitest";
import { createTestContext } from "../../baseapp/testing.js";
import { buildDevnetAppState } from "../../node/devnetGenesis.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "./index.js";
import { BANK_STORE_KEY, PARAMS_KEY } from "./keys.js";
import { validateMetadata } from "./metadata.js";

const A = "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv";
const B = "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9";
const PARAMS = { send_enabled: [], default_send_enabled: true };
const bal = (address: string, ...coins: Array<[string, string]>) => ({ address, coins: coins.map(([denom, amount]) => ({ denom, amount })) });

function init(genesis: unknown) {
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const ctx = createTestContext({ mode: "initGenesis" });
  bank.module.initGenesis!(ctx, genesis);
  return { bank, ctx, exported: bank.module.exportGenesis!(ctx) as Record<string, unknown> };
}

describe("bank genesis: init and export", () => {
  it("accepts the devnet genesis; export equals it up to the balance order", () => {
    const input = buildDevnetAppState(undefined, { withNodes: false, withValidatorOperator: false }).bank as { balances: Array<{ address: string }> } & Record<string, unknown>;
    const { exported, bank, ctx } = init(structuredClone(input));
    // Normalisation: the reference exports balances in store (address byte) order, the input is by bech32 string.
    const byAddress = (x: { address: string }, y: { address: string }) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0);
    expect({ ...exported, balances: [...(exported.balances as Array<{ address: string }>)].sort(byAddress) }).toEqual(input);
    expect(bank.keeper.getSupply(ctx, "wei").amount).toBe(5n * 10n ** 24n);
  });

  it("export is the exact inverse of init (byte-identical JSON after a second round)", () => {
    const first = init(structuredClone(buildDevnetAppState(undefined, { withNodes: false, withValidatorOperator: false }).bank)).exported;
    const second = init(JSON.parse(JSON.stringify(first))).exported;
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("sorts balances by address bytes, sums the supply when none is given, keeps default_send_enabled false", () => {
    const { exported, ctx } = init({
      params: { default_send_enabled: false },
      balances: [bal(A, ["wei", "7"]), bal(B, ["stos", "1"], ["wei", "3"])],
    });
    expect((exported.balances as Array<{ address: string }>).map((b) => b.address)).toEqual([B, A]); // 0x751e… < 0x7e5f…
    expect(exported.supply).toEqual([{ denom: "stos", amount: "1" }, { denom: "wei", amount: "10" }]);
    expect(exported.params).toEqual({ send_enabled: [], default_send_enabled: false });
    expect(Buffer.from(ctx.kv(BANK_STORE_KEY).get(PARAMS_KEY)!).toString("hex")).toBe("1000");
  });

  it("an absent bank section is skipped", () => {
    const { exported } = init(undefined);
    expect(exported.balances).toEqual([]);
  });
});

const INVALID: ReadonlyArray<{ name: string; genesis: unknown; error: string }> = [
  { name: "not an object", genesis: "bank", error: 'bank: expected a JSON object, got "bank"' },
  { name: "unknown field", genesis: { params: PARAMS, supplies: [] }, error: 'bank: unknown field "supplies"' },
  {
    name: "send_enabled in both places",
    genesis: { params: { ...PARAMS, send_enabled: [{ denom: "wei", enabled: true }] }, send_enabled: [{ denom: "stos", enabled: true }] },
    error: "send_enabled defined in both the send_enabled field and in params (deprecated)",
  },
  {
    name: "send_enabled in params",
    genesis: { params: { ...PARAMS, send_enabled: [{ denom: "wei", enabled: true }] } },
    error: "use of send_enabled in params is no longer supported",
  },
  {
    name: "duplicate send_enabled",
    genesis: { params: PARAMS, send_enabled: [{ denom: "wei", enabled: true }, { denom: "wei", enabled: false }] },
    error: "duplicate send enabled found: 'wei'",
  },
  { name: "bad send_enabled denom", genesis: { params: PARAMS, send_enabled: [{ denom: "w", enabled: true }] }, error: "invalid denom: w" },
  { name: "duplicate balance", genesis: { params: PARAMS, balances: [bal(A, ["wei", "1"]), bal(A, ["stos", "1"])] }, error: `duplicate balance for address ${A}` },
  { name: "bad balance address", genesis: { params: PARAMS, balances: [bal("st1xyz", ["wei", "1"])] }, error: "decoding bech32 failed: invalid bech32 string length 6" },
  { name: "unsorted coins", genesis: { params: PARAMS, balances: [bal(A, ["wei", "1"], ["stos", "1"])] }, error: "denomination stos is not sorted" },
  { name: "zero coin", genesis: { params: PARAMS, balances: [bal(A, ["wei", "0"])] }, error: "coin 0wei amount is not positive" },
  {
    name: "amount as a number",
    genesis: { params: PARAMS, balances: [{ address: A, coins: [{ denom: "wei", amount: 5 }] }] },
    error: "bank.balances[0].coins[0].amount: expected an integer string, got 5",
  },
  {
    name: "amount not an integer",
    genesis: { params: PARAMS, balances: [bal(A, ["wei", "1.5"])] },
    error: 'bank.balances[0].coins[0].amount: math/big: cannot unmarshal "1.5" into a *big.Int',
  },
  {
    name: "supply differs from the balances",
    genesis: { params: PARAMS, balances: [bal(A, ["wei", "10"])], supply: [{ denom: "wei", amount: "5" }] },
    error: "genesis supply is incorrect, expected 5wei, got 10wei",
  },
  {
    name: "supply in another denom (the reference panics in Coins.IsEqual)",
    genesis: { params: PARAMS, balances: [bal(A, ["wei", "10"])], supply: [{ denom: "gwei", amount: "10" }] },
    error: "invalid coin denominations; gwei, wei",
  },
  {
    name: "duplicate metadata",
    genesis: { params: PARAMS, denom_metadata: [metadataJson(), metadataJson()] },
    error: "duplicate client metadata for denom wei",
  },
  { name: "invalid metadata", genesis: { params: PARAMS, denom_metadata: [{ ...metadataJson(), symbol: " " }] }, error: "symbol field cannot be blank" },
];

function metadataJson(): Record<string, unknown> {
  return {
    description: "",
    denom_units: [{ denom: "wei", exponent: 0, aliases: [] }, { denom: "stos", exponent: 18, aliases: [] }],
    base: "wei",
    display: "stos",
    name: "Stratos",
    symbol: "STOS",
    uri: "",
    uri_hash: "",
  };
}

describe("bank genesis: validation", () => {
  it.each(INVALID)("refuses $name", ({ genesis, error }) => {
    expect(() => init(genesis)).toThrow(error);
  });
});

const meta = (change: Partial<Metadata>): Metadata => ({
  description: "",
  denomUnits: [
    { denom: "wei", exponent: 0, aliases: [] },
    { denom: "gwei", exponent: 9, aliases: ["nanostos"] },
    { denom: "stos", exponent: 18, aliases: [] },
  ],
  base: "wei",
  display: "stos",
  name: "Stratos",
  symbol: "STOS",
  uri: "",
  uriHash: "",
  ...change,
});

/** SDK v0.47 `Metadata.Validate` texts (x/bank/types/metadata.go). */
const METADATA: ReadonlyArray<{ name: string; m: Metadata; error: string | undefined }> = [
  { name: "valid", m: meta({}), error: undefined },
  { name: "blank name", m: meta({ name: " \t" }), error: "name field cannot be blank" },
  { name: "blank symbol", m: meta({ symbol: "" }), error: "symbol field cannot be blank" },
  { name: "bad base", m: meta({ base: "w" }), error: "invalid metadata base denom: invalid denom: w" },
  { name: "bad display", m: meta({ display: "1stos" }), error: "invalid metadata display denom: invalid denom: 1stos" },
  {
    name: "first unit not the base",
    m: meta({ denomUnits: [{ denom: "gwei", exponent: 0, aliases: [] }] }),
    error: "metadata's first denomination unit must be the one with base denom 'wei'",
  },
  { name: "base exponent not 0", m: meta({ denomUnits: [{ denom: "wei", exponent: 1, aliases: [] }] }), error: "the exponent for base denomination unit wei must be 0" },
  {
    name: "exponents not increasing",
    m: meta({ denomUnits: [{ denom: "wei", exponent: 0, aliases: [] }, { denom: "stos", exponent: 18, aliases: [] }, { denom: "gwei", exponent: 9, aliases: [] }] }),
    error: "denom units should be sorted asc by exponent",
  },
  {
    name: "duplicate unit",
    m: meta({ denomUnits: [{ denom: "wei", exponent: 0, aliases: [] }, { denom: "wei", exponent: 3, aliases: [] }] }),
    error: "duplicate denomination unit wei",
  },
  { name: "display unit missing", m: meta({ display: "nstos" }), error: "metadata must contain a denomination unit with display denom 'nstos'" },
  {
    name: "duplicate alias",
    m: meta({ denomUnits: [{ denom: "wei", exponent: 0, aliases: ["a", "a"] }, { denom: "stos", exponent: 18, aliases: [] }] }),
    error: "duplicate denomination unit alias a",
  },
  {
    name: "blank alias",
    m: meta({ denomUnits: [{ denom: "wei", exponent: 0, aliases: [" "] }, { denom: "stos", exponent: 18, aliases: [] }] }),
    error: "alias for denom unit wei cannot be blank",
  },
];

describe("denom metadata validation", () => {
  it.each(METADATA)("$name", ({ m, error }) => {
    expect(validateMetadata(m)).toBe(error);
  });
});
