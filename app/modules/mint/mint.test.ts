/**
 * The mint module on the in-memory chain (spec-staking §6, §13 item 18): its events every block — the
 * empty send from mint to the fee collector and `mint` — with stratos-1's zero inflation; real minting
 * when inflation is on; queries (Dec bytes always present); genesis round trip and refusals;
 * MsgUpdateParams' error paths.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import {
  QueryAnnualProvisionsRequestSchema, QueryAnnualProvisionsResponseSchema, QueryInflationRequestSchema, QueryInflationResponseSchema,
  QueryParamsRequestSchema, QueryParamsResponseSchema,
} from "../../codec/cosmos/mint/v1beta1/query_pb.js";
import { MsgUpdateParamsSchema } from "../../codec/cosmos/mint/v1beta1/tx_pb.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { Dec } from "../../math/dec.js";
import { acc, DistributionChain, MINT_GENESIS_JSON, moduleAcc, STOS } from "../distribution/chain.testing.js";
import { parseMintGenesis } from "./genesis.js";
import { updateParamsRoute } from "./msgs/updateParams.js";

const V = new Uint8Array(20).fill(0x11);
const V_KEY = new Uint8Array(32).fill(0x51);
const plain = (events: readonly Event[]) => events.map((e) => [e.type, e.attributes.map((a) => [a.key, a.value])]);

function chain(mintGenesis?: unknown): DistributionChain {
  const c = new DistributionChain({ accounts: [{ address: V, balance: 1_000n * STOS }], ...(mintGenesis ? { mintGenesis } : {}) });
  c.createValidator({ operator: V, consensusPubKey: V_KEY, rate: Dec.parse("0.1"), selfBond: 595n * STOS });
  return c;
}

describe("mint BeginBlock", () => {
  it("stratos-1: at every height the empty send to the fee collector and a mint event with zeros", () => {
    const c = chain();
    for (const height of [1n, 2n, 3n]) {
      const events = c.beginBlock(height, [{ validatorAddress: ed25519Address(V_KEY), power: 595_000n }]);
      const mint = moduleAcc("mint");
      const feeCollector = moduleAcc("fee_collector");
      // 1000 STOS of supply, 595 bonded.
      expect(plain(events.slice(0, 5))).toEqual([
        ["coin_spent", [["spender", mint], ["amount", ""]]],
        ["coin_received", [["receiver", feeCollector], ["amount", ""]]],
        ["transfer", [["recipient", feeCollector], ["sender", mint], ["amount", ""]]],
        ["message", [["sender", mint]]],
        ["mint", [["bonded_ratio", "0.595000000000000000"], ["inflation", "0.000000000000000000"], ["annual_provisions", "0.000000000000000000"], ["amount", "0"]]],
      ]);
    }
    expect(c.balance(moduleAddress("fee_collector"))).toBe(0n);
  });

  it("with inflation on, each block's provision is minted into the fee collector, which distribution then empties in the same BeginBlock", () => {
    const c = chain({
      ...MINT_GENESIS_JSON,
      minter: { inflation: "0.130000000000000000", annual_provisions: "0" },
      params: { ...(MINT_GENESIS_JSON.params as object), inflation_rate_change: "0.130000000000000000", inflation_max: "0.200000000000000000", inflation_min: "0.070000000000000000" },
    });
    const events = c.beginBlock(1n, []);
    expect(events.map((e) => e.type)).toEqual(["coin_received", "coinbase", "coin_spent", "coin_received", "transfer", "message", "mint"]);
    const mint = events.at(-1)!;
    const amount = BigInt(mint.attributes.find((a) => a.key === "amount")!.value);
    expect(amount).toBeGreaterThan(0n);
    expect(c.balance(moduleAddress("fee_collector"))).toBe(amount);
    expect(c.bank.keeper.getSupply(c.context(), "wei").amount).toBe(1_000n * STOS + amount);
    // Height 1 allocates nothing; at height 2 mint runs first, so both provisions are allocated.
    const second = c.beginBlock(2n, [{ validatorAddress: ed25519Address(V_KEY), power: 595_000n }]);
    const amount2 = BigInt(second.find((e) => e.type === "mint")!.attributes.find((a) => a.key === "amount")!.value);
    expect(c.distribution.keeper.getOutstandingRewards(c.context(), V).amountOf("wei").truncateInt()).toBe(amount + amount2);
    expect(c.balance(moduleAddress("fee_collector"))).toBe(0n);
    expect(c.brokenInvariants()).toEqual({});
  });
});

describe("mint queries", () => {
  it("Params, and Inflation / AnnualProvisions as the raw Dec text in bytes (\"0\" for zero)", () => {
    const c = chain();
    const P = "/cosmos.mint.v1beta1.Query/";
    const params = c.query(`${P}Params`, QueryParamsRequestSchema, QueryParamsResponseSchema, {}).params;
    expect([params?.mintDenom, params?.goalBonded, params?.blocksPerYear, params?.inflationMax]).toEqual(["wei", "670000000000000000", 6_311_520n, "0"]);
    const inflation = c.query(`${P}Inflation`, QueryInflationRequestSchema, QueryInflationResponseSchema, {}).inflation;
    expect(new TextDecoder().decode(inflation)).toBe("0");
    // Present on the wire even for zero (CosmJS reads the field as atomics).
    expect(toBinary(QueryInflationResponseSchema, create(QueryInflationResponseSchema, { inflation }))).toEqual(new Uint8Array([0x0a, 0x01, 0x30]));
    const provisions = c.query(`${P}AnnualProvisions`, QueryAnnualProvisionsRequestSchema, QueryAnnualProvisionsResponseSchema, {}).annualProvisions;
    expect(new TextDecoder().decode(provisions)).toBe("0");
  });
});

describe("mint genesis", () => {
  it("round-trips stratos-1's genesis and creates the mint module account", () => {
    const c = chain();
    expect(JSON.parse(JSON.stringify(c.mint.module.exportGenesis?.(c.context())))).toEqual(MINT_GENESIS_JSON);
    expect(c.auth.keeper.getAccount(c.context(), moduleAddress("mint"))?.module?.name).toBe("mint");
  });

  it.each([
    { name: "negative inflation", patch: { minter: { inflation: "-0.1", annual_provisions: "0" } }, error: /mint parameter Inflation should be positive, is -0\.100000000000000000/ },
    { name: "no minter", patch: { minter: undefined }, error: /mint\.minter\.inflation: missing decimal/ },
    { name: "no params", patch: { params: undefined }, error: /mint\.params: mint denom cannot be blank/ },
    { name: "zero goal", patch: { params: { ...(MINT_GENESIS_JSON.params as object), goal_bonded: "0" } }, error: /goal bonded must be positive/ },
    { name: "unknown field", patch: { extra: 1 }, error: /mint: unknown field "extra"/ },
  ])("refuses $name", ({ patch, error }) => {
    const g: Record<string, unknown> = { ...MINT_GENESIS_JSON, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete g[k];
    expect(() => parseMintGenesis(g)).toThrow(error);
  });
});

describe("mint MsgUpdateParams", () => {
  const GOV = moduleAcc("gov");
  const params = {
    mintDenom: "wei", inflationRateChange: "0", inflationMax: "0", inflationMin: "0", goalBonded: "670000000000000000", blocksPerYear: 6_311_520n,
  };
  const send = (c: DistributionChain, authority: string, p: Partial<typeof params> | undefined) =>
    c.exec(updateParamsRoute(c.mint.keeper), MsgUpdateParamsSchema, { authority, ...(p ? { params: { ...params, ...p } } : {}) });

  it("bad authority address, invalid or missing params, wrong authority; then the gov account updates them", () => {
    const c = chain();
    expect(send(c, "", params)).toMatchObject({ codespace: "undefined", code: 1, log: "invalid authority address: empty address string is not allowed" });
    expect(send(c, GOV, { goalBonded: "0" })).toMatchObject({ codespace: "undefined", code: 1, log: "goal bonded must be positive: 0.000000000000000000" });
    expect(send(c, GOV, { inflationMax: "" })).toMatchObject({ codespace: "undefined", code: 1, log: "max inflation cannot be nil: <nil>" });
    expect(send(c, GOV, undefined)).toMatchObject({ codespace: "undefined", code: 1, log: "mint denom cannot be blank" });
    expect(send(c, acc(V), params)).toMatchObject({
      codespace: "gov", code: 13, log: `invalid authority; expected ${GOV}, got ${acc(V)}: expected gov account as only signer for proposal message`,
    });
    expect(send(c, GOV, { inflationMax: "50000000000000000", blocksPerYear: 100n }).code).toBe(0);
    expect(c.mint.keeper.getParams(c.context())?.inflationMax.toString()).toBe("0.050000000000000000");
  });
});
