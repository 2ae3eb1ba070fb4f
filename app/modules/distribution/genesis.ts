/**
 * Distribution genesis (spec-staking §2.8; SDK v0.47 `keeper/genesis.go`, `types/genesis.go`): the
 * proto-JSON `GenesisState` read strictly (a bad field is a GenesisError naming its JSON path),
 * validated at InitChain, stored as the reference stores it, and exported as its jsonpb writes it.
 *
 * Beyond the reference (docs/deviations.md, "distribution"): every address must parse and every
 * record must be well formed (the reference panics half-way through InitGenesis or stores garbage);
 * a missing Dec (Go's nil) is refused where the reference would dereference it. Empty outstanding and
 * commission records are not stored (keeper.ts); export writes one for every validator that has
 * distribution state, as the reference's records would be.
 */
import type { Context, ReadContext } from "../../baseapp/context.js";
import { type Coins, type DecCoin, DecCoins } from "../../math/coins.js";
import { Dec, DecParseError } from "../../math/dec.js";
import { compareBytes, hexOf } from "../../store/bytes.js";
import { AddressError } from "../../crypto/address.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";
import { accString, parseAcc, parseValcons, parseValoper, valconsString, valoperString } from "./addresses.js";
import type { DistributionKeeper } from "./keeper.js";
import { DISTRIBUTION_MODULE_NAME, lengthPrefixed } from "./keys.js";
import { validateDistributionParams } from "./params.js";
import type { CurrentRewards, DistributionParams, HistoricalRewards, SlashEvent, StartingInfo } from "./types.js";

/** The `distribution` part of `app_state`, parsed and validated (addresses as raw bytes). */
export interface DistributionGenesis {
  readonly params: DistributionParams;
  readonly communityPool: DecCoins;
  readonly withdrawInfos: readonly { readonly delegator: Uint8Array; readonly withdrawAddress: Uint8Array }[];
  readonly previousProposer: Uint8Array;
  readonly outstandingRewards: readonly { readonly validator: Uint8Array; readonly rewards: DecCoins }[];
  readonly accumulatedCommissions: readonly { readonly validator: Uint8Array; readonly commission: DecCoins }[];
  readonly historicalRewards: readonly { readonly validator: Uint8Array; readonly period: bigint; readonly rewards: HistoricalRewards }[];
  readonly currentRewards: readonly { readonly validator: Uint8Array; readonly rewards: CurrentRewards }[];
  readonly startingInfos: readonly { readonly delegator: Uint8Array; readonly validator: Uint8Array; readonly info: StartingInfo }[];
  readonly slashEvents: readonly { readonly validator: Uint8Array; readonly height: bigint; readonly period: bigint; readonly event: SlashEvent }[];
}

const ROOT = "distribution";

/**
 * stratos-1's distribution genesis (spec-staking §2.8): community tax 0, the deprecated proposer
 * rewards at 0.01 / 0.04 as mainnet has them, withdraw addresses enabled, nothing else.
 */
export function mainnetDistributionGenesisJson(communityTax = "0.000000000000000000"): Record<string, unknown> {
  return {
    params: { community_tax: communityTax, base_proposer_reward: "0.010000000000000000", bonus_proposer_reward: "0.040000000000000000", withdraw_addr_enabled: true },
    fee_pool: { community_pool: [] },
    delegator_withdraw_infos: [],
    previous_proposer: "",
    outstanding_rewards: [],
    validator_accumulated_commissions: [],
    validator_historical_rewards: [],
    validator_current_rewards: [],
    delegator_starting_infos: [],
    validator_slash_events: [],
  };
}

// ================================================================================================
// Parsing
// ================================================================================================

/** Parses and validates the `distribution` part of `app_state`. @throws GenesisError naming the problem. */
export function parseDistributionGenesis(json: unknown): DistributionGenesis {
  const root = JsonFields.of(json, ROOT);
  const list = <T>(name: string, read: (f: JsonFields) => T): T[] =>
    root.array(name).map((v, i) => {
      const f = JsonFields.of(v, `${root.pathOf(name)}[${i}]`);
      const out = read(f);
      f.finish();
      return out;
    });
  const feePool = root.object("fee_pool");
  const genesis: DistributionGenesis = {
    params: paramsFromJson(root.object("params"), root.pathOf("params")),
    communityPool: feePool === undefined ? DecCoins.EMPTY : decCoinsField(feePool, "community_pool"),
    withdrawInfos: list("delegator_withdraw_infos", (f) => ({
      delegator: addressField(f, "delegator_address", parseAcc),
      withdrawAddress: addressField(f, "withdraw_address", parseAcc),
    })),
    previousProposer: root.string("previous_proposer") === "" ? new Uint8Array() : addressField(root, "previous_proposer", parseValcons),
    outstandingRewards: list("outstanding_rewards", (f) => ({
      validator: addressField(f, "validator_address", parseValoper),
      rewards: decCoinsField(f, "outstanding_rewards"),
    })),
    accumulatedCommissions: list("validator_accumulated_commissions", (f) => {
      const validator = addressField(f, "validator_address", parseValoper);
      const accumulated = f.object("accumulated");
      const commission = accumulated === undefined ? DecCoins.EMPTY : decCoinsField(accumulated, "commission");
      accumulated?.finish();
      return { validator, commission };
    }),
    historicalRewards: list("validator_historical_rewards", (f) => {
      const validator = addressField(f, "validator_address", parseValoper);
      const period = f.uint64("period");
      const r = f.object("rewards");
      const rewards: HistoricalRewards = {
        cumulativeRewardRatio: r === undefined ? DecCoins.EMPTY : decCoinsField(r, "cumulative_reward_ratio"),
        referenceCount: r === undefined ? 0 : r.uint32("reference_count"),
      };
      r?.finish();
      return { validator, period, rewards };
    }),
    currentRewards: list("validator_current_rewards", (f) => {
      const validator = addressField(f, "validator_address", parseValoper);
      const r = f.object("rewards");
      const rewards: CurrentRewards = {
        rewards: r === undefined ? DecCoins.EMPTY : decCoinsField(r, "rewards"),
        period: r === undefined ? 0n : r.uint64("period"),
      };
      r?.finish();
      return { validator, rewards };
    }),
    startingInfos: list("delegator_starting_infos", (f) => {
      const delegator = addressField(f, "delegator_address", parseAcc);
      const validator = addressField(f, "validator_address", parseValoper);
      const s = requiredObject(f, "starting_info");
      const info: StartingInfo = { previousPeriod: s.uint64("previous_period"), stake: decField(s, "stake"), height: s.uint64("height") };
      s.finish();
      return { delegator, validator, info };
    }),
    slashEvents: list("validator_slash_events", (f) => {
      const validator = addressField(f, "validator_address", parseValoper);
      const height = f.uint64("height");
      const period = f.uint64("period");
      const e = requiredObject(f, "validator_slash_event");
      const event: SlashEvent = { validatorPeriod: e.uint64("validator_period"), fraction: decField(e, "fraction") };
      e.finish();
      if (event.fraction.isNegative() || event.fraction.gt(Dec.ONE)) {
        throw new GenesisError(`${e.pathOf("fraction")}: a slash fraction must be within [0, 1], got ${event.fraction.toString()}`);
      }
      return { validator, height, period, event };
    }),
  };
  feePool?.finish();
  root.finish();
  return genesis;
}

function paramsFromJson(f: JsonFields | undefined, path: string): DistributionParams {
  if (f === undefined) throw new GenesisError(`${path}: missing (community_tax would be a nil Dec)`);
  const params: DistributionParams = {
    communityTax: decField(f, "community_tax"),
    baseProposerReward: optionalDecField(f, "base_proposer_reward"),
    bonusProposerReward: optionalDecField(f, "bonus_proposer_reward"),
    withdrawAddrEnabled: f.bool("withdraw_addr_enabled"),
  };
  f.finish();
  const problem = validateDistributionParams(params);
  if (problem !== undefined) throw new GenesisError(`${path}: ${problem}`);
  return params;
}

function requiredObject(f: JsonFields, name: string): JsonFields {
  const o = f.object(name);
  if (o === undefined) throw new GenesisError(`${f.pathOf(name)}: missing`);
  return o;
}

function addressField(f: JsonFields, name: string, parse: (text: string) => Uint8Array): Uint8Array {
  const text = f.string(name);
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof AddressError) throw new GenesisError(`${f.pathOf(name)}: ${JSON.stringify(text)}: ${e.message}`);
    throw e;
  }
}

/** A `LegacyDec` in JSON: human decimal text. Absent is Go's nil Dec, which every use dereferences. */
function decField(f: JsonFields, name: string): Dec {
  const v = f.raw(name);
  if (v === undefined) throw new GenesisError(`${f.pathOf(name)}: missing decimal`);
  return decText(v, f.pathOf(name));
}

/** A deprecated Dec nothing reads: absent is zero. */
function optionalDecField(f: JsonFields, name: string): Dec {
  const v = f.raw(name);
  return v === undefined ? Dec.ZERO : decText(v, f.pathOf(name));
}

function decText(v: unknown, path: string): Dec {
  if (typeof v !== "string") throw new GenesisError(`${path}: expected a decimal string, got ${JSON.stringify(v)}`);
  try {
    return Dec.parse(v);
  } catch (e) {
    if (e instanceof DecParseError) throw new GenesisError(`${path}: ${e.message}`);
    throw e;
  }
}

/** DecCoins in JSON: `[{denom, amount}]`, amounts human decimals, no negative or duplicate entries. */
function decCoinsField(f: JsonFields, name: string): DecCoins {
  const path = f.pathOf(name);
  const coins: DecCoin[] = f.array(name).map((v, i) => {
    const c = JsonFields.of(v, `${path}[${i}]`);
    const coin = { denom: c.string("denom"), amount: decField(c, "amount") };
    c.finish();
    if (coin.amount.isNegative()) throw new GenesisError(`${path}[${i}]: negative amount ${coin.amount.toString()}`);
    return coin;
  });
  try {
    return DecCoins.fromArray(coins);
  } catch (e) {
    throw new GenesisError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// ================================================================================================
// InitGenesis / ExportGenesis
// ================================================================================================

/**
 * `InitGenesis`: stores every record as given, creates the module account, and requires its balance to
 * be exactly the whole coins of community pool + Σ outstanding rewards.
 * @throws GenesisError when the balance does not match.
 */
export function initDistributionGenesis(ctx: Context, k: DistributionKeeper, g: DistributionGenesis): void {
  k.setCommunityPool(ctx, g.communityPool);
  k.setParams(ctx, g.params);
  for (const w of g.withdrawInfos) k.setWithdrawAddr(ctx, w.delegator, w.withdrawAddress);
  k.setPreviousProposer(ctx, g.previousProposer);
  let holdings = DecCoins.EMPTY;
  for (const r of g.outstandingRewards) {
    k.setOutstandingRewards(ctx, r.validator, r.rewards);
    holdings = holdings.add(r.rewards);
  }
  for (const c of g.accumulatedCommissions) k.setAccumulatedCommission(ctx, c.validator, c.commission);
  for (const h of g.historicalRewards) k.setHistoricalRewards(ctx, h.validator, h.period, h.rewards);
  for (const c of g.currentRewards) k.setCurrentRewards(ctx, c.validator, c.rewards);
  for (const s of g.startingInfos) k.setStartingInfo(ctx, s.validator, s.delegator, s.info);
  for (const e of g.slashEvents) k.setSlashEvent(ctx, e.validator, e.height, e.period, e.event);

  const expected: Coins = holdings.add(g.communityPool).truncateDecimal().truncated;
  const account = k.deps.accounts.getModuleAccount(ctx, DISTRIBUTION_MODULE_NAME);
  if (account === undefined) throw new GenesisError(`${DISTRIBUTION_MODULE_NAME} module account has not been set`);
  const balances = k.bank.getAllBalances(ctx, account.address);
  if (!balances.equals(expected)) {
    throw new GenesisError(`distribution module balance does not match the module holdings: ${balances.toString()} <-> ${expected.toString()}`);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const decCoinsJson = (coins: DecCoins): Json => coins.toArray().map((c) => ({ denom: c.denom, amount: c.amount.toString() }));

/**
 * `ExportGenesis` as jsonpb writes it (uint64 as strings, uint32 as numbers, Dec as human decimals).
 * Validators with distribution state but an empty outstanding or commission record get one here.
 */
export function exportDistributionGenesis(ctx: ReadContext, k: DistributionKeeper): Json {
  const params = k.getParams(ctx);
  const withCurrent = [...k.currentRewardsRecords(ctx)];
  const outstanding = new Map<string, { validator: Uint8Array; rewards: DecCoins }>();
  for (const c of withCurrent) outstanding.set(hexOf(c.validator), { validator: c.validator, rewards: DecCoins.EMPTY });
  for (const r of k.outstandingRewardsRecords(ctx)) outstanding.set(hexOf(r.validator), { validator: r.validator, rewards: k.getOutstandingRewards(ctx, r.validator) });
  const commissions = new Map<string, { validator: Uint8Array; commission: DecCoins }>();
  for (const c of withCurrent) commissions.set(hexOf(c.validator), { validator: c.validator, commission: DecCoins.EMPTY });
  for (const c of k.accumulatedCommissions(ctx)) commissions.set(hexOf(c.validator), c);
  const byValidator = <T extends { validator: Uint8Array }>(m: Map<string, T>): T[] =>
    [...m.values()].sort((a, b) => compareBytes(lengthPrefixed(a.validator), lengthPrefixed(b.validator)));
  const proposer = k.getPreviousProposer(ctx);
  return {
    params: {
      community_tax: params.communityTax.toString(),
      base_proposer_reward: params.baseProposerReward.toString(),
      bonus_proposer_reward: params.bonusProposerReward.toString(),
      withdraw_addr_enabled: params.withdrawAddrEnabled,
    },
    fee_pool: { community_pool: decCoinsJson(k.getCommunityPool(ctx)) },
    delegator_withdraw_infos: [...k.withdrawAddrs(ctx)].map((w) => ({
      delegator_address: accString(w.delegator), withdraw_address: accString(w.withdrawAddress),
    })),
    previous_proposer: proposer.length === 0 ? "" : valconsString(proposer),
    outstanding_rewards: byValidator(outstanding).map((r) => ({
      validator_address: valoperString(r.validator), outstanding_rewards: decCoinsJson(r.rewards),
    })),
    validator_accumulated_commissions: byValidator(commissions).map((c) => ({
      validator_address: valoperString(c.validator), accumulated: { commission: decCoinsJson(c.commission) },
    })),
    validator_historical_rewards: [...k.historicalRewardsRecords(ctx)].map((h) => ({
      validator_address: valoperString(h.validator),
      period: h.period.toString(),
      rewards: { cumulative_reward_ratio: decCoinsJson(h.rewards.cumulativeRewardRatio), reference_count: h.rewards.referenceCount },
    })),
    validator_current_rewards: withCurrent.map((c) => ({
      validator_address: valoperString(c.validator),
      rewards: { rewards: decCoinsJson(c.rewards.rewards), period: c.rewards.period.toString() },
    })),
    delegator_starting_infos: [...k.startingInfos(ctx)].map((s) => ({
      delegator_address: accString(s.delegator),
      validator_address: valoperString(s.validator),
      starting_info: { previous_period: s.info.previousPeriod.toString(), stake: s.info.stake.toString(), height: s.info.height.toString() },
    })),
    validator_slash_events: [...k.slashEvents(ctx)].map((e) => ({
      validator_address: valoperString(e.validator),
      height: e.height.toString(),
      period: e.period.toString(),
      validator_slash_event: { validator_period: e.event.validatorPeriod.toString(), fraction: e.event.fraction.toString() },
    })),
  };
}
