/**
 * Go encoding/json string escaping (json.Marshal: HTML-safe, invalid UTF-8 replaced), on the plain
 * fast path and the escaping path alike. Expected texts are what json.Marshal of Go 1.20 (the reference's
 * toolchain, go.mod `go 1.20`) prints; Go ≥ 1.22 writes \b and \f as short escapes instead.
 */
import { describe, expect, it } from "vitest";
import { create, createRegistry, type DescMessage, type JsonValue, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { MsgUpdateParamsSchema } from "../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { QueryValidatorOutstandingRewardsResponseSchema } from "../codec/cosmos/distribution/v1beta1/query_pb.js";
import { QueryInflationResponseSchema } from "../codec/cosmos/mint/v1beta1/query_pb.js";
import { ValidatorSchema } from "../codec/cosmos/staking/v1beta1/staking_pb.js";
import { goJsonQuote, goJsonStringify, toGoProtoJson, withLegacyDecimals } from "./protoJson.js";

describe("goJsonQuote", () => {
  it("plain ASCII is quoted as is", () => {
    expect(goJsonQuote("st1qqqq9x8gf2tvdw0s3jn54khce6mua7l")).toBe('"st1qqqq9x8gf2tvdw0s3jn54khce6mua7l"');
    expect(goJsonQuote("")).toBe('""');
    expect(goJsonQuote("1000wei,5foo")).toBe('"1000wei,5foo"');
  });

  it("escapes quotes, backslashes, control characters and the HTML-unsafe characters", () => {
    expect(goJsonQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goJsonQuote("\n\r\t\u0001\u001f")).toBe('"\\n\\r\\t\\u0001\\u001f"');
    expect(goJsonQuote("<a&b>")).toBe('"\\u003ca\\u0026b\\u003e"');
    expect(goJsonQuote("x\u2028y\u2029")).toBe('"x\\u2028y\\u2029"');
    expect(goJsonQuote("\b\f")).toBe('"\\u0008\\u000c"');
  });

  it("keeps non-ASCII text and valid surrogate pairs, replaces a lone surrogate", () => {
    expect(goJsonQuote("héllo")).toBe('"héllo"');
    expect(goJsonQuote("a😀b")).toBe('"a😀b"');
    expect(goJsonQuote("a\ud800b")).toBe('"a\\ufffdb"');
    expect(goJsonQuote("\udfff")).toBe('"\\ufffd"');
  });
});

describe("goJsonStringify", () => {
  it("compact, keys in the given order, Go escaping inside nested values", () => {
    expect(goJsonStringify({ z: 1, a: [true, null, "<x>"], m: { k: "v" } })).toBe('{"z":1,"a":[true,null,"\\u003cx\\u003e"],"m":{"k":"v"}}');
  });
});

describe("withLegacyDecimals (the gateway's JSON of gogoproto LegacyDec custom types)", () => {
  const registry = createRegistry(ValidatorSchema, MsgUpdateParamsSchema, QueryInflationResponseSchema, QueryValidatorOutstandingRewardsResponseSchema);
  const rest = <D extends DescMessage>(schema: D, message: MessageShape<D>): JsonValue => withLegacyDecimals(schema, toGoProtoJson(schema, message, registry), registry);

  it("writes string Dec fields (commission rates, shares) as the human decimal; Int fields stay", () => {
    const v = create(ValidatorSchema, {
      tokens: "1000000000000000000000",
      delegatorShares: "1000000000000000000000000000000000000000",
      commission: { commissionRates: { rate: "100000000000000000", maxRate: "200000000000000000", maxChangeRate: "" } },
    });
    const json = rest(ValidatorSchema, v) as { [k: string]: JsonValue };
    expect(json["tokens"]).toBe("1000000000000000000000");
    expect(json["delegator_shares"]).toBe("1000000000000000000000.000000000000000000");
    expect(json["commission"]).toMatchObject({ commission_rates: { rate: "0.100000000000000000", max_rate: "0.200000000000000000", max_change_rate: "0.000000000000000000" } });
  });

  it("decodes bytes Dec fields (mint's QueryInflationResponse) from their raw text", () => {
    const json = rest(QueryInflationResponseSchema, create(QueryInflationResponseSchema, { inflation: new TextEncoder().encode("130000000000000000") }));
    expect(json).toEqual({ inflation: "0.130000000000000000" });
  });

  it("follows repeated messages (DecCoins) and Any values through the registry", () => {
    const rewards = rest(QueryValidatorOutstandingRewardsResponseSchema, create(QueryValidatorOutstandingRewardsResponseSchema, { rewards: { rewards: [{ denom: "wei", amount: "1500000000000000000123" }] } }));
    expect(rewards).toEqual({ rewards: { rewards: [{ denom: "wei", amount: "1500.000000000000000123" }] } });
    const proposalMsg = create(MsgUpdateParamsSchema, { authority: "st1gov", params: { communityTax: "20000000000000000", baseProposerReward: "0", bonusProposerReward: "0", withdrawAddrEnabled: true } });
    const any = create(AnySchema, { typeUrl: "/cosmos.distribution.v1beta1.MsgUpdateParams", value: toBinary(MsgUpdateParamsSchema, proposalMsg) });
    const json = withLegacyDecimals(AnySchema, toGoProtoJson(AnySchema, any, registry), registry);
    expect(json).toMatchObject({ "@type": "/cosmos.distribution.v1beta1.MsgUpdateParams", params: { community_tax: "0.020000000000000000", base_proposer_reward: "0.000000000000000000" } });
  });

  it("leaves a value that is not a raw integer as it is", () => {
    const json = rest(ValidatorSchema, create(ValidatorSchema, { delegatorShares: "0.5" })) as { [k: string]: JsonValue };
    expect(json["delegator_shares"]).toBe("0.5");
  });
});
