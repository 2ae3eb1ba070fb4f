// The EndBlock maturity step `RewardMatureAndSubSlashing` (spec-pot §6.2), as a pure function over an
// ordered index of the immature IndividualReward records (key 0x03 ‖ epochStr ‖ "_" ‖ addr).
import { Coins } from "../../../math/coins.js";
import { deductSlashing } from "../../register/logic/slashing.js";

/** The reference's MatureCountPerBlock: the newest epoch matures at most this many records per call. */
export const MATURE_COUNT_PER_BLOCK = 100;

/** One stored IndividualReward; `walletAddress` identifies the key's address (canonical bech32). */
export interface StoredIndividualReward {
  readonly walletAddress: string;
  readonly rewardFromMiningPool: Coins;
  readonly rewardFromTrafficPool: Coins;
}

/** All records under one epoch prefix, in store order (address bytes ascending). */
export interface ImmatureEpochRecords {
  readonly epoch: bigint;
  readonly records: Iterable<StoredIndividualReward>;
}

export interface MaturityInput {
  readonly lastDistributedEpoch: bigint; // L
  readonly maturedEpoch: bigint; // M as stored (0 = never run)
  readonly matureEpochParam: bigint;
  readonly rewardDenom: string;
  /**
   * Epochs that have records, strictly ascending. Epochs ≤ the window start are skipped and iteration
   * stops at the first epoch > L, so the caller may pass a lazy view of its whole index; records of
   * the newest epoch are consumed only up to the throttle.
   */
  readonly epochsWithRecords: Iterable<ImmatureEpochRecords>;
  /** register slashing debt of a wallet before this call (absent → 0). */
  readonly slashingDebtOf: (walletAddress: string) => bigint;
}

export interface MaturedRecord {
  readonly walletAddress: string;
  /** mining + traffic: leaves ImmatureTotal. */
  readonly amount: Coins;
  /** amount − slashed: joins MatureTotal. */
  readonly matured: Coins;
  readonly slashed: Coins;
}

export interface EpochMaturity {
  readonly epoch: bigint;
  /** Processed (and to be deleted) records, in store order. */
  readonly records: readonly MaturedRecord[];
  /** Σ slashed of this epoch: FundCommunityPool from total_reward_pool (the reference calls it even if empty). */
  readonly slashed: Coins;
  /** Every record of the epoch processed: matured_epoch was set to this epoch. */
  readonly completed: boolean;
}

export interface WalletCoins {
  readonly walletAddress: string;
  readonly coins: Coins;
}

export interface MaturityResult {
  /** M was 0: the reference stores matured_epoch = mature_epoch param before anything else. */
  readonly initializedMaturedEpoch: boolean;
  /** Value of matured_epoch after the call (write it if it differs from the input). */
  readonly maturedEpoch: bigint;
  /** Visited epochs in (M, L] in ascending order; an epoch broken off before its first record is included with no records. */
  readonly epochs: readonly EpochMaturity[];
  /** Per wallet, first-touch order: MatureTotal += coins; ImmatureTotal −= coins (Go's Coins.Sub panics if negative). */
  readonly matureIncreases: readonly WalletCoins[];
  readonly immatureDecreases: readonly WalletCoins[];
  /** Final debt of each wallet whose debt DeductSlashing wrote, first-write order. */
  readonly slashingDebtWrites: readonly { readonly walletAddress: string; readonly debt: bigint }[];
}

/** Accumulates per-wallet coins with a deterministic (first-touch) output order. */
class WalletLedger {
  private readonly order: string[] = [];
  private readonly byWallet = new Map<string, Coins>(); // lookup only
  add(wallet: string, coins: Coins): void {
    const old = this.byWallet.get(wallet);
    if (old === undefined) this.order.push(wallet);
    this.byWallet.set(wallet, (old ?? Coins.EMPTY).add(coins));
  }
  entries(): WalletCoins[] {
    return this.order.map((walletAddress) => ({ walletAddress, coins: this.byWallet.get(walletAddress) ?? Coins.EMPTY }));
  }
}

/**
 * `RewardMatureAndSubSlashing` (§6.2) with the DoS QUIRK's R: applied — only epochs that have records
 * are visited, never every integer in (M, L]. Semantics kept exactly:
 * - first run (M = 0): M becomes the mature_epoch param; nothing else if L ≤ M;
 * - older epochs are processed completely; on the newest epoch L a record is processed only while the
 *   running count (starting at 1, +1 per record processed in this call, all epochs) is ≤ 100;
 * - matured_epoch becomes E only when E had ≥ 1 record and all of them were processed;
 * - slashing debt is deducted from `reward_denom` per record, in order, debts carrying across epochs.
 * Deviation (non-consensus): the reference also calls FundCommunityPool with empty coins for epochs
 * without records (empty bank events in EndBlock); those epochs are not visited here.
 * @throws RangeError if `epochsWithRecords` is not strictly ascending (a bug in the caller's index);
 *   InvalidDenomError (register's deductSlashing, where Go panics) if `rewardDenom` is invalid and a
 *   wallet with a positive debt has a non-empty record
 */
export function matureRewards(input: MaturityInput): MaturityResult {
  const initializedMaturedEpoch = input.maturedEpoch === 0n;
  let maturedEpoch = initializedMaturedEpoch ? input.matureEpochParam : input.maturedEpoch;
  const windowStart = maturedEpoch; // exclusive
  const last = input.lastDistributedEpoch;
  const epochs: EpochMaturity[] = [];
  const mature = new WalletLedger();
  const immature = new WalletLedger();
  const debts = new Map<string, bigint>(); // working debts, lookup only
  const debtWriteOrder: string[] = [];
  if (last <= windowStart) {
    return { initializedMaturedEpoch, maturedEpoch, epochs, matureIncreases: [], immatureDecreases: [], slashingDebtWrites: [] };
  }

  let processCount = 1;
  let previous: bigint | undefined;
  for (const { epoch, records } of input.epochsWithRecords) {
    if (previous !== undefined && epoch <= previous) {
      throw new RangeError(`matureRewards: epochs not strictly ascending (${previous} then ${epoch})`);
    }
    previous = epoch;
    if (epoch <= windowStart) continue;
    if (epoch > last) break;

    const processed: MaturedRecord[] = [];
    let slashed = Coins.EMPTY;
    let broken = false;
    for (const record of records) {
      if (processCount > MATURE_COUNT_PER_BLOCK && epoch === last) {
        broken = true;
        break;
      }
      const amount = record.rewardFromMiningPool.add(record.rewardFromTrafficPool);
      const wallet = record.walletAddress;
      const debt = debts.get(wallet) ?? input.slashingDebtOf(wallet);
      const deduction = deductSlashing(debt, amount, input.rewardDenom);
      if (deduction.storeDebt) {
        if (!debts.has(wallet)) debtWriteOrder.push(wallet);
        debts.set(wallet, deduction.debtAfter);
      }
      slashed = slashed.add(deduction.deducted);
      mature.add(wallet, deduction.remaining);
      immature.add(wallet, amount);
      processed.push({ walletAddress: wallet, amount, matured: deduction.remaining, slashed: deduction.deducted });
      processCount += 1;
    }
    const completed = processed.length > 0 && !broken;
    if (completed) maturedEpoch = epoch;
    epochs.push({ epoch, records: processed, slashed, completed });
  }

  return {
    initializedMaturedEpoch,
    maturedEpoch,
    epochs,
    matureIncreases: mature.entries(),
    immatureDecreases: immature.entries(),
    slashingDebtWrites: debtWriteOrder.map((walletAddress) => ({ walletAddress, debt: debts.get(walletAddress) ?? 0n })),
  };
}
