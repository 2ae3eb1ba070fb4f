/**
 * Distribution genesis (spec-staking §2.8): mainnet's genesis imports and exports as written; an export
 * of a busy state (validators, delegations, allocations, slashes, withdraw addresses, fractions in the
 * community pool) imports into a fresh chain and exports again identically, key for key; bad files are
 * refused at InitChain with a message naming the field.
 */
import { describe, expect, it } from "vitest";
import { ed25519Address } from "../../crypto/ed25519.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import { acc, DistributionChain, distributionGenesisJson, STOS, valoper } from "./chain.testing.js";
import { parseDistributionGenesis } from "./genesis.js";
import { DISTRIBUTION_STORE_KEY } from "./keys.js";

const V = new Uint8Array(20).fill(0x11);
const V_KEY = new Uint8Array(32).fill(0x51);
const V2 = new Uint8Array(20).fill(0x12);
const V2_KEY = new Uint8Array(32).fill(0x52);
const D = new Uint8Array(20).fill(0xd1);
const W = new Uint8Array(20).fill(0xd9);
const PAYER = new Uint8Array(20).fill(0xfe);

const exported = (c: DistributionChain): Record<string, unknown> =>
  JSON.parse(JSON.stringify(c.distribution.module.exportGenesis?.(c.context()))) as Record<string, unknown>;
const storeDump = (c: DistributionChain): string[] =>
  [...c.store.getReader(DISTRIBUTION_STORE_KEY).iterator()].map(({ key, value }) => `${hexOf(key)}=${hexOf(value)}`);

function busyChain(): DistributionChain {
  const c = new DistributionChain({
    communityTax: "0.02",
    accounts: [V, V2, D].map((address) => ({ address, balance: 1_000n * STOS })).concat([{ address: PAYER, balance: 1_000_000n * STOS }]),
  });
  c.createValidator({ operator: V, consensusPubKey: V_KEY, rate: Dec.parse("0.123456789012345678"), selfBond: 100n * STOS });
  c.createValidator({ operator: V2, consensusPubKey: V2_KEY, rate: Dec.ZERO, selfBond: 3n * STOS });
  c.height = 3n;
  c.delegate(D, V, 7_777_777_777_777_777_777n);
  c.run((ctx) => c.distribution.keeper.setWithdrawAddr(ctx, D, W));
  const votes = [{ validatorAddress: ed25519Address(V_KEY), power: 107n }, { validatorAddress: ed25519Address(V2_KEY), power: 3n }];
  c.collectFees(PAYER, 1_234_567_890_123_456_789n);
  c.beginBlock(4n, votes, ed25519Address(V2_KEY));
  c.height = 5n;
  c.run((ctx) => c.staking.slash(ctx, ed25519Address(V_KEY), 107n, Dec.parse("0.0002")));
  c.collectFees(PAYER, 999_999_999n);
  c.beginBlock(6n, votes, ed25519Address(V_KEY));
  c.height = 7n;
  c.delegate(D, V, 1_000_000_000_000_000n);
  return c;
}

describe("distribution genesis", () => {
  it("mainnet's genesis imports as written and exports the same JSON", () => {
    const c = new DistributionChain({ accounts: [] });
    expect(exported(c)).toEqual(distributionGenesisJson());
    expect(c.brokenInvariants()).toEqual({});
    // InitGenesis created the module account in auth.
    expect(c.auth.keeper.getAccount(c.context(), moduleAddress("distribution"))?.module?.name).toBe("distribution");
  });

  it("a busy state round-trips: export → InitGenesis on a fresh chain → the same export and the same store", () => {
    const a = busyChain();
    const first = exported(a);
    expect(first.previous_proposer).toMatch(/^stvalcons1/);
    expect((first.validator_slash_events as unknown[]).length).toBe(1);
    expect((first.delegator_withdraw_infos as unknown[])).toEqual([{ delegator_address: acc(D), withdraw_address: acc(W) }]);
    expect((first.outstanding_rewards as Array<{ validator_address: string }>).map((r) => r.validator_address)).toEqual([valoper(V), valoper(V2)]);
    const moduleBalance = a.balance(moduleAddress("distribution"));
    const b = new DistributionChain({ accounts: [], distributionGenesis: first, moduleBalances: { distribution: moduleBalance } });
    expect(exported(b)).toEqual(first);
    expect(storeDump(b)).toEqual(storeDump(a));
  });

  it("an export writes the empty outstanding and commission records of validators that have distribution state", () => {
    const c = new DistributionChain({ accounts: [{ address: V, balance: 10n * STOS }] });
    c.createValidator({ operator: V, consensusPubKey: V_KEY, rate: Dec.parse("0.1"), selfBond: STOS });
    const g = exported(c);
    expect(g.outstanding_rewards).toEqual([{ validator_address: valoper(V), outstanding_rewards: [] }]);
    expect(g.validator_accumulated_commissions).toEqual([{ validator_address: valoper(V), accumulated: { commission: [] } }]);
    expect(g.validator_historical_rewards).toEqual([{ validator_address: valoper(V), period: "1", rewards: { cumulative_reward_ratio: [], reference_count: 2 } }]);
    expect(g.validator_current_rewards).toEqual([{ validator_address: valoper(V), rewards: { rewards: [], period: "2" } }]);
    expect(g.delegator_starting_infos).toEqual([{
      delegator_address: acc(V), validator_address: valoper(V),
      starting_info: { previous_period: "1", stake: "1000000000000000000.000000000000000000", height: "0" },
    }]);
  });

  it.each([
    { name: "no params", patch: { params: undefined }, error: /distribution\.params: missing/ },
    { name: "community tax above 1", patch: { params: { community_tax: "1.5", withdraw_addr_enabled: true } }, error: /community tax should be non-negative and less than one: 1\.500000000000000000/ },
    { name: "community tax missing", patch: { params: { withdraw_addr_enabled: true } }, error: /distribution\.params\.community_tax: missing decimal/ },
    { name: "negative community pool", patch: { fee_pool: { community_pool: [{ denom: "wei", amount: "-1" }] } }, error: /community_pool\[0\]: negative amount/ },
    { name: "bad delegator", patch: { delegator_withdraw_infos: [{ delegator_address: "st1bad", withdraw_address: acc(W) }] }, error: /delegator_withdraw_infos\[0\]\.delegator_address/ },
    { name: "operator as account", patch: { outstanding_rewards: [{ validator_address: acc(V), outstanding_rewards: [] }] }, error: /outstanding_rewards\[0\]\.validator_address: .*expected stvaloper/ },
    { name: "bad previous proposer", patch: { previous_proposer: valoper(V) }, error: /previous_proposer: .*expected stvalcons/ },
    { name: "slash fraction above 1", patch: { validator_slash_events: [{ validator_address: valoper(V), height: "1", period: "1", validator_slash_event: { validator_period: "1", fraction: "1.1" } }] }, error: /within \[0, 1\]/ },
    { name: "missing starting info", patch: { delegator_starting_infos: [{ delegator_address: acc(D), validator_address: valoper(V) }] }, error: /starting_info: missing/ },
    { name: "unknown field", patch: { surprise: true }, error: /distribution: unknown field "surprise"/ },
    { name: "duplicate denoms", patch: { fee_pool: { community_pool: [{ denom: "wei", amount: "1" }, { denom: "wei", amount: "2" }] } }, error: /duplicate denomination wei/ },
    { name: "bad decimal", patch: { fee_pool: { community_pool: [{ denom: "wei", amount: "1.0000000000000000001" }] } }, error: /community_pool\[0\]\.amount/ },
  ])("refuses $name", ({ patch, error }) => {
    const g = { ...distributionGenesisJson(), ...patch } as Record<string, unknown>;
    if ("params" in patch && patch.params === undefined) delete g.params;
    expect(() => parseDistributionGenesis(g)).toThrow(error);
  });

  it("refuses a module balance that does not match community pool + outstanding rewards", () => {
    const g = { ...distributionGenesisJson(), fee_pool: { community_pool: [{ denom: "wei", amount: "10.5" }] } };
    expect(() => new DistributionChain({ accounts: [], distributionGenesis: g })).toThrow("distribution module balance does not match the module holdings:  <-> 10wei");
    expect(() => new DistributionChain({ accounts: [], distributionGenesis: g, moduleBalances: { distribution: 10n } })).not.toThrow();
  });
});
