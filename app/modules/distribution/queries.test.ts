/**
 * Every query of spec-staking §2.7 at its gRPC method path: results "as if" the period were closed now,
 * without writing anything (§13 item 7); request checks with the reference's error kinds; the
 * ValidatorSlashes quirk (bounds compared with the period) and its pagination; the REST paths of the
 * descriptors (the gateway is generated from them).
 */
import { getOption } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { PageRequestSchema } from "../../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import {
  Query, QueryCommunityPoolRequestSchema, QueryCommunityPoolResponseSchema, QueryDelegationRewardsRequestSchema, QueryDelegationRewardsResponseSchema,
  QueryDelegationTotalRewardsRequestSchema, QueryDelegationTotalRewardsResponseSchema, QueryDelegatorValidatorsRequestSchema,
  QueryDelegatorValidatorsResponseSchema, QueryDelegatorWithdrawAddressRequestSchema, QueryDelegatorWithdrawAddressResponseSchema,
  QueryParamsRequestSchema, QueryParamsResponseSchema, QueryValidatorCommissionRequestSchema, QueryValidatorCommissionResponseSchema,
  QueryValidatorDistributionInfoRequestSchema, QueryValidatorDistributionInfoResponseSchema, QueryValidatorOutstandingRewardsRequestSchema,
  QueryValidatorOutstandingRewardsResponseSchema, QueryValidatorSlashesRequestSchema, QueryValidatorSlashesResponseSchema,
} from "../../codec/cosmos/distribution/v1beta1/query_pb.js";
import { http } from "../../codec/google/api/annotations_pb.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import { QueryError } from "../../baseapp/queryRouter.js";
import { TxError } from "../../baseapp/errors.js";
import { acc, DistributionChain, STOS, valoper } from "./chain.testing.js";
import { DISTRIBUTION_STORE_KEY } from "./keys.js";

const V = new Uint8Array(20).fill(0x11);
const V_KEY = new Uint8Array(32).fill(0x51);
const V2 = new Uint8Array(20).fill(0x12);
const V2_KEY = new Uint8Array(32).fill(0x52);
const D = new Uint8Array(20).fill(0xd1);
const W = new Uint8Array(20).fill(0xd9);
const PAYER = new Uint8Array(20).fill(0xfe);
const P = "/cosmos.distribution.v1beta1.Query/";

/** V (10 % commission, 100 STOS self) with D's 100 STOS and V2 (0 %) with D's 50 STOS; two blocks of fees. */
function chain(): DistributionChain {
  const c = new DistributionChain({
    accounts: [V, V2, D].map((address) => ({ address, balance: 1_000n * STOS })).concat([{ address: PAYER, balance: 1_000_000n * STOS }]),
  });
  c.createValidator({ operator: V, consensusPubKey: V_KEY, rate: Dec.parse("0.1"), selfBond: 100n * STOS });
  c.createValidator({ operator: V2, consensusPubKey: V2_KEY, rate: Dec.ZERO, selfBond: 50n * STOS });
  c.height = 3n;
  c.delegate(D, V, 100n * STOS);
  c.delegate(D, V2, 50n * STOS);
  c.collectFees(PAYER, 20n * STOS);
  c.beginBlock(4n, [{ validatorAddress: ed25519Address(V_KEY), power: 1n }, { validatorAddress: ed25519Address(V2_KEY), power: 1n }]);
  return c;
}

const storeDump = (c: DistributionChain): string => [...c.store.getReader(DISTRIBUTION_STORE_KEY).iterator()].map(({ key, value }) => `${hexOf(key)}=${hexOf(value)}`).join(";");

function failure(f: () => unknown): QueryError | TxError | Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
}

describe("distribution queries", () => {
  it("DelegationRewards: V's 10 STOS less 10 % commission, half to D; computed without writing; none at the delegation's starting height", () => {
    const c = chain();
    const before = storeDump(c);
    const q = (d: Uint8Array, v: Uint8Array) =>
      c.query(`${P}DelegationRewards`, QueryDelegationRewardsRequestSchema, QueryDelegationRewardsResponseSchema, { delegatorAddress: acc(d), validatorAddress: valoper(v) })
        .rewards.map((r) => [r.denom, Dec.fromProtoString(r.amount).toString()]);
    expect(q(D, V)).toEqual([["wei", "4500000000000000000.000000000000000000"]]);
    expect(q(V, V)).toEqual([["wei", "4500000000000000000.000000000000000000"]]);
    expect(q(D, V2)).toEqual([["wei", "5000000000000000000.000000000000000000"]]);
    expect(storeDump(c)).toBe(before);
    // At height 3 (when D delegated) nothing is owed yet.
    c.height = 3n;
    expect(q(D, V)).toEqual([]);
  });

  it("DelegationRewards errors: empty fields → InvalidArgument, unknown validator → distribution 12 with the address, no delegation → 13, bad bech32 → the parse error", () => {
    const c = chain();
    const q = (delegatorAddress: string, validatorAddress: string) => failure(() =>
      c.query(`${P}DelegationRewards`, QueryDelegationRewardsRequestSchema, QueryDelegationRewardsResponseSchema, { delegatorAddress, validatorAddress }));
    expect(q("", valoper(V)).message).toBe("rpc error: code = InvalidArgument desc = empty delegator address");
    expect(q(acc(D), "").message).toBe("rpc error: code = InvalidArgument desc = empty validator address");
    const unknown = q(acc(D), valoper(W));
    expect([unknown instanceof TxError && unknown.codespace, unknown instanceof TxError && unknown.code, unknown.message])
      .toEqual(["distribution", 12, `${valoper(W)}: validator does not exist`]);
    const noDelegation = q(acc(W), valoper(V));
    expect([noDelegation instanceof TxError && noDelegation.code, noDelegation.message]).toEqual([13, "delegation does not exist"]);
    expect(q(acc(D), acc(V)).message).toBe("invalid Bech32 prefix; expected stvaloper, got st");
  });

  it("DelegationTotalRewards and DelegatorValidators: the delegator's delegations in validator order", () => {
    const c = chain();
    const total = c.query(`${P}DelegationTotalRewards`, QueryDelegationTotalRewardsRequestSchema, QueryDelegationTotalRewardsResponseSchema, { delegatorAddress: acc(D) });
    expect(total.rewards.map((r) => [r.validatorAddress, r.reward.map((x) => Dec.fromProtoString(x.amount).toString())])).toEqual([
      [valoper(V), ["4500000000000000000.000000000000000000"]],
      [valoper(V2), ["5000000000000000000.000000000000000000"]],
    ]);
    expect(total.total.map((x) => [x.denom, Dec.fromProtoString(x.amount).toString()])).toEqual([["wei", "9500000000000000000.000000000000000000"]]);
    expect(c.query(`${P}DelegatorValidators`, QueryDelegatorValidatorsRequestSchema, QueryDelegatorValidatorsResponseSchema, { delegatorAddress: acc(D) }).validators)
      .toEqual([valoper(V), valoper(V2)]);
    expect(c.query(`${P}DelegationTotalRewards`, QueryDelegationTotalRewardsRequestSchema, QueryDelegationTotalRewardsResponseSchema, { delegatorAddress: acc(W) }))
      .toMatchObject({ rewards: [], total: [] });
    expect(failure(() => c.query(`${P}DelegatorValidators`, QueryDelegatorValidatorsRequestSchema, QueryDelegatorValidatorsResponseSchema, { delegatorAddress: "" })).message)
      .toBe("rpc error: code = InvalidArgument desc = empty delegator address");
  });

  it("ValidatorDistributionInfo: the operator's account, self-bond rewards and commission; errors 12 and 13", () => {
    const c = chain();
    const info = c.query(`${P}ValidatorDistributionInfo`, QueryValidatorDistributionInfoRequestSchema, QueryValidatorDistributionInfoResponseSchema, { validatorAddress: valoper(V) });
    expect(info.operatorAddress).toBe(acc(V));
    expect(info.selfBondRewards.map((x) => Dec.fromProtoString(x.amount).toString())).toEqual(["4500000000000000000.000000000000000000"]);
    expect(info.commission.map((x) => Dec.fromProtoString(x.amount).toString())).toEqual(["1000000000000000000.000000000000000000"]);
    const q = (validatorAddress: string) => failure(() =>
      c.query(`${P}ValidatorDistributionInfo`, QueryValidatorDistributionInfoRequestSchema, QueryValidatorDistributionInfoResponseSchema, { validatorAddress }));
    expect(q("").message).toBe("rpc error: code = InvalidArgument desc = empty validator address");
    expect((q(valoper(W)) as TxError).code).toBe(12);
  });

  it("ValidatorOutstandingRewards and ValidatorCommission: always a (possibly empty) record", () => {
    const c = chain();
    const out = c.query(`${P}ValidatorOutstandingRewards`, QueryValidatorOutstandingRewardsRequestSchema, QueryValidatorOutstandingRewardsResponseSchema, { validatorAddress: valoper(V) });
    expect(out.rewards?.rewards.map((x) => Dec.fromProtoString(x.amount).toString())).toEqual(["10000000000000000000.000000000000000000"]);
    const com = c.query(`${P}ValidatorCommission`, QueryValidatorCommissionRequestSchema, QueryValidatorCommissionResponseSchema, { validatorAddress: valoper(V2) });
    expect(com.commission?.commission).toEqual([]);
    const unknown = c.query(`${P}ValidatorOutstandingRewards`, QueryValidatorOutstandingRewardsRequestSchema, QueryValidatorOutstandingRewardsResponseSchema, { validatorAddress: valoper(W) });
    expect(unknown.rewards?.rewards).toEqual([]);
    expect(failure(() => c.query(`${P}ValidatorCommission`, QueryValidatorCommissionRequestSchema, QueryValidatorCommissionResponseSchema, { validatorAddress: "" })).message)
      .toBe("rpc error: code = InvalidArgument desc = empty validator address");
  });

  it("ValidatorSlashes: bounds on the event's period (QUIRK), filtered pagination, and the request checks", () => {
    const c = chain();
    // Three slashes at heights 10, 20, 30 close periods 3, 4, 5 (V's self-bond and D's delegation closed 1 and 2).
    for (const h of [10n, 20n, 30n]) {
      c.height = h;
      c.run((ctx) => c.staking.slash(ctx, ed25519Address(V_KEY), 1n, Dec.parse("0.01")));
    }
    const periods = [...c.distribution.keeper.slashEvents(c.context())].map((e) => [e.height, e.period]);
    expect(periods).toEqual([[10n, 3n], [20n, 4n], [30n, 5n]]);
    const q = (startingHeight: bigint, endingHeight: bigint, pagination?: { key?: Uint8Array; limit?: bigint; countTotal?: boolean }) =>
      c.query(`${P}ValidatorSlashes`, QueryValidatorSlashesRequestSchema, QueryValidatorSlashesResponseSchema, {
        validatorAddress: valoper(V), startingHeight, endingHeight, ...(pagination ? { pagination: { $typeName: PageRequestSchema.typeName, key: new Uint8Array(), offset: 0n, limit: 0n, countTotal: false, reverse: false, ...pagination } } : {}),
      });
    // Heights 10…30 select nothing (the periods are 3…5); "heights" 4…5 select the events of periods 4 and 5.
    expect(q(10n, 30n).slashes).toEqual([]);
    expect(q(4n, 5n).slashes.map((s) => s.validatorPeriod)).toEqual([4n, 5n]);
    const all = q(0n, 100n);
    expect(all.slashes.map((s) => s.validatorPeriod)).toEqual([3n, 4n, 5n]);
    // The effective fraction: 10^13 burned of 200 STOS, rounded up (raw text on the wire).
    expect(all.slashes[0]?.fraction).toBe("50000000000");
    expect(all.pagination?.total).toBe(3n);
    const first = q(0n, 100n, { limit: 2n });
    expect(first.slashes.map((s) => s.validatorPeriod)).toEqual([3n, 4n]);
    expect(first.pagination?.nextKey.length).toBe(16);
    const rest = q(0n, 100n, { limit: 2n, key: first.pagination!.nextKey });
    expect(rest.slashes.map((s) => s.validatorPeriod)).toEqual([5n]);
    expect(rest.pagination?.nextKey).toEqual(new Uint8Array());
    const bad = (validatorAddress: string, startingHeight: bigint, endingHeight: bigint) => failure(() =>
      c.query(`${P}ValidatorSlashes`, QueryValidatorSlashesRequestSchema, QueryValidatorSlashesResponseSchema, { validatorAddress, startingHeight, endingHeight }));
    expect(bad("", 0n, 1n).message).toBe("rpc error: code = InvalidArgument desc = empty validator address");
    expect(bad(valoper(V), 5n, 4n).message).toBe("rpc error: code = InvalidArgument desc = starting height greater than ending height (5 > 4)");
    expect(bad(acc(V), 0n, 1n).message).toBe("rpc error: code = InvalidArgument desc = invalid validator address");
  });

  it("DelegatorWithdrawAddress (defaults to the delegator), CommunityPool and Params", () => {
    const c = chain();
    expect(c.query(`${P}DelegatorWithdrawAddress`, QueryDelegatorWithdrawAddressRequestSchema, QueryDelegatorWithdrawAddressResponseSchema, { delegatorAddress: acc(D) }).withdrawAddress).toBe(acc(D));
    c.run((ctx) => c.distribution.keeper.setWithdrawAddr(ctx, D, W));
    expect(c.query(`${P}DelegatorWithdrawAddress`, QueryDelegatorWithdrawAddressRequestSchema, QueryDelegatorWithdrawAddressResponseSchema, { delegatorAddress: acc(D) }).withdrawAddress).toBe(acc(W));
    expect(c.query(`${P}CommunityPool`, QueryCommunityPoolRequestSchema, QueryCommunityPoolResponseSchema, {}).pool).toEqual([]);
    const params = c.query(`${P}Params`, QueryParamsRequestSchema, QueryParamsResponseSchema, {}).params;
    expect([params?.communityTax, params?.baseProposerReward, params?.bonusProposerReward, params?.withdrawAddrEnabled])
      .toEqual(["0", "10000000000000000", "40000000000000000", true]);
  });

  it("every method of the Query service is served, with the SDK v0.47 REST path", () => {
    const c = chain();
    const rest = Object.fromEntries(Query.methods.map((m) => [m.name, getOption(m, http).pattern.case === "get" ? getOption(m, http).pattern.value : undefined]));
    expect(rest).toEqual({
      Params: "/cosmos/distribution/v1beta1/params",
      ValidatorDistributionInfo: "/cosmos/distribution/v1beta1/validators/{validator_address}",
      ValidatorOutstandingRewards: "/cosmos/distribution/v1beta1/validators/{validator_address}/outstanding_rewards",
      ValidatorCommission: "/cosmos/distribution/v1beta1/validators/{validator_address}/commission",
      ValidatorSlashes: "/cosmos/distribution/v1beta1/validators/{validator_address}/slashes",
      DelegationRewards: "/cosmos/distribution/v1beta1/delegators/{delegator_address}/rewards/{validator_address}",
      DelegationTotalRewards: "/cosmos/distribution/v1beta1/delegators/{delegator_address}/rewards",
      DelegatorValidators: "/cosmos/distribution/v1beta1/delegators/{delegator_address}/validators",
      DelegatorWithdrawAddress: "/cosmos/distribution/v1beta1/delegators/{delegator_address}/withdraw_address",
      CommunityPool: "/cosmos/distribution/v1beta1/community_pool",
    });
    expect(Object.keys(c.distribution.module.queries ?? {}).sort()).toEqual(Query.methods.map((m) => `${P}${m.name}`).sort());
  });
});
