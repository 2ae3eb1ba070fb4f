/**
 * pot queries (spec-pot §7) on the TV1/TV4 state (mature_epoch 1, reports 1 and 2, epoch 2 matured with
 * RES1's slashing debt collected), plus this chain's RewardBreakdown and MetaNodeBlsKey. Numbers are
 * the spec's (§11.1, §11.4), not recomputed here.
 */
import { create, type DescMessage, type DescMethod, fromBinary, getOption, type MessageInitShape, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ErrPanic, TxError } from "../../baseapp/errors.js";
import { grpcMethodPath } from "../../baseapp/grpcQuery.js";
import { type QueryContext, QueryError } from "../../baseapp/queryRouter.js";
import { http } from "../../codec/google/api/annotations_pb.js";
import { PageRequestSchema } from "../../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import { Query } from "../../codec/stratos/pot/v1/query_pb.js";
import { BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { blsPublicKey } from "../../crypto/bls/index.js";
import { sha256 } from "../../crypto/hash.js";
import { Coins, coin } from "../../math/coins.js";
import { hexOf } from "../../store/bytes.js";
import { buildAppState } from "../../node/genesisBuilder.js";
import { matureEpochs } from "./endBlock.js";
import { potParamsToProto } from "./params.js";
import { potQueryHandlers } from "./queries.js";
import {
  META, META_BLS, RES, STOS, type PotChain, netOf, report, startChain, statePChain, statePSpec, wallet,
} from "./potChain.testing.js";

const Q = Query.method;
const TV1_VOLUMES = [[RES[0]!.owner, 50_000n], [RES[1]!.owner, 30_000n], [RES[2]!.owner, 20_000n]] as const;
const acc = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.account);

function tv4(referenceQuirks = false): PotChain {
  const spec = statePSpec({ pot: { params: { mature_epoch: "1" } } });
  const c = referenceQuirks ? startChain(buildAppState(spec), true) : statePChain({ pot: { params: { mature_epoch: "1" } } });
  c.register.keeper.setSlashing(c.ctx, acc(RES[0]!.owner), 1_224_999_946_405n);
  report(c, 1n, TV1_VOLUMES);
  report(c, 2n, TV1_VOLUMES);
  expect(matureEpochs(c.pot, c.ctx)).toBeUndefined();
  return c;
}

function client(c: PotChain) {
  const handlers = potQueryHandlers(c.pot);
  const store = c.ctx.multiStore;
  const qctx: QueryContext = { height: 1, chainId: "stratos-test-1", store, kv: (n) => store.getReader(n) };
  const raw = (method: DescMethod, request: Uint8Array): Uint8Array => {
    const answer = handlers[grpcMethodPath(method)]!(qctx, request);
    if (!(answer instanceof Uint8Array)) throw new Error("async answer");
    return answer;
  };
  const call = <I extends DescMessage, O extends DescMessage>(method: DescMethod & { input: I; output: O }, request: MessageInitShape<I>): MessageShape<O> =>
    fromBinary(method.output, raw(method, toBinary(method.input, create(method.input, request))));
  return { handlers, raw, call };
}

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

const status = (e: unknown): string => (e instanceof QueryError ? `${e.grpcCode}: ${e.desc}` : `not a QueryError: ${String(e)}`);
const coinText = (list: ReadonlyArray<{ denom: string; amount: string }>): string => list.map((c) => `${c.amount}${c.denom}`).join(",");

describe("routes", () => {
  it("every method of the descriptor, at its gRPC path, with the reference's REST paths", () => {
    const { handlers } = client(statePChain());
    expect(Object.keys(handlers).sort()).toEqual(Query.methods.map(grpcMethodPath).sort());
    const rest = Object.fromEntries(Query.methods.map((m) => {
      const rule = getOption(m, http);
      return [m.name, rule.pattern.case === "get" ? rule.pattern.value : ""];
    }));
    expect(rest).toEqual({
      VolumeReport: "/stratos/pot/v1/volume_report/{epoch}",
      RewardsByEpoch: "/stratos/pot/v1/rewards/epoch/{epoch}",
      RewardsByWallet: "/stratos/pot/v1/rewards/wallet/{wallet_address}",
      RewardsByWalletAndEpoch: "/stratos/pot/v1/rewards/wallet/{wallet_address}/epoch/{epoch}",
      SlashingByOwner: "/stratos/pot/v1/slashing/{wallet_address}",
      Params: "/stratos/pot/v1/params",
      TotalMinedToken: "/stratos/pot/v1/total_mined_token",
      CirculationSupply: "/stratos/pot/v1/circulation_supply",
      TotalRewardByEpoch: "/stratos/pot/v1/total_reward/{epoch}",
      Metrics: "/stratos/pot/v1/metrics",
      RewardBreakdown: "/stratos/pot/v1/reward_breakdown/{epoch}",
      MetaNodeBlsKey: "/stratos/pot/v1/meta_node_bls_key/{network_address}",
    });
  });
});

describe("the reference's queries on TV4 (mature_epoch 1, epoch 2 matured)", () => {
  const c = tv4();
  const { call, raw } = client(c);

  it("VolumeReport: epoch 0 = the last distributed epoch; an unknown epoch answers empty strings; a negative one is refused", () => {
    expect(call(Q.volumeReport, { epoch: 0n }).reportInfo).toMatchObject({
      epoch: 2n, reference: "ref-2", reporter: netOf(META[0]!), txHash: Buffer.from(sha256(new Uint8Array())).toString("hex").toUpperCase(),
    });
    expect(call(Q.volumeReport, { epoch: 9n }).reportInfo).toMatchObject({ epoch: 9n, reference: "", txHash: "", reporter: "" });
    expect(status(caught(() => call(Q.volumeReport, { epoch: -1n })))).toBe("InvalidArgument: epoch should be positive value");
  });

  it("RewardsByEpoch(2): the 6 records keyed 3 (not yet matured); epoch 1's are matured and gone", () => {
    const r = call(Q.rewardsByEpoch, { epoch: 2n });
    expect(r.rewards).toHaveLength(6);
    const res1 = r.rewards.find((x) => x.walletAddress === RES[0]!.owner);
    expect([coinText(res1!.rewardFromMiningPool), coinText(res1!.rewardFromTrafficPool)]).toEqual(["24000000000000000000wei", "360149952730wei"]);
    // No pagination: limit 100 and, unlike the SDK pager, no total (the reference's own FilteredPaginate).
    expect(r.pagination?.total).toBe(0n);
    expect(call(Q.rewardsByEpoch, { epoch: 1n }).rewards).toEqual([]);
    expect(status(caught(() => call(Q.rewardsByEpoch, { epoch: 0n })))).toBe("InvalidArgument: epoch cannot be equal to or lower than 0");
  });

  it("RewardsByEpoch pagination: limit, next_key, count_total, key; offset with a key is Internal", () => {
    const all = call(Q.rewardsByEpoch, { epoch: 2n }).rewards.map((r) => r.walletAddress);
    const first = call(Q.rewardsByEpoch, { epoch: 2n, pagination: { limit: 2n, countTotal: true } });
    expect(first.rewards.map((r) => r.walletAddress)).toEqual(all.slice(0, 2));
    expect(first.pagination?.total).toBe(6n);
    expect(first.pagination?.nextKey).toEqual(acc(all[2]!));
    const next = call(Q.rewardsByEpoch, { epoch: 2n, pagination: { key: first.pagination!.nextKey, limit: 2n } });
    expect(next.rewards.map((r) => r.walletAddress)).toEqual(all.slice(2, 4));
    expect(call(Q.rewardsByEpoch, { epoch: 2n, pagination: { limit: 0n, countTotal: true } }).pagination?.total).toBe(6n);
    const both = toBinary(Q.rewardsByEpoch.input, create(Q.rewardsByEpoch.input, { epoch: 2n, pagination: create(PageRequestSchema, { key: new Uint8Array([1]), offset: 1n }) }));
    expect(status(caught(() => raw(Q.rewardsByEpoch, both)))).toBe("Internal: invalid request, either offset or key is expected, got both");
  });

  it("RewardsByEpoch skips a record whose both coin lists are empty: not listed, not counted", () => {
    const d = tv4();
    d.pot.setIndividualReward(d.ctx, 3n, acc(wallet(0x01)), { walletAddress: wallet(0x01), rewardFromMiningPool: Coins.EMPTY, rewardFromTrafficPool: Coins.EMPTY });
    const r = client(d).call(Q.rewardsByEpoch, { epoch: 2n, pagination: { countTotal: true } });
    expect([r.rewards.length, r.pagination?.total]).toEqual([6, 6n]);
  });

  it("RewardsByWalletAndEpoch: the one record; the epoch is checked before the wallet; a bad wallet is a plain error", () => {
    const r = call(Q.rewardsByWalletAndEpoch, { walletAddress: META[1]!.owner, epoch: 2n });
    expect(r.rewards.map((x) => [x.walletAddress, coinText(x.rewardFromMiningPool), coinText(x.rewardFromTrafficPool)])).toEqual([
      [META[1]!.owner, "5333333333333333333wei", "80033322828wei"],
    ]);
    expect(call(Q.rewardsByWalletAndEpoch, { walletAddress: META[1]!.owner, epoch: 1n }).rewards).toEqual([]);
    expect(status(caught(() => call(Q.rewardsByWalletAndEpoch, { walletAddress: "", epoch: 0n })))).toBe("InvalidArgument: epoch cannot be equal to or lower than 0");
    expect(status(caught(() => call(Q.rewardsByWalletAndEpoch, { walletAddress: "", epoch: 1n })))).toBe("InvalidArgument: wallet address cannot be empty");
    const bad = caught(() => call(Q.rewardsByWalletAndEpoch, { walletAddress: "st1xyz", epoch: 1n }));
    expect(bad instanceof Error && !(bad instanceof QueryError) && !(bad instanceof TxError)).toBe(true);
  });

  it("RewardsByWallet: mature and immature totals (TV4 step 3), the canonical address", () => {
    const r = call(Q.rewardsByWallet, { walletAddress: RES[0]!.owner.toUpperCase() }).rewards!;
    expect([r.walletAddress, coinText(r.matureTotalReward), coinText(r.immatureTotalReward)]).toEqual([
      RES[0]!.owner, "23999999135150037838wei", "24000000360149952730wei",
    ]);
    expect(status(caught(() => call(Q.rewardsByWallet, { walletAddress: "" })))).toBe("InvalidArgument: wallet address cannot be empty");
  });

  it("SlashingByOwner: the debt as decimal text, 0 once collected or for a stranger", () => {
    expect(call(Q.slashingByOwner, { walletAddress: RES[0]!.owner }).slashing).toBe("0");
    c.register.keeper.setSlashing(c.ctx, acc(RES[1]!.owner), 77n);
    expect(call(Q.slashingByOwner, { walletAddress: RES[1]!.owner }).slashing).toBe("77");
    expect(call(Q.slashingByOwner, { walletAddress: wallet(0x99) }).slashing).toBe("0");
    expect(status(caught(() => call(Q.slashingByOwner, { walletAddress: "" })))).toBe("InvalidArgument: wallet address cannot be empty");
  });

  it("Params and TotalMinedToken (TV1 after epoch 2)", () => {
    expect(call(Q.params, {}).params).toEqual(potParamsToProto(c.pot.getParams(c.ctx)));
    expect(call(Q.totalMinedToken, {}).totalMinedToken).toMatchObject({ denom: "wei", amount: "159999999999999999998" });
  });

  it("TotalRewardByEpoch: the stored record; none → the empty record with is_legacy (R:); epoch 0 refused", () => {
    const r = call(Q.totalRewardByEpoch, { epoch: 1n });
    expect([coinText(r.totalReward!.miningReward), coinText(r.totalReward!.trafficReward), r.isLegacy]).toEqual([
      "79999999999999999999wei", "1224999946401wei", false,
    ]);
    expect(hexOf(raw(Q.totalRewardByEpoch, toBinary(Q.totalRewardByEpoch.input, create(Q.totalRewardByEpoch.input, { epoch: 9n }))))).toBe("0a001001");
    expect(status(caught(() => call(Q.totalRewardByEpoch, { epoch: 0n })))).toBe("InvalidArgument: epoch should be positive value");
  });

  it("CirculationSupply = supply − (total mining − total mined)", () => {
    // supply 40 000 828 STOS (state P), total mining 40 000 000 STOS, mined 159 999 999 999 999 999 998 wei.
    expect(call(Q.circulationSupply, {}).circulationSupply.map((x) => `${x.amount}${x.denom}`)).toEqual([
      `${828n * STOS + 159_999_999_999_999_999_998n}wei`,
    ]);
  });

  it("Metrics from the state at hand", () => {
    expect(call(Q.metrics, {}).metrics).toMatchObject({
      totalSupply: (40_000_828n * STOS).toString(),
      totalMiningSupply: (40_000_000n * STOS).toString(),
      totalMinedTokens: "159999999999999999998",
      totalResourceNodesDeposit: (5n * STOS).toString(),
      totalBondedDelegation: "0",
      totalUnbondedDelegation: "0",
      totalUnbondingDelegation: "0",
      circulationSupply: (828n * STOS + 159_999_999_999_999_999_998n).toString(),
      totalMiningReward: (80n * STOS).toString(),
      chainMiningReward: (16n * STOS).toString(),
      resourceMiningReward: (48n * STOS).toString(),
      metaMiningReward: (16n * STOS).toString(),
      resourceNodeDeposit: (5n * STOS).toString(),
      metaNodeDeposit: "0", // (sic) the meta NOT-bonded pool
      unissuedPrepay: "19999997550000214385", // Pt after TV1 epoch 2
    });
  });
});

describe("Metrics and CirculationSupply are computed fresh, never cached", () => {
  it("follow a new report, a staking-pool balance and the valve in force", () => {
    const c = tv4();
    const { call } = client(c);
    expect(call(Q.metrics, {}).metrics?.totalMinedTokens).toBe("159999999999999999998");
    report(c, 3n, TV1_VOLUMES);
    expect(call(Q.metrics, {}).metrics?.totalMinedTokens).toBe("239999999999999999997");
    c.bank.keeper.sendCoinsFromAccountToModule(c.ctx, acc(RES[4]!.owner), "bonded_tokens_pool", Coins.of(coin("wei", 7n)));
    expect(call(Q.metrics, {}).metrics?.totalBondedDelegation).toBe("7");
    c.pot.setTotalMinedToken(c.ctx, coin("wei", 16_819_200n * STOS));
    expect(call(Q.metrics, {}).metrics).toMatchObject({ totalMiningReward: (40n * STOS).toString(), chainMiningReward: (8n * STOS).toString(), resourceMiningReward: (24_800n * STOS / 1000n).toString(), metaMiningReward: (7_200n * STOS / 1000n).toString() });
    c.pot.setTotalMinedToken(c.ctx, coin("wei", 40_000_000n * STOS));
    expect(call(Q.metrics, {}).metrics).toMatchObject({ totalMiningReward: "0", chainMiningReward: "0", circulationSupply: (40_000_828n * STOS).toString() });
  });

  it("panic where Go's Coin.Sub panics: a supply below the mining still to come", () => {
    const c = statePChain();
    c.pot.setTotalMinedToken(c.ctx, coin("wei", 0n));
    c.pot.setParams(c.ctx, { ...c.pot.getParams(c.ctx), miningRewardParams: c.pot.getParams(c.ctx).miningRewardParams.map((v) => ({ ...v, totalMinedValveEnd: v.totalMinedValveEnd * 100n })) });
    const e = caught(() => client(c).call(Q.circulationSupply, {}));
    expect(e instanceof TxError && ErrPanic.is(e) ? e.message : String(e)).toBe("negative coin amount: -3959999172000000000000000000wei: panic");
  });
});

describe("this chain's queries", () => {
  it("RewardBreakdown: the audit, filtered to one wallet, matured once matured_epoch reaches its mature epoch", () => {
    const c = tv4();
    const { call } = client(c);
    const one = call(Q.rewardBreakdown, { epoch: 1n });
    expect([one.epoch, one.matured, one.audit?.matureEpoch, one.audit?.rewards.length]).toEqual([1n, true, "2", 6]);
    expect(one.audit).toMatchObject({ effectiveTotalDeposit: (8n * STOS).toString(), unissuedPrepay: (20n * STOS).toString(), remainingOzoneLimit: "2285714285715", totalVolume: "100000", trafficReward: "1224999946405869532259956129398", metaNodeCount: "3", reporter: netOf(META[0]!) });
    const two = call(Q.rewardBreakdown, { epoch: 2n, walletAddress: RES[2]!.owner.toUpperCase() });
    expect([two.matured, two.audit?.rewards.map((r) => [r.walletAddress, coinText(r.rewardFromTrafficPool)])]).toEqual([false, [[RES[2]!.owner, "144059981092wei"]]]);
    expect(call(Q.rewardBreakdown, { epoch: 2n, walletAddress: wallet(0x99) }).audit?.rewards).toEqual([]);
    expect(status(caught(() => call(Q.rewardBreakdown, { epoch: 3n })))).toBe("NotFound: no reward audit for epoch 3");
    expect(status(caught(() => call(Q.rewardBreakdown, { epoch: 0n })))).toBe("InvalidArgument: epoch should be positive value");
  });

  it("RewardBreakdown: NotFound for epochs reported in referenceQuirks mode (no audit written)", () => {
    const { call } = client(tv4(true));
    expect(status(caught(() => call(Q.rewardBreakdown, { epoch: 1n })))).toBe("NotFound: no reward audit for epoch 1");
  });

  it("MetaNodeBlsKey: the registered key, or NotFound", () => {
    const c = statePChain();
    const { call } = client(c);
    const key = blsPublicKey(META_BLS[1]!);
    c.pot.setMetaNodeBlsKey(c.ctx, parseBech32Address(netOf(META[1]!), BECH32_PREFIX.sds), key);
    expect(call(Q.metaNodeBlsKey, { networkAddress: netOf(META[1]!) }).pubKey).toEqual(key);
    expect(status(caught(() => call(Q.metaNodeBlsKey, { networkAddress: netOf(META[0]!) })))).toBe(`NotFound: meta node ${netOf(META[0]!)} has no registered BLS key`);
    expect(status(caught(() => call(Q.metaNodeBlsKey, { networkAddress: "" })))).toBe("InvalidArgument: network address cannot be empty");
  });
});
