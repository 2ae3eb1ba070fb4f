/**
 * pot genesis: the reference's format (mainnet's pot section), validation at InitChain with paths,
 * InitGenesis as §8 (field 6 at last_distributed_epoch + mature_epoch, field 9 at its own epochs, the
 * epoch index, BLS keys, audits, the supply check), and the export/import round trip rebuilding the
 * pot store key for key after real reports, a maturity and a withdrawal.
 */
import { describe, expect, it } from "vitest";
import { buildAppState, type GenesisSpec } from "../../node/genesisBuilder.js";
import { BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { blsPublicKey } from "../../crypto/bls/index.js";
import { Coins, coin } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { GenesisError } from "../auth/protoJson.js";
import { matureEpochs } from "./endBlock.js";
import { parsePotGenesis } from "./genesis.js";
import { POT_ACCOUNT } from "./keeper.js";
import { rewardEpochIndexKey } from "./keys.js";
import { DEFAULT_POT_PARAMS } from "./params.js";
import {
  META, META_BLS, RES, STOS, exportAppState, netOf, potStoreDump, report, startChain, statePChain, statePSpec, wallet, withdraw,
} from "./potChain.testing.js";

const acc = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.account);
const wei = (n: bigint) => [{ denom: "wei", amount: n.toString() }];
const TV1_VOLUMES = [[RES[0]!.owner, 50_000n], [RES[1]!.owner, 30_000n], [RES[2]!.owner, 20_000n]] as const;

/** app_state.pot of stratosnet/mainnet genesis/genesis.json (stratos-1, v0.12; spec-chain §11), verbatim but for whitespace. */
const MAINNET_POT = {
  params: {
    bond_denom: "wei", reward_denom: "wei", mature_epoch: "2016",
    mining_reward_params: [
      ["0", "16819200000000000000000000", "80000000000000000000", "2000", "6000", "2000"],
      ["16819200000000000000000000", "25228800000000000000000000", "40000000000000000000", "2000", "6200", "1800"],
      ["25228800000000000000000000", "29433600000000000000000000", "20000000000000000000", "2000", "6400", "1600"],
      ["29433600000000000000000000", "31536000000000000000000000", "10000000000000000000", "2000", "6600", "1400"],
      ["31536000000000000000000000", "32587200000000000000000000", "5000000000000000000", "2000", "6800", "1200"],
      ["32587200000000000000000000", "40000000000000000000000000", "2500000000000000000", "2000", "7000", "1000"],
    ].map(([start, end, reward, chain, res, meta]) => ({
      total_mined_valve_start: { denom: "wei", amount: start }, total_mined_valve_end: { denom: "wei", amount: end },
      mining_reward: { denom: "wei", amount: reward },
      block_chain_percentage_in_bp: chain, resource_node_percentage_in_bp: res, meta_node_percentage_in_bp: meta,
    })),
    community_tax: "0.010000000000000000",
    initial_total_supply: { denom: "wei", amount: "100000000000000000000000000" },
  },
  total_mined_token: { denom: "wei", amount: "1000000000000000000000000" },
  last_distributed_epoch: "0",
  immature_total_info: [],
  mature_total_info: [],
  individual_reward_info: [],
  matured_epoch: "0",
};

/** State P's app_state with pot fields replaced (and optional extra module balances). */
function stateWith(pot: Record<string, unknown>, spec: Partial<GenesisSpec> = {}): Record<string, unknown> {
  const base = statePSpec(spec);
  const state = buildAppState(base);
  return { ...state, pot: { ...(state.pot as Record<string, unknown>), ...pot } };
}

function genesisError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof GenesisError) return e.message;
    throw e;
  }
  throw new Error("expected a GenesisError");
}

describe("the reference's format", () => {
  it("reads mainnet's pot section (community tax 1 %, 1 M STOS pre-counted)", () => {
    const g = parsePotGenesis(MAINNET_POT);
    expect(g.params).toEqual({ ...DEFAULT_POT_PARAMS, communityTax: Dec.parse("0.01") });
    expect(g.totalMinedToken).toEqual({ denom: "wei", amount: 10n ** 24n });
    expect([g.lastDistributedEpoch, g.maturedEpoch, g.individualRewards, g.totalRewards, g.blsKeys, g.rewardAudits]).toEqual([0n, 0n, [], [], [], []]);
  });

  it("applies it on a chain whose supply is below the limit, and the invariants hold", () => {
    const c = startChain(stateWith(MAINNET_POT));
    expect(c.pot.getParams(c.ctx).communityTax.toString()).toBe("0.010000000000000000");
    expect(c.pot.getTotalMinedToken(c.ctx)).toEqual({ denom: "wei", amount: 10n ** 24n });
    expect(c.broken()).toEqual({});
  });

  it("buildAppState's pot section: default params, initial_total_supply = the genesis supply", () => {
    const state = buildAppState(statePSpec());
    const g = parsePotGenesis(state.pot);
    expect(g.params).toEqual({ ...DEFAULT_POT_PARAMS, initialTotalSupply: { denom: "wei", amount: 40_000_828n * STOS } });
    expect(parsePotGenesis(buildAppState(statePSpec({ pot: { params: { mature_epoch: "1" } } })).pot).params.matureEpoch).toBe(1n);
  });

  it("a missing section leaves pot without params (the module skips InitGenesis)", () => {
    const { pot: _pot, ...state } = buildAppState(statePSpec());
    const c = startChain(state);
    expect(c.pot.getParams(c.ctx).bondDenom).toBe("");
    expect(c.broken()).toEqual({});
    // Nothing to export either: the export imports again.
    expect(exportAppState(c).pot).toBeUndefined();
    const d = startChain(exportAppState(c));
    expect(d.pot.getParams(d.ctx).bondDenom).toBe("");
  });
});

describe("validation at InitChain (§8 R:)", () => {
  const bad: ReadonlyArray<readonly [string, Record<string, unknown>, RegExp]> = [
    ["an unknown field", { foo: 1 }, /^pot: .*foo/],
    ["missing params", { params: null }, /^pot\.params: missing/],
    ["mature_epoch 0", { params: { ...MAINNET_POT.params, mature_epoch: "0" } }, /^pot\.params: mature epoch must be positive: 0: the value of epoch/],
    ["community tax above 1", { params: { ...MAINNET_POT.params, community_tax: "1.5" } }, /^pot\.params: community tax must be between 0 and 1/],
    ["a community tax that is no decimal", { params: { ...MAINNET_POT.params, community_tax: "x" } }, /^pot\.params\.community_tax: Dec\.parse/],
    ["a bp that is no integer", { params: { ...MAINNET_POT.params, mining_reward_params: [{ ...MAINNET_POT.params.mining_reward_params[0], meta_node_percentage_in_bp: "1.5" }] } }, /^pot\.params\.mining_reward_params\[0\]\.meta_node_percentage_in_bp: /],
    ["no valves", { params: { ...MAINNET_POT.params, mining_reward_params: [] } }, /^pot\.params: at least one mining reward param/],
    ["initial_total_supply in another denom", { params: { ...MAINNET_POT.params, initial_total_supply: { denom: "ustos", amount: "1" } } }, /^pot\.params\.initial_total_supply\.denom: must be the bond denom wei/],
    ["total_mined_token in another denom", { total_mined_token: { denom: "ustos", amount: "0" } }, /^pot\.total_mined_token\.denom: must be the reward denom wei/],
    ["a negative total_mined_token", { total_mined_token: { denom: "wei", amount: "-1" } }, /^pot\.total_mined_token\.amount: must not be negative/],
    ["a negative last_distributed_epoch", { last_distributed_epoch: "-1" }, /^pot\.last_distributed_epoch: must be at least 0, got -1/],
    ["a bad wallet", { immature_total_info: [{ wallet_address: "st1bad", value: [] }] }, /^pot\.immature_total_info\[0\]\.wallet_address: /],
    ["unsorted coins", { mature_total_info: [{ wallet_address: wallet(1), value: [{ denom: "wei", amount: "1" }, { denom: "ustos", amount: "1" }] }] }, /^pot\.mature_total_info\[0\]\.value: denomination ustos is not sorted/],
    ["a zero coin", { mature_total_info: [{ wallet_address: wallet(1), value: wei(0n) }] }, /^pot\.mature_total_info\[0\]\.value: coin 0wei amount is not positive/],
    ["a wallet listed twice", { mature_total_info: [{ wallet_address: wallet(1), value: [] }, { wallet_address: wallet(1), value: [] }] }, /^pot\.mature_total_info\[1\]\.wallet_address: .* is already listed at pot\.mature_total_info\[0\]/],
    ["an individual reward at epoch 0", { individual_rewards: [{ mature_epoch: "0", reward: { wallet_address: wallet(1) } }] }, /^pot\.individual_rewards\[0\]\.mature_epoch: must be at least 1/],
    ["an individual reward that would never mature", { matured_epoch: "5", individual_rewards: [{ mature_epoch: "5", reward: { wallet_address: wallet(1) } }] }, /^pot\.individual_rewards\[0\]\.mature_epoch: a reward maturing at epoch 5 would never mature/],
    ["an individual reward beyond the uint64 index", { individual_rewards: [{ mature_epoch: (1n << 64n).toString(), reward: { wallet_address: wallet(1) } }] }, /beyond the uint64 epoch index/],
    ["two rewards of one wallet at one epoch", {
      last_distributed_epoch: "10",
      individual_reward_info: [{ wallet_address: wallet(1) }],
      individual_rewards: [{ mature_epoch: "2026", reward: { wallet_address: wallet(1) } }],
    }, /^pot\.individual_rewards\[0\]\.reward: .* already has a reward maturing at epoch 2026 \(pot\.individual_reward_info\[0\]\)/],
    ["a total reward at epoch 0", { reward_total_info: [{ epoch: "0", total_reward: {} }] }, /^pot\.reward_total_info\[0\]\.epoch: must be at least 1/],
    ["a total reward listed twice", { reward_total_info: [{ epoch: "3" }, { epoch: "3" }] }, /^pot\.reward_total_info\[1\]\.epoch: epoch 3 is already listed/],
    ["a BLS key that is no point", { meta_node_bls_keys: [{ network_address: netOf(META[0]!), pub_key: Buffer.alloc(33, 1).toString("base64") }] }, /^pot\.meta_node_bls_keys\[0\]\.pub_key: decodePoint/],
    ["a BLS key on a bad address", { meta_node_bls_keys: [{ network_address: META[0]!.owner, pub_key: "" }] }, /^pot\.meta_node_bls_keys\[0\]\.network_address: /],
    ["an audit with a bad Dec", { reward_audits: [{ epoch: "1", audit: { traffic_reward: "1.2.3" } }] }, /^pot\.reward_audits\[0\]\.audit\.traffic_reward: /],
    ["an audit without its record", { reward_audits: [{ epoch: "1" }] }, /^pot\.reward_audits\[0\]\.audit: missing/],
  ];
  it.each(bad)("refuses %s", (_name, pot, message) => {
    expect(genesisError(() => startChain(stateWith(pot)))).toMatch(message);
  });

  it("refuses a bank supply above initial_total_supply (§8 step 5, the reference's text)", () => {
    const pot = { params: { ...MAINNET_POT.params, initial_total_supply: { denom: "wei", amount: "1000" } } };
    expect(genesisError(() => startChain(stateWith(pot)))).toBe(
      "pot.params.initial_total_supply: current total supply[40000828000000000000000000wei] is greater than total supply limit[1000wei]",
    );
  });

  it("refuses a BLS key given to two meta nodes", () => {
    const key = Buffer.from(blsPublicKey(META_BLS[0]!)).toString("base64");
    const pot = { meta_node_bls_keys: [{ network_address: netOf(META[0]!), pub_key: key }, { network_address: netOf(META[1]!), pub_key: key }] };
    expect(genesisError(() => startChain(stateWith(pot)))).toMatch(/^pot\.meta_node_bls_keys\[1\]\.pub_key: the key is already registered at pot\.meta_node_bls_keys\[0\]/);
  });

  it("refuses totals the total_reward_pool does not hold (an invariant after InitGenesis)", () => {
    const pot = {
      immature_total_info: [{ wallet_address: wallet(1), value: wei(5n) }],
      individual_rewards: [{ mature_epoch: "2017", reward: { wallet_address: wallet(1), reward_from_traffic_pool: wei(5n) } }],
    };
    expect(genesisError(() => startChain(stateWith(pot)))).toMatch(
      /^pot: inconsistent genesis: reward-pool-balance: total_reward_pool holds nothing but the mature and immature totals add up to 5wei$/,
    );
    expect(() => startChain(stateWith(pot, { moduleBalances: { ...statePSpec().moduleBalances, total_reward_pool: 5n } }))).not.toThrow();
  });

  it("refuses the reference's own export of immature rewards with reward_denom = bond_denom (§8 QUIRK), with a hint", () => {
    // ExportGenesis synthesises one record per wallet holding the whole immature total in BOTH fields.
    const pot = {
      last_distributed_epoch: "7",
      immature_total_info: [{ wallet_address: wallet(1), value: wei(5n) }],
      individual_reward_info: [{ wallet_address: wallet(1), reward_from_mining_pool: wei(5n), reward_from_traffic_pool: wei(5n) }],
    };
    const message = genesisError(() => startChain(stateWith(pot, { moduleBalances: { ...statePSpec().moduleBalances, total_reward_pool: 5n } })));
    expect(message).toMatch(/immature-totals: the immature total of st1.* is 5wei but its individual rewards add up to 10wei/);
    expect(message).toMatch(/keep it in one field\)$/);
  });
});

describe("InitGenesis (§8)", () => {
  const W1 = wallet(1);
  const W2 = wallet(2);
  const funded = { moduleBalances: { ...statePSpec().moduleBalances, total_reward_pool: 40n } };

  it("stores field 6 at last_distributed_epoch + mature_epoch and field 9 at its own epochs, indexed", () => {
    const c = startChain(stateWith({
      last_distributed_epoch: "7",
      matured_epoch: "3",
      immature_total_info: [{ wallet_address: W1, value: wei(15n) }, { wallet_address: W2, value: wei(20n) }],
      mature_total_info: [{ wallet_address: W1, value: wei(5n) }, { wallet_address: W2, value: [] }],
      individual_reward_info: [{ wallet_address: W1, reward_from_mining_pool: wei(10n), reward_from_traffic_pool: [] }],
      individual_rewards: [
        { mature_epoch: "9", reward: { wallet_address: W1.toUpperCase(), reward_from_traffic_pool: wei(5n) } },
        { mature_epoch: "2023", reward: { wallet_address: W2, reward_from_mining_pool: wei(20n) } },
      ],
      reward_total_info: [{ epoch: "7", total_reward: { mining_reward: wei(30n), traffic_reward: wei(5n) } }],
    }, funded));
    const k = c.pot;
    expect(k.getIndividualReward(c.ctx, 2023n, acc(W1))).toEqual({ walletAddress: W1, rewardFromMiningPool: Coins.of(coin("wei", 10n)), rewardFromTrafficPool: Coins.EMPTY });
    // Stored with the canonical (lower-case) text.
    expect(k.getIndividualReward(c.ctx, 9n, acc(W1))?.walletAddress).toBe(W1);
    expect(k.getIndividualReward(c.ctx, 2023n, acc(W2))?.rewardFromMiningPool).toEqual(Coins.of(coin("wei", 20n)));
    expect([...k.rewardEpochs(c.ctx, -1n)]).toEqual([9n, 2023n]);
    expect(k.getMatureTotal(c.ctx, acc(W2))).toEqual(Coins.EMPTY);
    expect(c.ctx.kv("pot").has(Uint8Array.of(0x04, ...acc(W2)))).toBe(true); // the empty total is written
    expect([k.getLastDistributedEpoch(c.ctx), k.getMaturedEpoch(c.ctx)]).toEqual([7n, 3n]);
    expect(k.getTotalReward(c.ctx, 7n)).toEqual({ miningReward: Coins.of(coin("wei", 30n)), trafficReward: Coins.of(coin("wei", 5n)) });
    expect(c.ctx.kv("pot").has(rewardEpochIndexKey(2023n))).toBe(true);
    expect(c.broken()).toEqual({});
  });

  it("stores BLS keys both ways and audits with their Decs in binary form", () => {
    const key = blsPublicKey(META_BLS[0]!);
    const c = startChain(stateWith({
      meta_node_bls_keys: [{ network_address: netOf(META[0]!), pub_key: Buffer.from(key).toString("base64") }],
      reward_audits: [{ epoch: "4", audit: { traffic_reward: "1.5", community_tax: "0.020000000000000000", total_volume: "0x10", rewards: [{ wallet_address: W1 }], mature_epoch: "2020" } }],
    }));
    const node = parseBech32Address(netOf(META[0]!), BECH32_PREFIX.sds);
    expect(c.pot.getMetaNodeBlsKey(c.ctx, node)).toEqual(key);
    expect(c.pot.getBlsKeyOwner(c.ctx, key)).toEqual(node);
    const audit = c.pot.getRewardAudit(c.ctx, 4n);
    expect([audit?.trafficReward, audit?.communityTax, audit?.totalVolume, audit?.matureEpoch, audit?.rewards[0]?.walletAddress]).toEqual([
      "1500000000000000000", "20000000000000000", "16", "2020", W1,
    ]);
  });
});

describe("export and the round trip", () => {
  /** TV1 with mature_epoch 1: reports 1 and 2, epoch 2 matured (RES1 slashed), RES2 withdrew part, META2 all, a BLS key. */
  function lived() {
    const c = statePChain({ pot: { params: { mature_epoch: "1" } } });
    c.register.keeper.setSlashing(c.ctx, acc(RES[0]!.owner), 1_224_999_946_405n);
    report(c, 1n, TV1_VOLUMES);
    report(c, 2n, TV1_VOLUMES);
    expect(matureEpochs(c.pot, c.ctx)).toBeUndefined();
    expect(c.pot.getMatureTotal(c.ctx, acc(RES[0]!.owner))).toEqual(Coins.of(coin("wei", 23_999_999_135_150_037_838n))); // TV4 step 3
    withdraw(c, RES[1]!.owner, 1_000n, wallet(0x77));
    withdraw(c, META[1]!.owner, 5_333_333_413_366_663_164n, wallet(0x77)); // its whole mature total: an empty record stays
    c.pot.setMetaNodeBlsKey(c.ctx, parseBech32Address(netOf(META[2]!), BECH32_PREFIX.sds), blsPublicKey(META_BLS[2]!));
    expect(c.broken()).toEqual({});
    return c;
  }

  it("writes the real records to field 9, leaves field 6 empty, and keeps Decs in JSON form", () => {
    const c = lived();
    const pot = exportAppState(c).pot as Record<string, unknown>;
    expect(pot.individual_reward_info).toEqual([]);
    const records = pot.individual_rewards as Array<{ mature_epoch: string; reward: { wallet_address: string } }>;
    expect(records.map((r) => r.mature_epoch)).toEqual(Array(6).fill("3"));
    expect(pot.matured_epoch).toBe("2");
    expect(pot.last_distributed_epoch).toBe("2");
    expect((pot.params as Record<string, unknown>).community_tax).toBe("0.020000000000000000");
    const audits = pot.reward_audits as Array<{ epoch: string; audit: { traffic_reward: string; community_tax: string } }>;
    expect(audits.map((a) => [a.epoch, a.audit.traffic_reward, a.audit.community_tax])).toEqual([
      ["1", "1224999946405.869532259956129398", "0.020000000000000000"],
      ["2", "1224999839218.383600897929176556", "0.020000000000000000"],
    ]);
    const empty = (pot.mature_total_info as Array<{ wallet_address: string; value: unknown[] }>).find((t) => t.wallet_address === META[1]!.owner);
    expect(empty?.value).toEqual([]);
    expect(pot.meta_node_bls_keys).toEqual([{ network_address: netOf(META[2]!), pub_key: Buffer.from(blsPublicKey(META_BLS[2]!)).toString("base64") }]);
  });

  it("InitChain(export(state)) rebuilds the pot store key for key (but the volume reports 0x06, which no genesis carries)", () => {
    const c = lived();
    const exported = exportAppState(c);
    const d = startChain(exported);
    expect(potStoreDump(d, [0x06])).toEqual(potStoreDump(c, [0x06]));
    expect(Object.keys(potStoreDump(c)).filter((k) => k.startsWith("06"))).toHaveLength(2);
    expect(d.broken()).toEqual({});
    expect(d.pot.moduleBalance(d.ctx, POT_ACCOUNT.totalRewardPool, "wei")).toBe(c.pot.moduleBalance(c.ctx, POT_ACCOUNT.totalRewardPool, "wei"));
    // And the export of the import is the same document.
    expect(exportAppState(d).pot).toEqual(exported.pot);
    // The imported chain goes on maturing: report 3 matures epoch 3's records.
    report(d, 3n, TV1_VOLUMES);
    expect(matureEpochs(d.pot, d.ctx)).toBeUndefined();
    expect(d.pot.getMaturedEpoch(d.ctx)).toBe(3n);
    expect(d.broken()).toEqual({});
  });

  it("a chain that never ran pot exports what InitGenesis wrote", () => {
    const c = statePChain();
    const pot = exportAppState(c).pot as Record<string, unknown>;
    expect(parsePotGenesis(pot).params).toEqual(c.pot.getParams(c.ctx));
    expect(potStoreDump(startChain(exportAppState(c)))).toEqual(potStoreDump(c));
  });
});
