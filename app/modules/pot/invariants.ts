/**
 * pot invariants (SDK crisis style): each reads the pot state and returns what is broken, or undefined.
 * The reference registers none. They state what the reproduced behaviour keeps true, so a failing one
 * means a bug or a hand-made state — InitGenesis refuses a genesis that breaks one.
 *
 * Records are decoded here without the keeper's validation, so that a negative or unreadable record is
 * named instead of making every check throw.
 *
 * total-mined-token: the literal "total_mined_token ≤ total mining" does not hold. A report is accepted
 * while total_mined_token is below the last valve's end and then adds its whole mining amount, so the
 * report that crosses the end leaves total_mined_token above it (by less than one mining reward; after
 * it every report fails, out of issuance, §5.3 step 4). The exact statement is: total_mined_token ≤ end,
 * or the last distributed epoch is that crossing report — total_mined_token minus its mining total
 * (TotalReward[last_distributed_epoch]) is below the end.
 */
import type { ReadContext } from "../../baseapp/context.js";
import { type Invariant, reportProblems as report } from "../../baseapp/invariants.js";
import { decodeLengthPrefixed } from "../../baseapp/lengthPrefixed.js";
import { CoinSchema, type Coin as CoinProto } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { RewardSchema, TotalRewardSchema } from "../../codec/stratos/pot/v1/pot_pb.js";
import { CoinsSchema, IntSchema } from "../../codec/stratos/types/v1/wrappers_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { unmarshalIntText } from "../../math/int.js";
import { hexOf } from "../../store/bytes.js";
import { POT_ACCOUNT, type PotKeeper, parseIndividualRewardKey } from "./keeper.js";
import {
  IMMATURE_TOTAL_PREFIX, INDIVIDUAL_REWARD_PREFIX, LAST_DISTRIBUTED_EPOCH_KEY, MATURED_EPOCH_KEY, MATURE_TOTAL_PREFIX, REWARD_EPOCH_INDEX_PREFIX,
  TOTAL_MINED_TOKEN_KEY, TOTAL_REWARD_PREFIX, epochOfIndexKey, totalRewardKey,
} from "./keys.js";
import type { PotParams } from "./params.js";

/** Name → check, for `ModuleHooks.invariants`. */
export function potInvariants(k: PotKeeper): Record<string, Invariant> {
  const guarded = (check: (s: Snapshot) => string[]): Invariant => (ctx) => {
    // Before pot's genesis ran (or without a pot section in app_state) nothing is stored.
    try {
      const params = k.getParams(ctx);
      if (params.bondDenom === "") return undefined;
      return report(check({ k, ctx, params }));
    } catch (e) {
      // An invariant reports; it never throws (e.g. a stored coin with an invalid denom makes the bank panic).
      return `cannot be checked: ${errorText(e)}`;
    }
  };
  return {
    "reward-pool-balance": guarded(rewardPoolBalance),
    "immature-totals": guarded(immatureTotals),
    "reward-epoch-index": guarded(rewardEpochIndex),
    "nonnegative-amounts": guarded(nonnegativeAmounts),
    "total-mined-token": guarded(totalMinedToken),
  };
}

interface Snapshot {
  readonly k: PotKeeper;
  readonly ctx: ReadContext;
  readonly params: PotParams;
}

// ---- raw decoding ----------------------------------------------------------------------------------

interface RawCoin {
  readonly denom: string;
  readonly amount: bigint;
}

/** Amounts as stored: "" (a nil Int) reads as 0. Throws on text that is no integer. */
const rawCoins = (list: readonly CoinProto[]): RawCoin[] => list.map((c) => ({ denom: c.denom, amount: unmarshalIntText(c.amount) ?? 0n }));

/** denom → amount; a running sum per denom. */
type Amounts = Map<string, bigint>;

function addTo(sum: Amounts, coins: readonly RawCoin[]): void {
  for (const c of coins) sum.set(c.denom, (sum.get(c.denom) ?? 0n) + c.amount);
}

/** "5wei,7uatom" in denom order, zero amounts left out; "nothing" when empty. */
function show(sum: Amounts): string {
  const text = [...sum].filter(([, a]) => a !== 0n).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([d, a]) => `${a}${d}`).join(",");
  return text === "" ? "nothing" : text;
}

function equalAmounts(a: Amounts, b: Amounts): boolean {
  for (const d of new Set([...a.keys(), ...b.keys()])) if ((a.get(d) ?? 0n) !== (b.get(d) ?? 0n)) return false;
  return true;
}

const acc = (wallet: Uint8Array): string => formatBech32Address(wallet, BECH32_PREFIX.account);
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Per-wallet coin sums under a totals prefix (0x04 / 0x05); undecodable records are skipped (see nonnegative-amounts). */
function totalsByWallet(s: Snapshot, prefix: Uint8Array): Map<string, { wallet: Uint8Array; sum: Amounts }> {
  const out = new Map<string, { wallet: Uint8Array; sum: Amounts }>();
  for (const { key, value } of s.k.rawRecords(s.ctx, prefix)) {
    try {
      const sum: Amounts = new Map();
      addTo(sum, rawCoins(decodeLengthPrefixed(CoinsSchema, value).Value));
      out.set(hexOf(key.subarray(1)), { wallet: key.subarray(1), sum });
    } catch {
      continue;
    }
  }
  return out;
}

// ---- the checks ------------------------------------------------------------------------------------

/**
 * (1) §2.3: total_reward_pool holds, per denom, exactly the mature + immature totals (it receives
 * F2R + P2R, which the reports credit as immature; maturity moves immature to mature minus the
 * slashed part, which leaves the pool; withdrawals take from both). Checked for every denom of the
 * totals plus the bond and reward denoms.
 */
function rewardPoolBalance(s: Snapshot): string[] {
  const expected: Amounts = new Map([[s.params.bondDenom, 0n], [s.params.rewardDenom, 0n]]);
  for (const prefix of [MATURE_TOTAL_PREFIX, IMMATURE_TOTAL_PREFIX]) {
    for (const { sum } of totalsByWallet(s, prefix).values()) addTo(expected, [...sum].map(([denom, amount]) => ({ denom, amount })));
  }
  const pool = s.k.moduleAddress(POT_ACCOUNT.totalRewardPool);
  const have: Amounts = new Map([...expected.keys()].map((d) => [d, s.k.bank.getBalance(s.ctx, pool, d).amount]));
  return equalAmounts(expected, have)
    ? []
    : [`${POT_ACCOUNT.totalRewardPool} holds ${show(have)} but the mature and immature totals add up to ${show(expected)}`];
}

/**
 * (2) Each wallet's individual rewards (mining + traffic, every epoch) add up to its immature total:
 * maturity subtracts each record from the total, so a shortfall halts it (Coins.Sub negative) and an
 * excess is never released. Each record also names the wallet it is stored under.
 */
function immatureTotals(s: Snapshot): string[] {
  const problems: string[] = [];
  const fromRecords = new Map<string, { wallet: Uint8Array; sum: Amounts }>();
  for (const { key, value } of s.k.rawRecords(s.ctx, INDIVIDUAL_REWARD_PREFIX)) {
    try {
      const { epoch, wallet } = parseIndividualRewardKey(key);
      const reward = decodeLengthPrefixed(RewardSchema, value);
      if (reward.walletAddress !== acc(wallet)) {
        problems.push(`the reward maturing at epoch ${epoch} stored under ${acc(wallet)} names wallet ${JSON.stringify(reward.walletAddress)}`);
      }
      const entry = fromRecords.get(hexOf(wallet)) ?? { wallet, sum: new Map<string, bigint>() };
      addTo(entry.sum, [...rawCoins(reward.rewardFromMiningPool), ...rawCoins(reward.rewardFromTrafficPool)]);
      fromRecords.set(hexOf(wallet), entry);
    } catch {
      continue; // named by nonnegative-amounts
    }
  }
  const totals = totalsByWallet(s, IMMATURE_TOTAL_PREFIX);
  for (const id of new Set([...fromRecords.keys(), ...totals.keys()])) {
    const records = fromRecords.get(id);
    const total = totals.get(id);
    const recordSum = records?.sum ?? new Map<string, bigint>();
    const totalSum = total?.sum ?? new Map<string, bigint>();
    if (!equalAmounts(recordSum, totalSum)) {
      const wallet = (records ?? total)?.wallet ?? new Uint8Array();
      problems.push(`the immature total of ${acc(wallet)} is ${show(totalSum)} but its individual rewards add up to ${show(recordSum)}`);
    }
  }
  return problems;
}

/** (3) The epoch index (0x09) lists exactly the epochs that hold individual rewards. */
function rewardEpochIndex(s: Snapshot): string[] {
  const problems: string[] = [];
  const indexed = new Set<bigint>();
  for (const { key } of s.k.rawRecords(s.ctx, REWARD_EPOCH_INDEX_PREFIX)) {
    if (key.length !== 9) {
      problems.push(`epoch index key ${hexOf(key)} is not 0x09 ‖ uint64`);
      continue;
    }
    indexed.add(epochOfIndexKey(key));
  }
  const withRecords = new Set<bigint>();
  for (const { key } of s.k.rawRecords(s.ctx, INDIVIDUAL_REWARD_PREFIX)) {
    try {
      withRecords.add(parseIndividualRewardKey(key).epoch);
    } catch (e) {
      problems.push(errorText(e));
    }
  }
  for (const e of [...withRecords].filter((e) => !indexed.has(e)).sort(compareBigints)) problems.push(`epoch ${e} holds individual rewards but is not in the epoch index (it would never mature)`);
  for (const e of [...indexed].filter((e) => !withRecords.has(e)).sort(compareBigints)) problems.push(`epoch ${e} is in the epoch index but holds no individual rewards`);
  return problems;
}

const compareBigints = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** (4) Every stored amount and epoch decodes and is ≥ 0. */
function nonnegativeAmounts(s: Snapshot): string[] {
  const problems: string[] = [];
  const check = (what: string, read: () => readonly RawCoin[]): void => {
    try {
      for (const c of read()) if (c.amount < 0n) problems.push(`${what} has a negative amount ${c.amount}${c.denom}`);
    } catch (e) {
      problems.push(`${what} does not decode: ${errorText(e)}`);
    }
  };
  const asCoin = (what: string, n: bigint): RawCoin[] => [{ denom: what, amount: n }];
  const one = (key: Uint8Array): Uint8Array | undefined => s.k.rawRecord(s.ctx, key);
  const mined = one(TOTAL_MINED_TOKEN_KEY);
  if (mined !== undefined) check("total_mined_token (0x01)", () => rawCoins([decodeLengthPrefixed(CoinSchema, mined)]));
  for (const [name, key] of [["last_distributed_epoch (0x02)", LAST_DISTRIBUTED_EPOCH_KEY], ["matured_epoch (0x07)", MATURED_EPOCH_KEY]] as const) {
    const bytes = one(key);
    if (bytes !== undefined) check(name, () => asCoin("", unmarshalIntText(decodeLengthPrefixed(IntSchema, bytes).Value) ?? 0n));
  }
  for (const [name, prefix] of [["mature total", MATURE_TOTAL_PREFIX], ["immature total", IMMATURE_TOTAL_PREFIX]] as const) {
    for (const { key, value } of s.k.rawRecords(s.ctx, prefix)) {
      check(`${name} of ${acc(key.subarray(1))}`, () => rawCoins(decodeLengthPrefixed(CoinsSchema, value).Value));
    }
  }
  for (const { key, value } of s.k.rawRecords(s.ctx, INDIVIDUAL_REWARD_PREFIX)) {
    check(`individual reward ${hexOf(key)}`, () => {
      const r = decodeLengthPrefixed(RewardSchema, value);
      return [...rawCoins(r.rewardFromMiningPool), ...rawCoins(r.rewardFromTrafficPool)];
    });
  }
  for (const { key, value } of s.k.rawRecords(s.ctx, TOTAL_REWARD_PREFIX)) {
    check(`total reward of epoch ${new TextDecoder().decode(key.subarray(1))}`, () => {
      const t = decodeLengthPrefixed(TotalRewardSchema, value);
      return [...rawCoins(t.miningReward), ...rawCoins(t.trafficReward)];
    });
  }
  return problems;
}

/** (5) total_mined_token is in the reward denom and within the mining schedule (file comment). */
function totalMinedToken(s: Snapshot): string[] {
  const last = s.params.miningRewardParams[s.params.miningRewardParams.length - 1];
  if (last === undefined) return ["the params have no mining reward valve"];
  let mined: RawCoin;
  try {
    mined = s.k.getTotalMinedToken(s.ctx);
  } catch (e) {
    return [`total_mined_token does not decode: ${errorText(e)}`];
  }
  if (mined.denom !== s.params.rewardDenom) return [`total_mined_token is in ${mined.denom}, not the reward denom ${s.params.rewardDenom}`];
  const end = last.totalMinedValveEnd;
  if (mined.amount <= end) return [];
  const epoch = s.k.getLastDistributedEpoch(s.ctx);
  const lastMining = lastReportMining(s, epoch);
  return mined.amount - lastMining < end
    ? []
    : [`total_mined_token ${mined.amount} is above the total mining ${end}, and not by the last report (epoch ${epoch} mined ${lastMining})`];
}

/** The mining total (reward denom) of TotalReward[epoch]; 0 if absent or unreadable. */
function lastReportMining(s: Snapshot, epoch: bigint): bigint {
  const bytes = s.k.rawRecord(s.ctx, totalRewardKey(epoch));
  if (bytes === undefined) return 0n;
  try {
    return rawCoins(decodeLengthPrefixed(TotalRewardSchema, bytes).miningReward).find((c) => c.denom === s.params.rewardDenom)?.amount ?? 0n;
  } catch {
    return 0n;
  }
}
