/**
 * spec-staking §14 TV0, TV1 and TV6 through real signed txs in-process: the chain starts from the
 * seven stratos-1 gentxs (genesis/stratos-1-gentxs.json, signatures checked with account number 0),
 * then delegations, a slash and an undelegation go through CheckTx/FinalizeBlock as on a node.
 * Invariants are checked after every block (testkit.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { QueryPoolRequestSchema, QueryPoolResponseSchema, QueryValidatorsRequestSchema, QueryValidatorsResponseSchema } from "../../codec/cosmos/staking/v1beta1/query_pb.js";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { Dec } from "../../math/dec.js";
import { consString, parseVal, valString } from "./store.js";
import { BondStatus } from "./types.js";
import { MAINNET_GENESIS, StakingScenario, STOS, TX_FEE, eventAttributes, actionEvent } from "./testkit.js";
import { utcTime } from "../register/logic/time.js";
import { BONDED_POOL_NAME, NOT_BONDED_POOL_NAME } from "./keys.js";

let s: StakingScenario | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** TV0's table: power, moniker, operator, consensus address, pubkey (ranking order). */
const TV0 = [
  [99000n, "WhisperNode🤐", "stvaloper1qlp8jhykjxglutn4q493p7ltxkt7kw33uhxd44", "stvalcons1r8lsym9k4kj99yswter8l07t0zqkl0q6sggr23", "v+PjwjheeKyNv4s2TmvTJrcFR5fG2OUQ4IpLQ8kYZ58="],
  [99000n, "[FPOOL]FrogePool", "stvaloper19204mtgwql49vyex00ah7e5gg9znedf7ect6mr", "stvalcons1ngu05cwsgdtg6h8p82q8zwswfnpy8dlkfq6hva", "MfKYfbEYN+mbhb81mbBtpt7TGaH6wgvmuz1Xkmsg7I4="],
  [99000n, "NodeStake", "stvaloper1g8fmnrz00sqh9pz3ghf8ram9q86te804f8pr28", "stvalcons12t3df6p9adtmsv438avxyl8layrq5097mwq9yu", "OS06CQ+DAs44N8GqbLI0+5vpwPauIW5yIoyMdKQPX7w="],
  [99000n, "[NODERS]TEAM", "stvaloper1ghkn8ra63422mcepdk0zzglzy6qax637g6fhzm", "stvalcons1c0s9zk7r9n2jx0g8hyym45rm6a7dym8vw22huy", "1SLhx96Wgk1gkr9Y1xd433tXb28JB56Fc2TtoIU/VwM="],
  [99000n, "stratos-validator-00", "stvaloper1cxmws9w5ej8847q5ycfskhetrccnhrufrk2gyy", "stvalcons1qaqzke727xh6whwp4jrexnwhcd7ax4m359qa83", "PrFvH4KYDtJYKQIK7mvnEfsMTifD8EhY3vwIpru5LP8="],
  [90000n, "0xDevRawl", "stvaloper1zy9qal508nvc9h0xqmyz500mkuxhteu7wn4sgp", "stvalcons1p2shzslm7649tc2h2j9c02kmakjsx87q550h4v", "NIh+ybQFoHDiNd133LcwUYjmGxR8ITta/2G1gpcq/AU="],
  [10000n, "StakingCabin", "stvaloper1990zcrfu2z24jaqn4w48tm9unvhwr9fn4r2cku", "stvalcons1ucmsdupdraht66hhuye4rrp6sfqgga4m3jk7k3", "1yD0tlbMA9bNxmudmNbPOQwCci8aX/Fkpnx3wdqF4Qg="],
] as const;
const RATES: Readonly<Record<string, string>> = {
  "WhisperNode🤐": "0.05", "[FPOOL]FrogePool": "0.05", NodeStake: "0.05", "[NODERS]TEAM": "0.10", "stratos-validator-00": "0.10", "0xDevRawl": "0.09", StakingCabin: "0.10",
};
const V00 = "stvaloper1cxmws9w5ej8847q5ycfskhetrccnhrufrk2gyy";
const BONDED_POOL = "st1fl48vsnmsdzcv85q5d2q4z5ajdha8yu3fkaac2";
const NOT_BONDED_POOL = "st1tygms3xhhs3yv487phx3dw4a95jn7t7lakpvw7";

const mainnet = (balances: Record<string, bigint> = { D: 10n * STOS, E: 10n * STOS }) => StakingScenario.create({ balances, mainnetValidators: true });

describe("TV0: the stratos-1 gentxs make the genesis validator set", () => {
  it("ResponseInitChain.validators, last total power, pools, validators, sequences", async () => {
    s = await mainnet();
    expect(s.app.genesisValidators.map((u) => [Buffer.from(u.pubKey.ed25519!).toString("base64"), u.power])).toEqual(TV0.map((r) => [r[4], r[0]]));
    const read = s.read;
    expect(s.staking.lastTotalPower(read)).toBe(595_000n);
    expect(s.staking.poolBalance(read, BONDED_POOL_NAME)).toBe(595_000_000_000_000_000_000n);
    expect(s.staking.poolBalance(read, NOT_BONDED_POOL_NAME)).toBe(0n);
    for (const [power, moniker, operator, consAddr, pubkey] of TV0) {
      const v = s.validator(operator)!;
      expect(v.description.moniker).toBe(moniker);
      expect(consString(v.consensusAddress)).toBe(consAddr);
      expect(Buffer.from(v.consensusPubKey).toString("base64")).toBe(pubkey);
      expect(v.status).toBe(BondStatus.Bonded);
      expect(v.tokens).toBe(power * 10n ** 15n);
      expect(v.delegatorShares.equals(Dec.fromInt(v.tokens))).toBe(true);
      expect(v.commission.rates.rate.equals(Dec.parse(RATES[moniker]!))).toBe(true);
      // Genesis validators change commission only 24 h after genesis time (§8.2): update_time = genesis time.
      expect(v.commission.updateTime).toBe(MAINNET_GENESIS.seconds * 1_000_000_000n + BigInt(MAINNET_GENESIS.nanos));
      expect(s.staking.getLastValidatorPower(read, v.operator)).toBe(power);
      const operatorAccount = parseVal(operator);
      expect(s.app.parts.keepers.auth.getAccount(read, operatorAccount)?.sequence).toBe(1n);
    }
    // The ranking ties at 99 000 go to the lower operator bytes.
    const ranked = [...s.staking.bondedValidatorsByPower(read)].map((v) => valString(v.operator));
    expect(ranked).toEqual(TV0.map((r) => r[2]));
    // Through the Query service too.
    const pool = fromBinary(QueryPoolResponseSchema, s.app.query("/cosmos.staking.v1beta1.Query/Pool", toBinary(QueryPoolRequestSchema, create(QueryPoolRequestSchema))));
    expect(pool.pool).toMatchObject({ bondedTokens: "595000000000000000000", notBondedTokens: "0" });
    const bonded = fromBinary(QueryValidatorsResponseSchema, s.app.query("/cosmos.staking.v1beta1.Query/Validators",
      toBinary(QueryValidatorsRequestSchema, create(QueryValidatorsRequestSchema, { status: "BOND_STATUS_BONDED" }))));
    expect(bonded.validators).toHaveLength(7);
    expect(bonded.pagination?.total).toBe(7n);
  });
});

describe("TV1: a delegation moves the power, and a dust delegation does not", () => {
  it("1.5 STOS to stratos-validator-00 → shares, tokens, power 100 500, events, one update; 0.0004 STOS → no update", async () => {
    s = await mainnet();
    const t = MAINNET_GENESIS.seconds + 3600n;
    const res = await s.block([["D", [s.delegate("D", V00, 1_500_000_000_000_000_000n)]]], t);
    const tx = res.txResults[0]!;
    expect(tx.code, tx.log).toBe(0);
    expect(actionEvent(tx.events)).toEqual({ action: "/cosmos.staking.v1beta1.MsgDelegate", sender: s.address("D"), module: "staking" });
    const messageEvents = tx.events.slice(tx.events.findIndex((e) => e.type === "message" && e.attributes.some((a) => a.key === "action")) + 1);
    expect(messageEvents.map((e) => [e.type, Object.fromEntries(e.attributes.map((a) => [a.key, a.value]))])).toEqual([
      ["coin_spent", { spender: s.address("D"), amount: "1500000000000000000wei" }],
      ["coin_received", { receiver: BONDED_POOL, amount: "1500000000000000000wei" }],
      ["delegate", { validator: V00, delegator: s.address("D"), amount: "1500000000000000000wei", new_shares: "1500000000000000000.000000000000000000" }],
    ]);
    expect(res.validatorUpdates.map((u) => [Buffer.from(u.pubKey.ed25519!).toString("base64"), u.power])).toEqual([["PrFvH4KYDtJYKQIK7mvnEfsMTifD8EhY3vwIpru5LP8=", 100_500n]]);
    const v = s.validator(V00)!;
    expect(v.tokens).toBe(100_500_000_000_000_000_000n);
    expect(s.staking.lastTotalPower(s.read)).toBe(596_500n);
    expect(s.staking.delegation(s.read, s.accountBytes("D"), v.operator)?.shares.toString()).toBe("1500000000000000000.000000000000000000");
    expect(s.balance("D")).toBe(10n * STOS - 1_500_000_000_000_000_000n - TX_FEE);

    const dust = await s.block([["E", [s.delegate("E", V00, 400_000_000_000_000n)]]], t + 5n);
    expect(dust.txResults[0]!.code, dust.txResults[0]!.log).toBe(0);
    expect(eventAttributes(dust.txResults[0]!.events, "delegate")?.["new_shares"]).toBe("400000000000000.000000000000000000");
    expect(s.validator(V00)!.tokens).toBe(100_500_400_000_000_000_000n);
    expect(dust.validatorUpdates).toEqual([]);
  });
});

describe("TV6: undelegating after a slash (exchange rate ≠ 1), then maturity 21 days later", () => {
  it("shares removed, tokens returned, power 99 979, completion 2024-03-22T12:00:00Z, paid in the first block at or after it", async () => {
    s = await mainnet();
    const start = MAINNET_GENESIS.seconds + 3600n;
    expect((await s.tx("D", [s.delegate("D", V00, 1_500_000_000_000_000_000n)], start)).code).toBe(0);
    // A slash of 0.02 % at the current height with power 100 500 (what slashing's downtime rule does).
    let burned = -1n;
    s.inNextBlock((ctx) => {
      burned = s!.staking.slash(ctx, s!.validator(V00)!.consensusAddress, ctx.header.height, 100_500n, Dec.parse("0.0002"));
    });
    await s.emptyBlock(start + 5n);
    expect(burned).toBe(20_100_000_000_000_000n);
    const slashed = s.validator(V00)!;
    expect(slashed.tokens).toBe(100_479_900_000_000_000_000n);
    expect(slashed.delegatorShares.toString()).toBe("100500000000000000000.000000000000000000");

    const t200 = utcTime(2024, 3, 1, 12) / 1_000_000_000n;
    const res = await s.block([["D", [s.undelegate("D", V00, 500_000_000_000_000_000n)]]], t200);
    const tx = res.txResults[0]!;
    expect(tx.code, tx.log).toBe(0);
    expect(eventAttributes(tx.events, "unbond")).toEqual({
      validator: V00, amount: "500000000000000000wei", delegator: s.address("D"), completion_time: "2024-03-22T12:00:00Z",
    });
    // The tokens leave the bonded pool: a send with the pool as message sender.
    expect(tx.events.some((e) => e.type === "message" && e.attributes.some((a) => a.key === "sender" && a.value === BONDED_POOL))).toBe(true);
    const ubd = s.staking.unbondingDelegation(s.read, s.accountBytes("D"), slashed.operator)!;
    expect(ubd.entries.map((e) => [e.initialBalance, e.balance, e.completionTime])).toEqual([[500_000_000_000_000_000n, 500_000_000_000_000_000n, utcTime(2024, 3, 22, 12)]]);
    expect(s.staking.delegation(s.read, s.accountBytes("D"), slashed.operator)?.shares.toString()).toBe("999899979995999199.839967993598719744");
    expect(s.validator(V00)!.tokens).toBe(99_979_900_000_000_000_000n);
    expect(res.validatorUpdates.map((u) => u.power)).toEqual([99_979n]);

    const before = s.balance("D");
    await s.emptyBlock(utcTime(2024, 3, 22, 11, 59, 59) / 1_000_000_000n);
    expect(s.balance("D")).toBe(before);
    const events = await s.emptyBlock(utcTime(2024, 3, 22, 12, 0, 3) / 1_000_000_000n);
    expect(s.balance("D")).toBe(before + 500_000_000_000_000_000n);
    expect(eventAttributes(events, "complete_unbonding")).toEqual({ amount: "500000000000000000wei", validator: V00, delegator: s.address("D") });
    const spent = events.find((e) => e.type === "coin_spent" && e.attributes.some((a) => a.value === NOT_BONDED_POOL));
    expect(spent).toBeDefined();
    expect(s.staking.unbondingDelegation(s.read, s.accountBytes("D"), slashed.operator)).toBeUndefined();
  });
});
