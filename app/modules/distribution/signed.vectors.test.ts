/**
 * spec-staking.md §14 TV2, TV2b and TV3 on the whole app in-process (TestApp through the staking
 * scenario kit): the genesis validators come from gentxs signed by the actors' keys (each with the
 * spec's ed25519 consensus key), D's 1.5 STOS to A is a signed MsgDelegate at height 100, fees reach
 * fee_collector as the fees of real txs plus PoT's validator slice (a test module moves it
 * foundation_account / total_unissued_prepay → fee_collector in EndBlock, as MsgVolumeReport would),
 * distribution's BeginBlock allocates them over the votes of the vector, and every figure is read back
 * through the ABCI gRPC queries and the block events; TV3's withdrawals are signed txs. One departure
 * from the vector's heights: TV3's withdrawals go in block 103 rather than 102, so that the state after
 * BeginBlock 102 can be queried first; block 102 carries no tx, so 103 allocates nothing and the
 * figures are the vector's.
 */
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape, type MessageShape } from "@bufbuild/protobuf";
import type { Event, ResponseFinalizeBlock, VoteInfo } from "cosmjs-types/tendermint/abci/types";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import { afterEach, describe, expect, it } from "vitest";
import type { ModuleHooks } from "../../baseapp/block.js";
import {
  QueryCommunityPoolRequestSchema, QueryCommunityPoolResponseSchema, QueryDelegationRewardsRequestSchema, QueryDelegationRewardsResponseSchema,
  QueryValidatorCommissionRequestSchema, QueryValidatorCommissionResponseSchema, QueryValidatorOutstandingRewardsRequestSchema,
  QueryValidatorOutstandingRewardsResponseSchema,
} from "../../codec/cosmos/distribution/v1beta1/query_pb.js";
import {
  MsgWithdrawDelegatorRewardResponseSchema, MsgWithdrawDelegatorRewardSchema, MsgWithdrawValidatorCommissionResponseSchema, MsgWithdrawValidatorCommissionSchema,
} from "../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { TxMsgDataSchema } from "../../codec/cosmos/base/abci/v1beta1/abci_pb.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { Coins, coin } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import type { StratosKeepers } from "../../node/app.js";
import { DEVNET_CHAIN_ID } from "../../node/devnetGenesis.js";
import { TestApp } from "../../node/testApp.js";
import { signGentx } from "../genutil/gentx.js";
import { anyMsg, StakingScenario, STOS } from "../staking/testkit.js";
import { mainnetDistributionGenesisJson } from "./genesis.js";
import { gentx, MAINNET_GENTXS, type Gentx, TV2_FEES, TV3_EXPECTED_REWARD_AND_COMMISSION, TV3_FEES } from "./spec.vectors.js";

let s: StakingScenario | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const P = "/cosmos.distribution.v1beta1.Query/";
const GWEI = 1_000_000_000n;
/** Every tx of these vectors: 200 000 gas × 1 gwei, as the spec's fees. */
const TX_GAS = 200_000n;
const TX_FEE = TX_GAS * GWEI;
/** spec-pot TV1's epoch-1 validator slice: foundation → validators (F2V) and unissued prepay → validators (P2V). */
const F2V = 16_000_000_000_000_000_000n;
const P2V = 244_999_989_281n;
/** TV3's fees beyond three tx fees. */
const TV3_EXTRA = TV3_FEES - 3n * TX_FEE;

const FEE_COLLECTOR = formatBech32Address(moduleAddress("fee_collector"), BECH32_PREFIX.account);
const DISTRIBUTION = formatBech32Address(moduleAddress("distribution"), BECH32_PREFIX.account);

const pubKeyOf = (g: Gentx): Uint8Array => new Uint8Array(Buffer.from(g.pubKeyBase64, "base64"));
const consOf = (g: Gentx): Uint8Array => ed25519Address(pubKeyOf(g));

/** Transfers into fee_collector at a height's EndBlock (what pot's MsgVolumeReport does in the block), from funded module accounts. */
type FeeFlows = Readonly<Record<string, ReadonlyArray<readonly [module: string, amount: bigint]>>>;

/**
 * A chain whose genesis validators are `validators` (actor name → spec gentx figures), made by gentxs
 * signed with the actors' keys (actor i has HD index 100 + i, as the scenario kit makes them).
 */
async function chain(validators: ReadonlyArray<readonly [name: string, g: Gentx]>, o: { communityTax?: string; flows?: FeeFlows } = {}): Promise<StakingScenario> {
  const names = [...validators.map(([n]) => n), "D", "E", "F", "G"];
  const balances = Object.fromEntries(names.map((n) => [n, 1_000n * STOS]));
  const genTxs = validators.map(([name, g]) => signGentx({
    chainId: DEVNET_CHAIN_ID,
    operatorPrivateKey: TestApp.keyAt(100 + names.indexOf(name)).privateKey,
    consensusPubKey: pubKeyOf(g),
    selfBond: g.selfBond,
    moniker: g.moniker,
    commission: { rate: Dec.parse(g.rate), maxRate: Dec.parse("0.2"), maxChangeRate: Dec.parse("0.01") },
  }));
  const flows = o.flows ?? {};
  const potFlows = (keepers: StratosKeepers): ModuleHooks => ({
    name: "potValidatorSlice",
    endBlock: (ctx) => {
      for (const [module, amount] of flows[ctx.header.height.toString()] ?? []) {
        keepers.bank.sendCoinsFromModuleToModule(ctx, module, "fee_collector", Coins.of(coin("wei", amount)));
      }
    },
  });
  const funded = new Map<string, bigint>();
  for (const list of Object.values(flows)) for (const [m, a] of list) funded.set(m, (funded.get(m) ?? 0n) + a);
  return StakingScenario.create({
    balances,
    moduleBalances: Object.fromEntries(funded),
    genesis: { genTxs, validatorOperator: null },
    extraAppState: { distribution: mainnetDistributionGenesisJson(o.communityTax) },
    testApp: { extraModules: (keepers) => [potFlows(keepers)] },
  });
}

function query<I extends DescMessage, O extends DescMessage>(path: string, req: I, res: O, init: MessageInitShape<I>): MessageShape<O> {
  return fromBinary(res, s!.app.query(`${P}${path}`, toBinary(req, create(req, init))));
}
const decs = (coins: ReadonlyArray<{ denom: string; amount: string }>): string => coins.map((c) => `${Dec.fromProtoString(c.amount).toString()}${c.denom}`).join(",");
const outstanding = (valoper: string): string =>
  decs(query("ValidatorOutstandingRewards", QueryValidatorOutstandingRewardsRequestSchema, QueryValidatorOutstandingRewardsResponseSchema, { validatorAddress: valoper }).rewards?.rewards ?? []);
const commission = (valoper: string): string =>
  decs(query("ValidatorCommission", QueryValidatorCommissionRequestSchema, QueryValidatorCommissionResponseSchema, { validatorAddress: valoper }).commission?.commission ?? []);
const communityPool = (): string => decs(query("CommunityPool", QueryCommunityPoolRequestSchema, QueryCommunityPoolResponseSchema, {}).pool);
const delegationRewards = (delegator: string, valoper: string): string =>
  decs(query("DelegationRewards", QueryDelegationRewardsRequestSchema, QueryDelegationRewardsResponseSchema, { delegatorAddress: delegator, validatorAddress: valoper }).rewards);

const plain = (events: readonly Event[]): Array<[string, Record<string, string>]> => events.map((e) => [e.type, Object.fromEntries(e.attributes.map((a) => [a.key, a.value]))]);

/** Signed txs of 200 000 gas × 1 gwei each, in one block with these votes (default: the whole previous set, COMMIT); all must succeed. */
async function block(list: ReadonlyArray<readonly [signer: string, msgs: readonly Any[]]>, votes?: readonly VoteInfo[]): Promise<ResponseFinalizeBlock> {
  const c = s!;
  const pending = new Map<string, bigint>();
  const raw = list.map(([signer, msgs]) => {
    const offset = pending.get(signer) ?? 0n;
    pending.set(signer, offset + 1n);
    return c.app.sign(c.actor(signer).key, msgs, { sequence: c.sequence(signer) + offset, gasLimit: TX_GAS });
  });
  const res = await c.app.finalize(raw, undefined, votes === undefined ? {} : { votes });
  for (const tx of res.txResults) expect(tx.code, tx.log).toBe(0);
  c.assertInvariants();
  return res;
}

/** Empty blocks until the next block is `height` (every validator of the set votes, nothing to allocate). */
async function untilHeight(height: bigint): Promise<void> {
  while (s!.app.nextHeight < height) await s!.app.finalize([]);
}

const A = gentx("stratos-validator-00");
const B = gentx("NodeStake");
const C = gentx("StakingCabin");

/** TV2's votes: A with its power after TV1, B, and C ABSENT (paid anyway). */
const TV2_VOTES: VoteInfo[] = [
  { validator: { address: consOf(A), power: 100_500n }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT },
  { validator: { address: consOf(B), power: 99_000n }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT },
  { validator: { address: consOf(C), power: 10_000n }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_ABSENT },
];

/**
 * TV1 then TV2 up to block 101 committed: D delegates 1.5 STOS to A at height 100 in a block with one
 * more 200 000-gas tx (E → F), and PoT's slice reaches fee_collector in EndBlock 100. Block 101
 * (votes of TV2) carries three more 200 000-gas txs and 123 456 789 wei of PoT flow for TV3.
 */
async function tv2(communityTax?: string): Promise<{ block101: ResponseFinalizeBlock }> {
  s = await chain([["A", A], ["B", B], ["C", C]], {
    ...(communityTax === undefined ? {} : { communityTax }),
    flows: { "100": [["foundation_account", F2V], ["total_unissued_prepay", P2V]], "101": [["foundation_account", TV3_EXTRA]] },
  });
  await untilHeight(100n);
  expect(s.app.nextHeight).toBe(100n);
  const block100 = await block([
    ["D", [s.delegate("D", "A", 1_500_000_000_000_000_000n)]],
    ["E", [TestApp.send(s.address("E"), s.address("F"), 1n)]],
  ]);
  expect(s.app.balance(FEE_COLLECTOR)).toBe(TV2_FEES);
  expect(s.validator("A")!.tokens).toBe(100_500_000_000_000_000_000n);
  // TV1: EndBlock 100 reports A at 100 500 (CometBFT would use it from 102; the vector's votes say 100 500 at 101 already).
  expect(block100.validatorUpdates.map((u) => [Buffer.from(u.pubKey!.ed25519!).toString("base64"), u.power])).toEqual([[A.pubKeyBase64, 100_500n]]);
  const block101 = await block([
    ["E", [TestApp.send(s.address("E"), s.address("G"), 1n)]],
    ["F", [TestApp.send(s.address("F"), s.address("G"), 1n)]],
    ["G", [TestApp.send(s.address("G"), s.address("E"), 1n)]],
  ], TV2_VOTES);
  expect(s.app.balance(FEE_COLLECTOR)).toBe(TV3_FEES);
  return { block101 };
}

const valoper = (name: string): string => s!.valoper(name);
/** `x − y` of two `<Dec>wei` strings, as `<Dec>wei`. */
const minus = (x: string, y: string): string => `${Dec.parse(x.replace(/wei$/, "")).sub(Dec.parse(y.replace(/wei$/, ""))).toString()}wei`;

/** Block events from fee_collector's transfer on, through the last rewards event. */
function allocationEvents(events: readonly Event[]): Array<[string, Record<string, string>]> {
  const all = plain(events);
  const from = all.findIndex(([type, a]) => type === "coin_spent" && a["spender"] === FEE_COLLECTOR);
  const to = all.findLastIndex(([type]) => type === "rewards");
  return all.slice(from, to + 1);
}

describe("TV2 — AllocateTokens over 3 validators, signed txs on the whole app", () => {
  it("community_tax 0: rewards, commissions, delegator parts to the last digit, 32.000800489999978562 wei of dust, the block events", async () => {
    const { block101 } = await tv2();
    const rows = [
      ["A", "7675609664069207255.811139663257765031", "767560966406920725.581113966325776503", "6908048697662286530.230025696931988528"],
      ["B", "7561048325799517599.097636144701676426", "378052416289975879.954881807235083821", "7182995909509541719.142754337466592605"],
      ["C", "763742255131264394.090423702040579981", "76374225513126439.409042370204057998", "687368029618137954.681381331836521983"],
    ] as const;
    for (const [name, reward, comm, shared] of rows) {
      expect(outstanding(valoper(name)), name).toBe(`${reward}wei`);
      expect(commission(valoper(name)), name).toBe(`${comm}wei`);
      // Nothing withdrawn yet: outstanding − commission is the delegators' part (current rewards).
      expect(minus(outstanding(valoper(name)), commission(valoper(name))), name).toBe(`${shared}wei`);
    }
    expect(communityPool()).toBe("32.000800489999978562wei");
    // The distribution module holds everything allocated (block 101's own fees wait in fee_collector).
    expect(s!.app.balance(DISTRIBUTION)).toBe(TV2_FEES);

    // Block events: mint's empty send and mint event come first, then the fee transfer and, per
    // validator in vote order, commission and rewards (C's vote ABSENT: paid anyway, and a liveness miss).
    const events = plain(block101.events);
    expect(events.slice(0, 5).map(([type]) => type)).toEqual(["coin_spent", "coin_received", "transfer", "message", "mint"]);
    expect(events.slice(5, 15)).toEqual(allocationEvents(block101.events));
    expect(allocationEvents(block101.events)).toEqual([
      ["coin_spent", { spender: FEE_COLLECTOR, amount: "16000400244999989281wei" }],
      ["coin_received", { receiver: DISTRIBUTION, amount: "16000400244999989281wei" }],
      ["transfer", { recipient: DISTRIBUTION, sender: FEE_COLLECTOR, amount: "16000400244999989281wei" }],
      ["message", { sender: FEE_COLLECTOR }],
      ["commission", { amount: "767560966406920725.581113966325776503wei", validator: valoper("A") }],
      ["rewards", { amount: "7675609664069207255.811139663257765031wei", validator: valoper("A") }],
      ["commission", { amount: "378052416289975879.954881807235083821wei", validator: valoper("B") }],
      ["rewards", { amount: "7561048325799517599.097636144701676426wei", validator: valoper("B") }],
      ["commission", { amount: "76374225513126439.409042370204057998wei", validator: valoper("C") }],
      ["rewards", { amount: "763742255131264394.090423702040579981wei", validator: valoper("C") }],
    ]);
    expect(events).toContainEqual(["liveness", { address: formatBech32Address(consOf(C), BECH32_PREFIX.consensus), missed_blocks: "1", height: "101" }]);
  }, 60_000);

  it("community_tax 0.02 (SDK default): rewards, commissions and 320008004899999816.980784480199978992 wei to the pool", async () => {
    await tv2("0.020000000000000000");
    const rows = [
      ["A", "7522097470787823110.694916869992609730", "752209747078782311.069491686999260973"],
      ["B", "7409827359283527247.115683421807642897", "370491367964176362.355784171090382145"],
      ["C", "748467410028639106.208615227999768381", "74846741002863910.620861522799976838"],
    ] as const;
    for (const [name, reward, comm] of rows) {
      expect(outstanding(valoper(name)), name).toBe(`${reward}wei`);
      expect(commission(valoper(name)), name).toBe(`${comm}wei`);
    }
    expect(communityPool()).toBe("320008004899999816.980784480199978992wei");
  }, 60_000);
});

describe("TV2b — the stratos-1 genesis set (seven gentxs), 1 STOS of fees, community_tax 0", () => {
  it("one tx paying a 1 STOS fee; the next block splits it by 99 000/595 000 etc.: whole-wei rewards, the rounded commissions, 3 wei to the pool", async () => {
    const names = MAINNET_GENTXS.map((g) => g.moniker);
    s = await chain(MAINNET_GENTXS.map((g) => [g.moniker, g] as const));
    expect(s.app.genesisValidators.map((u) => u.power).reduce((x, y) => x + y)).toBe(595_000n);
    const c = s;
    const payer = c.actor("D").key;
    const paid = await c.app.block([c.app.sign(payer, [TestApp.send(payer.address, c.address("E"), 1n)], { sequence: c.sequence("D"), gasLimit: TX_GAS, fee: [{ denom: "wei", amount: STOS.toString() }] })]);
    expect(paid[0]!.code, paid[0]!.log).toBe(0);
    expect(c.app.balance(FEE_COLLECTOR)).toBe(STOS);
    // The next block's last commit: every genesis validator (TestApp's default votes, all COMMIT).
    const res = await c.app.finalize([]);
    expect(res.events.filter((e) => e.type === "rewards")).toHaveLength(7);
    const expected = TV3_EXPECTED_REWARD_AND_COMMISSION;
    for (const name of names) {
      const [reward, comm] = expected[name]!;
      expect(outstanding(valoper(name)), name).toBe(`${reward}wei`);
      expect(commission(valoper(name)), name).toBe(`${comm}wei`);
    }
    expect(communityPool()).toBe("3.000000000000000000wei");
    s.assertInvariants();
  }, 60_000);
});

describe("TV3 — a delegator's reward after two blocks, withdrawn by signed txs", () => {
  it("block 102's allocation, D's 103 109 070 791 964 925 wei (0.5 wei pooled), the operator's 6 805 198 672 269 685 083 wei and 767 589 749 229 072 232 wei of commission", async () => {
    await tv2();
    const c = s!;
    const outstanding101 = outstanding(valoper("A"));
    const commission101 = commission(valoper("A"));
    // Block 102 allocates block 101's 600 000 123 456 789 wei and carries no tx, so that its state is
    // observable and block 103 (the withdrawals) allocates nothing.
    await block([], TV2_VOTES);
    expect(c.app.balance(FEE_COLLECTOR)).toBe(0n);
    expect(minus(outstanding(valoper("A")), outstanding101)).toBe("287828221515070.617664439043283539wei");
    expect(minus(commission(valoper("A")), commission101)).toBe("28782822151507.061766443904328354wei");
    expect(outstanding(valoper("A"))).toBe("7675897492290722326.428804102301048570wei");
    expect(commission(valoper("A"))).toBe("767589749229072232.642880410230104857wei");
    expect(minus(outstanding(valoper("A")), commission(valoper("A")))).toBe("6908307743061650093.785923692070943713wei");
    // What the withdrawals will pay, as the query computes it (period closed as if now).
    expect(delegationRewards(c.address("D"), valoper("A"))).toBe("103109070791964925.500000000000000000wei");
    expect(delegationRewards(c.address("A"), valoper("A"))).toBe("6805198672269685083.000000000000000000wei");

    const pool = communityPool();
    const dBefore = c.balance("D");
    const aBefore = c.balance("A");
    const res = await block([
      ["D", [anyMsg(MsgWithdrawDelegatorRewardSchema, { delegatorAddress: c.address("D"), validatorAddress: valoper("A") })]],
      ["A", [
        anyMsg(MsgWithdrawDelegatorRewardSchema, { delegatorAddress: c.address("A"), validatorAddress: valoper("A") }),
        anyMsg(MsgWithdrawValidatorCommissionSchema, { validatorAddress: valoper("A") }),
      ]],
    ], TV2_VOTES);
    expect(allocationEvents(res.events).filter(([type]) => type === "rewards").map(([, a]) => a["amount"])).toEqual(["", "", ""]);

    // D: period 3 closes at ratio 0.068739380527976617; 103109070791964925.5 → the whole wei paid, 0.5 wei to the pool.
    const [dTx, aTx] = res.txResults;
    const k = c.app.parts.keepers.distribution;
    const operatorA = c.validator("A")!.operator;
    expect(k.getHistoricalRewards(c.read, operatorA, 3n).cumulativeRewardRatio.toString()).toBe("0.068739380527976617wei");
    expect(c.balance("D") - dBefore).toBe(103_109_070_791_964_925n - TX_FEE);
    expect(minus(communityPool(), pool)).toBe("0.500000000000000000wei");
    const start = k.getStartingInfo(c.read, operatorA, c.accountBytes("D"));
    expect(start?.previousPeriod).toBe(3n);
    const dEvents = plain(dTx!.events);
    expect(dEvents.slice(dEvents.findIndex(([type, a]) => type === "message" && a["action"] !== undefined) + 1)).toEqual([
      ["coin_spent", { spender: DISTRIBUTION, amount: "103109070791964925wei" }],
      ["coin_received", { receiver: c.address("D"), amount: "103109070791964925wei" }],
      ["transfer", { recipient: c.address("D"), sender: DISTRIBUTION, amount: "103109070791964925wei" }],
      ["message", { sender: DISTRIBUTION }],
      ["withdraw_rewards", { amount: "103109070791964925wei", validator: valoper("A"), delegator: c.address("D") }],
    ]);
    const dData = fromBinary(TxMsgDataSchema, dTx!.data);
    expect(dData.msgResponses.map((r) => r.typeUrl)).toEqual(["/cosmos.distribution.v1beta1.MsgWithdrawDelegatorRewardResponse"]);
    expect(fromBinary(MsgWithdrawDelegatorRewardResponseSchema, dData.msgResponses[0]!.value).amount.map((x) => [x.denom, x.amount])).toEqual([["wei", "103109070791964925"]]);

    // The operator: its self-delegation since period 1 (no remainder), then the whole-wei commission.
    const aData = fromBinary(TxMsgDataSchema, aTx!.data);
    expect(fromBinary(MsgWithdrawDelegatorRewardResponseSchema, aData.msgResponses[0]!.value).amount.map((x) => [x.denom, x.amount])).toEqual([["wei", "6805198672269685083"]]);
    expect(fromBinary(MsgWithdrawValidatorCommissionResponseSchema, aData.msgResponses[1]!.value).amount.map((x) => [x.denom, x.amount])).toEqual([["wei", "767589749229072232"]]);
    expect(c.balance("A") - aBefore).toBe(6_805_198_672_269_685_083n + 767_589_749_229_072_232n - TX_FEE);
    expect(plain(aTx!.events).filter(([type]) => type === "withdraw_rewards" || type === "withdraw_commission")).toEqual([
      ["withdraw_rewards", { amount: "6805198672269685083wei", validator: valoper("A"), delegator: c.address("A") }],
      ["withdraw_commission", { amount: "767589749229072232wei" }],
    ]);
    expect(commission(valoper("A"))).toBe("0.642880410230104857wei");
    expect(outstanding(valoper("A"))).toBe("85.928804102301048570wei");
    expect(minus(communityPool(), pool)).toBe("0.500000000000000000wei");
  }, 60_000);
});
