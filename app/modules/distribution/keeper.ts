/**
 * The distribution keeper: state I/O of every distribution record (SDK v0.47 `x/distribution/keeper/
 * store.go`, `params.go`, `fee_pool.go`) and the community-pool API other modules use (register and pot
 * fund it, pot's supply restoration burns from it). The F1 procedures are functions over this keeper
 * (periods.ts, rewards.ts, allocation.ts, hooks.ts); nothing here computes rewards.
 *
 * Empty records: the IAVL store refuses zero-length values (docs/deviations.md), and an empty fee pool,
 * outstanding-rewards or commission record encodes to zero bytes, as does an empty previous proposer.
 * Such a record is deleted instead; every getter reads an absent record as the empty one, as the
 * reference reads a zero-length value, and genesis export writes the empty records back (genesis.ts).
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { BytesValueSchema } from "@bufbuild/protobuf/wkt";
import type { ReadContext } from "../../baseapp/context.js";
import { plainError } from "../../baseapp/errors.js";
import { type Coins, DecCoins } from "../../math/coins.js";
import { prefixEnd } from "../../store/bytes.js";
import type { KVStore } from "../../store/types.js";
import { ErrBadDistribution } from "./errors.js";
import type { AccountsForDistribution, BankForDistribution, StakingForDistribution, WriteContext } from "./expected.js";
import {
  accumulatedCommissionKey, addressAfterPrefix, currentRewardsKey, DISTRIBUTION_MODULE_NAME, DISTRIBUTION_STORE_KEY, FEE_POOL_KEY,
  historicalRewardsKey, historicalRewardsKeyParts, historicalRewardsPrefix, outstandingRewardsKey, PARAMS_KEY, PREFIX,
  PREVIOUS_PROPOSER_KEY, slashEventHeightPrefix, slashEventKey, slashEventKeyParts, slashEventPrefix, startingInfoAddresses,
  startingInfoKey, withdrawAddressKey,
} from "./keys.js";
import { validateDistributionParams, ZERO_DISTRIBUTION_PARAMS } from "./params.js";
import {
  decodeCommission, decodeCurrentRewards, decodeFeePool, decodeHistoricalRewards, decodeOutstanding, decodeParams, decodeSlashEvent,
  decodeStartingInfo, encodeCommission, encodeCurrentRewards, encodeFeePool, encodeHistoricalRewards, encodeOutstanding, encodeParams,
  encodeSlashEvent, encodeStartingInfo,
} from "./store.js";
import type { CurrentRewards, DistributionParams, HistoricalRewards, SlashEvent, StartingInfo } from "./types.js";

export interface DistributionKeeperDeps {
  readonly bank: BankForDistribution;
  readonly accounts: AccountsForDistribution;
  readonly staking: StakingForDistribution;
  /** Bech32 address of the MsgUpdateParams / MsgCommunityPoolSpend authority (the gov module account). */
  readonly authority: string;
}

/** Go's zero `ValidatorCurrentRewards` (what the reference reads for a validator without one). */
const NO_CURRENT_REWARDS: CurrentRewards = { rewards: DecCoins.EMPTY, period: 0n };
/** Go's zero `ValidatorHistoricalRewards`. */
const NO_HISTORICAL_REWARDS: HistoricalRewards = { cumulativeRewardRatio: DecCoins.EMPTY, referenceCount: 0 };

function* prefixed(ctx: ReadContext, prefix: Uint8Array): Generator<{ key: Uint8Array; value: Uint8Array }> {
  yield* ctx.kv(DISTRIBUTION_STORE_KEY).iterator(prefix, prefixEnd(prefix));
}

/** Writes `bytes`, or deletes the key when the record encodes to nothing (see the file comment). */
function setOrDelete(store: KVStore, key: Uint8Array, bytes: Uint8Array): void {
  if (bytes.length === 0) store.delete(key);
  else store.set(key, bytes);
}

export class DistributionKeeper {
  constructor(readonly deps: DistributionKeeperDeps) {}

  get bank(): BankForDistribution {
    return this.deps.bank;
  }

  get staking(): StakingForDistribution {
    return this.deps.staking;
  }

  /** The distribution module account's address (it holds the community pool and the outstanding rewards). */
  moduleAddress(): Uint8Array {
    const address = this.deps.accounts.getModuleAddress(DISTRIBUTION_MODULE_NAME);
    if (address === undefined) throw new Error("distribution module account has not been set");
    return address;
  }

  // ---- params ------------------------------------------------------------------------------------

  /** `GetParams`: Go's zero params before any are stored. */
  getParams(ctx: ReadContext): DistributionParams {
    const bytes = ctx.kv(DISTRIBUTION_STORE_KEY).get(PARAMS_KEY);
    return bytes === undefined ? ZERO_DISTRIBUTION_PARAMS : decodeParams(bytes);
  }

  /** `SetParams`: validates first (a plain error, code 1, as the reference returns it). */
  setParams(ctx: WriteContext, params: DistributionParams): void {
    const problem = validateDistributionParams(params);
    if (problem !== undefined) throw plainError(problem);
    ctx.kv(DISTRIBUTION_STORE_KEY).set(PARAMS_KEY, encodeParams(params));
  }

  // ---- fee pool (community pool) -----------------------------------------------------------------

  /** `GetFeePool().CommunityPool`; empty when never set. */
  getCommunityPool(ctx: ReadContext): DecCoins {
    const bytes = ctx.kv(DISTRIBUTION_STORE_KEY).get(FEE_POOL_KEY);
    return bytes === undefined ? DecCoins.EMPTY : decodeFeePool(bytes);
  }

  setCommunityPool(ctx: WriteContext, pool: DecCoins): void {
    setOrDelete(ctx.kv(DISTRIBUTION_STORE_KEY), FEE_POOL_KEY, encodeFeePool(pool));
  }

  addToCommunityPool(ctx: WriteContext, amount: DecCoins): void {
    this.setCommunityPool(ctx, this.getCommunityPool(ctx).add(amount));
  }

  /** SDK `FundCommunityPool(amount, sender)`: sender → the distribution module account, recorded in the pool. */
  fundCommunityPool(ctx: WriteContext, amount: Coins, sender: Uint8Array): void {
    this.deps.bank.sendCoinsFromAccountToModule(ctx, sender, DISTRIBUTION_MODULE_NAME, amount);
    this.addToCommunityPool(ctx, DecCoins.fromCoins(amount));
  }

  /**
   * SDK `DistributeFromFeePool`: pays `amount` out of the community pool to `recipient`.
   * @throws ErrBadDistribution when the pool holds less than `amount` of some denom.
   */
  distributeFromFeePool(ctx: WriteContext, amount: Coins, recipient: Uint8Array): void {
    const { result, negative } = this.getCommunityPool(ctx).safeSub(DecCoins.fromCoins(amount));
    if (negative) throw ErrBadDistribution;
    this.deps.bank.sendCoinsFromModuleToAccount(ctx, DISTRIBUTION_MODULE_NAME, recipient, amount);
    this.setCommunityPool(ctx, result);
  }

  // ---- previous proposer -------------------------------------------------------------------------

  /** Consensus address of the previous block's proposer (empty before the first block). */
  getPreviousProposer(ctx: ReadContext): Uint8Array {
    const bytes = ctx.kv(DISTRIBUTION_STORE_KEY).get(PREVIOUS_PROPOSER_KEY);
    return bytes === undefined ? new Uint8Array() : fromBinary(BytesValueSchema, bytes).value;
  }

  setPreviousProposer(ctx: WriteContext, consAddr: Uint8Array): void {
    setOrDelete(ctx.kv(DISTRIBUTION_STORE_KEY), PREVIOUS_PROPOSER_KEY, toBinary(BytesValueSchema, create(BytesValueSchema, { value: consAddr })));
  }

  // ---- withdraw addresses ------------------------------------------------------------------------

  /** `GetDelegatorWithdrawAddr`: the stored address, or the delegator itself. */
  getWithdrawAddr(ctx: ReadContext, delegator: Uint8Array): Uint8Array {
    return ctx.kv(DISTRIBUTION_STORE_KEY).get(withdrawAddressKey(delegator)) ?? delegator;
  }

  setWithdrawAddr(ctx: WriteContext, delegator: Uint8Array, withdrawAddress: Uint8Array): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).set(withdrawAddressKey(delegator), withdrawAddress);
  }

  /** Every stored withdraw address, by delegator key order. */
  *withdrawAddrs(ctx: ReadContext): Generator<{ delegator: Uint8Array; withdrawAddress: Uint8Array }> {
    for (const { key, value } of prefixed(ctx, Uint8Array.of(PREFIX.withdrawAddress))) {
      yield { delegator: addressAfterPrefix(key), withdrawAddress: value };
    }
  }

  // ---- outstanding rewards -----------------------------------------------------------------------

  getOutstandingRewards(ctx: ReadContext, validator: Uint8Array): DecCoins {
    const bytes = ctx.kv(DISTRIBUTION_STORE_KEY).get(outstandingRewardsKey(validator));
    return bytes === undefined ? DecCoins.EMPTY : decodeOutstanding(bytes);
  }

  setOutstandingRewards(ctx: WriteContext, validator: Uint8Array, rewards: DecCoins): void {
    setOrDelete(ctx.kv(DISTRIBUTION_STORE_KEY), outstandingRewardsKey(validator), encodeOutstanding(rewards));
  }

  deleteOutstandingRewards(ctx: WriteContext, validator: Uint8Array): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).delete(outstandingRewardsKey(validator));
  }

  /** Every non-empty outstanding-rewards record, by validator key order (raw bytes, for invariants too). */
  *outstandingRewardsRecords(ctx: ReadContext): Generator<{ validator: Uint8Array; bytes: Uint8Array }> {
    for (const { key, value } of prefixed(ctx, Uint8Array.of(PREFIX.outstandingRewards))) {
      yield { validator: addressAfterPrefix(key), bytes: value };
    }
  }

  // ---- accumulated commission --------------------------------------------------------------------

  getAccumulatedCommission(ctx: ReadContext, validator: Uint8Array): DecCoins {
    const bytes = ctx.kv(DISTRIBUTION_STORE_KEY).get(accumulatedCommissionKey(validator));
    return bytes === undefined ? DecCoins.EMPTY : decodeCommission(bytes);
  }

  setAccumulatedCommission(ctx: WriteContext, validator: Uint8Array, commission: DecCoins): void {
    setOrDelete(ctx.kv(DISTRIBUTION_STORE_KEY), accumulatedCommissionKey(validator), encodeCommission(commission));
  }

  deleteAccumulatedCommission(ctx: WriteContext, validator: Uint8Array): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).delete(accumulatedCommissionKey(validator));
  }

  *accumulatedCommissions(ctx: ReadContext): Generator<{ validator: Uint8Array; commission: DecCoins }> {
    for (const { key, value } of prefixed(ctx, Uint8Array.of(PREFIX.accumulatedCommission))) {
      yield { validator: addressAfterPrefix(key), commission: decodeCommission(value) };
    }
  }

  // ---- current rewards ---------------------------------------------------------------------------

  /** `GetValidatorCurrentRewards`: Go's zero record (period 0) for a validator without one. */
  getCurrentRewards(ctx: ReadContext, validator: Uint8Array): CurrentRewards {
    const bytes = ctx.kv(DISTRIBUTION_STORE_KEY).get(currentRewardsKey(validator));
    return bytes === undefined ? NO_CURRENT_REWARDS : decodeCurrentRewards(bytes);
  }

  hasCurrentRewards(ctx: ReadContext, validator: Uint8Array): boolean {
    return ctx.kv(DISTRIBUTION_STORE_KEY).has(currentRewardsKey(validator));
  }

  setCurrentRewards(ctx: WriteContext, validator: Uint8Array, rewards: CurrentRewards): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).set(currentRewardsKey(validator), encodeCurrentRewards(rewards));
  }

  deleteCurrentRewards(ctx: WriteContext, validator: Uint8Array): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).delete(currentRewardsKey(validator));
  }

  *currentRewardsRecords(ctx: ReadContext): Generator<{ validator: Uint8Array; rewards: CurrentRewards }> {
    for (const { key, value } of prefixed(ctx, Uint8Array.of(PREFIX.currentRewards))) {
      yield { validator: addressAfterPrefix(key), rewards: decodeCurrentRewards(value) };
    }
  }

  // ---- historical rewards ------------------------------------------------------------------------

  /** `GetValidatorHistoricalRewards`: Go's zero record (no ratio, no references) when absent. */
  getHistoricalRewards(ctx: ReadContext, validator: Uint8Array, period: bigint): HistoricalRewards {
    const bytes = ctx.kv(DISTRIBUTION_STORE_KEY).get(historicalRewardsKey(validator, period));
    return bytes === undefined ? NO_HISTORICAL_REWARDS : decodeHistoricalRewards(bytes);
  }

  setHistoricalRewards(ctx: WriteContext, validator: Uint8Array, period: bigint, rewards: HistoricalRewards): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).set(historicalRewardsKey(validator, period), encodeHistoricalRewards(rewards));
  }

  deleteHistoricalReward(ctx: WriteContext, validator: Uint8Array, period: bigint): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).delete(historicalRewardsKey(validator, period));
  }

  /** Deletes every historical record of `validator`. */
  deleteHistoricalRewards(ctx: WriteContext, validator: Uint8Array): void {
    deleteUnder(ctx, historicalRewardsPrefix(validator));
  }

  /** Every historical record, by key order (validator, then period's little-endian bytes). */
  *historicalRewardsRecords(ctx: ReadContext): Generator<{ validator: Uint8Array; period: bigint; rewards: HistoricalRewards }> {
    for (const { key, value } of prefixed(ctx, Uint8Array.of(PREFIX.historicalRewards))) {
      const { val, period } = historicalRewardsKeyParts(key);
      yield { validator: val, period, rewards: decodeHistoricalRewards(value) };
    }
  }

  // ---- delegator starting info -------------------------------------------------------------------

  getStartingInfo(ctx: ReadContext, validator: Uint8Array, delegator: Uint8Array): StartingInfo | undefined {
    const bytes = ctx.kv(DISTRIBUTION_STORE_KEY).get(startingInfoKey(validator, delegator));
    return bytes === undefined ? undefined : decodeStartingInfo(bytes);
  }

  hasStartingInfo(ctx: ReadContext, validator: Uint8Array, delegator: Uint8Array): boolean {
    return ctx.kv(DISTRIBUTION_STORE_KEY).has(startingInfoKey(validator, delegator));
  }

  setStartingInfo(ctx: WriteContext, validator: Uint8Array, delegator: Uint8Array, info: StartingInfo): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).set(startingInfoKey(validator, delegator), encodeStartingInfo(info));
  }

  deleteStartingInfo(ctx: WriteContext, validator: Uint8Array, delegator: Uint8Array): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).delete(startingInfoKey(validator, delegator));
  }

  *startingInfos(ctx: ReadContext): Generator<{ validator: Uint8Array; delegator: Uint8Array; info: StartingInfo }> {
    for (const { key, value } of prefixed(ctx, Uint8Array.of(PREFIX.startingInfo))) {
      const { val, del } = startingInfoAddresses(key);
      yield { validator: val, delegator: del, info: decodeStartingInfo(value) };
    }
  }

  // ---- slash events ------------------------------------------------------------------------------

  setSlashEvent(ctx: WriteContext, validator: Uint8Array, height: bigint, period: bigint, event: SlashEvent): void {
    ctx.kv(DISTRIBUTION_STORE_KEY).set(slashEventKey(validator, height, period), encodeSlashEvent(event));
  }

  /** `IterateValidatorSlashEventsBetween`: events of `validator` with start ≤ height ≤ end, in (height, period) order. */
  *slashEventsBetween(ctx: ReadContext, validator: Uint8Array, startHeight: bigint, endHeight: bigint): Generator<{ height: bigint; event: SlashEvent }> {
    const store = ctx.kv(DISTRIBUTION_STORE_KEY);
    for (const { key, value } of store.iterator(slashEventHeightPrefix(validator, startHeight), slashEventHeightPrefix(validator, endHeight + 1n))) {
      yield { height: slashEventKeyParts(key).height, event: decodeSlashEvent(value) };
    }
  }

  /** Every slash event, by (validator, height, period) key order. */
  *slashEvents(ctx: ReadContext): Generator<{ validator: Uint8Array; height: bigint; period: bigint; event: SlashEvent }> {
    for (const { key, value } of prefixed(ctx, Uint8Array.of(PREFIX.slashEvent))) {
      const { val, height, period } = slashEventKeyParts(key);
      yield { validator: val, height, period, event: decodeSlashEvent(value) };
    }
  }

  deleteSlashEvents(ctx: WriteContext, validator: Uint8Array): void {
    deleteUnder(ctx, slashEventPrefix(validator));
  }
}

/** Deletes every key under `prefix` (collected first: no writes while iterating). */
function deleteUnder(ctx: WriteContext, prefix: Uint8Array): void {
  const store = ctx.kv(DISTRIBUTION_STORE_KEY);
  const keys = [...store.iterator(prefix, prefixEnd(prefix))].map((kv) => kv.key);
  for (const key of keys) store.delete(key);
}
