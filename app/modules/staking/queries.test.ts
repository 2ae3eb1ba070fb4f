/**
 * The staking Query service (spec-staking §1.11, §11.3) over ABCI: every method, its errors as the
 * SDK maps them (NotFound → sdk 22 "key not found", InvalidArgument → sdk 18, Internal → sdk 6), the
 * reference's pagination (limit 0 → 100 with a total, next_key, offset + key refused, filtered counts)
 * and result order, and no state change from any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, type DescMessage, fromBinary, type MessageInitShape, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { Query } from "../../codec/cosmos/staking/v1beta1/query_pb.js";
import { grpcMethodPath } from "../../baseapp/grpcQuery.js";
import { parseVal } from "./store.js";
import { StakingScenario, STOS } from "./testkit.js";
import { T } from "../register/testkit.js";

let s: StakingScenario;
beforeAll(async () => {
  s = await StakingScenario.create({ balances: { V1: 1000n * STOS, V2: 1000n * STOS, V3: 1000n * STOS, A: 1000n * STOS, B: 1000n * STOS } });
  for (const r of await s.txs([["V1", [s.createValidator("V1", 100n * STOS)]], ["V2", [s.createValidator("V2", 200n * STOS)]], ["V3", [s.createValidator("V3", 50n * STOS)]]], T)) {
    expect(r.code, r.log).toBe(0);
  }
  expect((await s.tx("A", [s.delegate("A", "V1", 10n * STOS), s.delegate("A", "V2", 20n * STOS), s.delegate("A", "V3", 30n * STOS)], T + 5n)).code).toBe(0);
  expect((await s.tx("B", [s.delegate("B", "V1", 5n * STOS)], T + 10n)).code).toBe(0);
  expect((await s.tx("A", [s.undelegate("A", "V1", 1n * STOS), s.redelegate("A", "V2", "V3", 2n * STOS)], T + 15n)).code).toBe(0);
  s.inNextBlock((ctx) => s.staking.jail(ctx, s.consensusAddress("V3")));
  await s.emptyBlock(T + 20n);
});
afterAll(async () => {
  await s.close();
});

type Method = (typeof Query.method)[keyof typeof Query.method];

function call<M extends Method>(m: M, req: MessageInitShape<M["input"]>): MessageShape<M["output"]> {
  const bytes = s.app.query(grpcMethodPath(m), toBinary(m.input as DescMessage, create(m.input as DescMessage, req)));
  return fromBinary(m.output, bytes) as MessageShape<M["output"]>;
}

function fails(m: Method, req: Record<string, unknown>): { code: number; codespace: string; log: string } {
  const res = s.app.parts.app.query({ path: grpcMethodPath(m), data: toBinary(m.input as DescMessage, create(m.input as DescMessage, req as never)), height: 0n, prove: false });
  if (res instanceof Promise) throw new Error("async");
  return { code: res.code, codespace: res.codespace, log: res.log };
}

const m = Query.method;

describe("staking queries", () => {
  it("Validators: all by operator bytes; by status; bad status → sdk 18; pagination with next_key and totals", () => {
    const all = call(m.validators, {});
    const operators = all.validators.map((v) => v.operatorAddress);
    expect(operators).toHaveLength(4);
    expect([...operators].sort((a, b) => Buffer.compare(s.staking.validator(s.read, parseVal(a))!.operator, s.staking.validator(s.read, parseVal(b))!.operator))).toEqual(operators);
    expect(all.pagination?.total).toBe(4n);
    expect(call(m.validators, { status: "BOND_STATUS_UNBONDING" }).validators.map((v) => v.operatorAddress)).toEqual([s.valoper("V3")]);
    expect(call(m.validators, { status: "BOND_STATUS_BONDED" }).pagination?.total).toBe(3n);
    expect(fails(m.validators, { status: "bonded" })).toMatchObject({ code: 18, codespace: "sdk", log: "rpc error: code = InvalidArgument desc = invalid validator status bonded: invalid request" });
    const page1 = call(m.validators, { status: "BOND_STATUS_BONDED", pagination: { limit: 2n } });
    expect(page1.validators).toHaveLength(2);
    expect(page1.pagination?.nextKey.length).toBeGreaterThan(0);
    const page2 = call(m.validators, { status: "BOND_STATUS_BONDED", pagination: { key: page1.pagination!.nextKey, limit: 2n } });
    expect(page2.validators).toHaveLength(1);
    expect(page2.pagination?.nextKey.length).toBe(0);
    expect([...page1.validators, ...page2.validators].map((v) => v.operatorAddress)).toEqual(call(m.validators, { status: "BOND_STATUS_BONDED" }).validators.map((v) => v.operatorAddress));
    expect(fails(m.validators, { pagination: { key: page1.pagination!.nextKey, offset: 1n } })).toMatchObject({ code: 6, codespace: "sdk" });
  });

  it("Validator, Delegation, UnbondingDelegation: found, NotFound (sdk 22, 'key not found' for CosmJS), empty address (sdk 18)", () => {
    expect(call(m.validator, { validatorAddr: s.valoper("V2") }).validator?.tokens).toBe((200n * STOS + 20n * STOS - 2n * STOS).toString());
    expect(fails(m.validator, { validatorAddr: s.valoper("A") })).toMatchObject({ code: 22, log: `rpc error: code = NotFound desc = validator ${s.valoper("A")} not found: key not found` });
    expect(fails(m.validator, { validatorAddr: "" })).toMatchObject({ code: 18 });
    const d = call(m.delegation, { delegatorAddr: s.address("A"), validatorAddr: s.valoper("V1") }).delegationResponse!;
    expect([d.delegation?.shares, d.balance?.amount, d.balance?.denom]).toEqual([(9n * STOS * 10n ** 18n).toString(), (9n * STOS).toString(), "wei"]);
    expect(fails(m.delegation, { delegatorAddr: s.address("B"), validatorAddr: s.valoper("V2") }).log).toMatch(/delegation with delegator .* not found for validator .*: key not found/);
    expect(call(m.unbondingDelegation, { delegatorAddr: s.address("A"), validatorAddr: s.valoper("V1") }).unbond?.entries.map((e) => e.balance)).toEqual([STOS.toString()]);
    expect(fails(m.unbondingDelegation, { delegatorAddr: s.address("B"), validatorAddr: s.valoper("V1") }).code).toBe(22);
  });

  it("a delegator's delegations, unbondings, redelegations and validators (by validator bytes); a validator's delegations and unbondings", () => {
    const dels = call(m.delegatorDelegations, { delegatorAddr: s.address("A") });
    expect(dels.delegationResponses).toHaveLength(3);
    expect(dels.pagination?.total).toBe(3n);
    expect(call(m.delegatorDelegations, { delegatorAddr: s.address("A"), pagination: { limit: 1n } }).pagination?.nextKey.length).toBeGreaterThan(0);
    // An unknown delegator has no delegations (not an error).
    expect(call(m.delegatorDelegations, { delegatorAddr: s.address("V1") }).delegationResponses.map((r) => r.delegation?.validatorAddress)).toEqual([s.valoper("V1")]);
    expect(call(m.delegatorUnbondingDelegations, { delegatorAddr: s.address("A") }).unbondingResponses).toHaveLength(1);
    expect(call(m.delegatorValidators, { delegatorAddr: s.address("A") }).validators.map((v) => v.operatorAddress).sort()).toEqual([s.valoper("V1"), s.valoper("V2"), s.valoper("V3")].sort());
    expect(call(m.delegatorValidator, { delegatorAddr: s.address("A"), validatorAddr: s.valoper("V2") }).validator?.operatorAddress).toBe(s.valoper("V2"));
    expect(fails(m.delegatorValidator, { delegatorAddr: s.address("B"), validatorAddr: s.valoper("V2") })).toMatchObject({ code: 6, log: expect.stringContaining("no delegation for (address, validator) tuple") });
    const v1 = call(m.validatorDelegations, { validatorAddr: s.valoper("V1") });
    expect(v1.delegationResponses.map((r) => r.delegation?.delegatorAddress).sort()).toEqual([s.address("A"), s.address("B"), s.address("V1")].sort());
    expect(v1.pagination?.total).toBe(3n);
    expect(call(m.validatorUnbondingDelegations, { validatorAddr: s.valoper("V1") }).unbondingResponses.map((u) => u.delegatorAddress)).toEqual([s.address("A")]);
  });

  it("Redelegations: one, from a source, all of a delegator; balance = what shares_dst is worth now; a missing one → sdk 6", () => {
    const one = call(m.redelegations, { delegatorAddr: s.address("A"), srcValidatorAddr: s.valoper("V2"), dstValidatorAddr: s.valoper("V3") });
    expect(one.redelegationResponses.map((r) => r.entries.map((e) => e.balance))).toEqual([[(2n * STOS).toString()]]);
    expect(one.pagination).toBeUndefined();
    expect(call(m.redelegations, { srcValidatorAddr: s.valoper("V2") }).redelegationResponses).toHaveLength(1);
    expect(call(m.redelegations, { delegatorAddr: s.address("A") }).redelegationResponses).toHaveLength(1);
    expect(fails(m.redelegations, { delegatorAddr: s.address("B"), srcValidatorAddr: s.valoper("V2"), dstValidatorAddr: s.valoper("V3") }))
      .toMatchObject({ code: 6, log: expect.stringContaining("rpc error: code = Internal desc = rpc error: code = NotFound desc = redelegation not found") });
    expect(fails(m.redelegations, {})).toMatchObject({ code: 6 });
  });

  it("Pool, Params, HistoricalInfo (sorted like CometBFT; negative height → sdk 18; missing → sdk 22)", () => {
    const pool = call(m.pool, {}).pool!;
    expect(BigInt(pool.bondedTokens)).toBe(s.staking.poolBalance(s.read, "bonded_tokens_pool"));
    expect(BigInt(pool.notBondedTokens)).toBe(s.staking.poolBalance(s.read, "not_bonded_tokens_pool"));
    expect(call(m.params, {}).params).toMatchObject({ maxValidators: 100, maxEntries: 7, historicalEntries: 10000, bondDenom: "wei", minCommissionRate: "0" });
    const h = s.app.nextHeight - 1n;
    const hist = call(m.historicalInfo, { height: h }).hist!;
    expect(hist.header?.height).toBe(h);
    expect(hist.header?.chainId).toBe("stratos-devnet-1");
    const powers = hist.valset.map((v) => BigInt(v.tokens) / 10n ** 15n);
    expect([...powers].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(powers);
    expect(fails(m.historicalInfo, { height: -1n })).toMatchObject({ code: 18 });
    expect(fails(m.historicalInfo, { height: 999_999n })).toMatchObject({ code: 22 });
  });

  it("queries are pure: the committed state is the same before and after all of them", () => {
    const dump = (): string => [...s.read.kv("staking").iterator()].map(({ key, value }) => `${Buffer.from(key).toString("hex")}=${Buffer.from(value).toString("hex")}`).join();
    const before = dump();
    call(m.validators, {});
    call(m.validatorDelegations, { validatorAddr: s.valoper("V1") });
    call(m.redelegations, { delegatorAddr: s.address("A") });
    call(m.pool, {});
    expect(dump()).toBe(before);
  });
});
