/**
 * Distribution inside the real app (app/node/app.ts through TestApp: signed txs, the ante chain,
 * baseapp's message events and logs, ABCI queries), as far as it runs before staking is wired: the app
 * passes a staking view without validators, so withdrawals find no validator, while withdraw
 * addresses, the community pool, params and the query error mapping work as on a full chain.
 */
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { afterEach, describe, expect, it } from "vitest";
import {
  QueryCommunityPoolRequestSchema, QueryCommunityPoolResponseSchema, QueryDelegationRewardsRequestSchema, QueryDelegatorWithdrawAddressRequestSchema,
  QueryDelegatorWithdrawAddressResponseSchema, QueryParamsRequestSchema, QueryParamsResponseSchema, QueryValidatorSlashesRequestSchema,
} from "../../codec/cosmos/distribution/v1beta1/query_pb.js";
import {
  MsgFundCommunityPoolSchema, MsgSetWithdrawAddressSchema, MsgUpdateParamsSchema, MsgWithdrawDelegatorRewardSchema,
} from "../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { TestApp } from "../../node/testApp.js";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const any = <Desc extends DescMessage>(schema: Desc, init: MessageInitShape<Desc>): Any =>
  ({ typeUrl: `/${schema.typeName}`, value: toBinary(schema, create(schema, init)) });

function query(a: TestApp, path: string, bytes: Uint8Array): { code: number; codespace: string; log: string; value: Uint8Array } {
  const res = a.parts.app.query({ path, data: bytes, height: 0n, prove: false });
  if (res instanceof Promise) throw new Error("asynchronous query");
  return res;
}

describe("distribution in the app", () => {
  it("signed txs: set a withdraw address (message event with module=distribution), fund the community pool; a withdrawal without a validator fails with distribution 6 and still pays the fee", async () => {
    const a = (app = await TestApp.create());
    const [alice, bob] = a.keys;
    const withdraw = formatBech32Address(new Uint8Array(20).fill(9), BECH32_PREFIX.account);
    const [set, fund] = await a.block([
      a.sign(alice!, [any(MsgSetWithdrawAddressSchema, { delegatorAddress: alice!.address, withdrawAddress: withdraw })]),
      a.sign(bob!, [any(MsgFundCommunityPoolSchema, { depositor: bob!.address, amount: [{ denom: "wei", amount: "12345" }] })]),
    ]);
    expect(set?.code).toBe(0);
    expect(set?.events.map((e) => e.type)).toContain("set_withdraw_address");
    const message = set?.events.find((e) => e.type === "message" && e.attributes.some((x) => x.key === "action"));
    expect(message?.attributes.map((x) => [x.key, x.value])).toEqual([
      ["action", "/cosmos.distribution.v1beta1.MsgSetWithdrawAddress"], ["sender", alice!.address], ["module", "distribution"],
    ]);
    expect(fund?.code).toBe(0);

    const addr = query(a, "/cosmos.distribution.v1beta1.Query/DelegatorWithdrawAddress", toBinary(QueryDelegatorWithdrawAddressRequestSchema, create(QueryDelegatorWithdrawAddressRequestSchema, { delegatorAddress: alice!.address })));
    expect(fromBinary(QueryDelegatorWithdrawAddressResponseSchema, addr.value).withdrawAddress).toBe(withdraw);
    const pool = query(a, "/cosmos.distribution.v1beta1.Query/CommunityPool", toBinary(QueryCommunityPoolRequestSchema, create(QueryCommunityPoolRequestSchema)));
    expect(fromBinary(QueryCommunityPoolResponseSchema, pool.value).pool.map((c) => [c.denom, c.amount])).toEqual([["wei", "12345000000000000000000"]]);

    const before = a.balance(alice!.address);
    const [failed] = await a.block([
      a.sign(alice!, [any(MsgWithdrawDelegatorRewardSchema, { delegatorAddress: alice!.address, validatorAddress: formatBech32Address(parseBech32Address(alice!.address, "st"), BECH32_PREFIX.validator) })], { sequence: 1n }),
    ]);
    expect({ code: failed?.code, codespace: failed?.codespace, log: failed?.log }).toEqual({
      code: 6, codespace: "distribution", log: "failed to execute message; message index: 0: no validator distribution info",
    });
    expect(before - a.balance(alice!.address)).toBe(200_000n * 1_000_000_000n);
  });

  it("genesis params are stratos-1's; MsgUpdateParams from a plain account is gov 13", async () => {
    const a = (app = await TestApp.create());
    const params = fromBinary(QueryParamsResponseSchema, query(a, "/cosmos.distribution.v1beta1.Query/Params", toBinary(QueryParamsRequestSchema, create(QueryParamsRequestSchema))).value).params;
    expect([params?.communityTax, params?.withdrawAddrEnabled]).toEqual(["0", true]);
    const [alice] = a.keys;
    const [res] = await a.block([
      a.sign(alice!, [any(MsgUpdateParamsSchema, { authority: alice!.address, params: { communityTax: "0", baseProposerReward: "0", bonusProposerReward: "0", withdrawAddrEnabled: true } })]),
    ]);
    expect([res?.codespace, res?.code]).toEqual(["gov", 13]);
  });

  it("ABCI query errors map as the SDK's: registered module errors → sdk 6, InvalidArgument → sdk 18", async () => {
    const a = (app = await TestApp.create());
    const [alice] = a.keys;
    const valoper = formatBech32Address(new Uint8Array(20).fill(3), BECH32_PREFIX.validator);
    const unknown = query(a, "/cosmos.distribution.v1beta1.Query/DelegationRewards", toBinary(QueryDelegationRewardsRequestSchema, create(QueryDelegationRewardsRequestSchema, { delegatorAddress: alice!.address, validatorAddress: valoper })));
    expect([unknown.codespace, unknown.code, unknown.log]).toEqual(["sdk", 6, `${valoper}: validator does not exist: unknown request`]);
    const reversed = query(a, "/cosmos.distribution.v1beta1.Query/ValidatorSlashes", toBinary(QueryValidatorSlashesRequestSchema, create(QueryValidatorSlashesRequestSchema, { validatorAddress: valoper, startingHeight: 2n, endingHeight: 1n })));
    expect([reversed.codespace, reversed.code, reversed.log]).toEqual(["sdk", 18, "rpc error: code = InvalidArgument desc = starting height greater than ending height (2 > 1): invalid request"]);
  });
});
