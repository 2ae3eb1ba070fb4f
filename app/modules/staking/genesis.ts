/**
 * Staking genesis (spec-staking §1.12, §8.3): the reference's proto-JSON `GenesisState` read strictly
 * (every bad field is a GenesisError naming its JSON path), validated at InitChain (`ValidateGenesis`
 * plus the checks that keep the hooks and invariants sound), applied as the SDK's `InitGenesis`, and
 * exported as its jsonpb writes it (`exported: true`), so `InitChain(export)` rebuilds the same state.
 */
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import type { Context, ReadContext } from "../../baseapp/context.js";
import { coin, Coins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";
import {
  addressAt, bondStatusField, decField, durationField, int64Field, intField, show, stringList, timestampField,
} from "../register/genesis.js";
import { formatTimeBytes } from "../register/logic/time.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import type { StakingKeeper } from "./keeper.js";
import { BONDED_POOL_NAME, NOT_BONDED_POOL_NAME } from "./keys.js";
import { MAX_TOTAL_VOTING_POWER } from "./logic/validatorSet.js";
import { durationText, validateStakingParams, ZERO_STAKING_PARAMS } from "./params.js";
import { insertRedelegationQueue, insertUBDQueue, insertValidatorQueue } from "./queues.js";
import { accString, bondStatusName, consString, ED25519_PUBKEY_TYPE_URL, parseAcc, parseVal, valString } from "./store.js";
import {
  BondStatus, type Delegation, type Redelegation, type RedelegationEntry, type StakingParams, type UnbondingDelegation, type UnbondingEntry,
  type UnixNanos, type Validator,
} from "./types.js";
import { applyAndReturnValidatorSetUpdates, validatorUpdate } from "./validatorSet.js";

export interface StakingGenesis {
  readonly params: StakingParams;
  readonly lastTotalPower: bigint;
  readonly lastValidatorPowers: ReadonlyArray<{ readonly operator: Uint8Array; readonly power: bigint }>;
  readonly validators: readonly Validator[];
  readonly delegations: readonly Delegation[];
  readonly unbondingDelegations: readonly UnbondingDelegation[];
  readonly redelegations: readonly Redelegation[];
  readonly exported: boolean;
}

const ROOT = "staking";

// ---- parsing -----------------------------------------------------------------------------------

/** Parses and validates the `staking` part of `app_state`. @throws GenesisError naming the problem. */
export function parseStakingGenesis(json: unknown): StakingGenesis {
  const root = JsonFields.of(json, ROOT);
  const pf = root.object("params");
  const at = (name: string, i: number): string => `${root.pathOf(name)}[${i}]`;
  const genesis: StakingGenesis = {
    params: pf === undefined ? ZERO_STAKING_PARAMS : paramsFromJson(pf),
    lastTotalPower: intField(root, "last_total_power"),
    lastValidatorPowers: root.array("last_validator_powers").map((v, i) => {
      const f = JsonFields.of(v, at("last_validator_powers", i));
      const out = { operator: addressAt(parseVal, f.string("address"), f.pathOf("address")), power: int64Field(f, "power") };
      f.finish();
      return out;
    }),
    validators: root.array("validators").map((v, i) => validatorFromJson(JsonFields.of(v, at("validators", i)))),
    delegations: root.array("delegations").map((v, i) => delegationFromJson(JsonFields.of(v, at("delegations", i)))),
    unbondingDelegations: root.array("unbonding_delegations").map((v, i) => ubdFromJson(JsonFields.of(v, at("unbonding_delegations", i)))),
    redelegations: root.array("redelegations").map((v, i) => redelegationFromJson(JsonFields.of(v, at("redelegations", i)))),
    exported: root.bool("exported"),
  };
  root.finish();
  validateStakingGenesis(genesis);
  return genesis;
}

function paramsFromJson(f: JsonFields): StakingParams {
  const p: StakingParams = {
    unbondingTime: durationField(f, "unbonding_time"),
    maxValidators: f.uint32("max_validators"),
    maxEntries: f.uint32("max_entries"),
    historicalEntries: f.uint32("historical_entries"),
    bondDenom: f.string("bond_denom"),
    minCommissionRate: decField(f, "min_commission_rate"),
  };
  f.finish();
  return p;
}

function consensusKeyFromJson(f: JsonFields | undefined, path: string): Uint8Array {
  if (f === undefined) throw new GenesisError(`${path}: a validator needs a consensus public key`);
  const type = f.string("@type");
  if (type !== ED25519_PUBKEY_TYPE_URL) throw new GenesisError(`${f.path}: consensus key type ${show(type)} is not supported (only ${ED25519_PUBKEY_TYPE_URL})`);
  const key = f.bytes("key");
  if (key.length !== 32) throw new GenesisError(`${f.pathOf("key")}: an ed25519 key has 32 bytes, got ${key.length}`);
  f.finish();
  return key;
}

function validatorFromJson(f: JsonFields): Validator {
  const consensusPubKey = consensusKeyFromJson(f.object("consensus_pubkey"), f.pathOf("consensus_pubkey"));
  const d = f.object("description");
  const description = {
    moniker: d?.string("moniker") ?? "",
    identity: d?.string("identity") ?? "",
    website: d?.string("website") ?? "",
    securityContact: d?.string("security_contact") ?? "",
    details: d?.string("details") ?? "",
  };
  d?.finish();
  const c = f.object("commission");
  const r = c?.object("commission_rates");
  const rates = {
    rate: r === undefined ? Dec.ZERO : decField(r, "rate"),
    maxRate: r === undefined ? Dec.ZERO : decField(r, "max_rate"),
    maxChangeRate: r === undefined ? Dec.ZERO : decField(r, "max_change_rate"),
  };
  r?.finish();
  const updateTime = c === undefined ? GO_ZERO : timestampField(c, "update_time");
  c?.finish();
  const v: Validator = {
    operator: addressAt(parseVal, f.string("operator_address"), f.pathOf("operator_address")),
    consensusPubKey,
    consensusAddress: ed25519Address(consensusPubKey),
    jailed: f.bool("jailed"),
    status: bondStatusField(f, "status"),
    tokens: intField(f, "tokens"),
    delegatorShares: decField(f, "delegator_shares"),
    description,
    unbondingHeight: int64Field(f, "unbonding_height"),
    unbondingTime: timestampField(f, "unbonding_time"),
    commission: { rates, updateTime },
    minSelfDelegation: intField(f, "min_self_delegation"),
    unbondingOnHoldRefCount: int64Field(f, "unbonding_on_hold_ref_count"),
    unbondingIds: stringList(f, "unbonding_ids").map((s, i) => {
      if (!/^[0-9]+$/.test(s) || BigInt(s) >= 1n << 64n) throw new GenesisError(`${f.pathOf("unbonding_ids")}[${i}]: expected a uint64, got ${show(s)}`);
      return BigInt(s);
    }),
  };
  f.finish();
  return v;
}

/** Go's zero time (0001-01-01T00:00:00Z), what an absent non-nullable timestamp decodes to. */
const GO_ZERO: UnixNanos = -62_135_596_800n * 1_000_000_000n;

function delegationFromJson(f: JsonFields): Delegation {
  const d: Delegation = {
    delegator: addressAt(parseAcc, f.string("delegator_address"), f.pathOf("delegator_address")),
    validator: addressAt(parseVal, f.string("validator_address"), f.pathOf("validator_address")),
    shares: decField(f, "shares"),
  };
  f.finish();
  return d;
}

function ubdFromJson(f: JsonFields): UnbondingDelegation {
  const u: UnbondingDelegation = {
    delegator: addressAt(parseAcc, f.string("delegator_address"), f.pathOf("delegator_address")),
    validator: addressAt(parseVal, f.string("validator_address"), f.pathOf("validator_address")),
    entries: f.array("entries").map((v, i): UnbondingEntry => {
      const e = JsonFields.of(v, `${f.pathOf("entries")}[${i}]`);
      const entry = {
        creationHeight: int64Field(e, "creation_height"),
        completionTime: timestampField(e, "completion_time"),
        initialBalance: intField(e, "initial_balance"),
        balance: intField(e, "balance"),
        unbondingId: e.uint64("unbonding_id"),
        unbondingOnHoldRefCount: int64Field(e, "unbonding_on_hold_ref_count"),
      };
      e.finish();
      return entry;
    }),
  };
  f.finish();
  return u;
}

function redelegationFromJson(f: JsonFields): Redelegation {
  const r: Redelegation = {
    delegator: addressAt(parseAcc, f.string("delegator_address"), f.pathOf("delegator_address")),
    validatorSrc: addressAt(parseVal, f.string("validator_src_address"), f.pathOf("validator_src_address")),
    validatorDst: addressAt(parseVal, f.string("validator_dst_address"), f.pathOf("validator_dst_address")),
    entries: f.array("entries").map((v, i): RedelegationEntry => {
      const e = JsonFields.of(v, `${f.pathOf("entries")}[${i}]`);
      const entry = {
        creationHeight: int64Field(e, "creation_height"),
        completionTime: timestampField(e, "completion_time"),
        initialBalance: intField(e, "initial_balance"),
        sharesDst: decField(e, "shares_dst"),
        unbondingId: e.uint64("unbonding_id"),
        unbondingOnHoldRefCount: int64Field(e, "unbonding_on_hold_ref_count"),
      };
      e.finish();
      return entry;
    }),
  };
  f.finish();
  return r;
}

// ---- validation --------------------------------------------------------------------------------

/**
 * `ValidateGenesis` (params; no duplicate consensus key; none Bonded and jailed; shares unless
 * Unbonding) and, beyond it (docs/deviations.md "staking"), what the hooks and invariants rely on:
 * unique operators, records that name existing validators, positive delegation shares, a last set
 * within CometBFT's total-power limit.
 */
export function validateStakingGenesis(g: StakingGenesis): void {
  const problem = validateStakingParams(g.params);
  if (problem !== undefined) throw new GenesisError(`${ROOT}.params: ${problem}`);
  const keys = new Set<string>();
  const operators = new Set<string>();
  g.validators.forEach((v, i) => {
    const path = `${ROOT}.validators[${i}]`;
    const consAddr = v.consensusAddress;
    if (keys.has(hexOf(v.consensusPubKey))) {
      throw new GenesisError(`${path}: duplicate validator in genesis state: moniker ${v.description.moniker}, address ${consString(consAddr)}`);
    }
    keys.add(hexOf(v.consensusPubKey));
    if (v.jailed && v.status === BondStatus.Bonded) {
      throw new GenesisError(`${path}: validator is bonded and jailed in genesis state: moniker ${v.description.moniker}, address ${consString(consAddr)}`);
    }
    if (v.delegatorShares.isZero() && v.status !== BondStatus.Unbonding) {
      throw new GenesisError(`${path}: bonded/unbonded genesis validator cannot have zero delegator shares`);
    }
    if (v.status === BondStatus.Unspecified) throw new GenesisError(`${path}.status: invalid validator status`);
    if (v.tokens < 0n || v.delegatorShares.isNegative()) throw new GenesisError(`${path}: negative tokens or shares`);
    if (operators.has(hexOf(v.operator))) throw new GenesisError(`${path}.operator_address: duplicate validator ${valString(v.operator)}`);
    operators.add(hexOf(v.operator));
  });
  const known = (operator: Uint8Array, path: string): void => {
    if (!operators.has(hexOf(operator))) throw new GenesisError(`${path}: validator ${valString(operator)} is not in staking.validators`);
  };
  g.delegations.forEach((d, i) => {
    known(d.validator, `${ROOT}.delegations[${i}].validator_address`);
    if (!d.shares.isPositive()) throw new GenesisError(`${ROOT}.delegations[${i}].shares: must be positive`);
  });
  g.unbondingDelegations.forEach((u, i) => known(u.validator, `${ROOT}.unbonding_delegations[${i}].validator_address`));
  g.redelegations.forEach((r, i) => {
    known(r.validatorSrc, `${ROOT}.redelegations[${i}].validator_src_address`);
    known(r.validatorDst, `${ROOT}.redelegations[${i}].validator_dst_address`);
  });
  let total = 0n;
  g.lastValidatorPowers.forEach((lv, i) => {
    known(lv.operator, `${ROOT}.last_validator_powers[${i}].address`);
    if (lv.power < 0n) throw new GenesisError(`${ROOT}.last_validator_powers[${i}].power: must not be negative`);
    total += lv.power;
  });
  if (g.exported && total > MAX_TOTAL_VOTING_POWER) {
    throw new GenesisError(`${ROOT}.last_validator_powers: total power ${total} is above CometBFT's maximum ${MAX_TOTAL_VOTING_POWER}`);
  }
}

// ---- InitGenesis -------------------------------------------------------------------------------

/**
 * `InitGenesis` at height 0: params and last total power; each validator with its indexes
 * (AfterValidatorCreated unless exported; Unbonding ones queued); each delegation (the delegation
 * hooks unless exported); unbondings and redelegations with every entry queued; the pools must hold
 * exactly what the records say. The validator set: the exported last powers as they are, else the
 * set computation (which is empty on stratos-1: genutil's gentxs make the set).
 */
export function initStakingGenesis(ctx: Context, k: StakingKeeper, g: StakingGenesis): ValidatorUpdate[] {
  k.setParams(ctx, g.params);
  k.setLastTotalPower(ctx, g.lastTotalPower);
  let bonded = 0n;
  let notBonded = 0n;
  for (const v of g.validators) {
    k.setValidator(ctx, v);
    k.setValidatorByConsAddr(ctx, v);
    k.setValidatorByPowerIndex(ctx, v);
    if (!g.exported) k.hooks.afterValidatorCreated(ctx, v.operator);
    if (v.status === BondStatus.Unbonding) insertValidatorQueue(k, ctx, v);
    if (v.status === BondStatus.Bonded) bonded += v.tokens;
    else notBonded += v.tokens;
  }
  for (const d of g.delegations) {
    if (!g.exported) k.hooks.beforeDelegationCreated(ctx, d.delegator, d.validator);
    k.setDelegation(ctx, d);
    if (!g.exported) k.hooks.afterDelegationModified(ctx, d.delegator, d.validator);
  }
  for (const u of g.unbondingDelegations) {
    k.setUnbondingDelegation(ctx, u);
    for (const e of u.entries) {
      insertUBDQueue(k, ctx, u, e.completionTime);
      notBonded += e.balance;
    }
  }
  for (const r of g.redelegations) {
    k.setRedelegation(ctx, r);
    for (const e of r.entries) insertRedelegationQueue(k, ctx, r, e.completionTime);
  }
  checkPool(ctx, k, BONDED_POOL_NAME, g.params.bondDenom, bonded, "bonded pool balance is different from bonded coins");
  checkPool(ctx, k, NOT_BONDED_POOL_NAME, g.params.bondDenom, notBonded, "not bonded pool balance is different from not bonded coins");

  if (g.exported) {
    return g.lastValidatorPowers.map((lv) => {
      k.setLastValidatorPower(ctx, lv.operator, lv.power);
      const v = k.validator(ctx, lv.operator);
      if (v === undefined) throw new GenesisError(`${ROOT}: validator ${valString(lv.operator)} not found`);
      // The last power, not the current one: CometBFT's next set is already decided.
      return validatorUpdate(v, lv.power);
    });
  }
  return applyAndReturnValidatorSetUpdates(k, ctx).updates;
}

function checkPool(ctx: Context, k: StakingKeeper, name: typeof BONDED_POOL_NAME | typeof NOT_BONDED_POOL_NAME, denom: string, want: bigint, text: string): void {
  const address = k.poolAccount(ctx, name);
  const have = k.bank.getAllBalances(ctx, address);
  const expected = Coins.of(coin(denom, want));
  if (have.toString() !== expected.toString()) throw new GenesisError(`${ROOT}: ${text}: ${have.toString()} <-> ${expected.toString()}`);
}

// ---- ExportGenesis -----------------------------------------------------------------------------

/** jsonpb Timestamp text: UTC, 0, 3, 6 or 9 fractional digits. */
function timeJson(t: UnixNanos): string {
  const [whole, fraction = ""] = formatTimeBytes(t).split(".");
  let digits = fraction;
  while (digits.endsWith("000")) digits = digits.slice(0, -3);
  return `${whole}${digits === "" ? "" : `.${digits}`}Z`;
}

export function validatorJson(v: Validator): Record<string, unknown> {
  return {
    operator_address: valString(v.operator),
    consensus_pubkey: { "@type": ED25519_PUBKEY_TYPE_URL, key: Buffer.from(v.consensusPubKey).toString("base64") },
    jailed: v.jailed,
    status: bondStatusName(v.status),
    tokens: v.tokens.toString(),
    delegator_shares: v.delegatorShares.toString(),
    description: {
      moniker: v.description.moniker, identity: v.description.identity, website: v.description.website,
      security_contact: v.description.securityContact, details: v.description.details,
    },
    unbonding_height: v.unbondingHeight.toString(),
    unbonding_time: timeJson(v.unbondingTime),
    commission: {
      commission_rates: {
        rate: v.commission.rates.rate.toString(), max_rate: v.commission.rates.maxRate.toString(), max_change_rate: v.commission.rates.maxChangeRate.toString(),
      },
      update_time: timeJson(v.commission.updateTime),
    },
    min_self_delegation: v.minSelfDelegation.toString(),
    unbonding_on_hold_ref_count: v.unbondingOnHoldRefCount.toString(),
    unbonding_ids: v.unbondingIds.map((id) => id.toString()),
  };
}

/** The staking `app_state` as the reference exports it (`exported: true`). */
export function exportStakingGenesis(ctx: ReadContext, k: StakingKeeper): Record<string, unknown> {
  const p = k.getParams(ctx);
  return {
    params: {
      unbonding_time: durationText(p.unbondingTime), max_validators: p.maxValidators, max_entries: p.maxEntries,
      historical_entries: p.historicalEntries, bond_denom: p.bondDenom, min_commission_rate: p.minCommissionRate.toString(),
    },
    last_total_power: k.lastTotalPower(ctx).toString(),
    last_validator_powers: [...k.lastValidatorPowers(ctx)].map((lv) => ({ address: valString(lv.operator), power: lv.power.toString() })),
    validators: [...k.validators(ctx)].map(validatorJson),
    delegations: [...k.allDelegations(ctx)].map((d) => ({
      delegator_address: accString(d.delegator), validator_address: valString(d.validator), shares: d.shares.toString(),
    })),
    unbonding_delegations: [...k.allUnbondingDelegations(ctx)].map((u) => ({
      delegator_address: accString(u.delegator),
      validator_address: valString(u.validator),
      entries: u.entries.map((e) => ({
        creation_height: e.creationHeight.toString(), completion_time: timeJson(e.completionTime), initial_balance: e.initialBalance.toString(),
        balance: e.balance.toString(), unbonding_id: e.unbondingId.toString(), unbonding_on_hold_ref_count: e.unbondingOnHoldRefCount.toString(),
      })),
    })),
    redelegations: [...k.allRedelegations(ctx)].map((r) => ({
      delegator_address: accString(r.delegator),
      validator_src_address: valString(r.validatorSrc),
      validator_dst_address: valString(r.validatorDst),
      entries: r.entries.map((e) => ({
        creation_height: e.creationHeight.toString(), completion_time: timeJson(e.completionTime), initial_balance: e.initialBalance.toString(),
        shares_dst: e.sharesDst.toString(), unbonding_id: e.unbondingId.toString(), unbonding_on_hold_ref_count: e.unbondingOnHoldRefCount.toString(),
      })),
    })),
    exported: true,
  };
}

