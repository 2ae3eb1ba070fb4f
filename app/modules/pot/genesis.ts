/**
 * pot genesis (spec-pot §8): the reference's proto-JSON `GenesisState` plus this chain's fields 9–11,
 * read with protobuf-es `fromJson` (unknown fields refused), validated at InitChain with errors naming
 * the JSON path, applied as the reference's `InitGenesis`, and exported so that importing the export
 * rebuilds the same pot store.
 *
 * Deviations (R:, spec-pot §8 and docs/deviations.md):
 *  - invalid params are refused (the reference ignores SetParams' error and keeps no params), and so
 *    are bad bech32 wallets (it panics), invalid coin lists, negative epochs, duplicate entries, a
 *    `total_mined_token` outside the reward denom and an `initial_total_supply` outside the bond denom
 *    (both make the reference panic later, in every report or at this check);
 *  - export writes the real individual rewards with their mature epochs into field 9 and leaves the
 *    reference's field 6 empty (its synthesised records double the immature totals when
 *    reward_denom = bond_denom, and all mature at one epoch). Field 6 entries are still imported the
 *    reference's way, at last_distributed_epoch + mature_epoch;
 *  - export keeps empty mature/immature totals (the reference skips them), so the round trip rebuilds
 *    the store key for key;
 *  - after InitGenesis the pot invariants (invariants.ts) must hold: the total_reward_pool balance
 *    equals the mature + immature totals, each wallet's individual rewards add up to its immature
 *    total, … A genesis that breaks them would strand rewards or halt maturity later.
 * Not exported, as in the reference: the volume report records (0x06); VolumeReport queries for epochs
 * before an export/import answer empty strings.
 */
import { create, fromJson, type JsonValue } from "@bufbuild/protobuf";
import type { Context, ReadContext } from "../../baseapp/context.js";
import { toGoProtoJson } from "../../baseapp/protoJson.js";
import { type Coin as CoinProto, CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import {
  EpochAuditSchema, type GenesisState, GenesisStateSchema, ImmatureTotalSchema, IndividualRewardSchema, MatureTotalSchema, MetaNodeBlsKeySchema,
  RewardTotalSchema,
} from "../../codec/stratos/pot/v1/genesis_pb.js";
import {
  type EpochRewardAudit, EpochRewardAuditSchema, type MiningRewardParam, MiningRewardParamSchema, type Params as ParamsProto, ParamsSchema,
  type Reward as RewardProto, RewardSchema, TotalRewardSchema,
} from "../../codec/stratos/pot/v1/pot_pb.js";
import { BlsError, decodePoint } from "../../crypto/bls/index.js";
import { AddressError, BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { type Coin, Coins, validateCoinList } from "../../math/coins.js";
import { Dec, DecParseError } from "../../math/dec.js";
import { IntParseError, unmarshalIntText } from "../../math/int.js";
import { hexOf } from "../../store/bytes.js";
import { GenesisError } from "../auth/protoJson.js";
import { potInvariants } from "./invariants.js";
import type { IndividualReward, PotKeeper, TotalReward } from "./keeper.js";
import { type PotParams, type PotValve, potParamsToProto, validatePotParams } from "./params.js";

const ROOT = "pot";
/** The epoch index (0x09) holds uint64 epochs. */
const EPOCH_LIMIT = 1n << 64n;

export interface WalletTotal {
  readonly wallet: Uint8Array;
  readonly coins: Coins;
}

export interface GenesisIndividualReward {
  /** The epoch the reward matures at (its key epoch). */
  readonly matureEpoch: bigint;
  readonly wallet: Uint8Array;
  readonly reward: IndividualReward;
}

/** The `pot` part of `app_state`, parsed and validated. */
export interface PotGenesis {
  readonly params: PotParams;
  readonly totalMinedToken: Coin;
  readonly lastDistributedEpoch: bigint;
  readonly maturedEpoch: bigint;
  readonly immatureTotals: readonly WalletTotal[];
  readonly matureTotals: readonly WalletTotal[];
  /** Fields 6 (at last_distributed_epoch + mature_epoch) and 9 (at their own epochs) together. */
  readonly individualRewards: readonly GenesisIndividualReward[];
  /** How many of them came from field 6, the reference's form (for a hint when they do not add up). */
  readonly referenceFormRewards: number;
  readonly totalRewards: ReadonlyArray<{ readonly epoch: bigint; readonly total: TotalReward }>;
  readonly blsKeys: ReadonlyArray<{ readonly metaNode: Uint8Array; readonly pubKey: Uint8Array }>;
  /** Stored as given, with Dec fields in their binary (raw integer) form. */
  readonly rewardAudits: ReadonlyArray<{ readonly epoch: bigint; readonly audit: EpochRewardAudit }>;
}

// ================================================================================================
// Parsing and validation
// ================================================================================================

/** Parses and validates the `pot` part of `app_state`. @throws GenesisError naming the problem. */
export function parsePotGenesis(json: unknown): PotGenesis {
  let state: GenesisState;
  try {
    state = fromJson(GenesisStateSchema, json as JsonValue);
  } catch (e) {
    throw new GenesisError(`${ROOT}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const params = paramsFromJson(state.params, `${ROOT}.params`);
  const problem = validatePotParams(params);
  if (problem !== undefined) throw new GenesisError(`${ROOT}.params: ${problem.message}`);
  if (params.initialTotalSupply.denom !== params.bondDenom) {
    // InitGenesis compares it with the bond-denom supply; Go's Coin.IsLT panics on different denoms.
    throw new GenesisError(`${ROOT}.params.initial_total_supply.denom: must be the bond denom ${params.bondDenom}, got "${params.initialTotalSupply.denom}"`);
  }

  const totalMinedToken = totalMinedTokenFromJson(state.totalMinedToken, params);
  const lastDistributedEpoch = epochAt(state.lastDistributedEpoch, `${ROOT}.last_distributed_epoch`, 0n);
  const maturedEpoch = epochAt(state.maturedEpoch, `${ROOT}.matured_epoch`, 0n);
  const immatureTotals = walletTotals(state.immatureTotalInfo, `${ROOT}.immature_total_info`);
  const matureTotals = walletTotals(state.matureTotalInfo, `${ROOT}.mature_total_info`);

  // Maturity visits epochs above matured_epoch (or above mature_epoch before its first run, §6.2):
  // a record at or below that would never mature.
  const maturityStart = maturedEpoch === 0n ? params.matureEpoch : maturedEpoch;
  const seen = new Map<string, string>();
  const individualRewards: GenesisIndividualReward[] = [];
  const addReward = (matureEpoch: bigint, proto: RewardProto | undefined, path: string, epochPath: string): void => {
    if (matureEpoch >= EPOCH_LIMIT) throw new GenesisError(`${epochPath}: mature epoch ${matureEpoch} is beyond the uint64 epoch index`);
    if (matureEpoch <= maturityStart) {
      throw new GenesisError(`${epochPath}: a reward maturing at epoch ${matureEpoch} would never mature (maturity continues after epoch ${maturityStart})`);
    }
    const { wallet, reward } = rewardFromJson(proto, path);
    const id = `${matureEpoch}/${hexOf(wallet)}`;
    const earlier = seen.get(id);
    if (earlier !== undefined) throw new GenesisError(`${path}: ${reward.walletAddress} already has a reward maturing at epoch ${matureEpoch} (${earlier})`);
    seen.set(id, path);
    individualRewards.push({ matureEpoch, wallet, reward });
  };
  // The reference's field 6: the original epoch is not represented; every entry matures together.
  state.individualRewardInfo.forEach((r, i) => {
    const path = `${ROOT}.individual_reward_info[${i}]`;
    addReward(lastDistributedEpoch + params.matureEpoch, r, path, path);
  });
  state.individualRewards.forEach((r, i) => {
    const path = `${ROOT}.individual_rewards[${i}]`;
    addReward(epochAt(r.matureEpoch, `${path}.mature_epoch`, 1n), r.reward, `${path}.reward`, `${path}.mature_epoch`);
  });

  const totalRewards = uniqueEpochs(state.rewardTotalInfo, `${ROOT}.reward_total_info`, (r, path) => {
    const total = r.totalReward ?? create(TotalRewardSchema);
    return {
      epoch: epochAt(r.epoch, `${path}.epoch`, 1n),
      total: { miningReward: coinsAt(total.miningReward, `${path}.total_reward.mining_reward`), trafficReward: coinsAt(total.trafficReward, `${path}.total_reward.traffic_reward`) },
    };
  });

  const blsKeys = blsKeysFromJson(state);
  const rewardAudits = uniqueEpochs(state.rewardAudits, `${ROOT}.reward_audits`, (a, path) => ({
    epoch: epochAt(a.epoch, `${path}.epoch`, 1n),
    audit: auditFromJson(a.audit, `${path}.audit`),
  }));

  return {
    params, totalMinedToken, lastDistributedEpoch, maturedEpoch, immatureTotals, matureTotals, individualRewards,
    referenceFormRewards: state.individualRewardInfo.length, totalRewards, blsKeys, rewardAudits,
  };
}

/**
 * Params from proto-JSON: `community_tax` is a LegacyDec in its JSON form ("0.020000000000000000"),
 * the valve amounts and basis points are Ints (decimal strings). A missing coin reads as 0 of "".
 */
function paramsFromJson(p: ParamsProto | undefined, path: string): PotParams {
  if (p === undefined) throw new GenesisError(`${path}: missing (the reference would silently run without params)`);
  const coinAt = (c: CoinProto | undefined, at: string) => ({ denom: c?.denom ?? "", amount: intAt(c?.amount ?? "", `${at}.amount`) });
  return {
    bondDenom: p.bondDenom,
    rewardDenom: p.rewardDenom,
    matureEpoch: p.matureEpoch,
    miningRewardParams: p.miningRewardParams.map((v, i): PotValve => {
      const at = `${path}.mining_reward_params[${i}]`;
      const start = coinAt(v.totalMinedValveStart, `${at}.total_mined_valve_start`);
      const end = coinAt(v.totalMinedValveEnd, `${at}.total_mined_valve_end`);
      const reward = coinAt(v.miningReward, `${at}.mining_reward`);
      return {
        totalMinedValveStart: start.amount, totalMinedValveEnd: end.amount, miningReward: reward.amount,
        blockChainPercentageInBp: intAt(v.blockChainPercentageInBp, `${at}.block_chain_percentage_in_bp`),
        resourceNodePercentageInBp: intAt(v.resourceNodePercentageInBp, `${at}.resource_node_percentage_in_bp`),
        metaNodePercentageInBp: intAt(v.metaNodePercentageInBp, `${at}.meta_node_percentage_in_bp`),
        startDenom: start.denom, endDenom: end.denom, rewardDenom: reward.denom,
      };
    }),
    communityTax: decAt(p.communityTax, `${path}.community_tax`),
    initialTotalSupply: coinAt(p.initialTotalSupply, `${path}.initial_total_supply`),
    requireRegisteredBlsKeys: p.requireRegisteredBlsKeys,
  };
}

/** Absent → 0 of the reward denom (the reference's default genesis); otherwise in the reward denom. */
function totalMinedTokenFromJson(c: CoinProto | undefined, params: PotParams): Coin {
  const path = `${ROOT}.total_mined_token`;
  if (c === undefined) return { denom: params.rewardDenom, amount: 0n };
  const amount = intAt(c.amount, `${path}.amount`);
  if (amount < 0n) throw new GenesisError(`${path}.amount: must not be negative, got ${amount}`);
  if (c.denom !== params.rewardDenom) {
    // Valve selection compares it with the valve coins, which panics in Go on every report.
    throw new GenesisError(`${path}.denom: must be the reward denom ${params.rewardDenom}, got "${c.denom}"`);
  }
  return { denom: c.denom, amount };
}

function walletTotals(list: ReadonlyArray<{ walletAddress: string; value: CoinProto[] }>, listPath: string): WalletTotal[] {
  const seen = new Map<string, number>();
  return list.map((t, i) => {
    const path = `${listPath}[${i}]`;
    const wallet = walletAt(t.walletAddress, `${path}.wallet_address`);
    const first = seen.get(hexOf(wallet));
    if (first !== undefined) throw new GenesisError(`${path}.wallet_address: ${t.walletAddress} is already listed at ${listPath}[${first}]`);
    seen.set(hexOf(wallet), i);
    return { wallet, coins: coinsAt(t.value, `${path}.value`) };
  });
}

function rewardFromJson(r: RewardProto | undefined, path: string): { wallet: Uint8Array; reward: IndividualReward } {
  if (r === undefined) throw new GenesisError(`${path}: missing`);
  const wallet = walletAt(r.walletAddress, `${path}.wallet_address`);
  return {
    wallet,
    reward: {
      // Stored with the canonical text, as the distribution writes it.
      walletAddress: formatBech32Address(wallet, BECH32_PREFIX.account),
      rewardFromMiningPool: coinsAt(r.rewardFromMiningPool, `${path}.reward_from_mining_pool`),
      rewardFromTrafficPool: coinsAt(r.rewardFromTrafficPool, `${path}.reward_from_traffic_pool`),
    },
  };
}

/** Maps each entry (which names its epoch) and refuses a second entry for one epoch. */
function uniqueEpochs<T, V extends { readonly epoch: bigint }>(list: readonly T[], listPath: string, read: (entry: T, path: string) => V): V[] {
  const seen = new Map<bigint, number>();
  return list.map((entry, i) => {
    const path = `${listPath}[${i}]`;
    const value = read(entry, path);
    const first = seen.get(value.epoch);
    if (first !== undefined) throw new GenesisError(`${path}.epoch: epoch ${value.epoch} is already listed at ${listPath}[${first}]`);
    seen.set(value.epoch, i);
    return value;
  });
}

function blsKeysFromJson(state: GenesisState): Array<{ metaNode: Uint8Array; pubKey: Uint8Array }> {
  const listPath = `${ROOT}.meta_node_bls_keys`;
  const nodes = new Map<string, number>();
  const keys = new Map<string, number>();
  return state.metaNodeBlsKeys.map((b, i) => {
    const path = `${listPath}[${i}]`;
    const metaNode = addressAt(b.networkAddress, BECH32_PREFIX.sds, `${path}.network_address`);
    try {
      decodePoint(b.pubKey);
    } catch (e) {
      if (e instanceof BlsError) throw new GenesisError(`${path}.pub_key: ${e.message}`);
      throw e;
    }
    const node = nodes.get(hexOf(metaNode));
    if (node !== undefined) throw new GenesisError(`${path}.network_address: ${b.networkAddress} already has a key at ${listPath}[${node}]`);
    const key = keys.get(hexOf(b.pubKey));
    if (key !== undefined) throw new GenesisError(`${path}.pub_key: the key is already registered at ${listPath}[${key}] (a key belongs to one meta node)`);
    nodes.set(hexOf(metaNode), i);
    keys.set(hexOf(b.pubKey), i);
    return { metaNode, pubKey: b.pubKey };
  });
}

/** An audit as exported (Dec fields in JSON form) → as stored (Dec fields raw, Ints canonical). */
function auditFromJson(a: EpochRewardAudit | undefined, path: string): EpochRewardAudit {
  if (a === undefined) throw new GenesisError(`${path}: missing`);
  const int = (text: string, field: string): string => (text === "" ? "" : intAt(text, `${path}.${field}`).toString());
  const dec = (text: string, field: string): string => (text === "" ? "" : decAt(text, `${path}.${field}`).toProtoString());
  return create(EpochRewardAuditSchema, {
    effectiveTotalDeposit: int(a.effectiveTotalDeposit, "effective_total_deposit"),
    unissuedPrepay: int(a.unissuedPrepay, "unissued_prepay"),
    remainingOzoneLimit: int(a.remainingOzoneLimit, "remaining_ozone_limit"),
    totalVolume: int(a.totalVolume, "total_volume"),
    trafficReward: dec(a.trafficReward, "traffic_reward"),
    ...(a.miningRewardParam === undefined ? {} : { miningRewardParam: valveProtoFromJson(a.miningRewardParam, `${path}.mining_reward_param`) }),
    communityTax: dec(a.communityTax, "community_tax"),
    metaNodeCount: int(a.metaNodeCount, "meta_node_count"),
    rewards: a.rewards.map((r, i) => rewardToProto(rewardFromJson(r, `${path}.rewards[${i}]`).reward)),
    matureEpoch: int(a.matureEpoch, "mature_epoch"),
    reporter: a.reporter,
  });
}

function valveProtoFromJson(v: MiningRewardParam, path: string): MiningRewardParam {
  const coin = (c: CoinProto | undefined, field: string) =>
    c === undefined ? undefined : create(CoinSchema, { denom: c.denom, amount: intAt(c.amount, `${path}.${field}.amount`).toString() });
  const int = (text: string, field: string): string => intAt(text, `${path}.${field}`).toString();
  return create(MiningRewardParamSchema, {
    totalMinedValveStart: coin(v.totalMinedValveStart, "total_mined_valve_start"),
    totalMinedValveEnd: coin(v.totalMinedValveEnd, "total_mined_valve_end"),
    miningReward: coin(v.miningReward, "mining_reward"),
    blockChainPercentageInBp: int(v.blockChainPercentageInBp, "block_chain_percentage_in_bp"),
    resourceNodePercentageInBp: int(v.resourceNodePercentageInBp, "resource_node_percentage_in_bp"),
    metaNodePercentageInBp: int(v.metaNodePercentageInBp, "meta_node_percentage_in_bp"),
  });
}

// ---- field readers -----------------------------------------------------------------------------

/** `math.Int` text (Go `big.Int.UnmarshalText`, 256 bits); "" (absent) → 0. */
function intAt(text: string, path: string): bigint {
  try {
    return unmarshalIntText(text) ?? 0n;
  } catch (e) {
    if (e instanceof IntParseError) throw new GenesisError(`${path}: ${e.message}`);
    throw e;
  }
}

/** An epoch (Int): absent → 0; must be ≥ `min`. */
function epochAt(text: string, path: string, min: bigint): bigint {
  const n = intAt(text, path);
  if (n < min) throw new GenesisError(`${path}: must be at least ${min}, got ${n}`);
  return n;
}

/** LegacyDec JSON text ("0.020000000000000000"). */
function decAt(text: string, path: string): Dec {
  try {
    return Dec.parse(text);
  } catch (e) {
    if (e instanceof DecParseError) throw new GenesisError(`${path}: ${e.message}`);
    throw e;
  }
}

/** A valid coin list (sorted, unique denoms, positive amounts), as `Coins.Validate`. */
function coinsAt(list: readonly CoinProto[], path: string): Coins {
  const coins = list.map((c, i) => ({ denom: c.denom, amount: intAt(c.amount, `${path}[${i}].amount`) }));
  const problem = validateCoinList(coins);
  if (problem !== undefined) throw new GenesisError(`${path}: ${problem}`);
  return Coins.fromArray(coins);
}

function addressAt(text: string, prefix: string, path: string): Uint8Array {
  try {
    return parseBech32Address(text, prefix);
  } catch (e) {
    if (e instanceof AddressError) throw new GenesisError(`${path}: ${e.message}`);
    throw e;
  }
}

const walletAt = (text: string, path: string): Uint8Array => addressAt(text, BECH32_PREFIX.account, path);

// ================================================================================================
// InitGenesis (§8)
// ================================================================================================

/**
 * Applies a validated genesis (after bank, distribution and register, spec-chain §8).
 * @throws GenesisError if the bank supply of the bond denom exceeds `initial_total_supply` (§8 step
 * 5; the reference panics), or if the result breaks a pot invariant.
 */
export function initPotGenesis(ctx: Context, k: PotKeeper, g: PotGenesis): void {
  k.setParams(ctx, g.params);
  k.setTotalMinedToken(ctx, g.totalMinedToken);
  k.setLastDistributedEpoch(ctx, g.lastDistributedEpoch);
  for (const t of g.immatureTotals) k.setImmatureTotal(ctx, t.wallet, t.coins);
  for (const t of g.matureTotals) k.setMatureTotal(ctx, t.wallet, t.coins);
  // setIndividualReward also indexes the epoch (0x09).
  for (const r of g.individualRewards) k.setIndividualReward(ctx, r.matureEpoch, r.wallet, r.reward);
  k.setMaturedEpoch(ctx, g.maturedEpoch);

  const supply = k.bank.getSupply(ctx, g.params.bondDenom);
  const limit = g.params.initialTotalSupply;
  if (limit.amount < supply.amount) {
    throw new GenesisError(
      `${ROOT}.params.initial_total_supply: current total supply[${supply.amount}${supply.denom}] is greater than total supply limit[${limit.amount}${limit.denom}]`,
    );
  }

  for (const t of g.totalRewards) k.setTotalReward(ctx, t.epoch, t.total);
  for (const b of g.blsKeys) k.setMetaNodeBlsKey(ctx, b.metaNode, b.pubKey);
  for (const a of g.rewardAudits) k.setRewardAudit(ctx, a.epoch, a.audit);

  const broken = Object.entries(potInvariants(k)).flatMap(([name, check]) => {
    const problem = check(ctx);
    return problem === undefined ? [] : [`${name}: ${problem}`];
  });
  if (broken.length > 0) {
    const hint = g.referenceFormRewards > 0 && broken.some((b) => b.startsWith("immature-totals"))
      ? " (a reference export writes each wallet's whole immature total into both fields of individual_reward_info when reward_denom = bond_denom, spec-pot §8 QUIRK: keep it in one field)"
      : "";
    throw new GenesisError(`${ROOT}: inconsistent genesis: ${broken.join("; ")}${hint}`);
  }
}

// ================================================================================================
// ExportGenesis (§8 R:)
// ================================================================================================

const coinProto = (c: Coin): CoinProto => create(CoinSchema, { denom: c.denom, amount: c.amount.toString() });
const coinsProto = (c: Coins): CoinProto[] => c.toArray().map(coinProto);

function rewardToProto(r: IndividualReward): RewardProto {
  return create(RewardSchema, { walletAddress: r.walletAddress, rewardFromMiningPool: coinsProto(r.rewardFromMiningPool), rewardFromTrafficPool: coinsProto(r.rewardFromTrafficPool) });
}

/** Params as proto-JSON: the Dec in its JSON form. */
function paramsJsonProto(p: PotParams): ParamsProto {
  return { ...potParamsToProto(p), communityTax: p.communityTax.toString() };
}

/** An audit as stored → as exported (Dec fields in JSON form). */
function auditToJsonProto(a: EpochRewardAudit): EpochRewardAudit {
  const dec = (raw: string): string => (raw === "" ? "" : Dec.fromProtoString(raw).toString());
  return { ...a, trafficReward: dec(a.trafficReward), communityTax: dec(a.communityTax) };
}

/**
 * The pot `app_state` as Go's jsonpb writes it (proto field names, every field present); undefined
 * when pot never had a genesis (no params stored), so that the export imports again.
 */
export function exportPotGenesis(ctx: ReadContext, k: PotKeeper): JsonValue | undefined {
  if (k.getParams(ctx).bondDenom === "") return undefined;
  const acc = (wallet: Uint8Array): string => formatBech32Address(wallet, BECH32_PREFIX.account);
  const state = create(GenesisStateSchema, {
    params: paramsJsonProto(k.getParams(ctx)),
    totalMinedToken: coinProto(k.getTotalMinedToken(ctx)),
    lastDistributedEpoch: k.getLastDistributedEpoch(ctx).toString(),
    immatureTotalInfo: [...k.immatureTotals(ctx)].map(({ wallet, coins }) => create(ImmatureTotalSchema, { walletAddress: acc(wallet), value: coinsProto(coins) })),
    matureTotalInfo: [...k.matureTotals(ctx)].map(({ wallet, coins }) => create(MatureTotalSchema, { walletAddress: acc(wallet), value: coinsProto(coins) })),
    individualRewardInfo: [],
    maturedEpoch: k.getMaturedEpoch(ctx).toString(),
    rewardTotalInfo: [...k.totalRewards(ctx)].map(({ epoch, total }) =>
      create(RewardTotalSchema, {
        epoch: epoch.toString(),
        totalReward: create(TotalRewardSchema, { miningReward: coinsProto(total.miningReward), trafficReward: coinsProto(total.trafficReward) }),
      })),
    individualRewards: [...k.allIndividualRewards(ctx)].map(({ epoch, reward }) =>
      create(IndividualRewardSchema, { matureEpoch: epoch.toString(), reward: rewardToProto(reward) })),
    metaNodeBlsKeys: [...k.metaNodeBlsKeys(ctx)].map(({ metaNode, pubKey }) =>
      create(MetaNodeBlsKeySchema, { networkAddress: formatBech32Address(metaNode, BECH32_PREFIX.sds), pubKey })),
    rewardAudits: [...k.rewardAudits(ctx)].map(({ epoch, audit }) => create(EpochAuditSchema, { epoch: epoch.toString(), audit: auditToJsonProto(audit) })),
  });
  return toGoProtoJson(GenesisStateSchema, state);
}

/** Params as genesis JSON (for genesis builders): the reference's field names and forms. */
export function potParamsJson(p: PotParams): Record<string, unknown> {
  const json = toGoProtoJson(ParamsSchema, create(ParamsSchema, paramsJsonProto(p)));
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new Error("potParamsJson: params did not render as an object");
  return json;
}
