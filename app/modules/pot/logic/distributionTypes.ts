// Inputs and outputs of the epoch distribution (spec-pot §5.3); see distribution.ts.
import type { Coins } from "../../../math/coins.js";
import type { Dec } from "../../../math/dec.js";
import type { MiningValve, ValveSplit } from "./valves.js";

/**
 * Parses a wallet string the way `sdk.AccAddressFromBech32` does and returns the canonical bech32
 * (`AccAddress.String()`), or `undefined` if the string is not a valid `st` account address. The
 * canonical form matters: the reference keys rewards by it, so two spellings of one address (e.g.
 * upper- and lower-case bech32) accumulate into one record. A plain validity predicate `p` fits as
 * `(s) => (p(s) ? s : undefined)` when every valid input is already canonical.
 */
export type WalletParser = (address: string) => string | undefined;

/** A meta node with status Bonded (suspended ones included, §5.3 step 6), as stored in register. */
export interface BondedMetaNode {
  readonly ownerAddress: string;
  readonly beneficiaryAddress: string;
}

/** The state the distribution reads (§2.1, §2.2, §3), taken before the report is applied. */
export interface DistributionSnapshot {
  /** S: register effective total deposit (key 0x10), wei. */
  readonly effectiveTotalDeposit: bigint;
  /** Pt: balance of `total_unissued_prepay` in bond denom. */
  readonly unissuedPrepay: bigint;
  /** Lt: register remaining ozone limit (key 0x04), noz. */
  readonly remainingOzoneLimit: bigint;
  /** register deposit→noz rate (key 0x07), wei per noz. */
  readonly depositNozRate: Dec;
  /** pot `total_mined_token` amount (key 0x01), reward denom. */
  readonly totalMinedToken: bigint;
  readonly miningValves: readonly MiningValve[];
  readonly communityTax: Dec;
  /** Param `mature_epoch`. */
  readonly matureEpoch: bigint;
  /** Every meta node whose status is Bonded, in register store-key order (0x02 ‖ sdsAddr bytes). */
  readonly bondedMetaNodes: readonly BondedMetaNode[];
  /** register bonded meta-node counter (key 0x08); the equal split divides by it. */
  readonly bondedMetaNodeCount: bigint;
  readonly bondDenom: string;
  readonly rewardDenom: string;
}

export interface WalletVolume {
  readonly walletAddress: string;
  readonly volume: bigint;
}

export interface VolumeReport {
  readonly epoch: bigint;
  readonly walletVolumes: readonly WalletVolume[];
}

/** What one wallet receives from this report (all entries and meta nodes paying it, accumulated). */
export interface WalletReward {
  /** Canonical bech32 (from the WalletParser). */
  readonly walletAddress: string;
  readonly mining: bigint; // reward denom
  readonly traffic: bigint; // bond denom, after community tax
  /** `Reward.reward_from_mining_pool` as stored (zero amount → empty Coins, as Coins.Add does). */
  readonly rewardFromMiningPool: Coins;
  readonly rewardFromTrafficPool: Coins;
  /** What `ImmatureTotal[wallet]` grows by: mining + traffic (merged when the denoms are equal). */
  readonly immatureIncrease: Coins;
}

/** One crediting step of §5.3 step 5 (a report entry) or step 6 (a meta node), in execution order. */
export interface RewardCredit {
  readonly source: "resource" | "meta";
  readonly walletAddress: string;
  readonly mining: bigint;
  readonly trafficBeforeTax: Dec;
  readonly tax: Dec;
  readonly trafficAfterTax: bigint;
}

/** The per-call accumulators of §5.3 (named as in the spec). */
export interface DistributionFlows {
  readonly F2V: bigint; // foundation → fee_collector (reward denom)
  readonly P2V: bigint; // prepay → fee_collector (bond denom)
  readonly F2R: bigint; // foundation → total_reward_pool
  readonly P2R: bigint; // prepay → total_reward_pool
  readonly TAX: Dec; // accumulated community tax, bond denom
  readonly taxTruncated: bigint; // trunc(TAX): prepay → community pool
}

export type TransferSource = "foundation_account" | "total_unissued_prepay";
/** "community_pool" means x/distribution FundCommunityPool from the source module account. */
export type TransferTarget = "fee_collector" | "total_reward_pool" | "community_pool";

export interface Transfer {
  readonly from: TransferSource;
  readonly to: TransferTarget;
  /** `sdk.NewCoins(...)`: empty when the amount is zero (a no-op send). */
  readonly coins: Coins;
}

export interface DistributionResult {
  /** Y = Σ volumes, invalid wallets included. */
  readonly totalConsumedNoz: bigint;
  /** R of §5.2. */
  readonly trafficReward: Dec;
  readonly valve: MiningValve;
  /** Slices of R (bond denom) and of the valve's mining reward M (reward denom). */
  readonly trafficGoal: ValveSplit;
  readonly miningGoal: ValveSplit;
  readonly flows: DistributionFlows;
  /** Every credit (valid entries in message order, then meta nodes in store order). */
  readonly credits: readonly RewardCredit[];
  /** One entry per rewarded wallet, sorted by canonical address string (byte order, as Go sorts). */
  readonly rewards: readonly WalletReward[];
  /** Key epoch of this report's IndividualReward records: epoch + mature_epoch. */
  readonly rewardMatureEpoch: bigint;
  /** New pot state (§5.3 steps 8 and 9). */
  readonly lastDistributedEpoch: bigint;
  readonly newTotalMinedToken: bigint; // + F2V + F2R
  readonly newRemainingOzoneLimit: bigint; // Lt + Y
  /** `TotalReward[epoch]`: mining [F2V + F2R], traffic [P2V + P2R + trunc(TAX)], zero amounts dropped. */
  readonly totalReward: { readonly miningReward: Coins; readonly trafficReward: Coins };
  /** §5.3 step 10, always these five in this order. */
  readonly transfers: readonly Transfer[];
}
