/**
 * The pot keeper: every read and write of the pot store (spec-pot §2.1) plus this chain's epoch index,
 * BLS keys and reward audits. The message and EndBlock procedures live in their own files.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import type { ReadContext } from "../../baseapp/context.js";
import { ErrPanic } from "../../baseapp/errors.js";
import { decodeLengthPrefixed, encodeLengthPrefixed } from "../../baseapp/lengthPrefixed.js";
import { CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { CoinsSchema, IntSchema } from "../../codec/stratos/types/v1/wrappers_pb.js";
import {
  type EpochRewardAudit, EpochRewardAuditSchema, ParamsSchema, RewardSchema, TotalRewardSchema, VolumeReportRecordSchema,
} from "../../codec/stratos/pot/v1/pot_pb.js";
import { type Coin, coin, Coins } from "../../math/coins.js";
import { unmarshalIntText } from "../../math/int.js";
import { prefixEnd } from "../../store/bytes.js";
import type { KVReader, KVStore } from "../../store/types.js";
import type { AccountsForPot, BankForPot, DistributionForPot, RegisterForPot, WriteContext } from "./expected.js";
import {
  IMMATURE_TOTAL_PREFIX, INDIVIDUAL_REWARD_PREFIX, LAST_DISTRIBUTED_EPOCH_KEY, MATURE_TOTAL_PREFIX, MATURED_EPOCH_KEY, META_NODE_BLS_KEY_PREFIX,
  PARAMS_KEY, POT_STORE_KEY, REWARD_AUDIT_PREFIX, REWARD_EPOCH_INDEX_PREFIX, TOTAL_MINED_TOKEN_KEY, TOTAL_REWARD_PREFIX, blsKeyOwnerKey,
  epochOfIndexKey, immatureTotalKey, individualRewardEpochPrefix, individualRewardKey, matureTotalKey, metaNodeBlsKeyKey,
  rewardAuditKey, rewardEpochIndexKey, totalRewardKey, volumeReportKey,
} from "./keys.js";
import { type PotParams, ZERO_POT_PARAMS, potParamsFromProto, potParamsToProto } from "./params.js";

/** pot's module accounts (spec-pot §2.3). */
export const POT_ACCOUNT = {
  pot: "pot",
  foundation: "foundation_account",
  totalRewardPool: "total_reward_pool",
  totalUnissuedPrepay: "total_unissued_prepay",
  feeCollector: "fee_collector",
} as const;

export interface PotKeeperDeps {
  readonly register: RegisterForPot;
  readonly bank: BankForPot;
  readonly distribution: DistributionForPot;
  readonly accounts: AccountsForPot;
  /** Bech32 address allowed to send MsgUpdateParams (the gov module account). */
  readonly authority: string;
  /** Replay mode (app option referenceQuirks): no reward audit records are written. */
  readonly referenceQuirks: boolean;
}

/** An IndividualReward record: what one wallet gets from one report, maturing at the key's epoch. */
export interface IndividualReward {
  readonly walletAddress: string;
  readonly rewardFromMiningPool: Coins;
  readonly rewardFromTrafficPool: Coins;
}

export interface VolumeReportRecord {
  readonly reporter: string;
  readonly reportReference: string;
  readonly txHash: string;
}

export interface TotalReward {
  readonly miningReward: Coins;
  readonly trafficReward: Coins;
}

const toCoinsProto = (c: Coins) => c.toArray().map((x) => create(CoinSchema, { denom: x.denom, amount: x.amount.toString() }));
/** Stored coin lists are trusted (the keeper wrote them sorted and positive); invalid ones throw. */
const fromCoinsProto = (list: ReadonlyArray<{ denom: string; amount: string }>): Coins =>
  Coins.fromArray(list.map((c) => coin(c.denom, unmarshalIntText(c.amount) ?? 0n)));

export function encodeCoinsValue(c: Coins): Uint8Array {
  return encodeLengthPrefixed(CoinsSchema, create(CoinsSchema, { Value: toCoinsProto(c) }));
}

export function decodeCoinsValue(bytes: Uint8Array): Coins {
  return fromCoinsProto(decodeLengthPrefixed(CoinsSchema, bytes).Value);
}

export function encodeReward(r: IndividualReward): Uint8Array {
  return encodeLengthPrefixed(RewardSchema, create(RewardSchema, {
    walletAddress: r.walletAddress,
    rewardFromMiningPool: toCoinsProto(r.rewardFromMiningPool),
    rewardFromTrafficPool: toCoinsProto(r.rewardFromTrafficPool),
  }));
}

export function decodeReward(bytes: Uint8Array): IndividualReward {
  const p = decodeLengthPrefixed(RewardSchema, bytes);
  return { walletAddress: p.walletAddress, rewardFromMiningPool: fromCoinsProto(p.rewardFromMiningPool), rewardFromTrafficPool: fromCoinsProto(p.rewardFromTrafficPool) };
}

export class PotKeeper {
  constructor(readonly deps: PotKeeperDeps) {}

  get register(): RegisterForPot {
    return this.deps.register;
  }

  get bank(): BankForPot {
    return this.deps.bank;
  }

  private reader(ctx: ReadContext): KVReader {
    return ctx.kv(POT_STORE_KEY);
  }

  private writer(ctx: WriteContext): KVStore {
    return ctx.kv(POT_STORE_KEY);
  }

  moduleAddress(name: string): Uint8Array {
    const addr = this.deps.accounts.getModuleAddress(name);
    if (addr === undefined) throw ErrPanic.wrap(`module account ${name} does not exist`);
    return addr;
  }

  // ---- params ----------------------------------------------------------------------------------

  getParams(ctx: ReadContext): PotParams {
    const bytes = this.reader(ctx).get(PARAMS_KEY);
    return bytes === undefined ? ZERO_POT_PARAMS : potParamsFromProto(fromBinary(ParamsSchema, bytes));
  }

  setParams(ctx: WriteContext, params: PotParams): void {
    this.writer(ctx).set(PARAMS_KEY, toBinary(ParamsSchema, potParamsToProto(params)));
  }

  // ---- totals and epochs -----------------------------------------------------------------------

  /** `total_mined_token` (0x01); absent → 0 of the reward denom. */
  getTotalMinedToken(ctx: ReadContext): Coin {
    const bytes = this.reader(ctx).get(TOTAL_MINED_TOKEN_KEY);
    if (bytes === undefined) return coin(this.getParams(ctx).rewardDenom, 0n);
    const c = decodeLengthPrefixed(CoinSchema, bytes);
    return coin(c.denom, unmarshalIntText(c.amount) ?? 0n);
  }

  setTotalMinedToken(ctx: WriteContext, c: Coin): void {
    this.writer(ctx).set(TOTAL_MINED_TOKEN_KEY, encodeLengthPrefixed(CoinSchema, create(CoinSchema, { denom: c.denom, amount: c.amount.toString() })));
  }

  getLastDistributedEpoch(ctx: ReadContext): bigint {
    return this.getInt(ctx, LAST_DISTRIBUTED_EPOCH_KEY);
  }

  setLastDistributedEpoch(ctx: WriteContext, epoch: bigint): void {
    this.setInt(ctx, LAST_DISTRIBUTED_EPOCH_KEY, epoch);
  }

  getMaturedEpoch(ctx: ReadContext): bigint {
    return this.getInt(ctx, MATURED_EPOCH_KEY);
  }

  setMaturedEpoch(ctx: WriteContext, epoch: bigint): void {
    this.setInt(ctx, MATURED_EPOCH_KEY, epoch);
  }

  // ---- individual rewards and the epoch index --------------------------------------------------

  getIndividualReward(ctx: ReadContext, epoch: bigint, wallet: Uint8Array): IndividualReward | undefined {
    const bytes = this.reader(ctx).get(individualRewardKey(epoch, wallet));
    return bytes === undefined ? undefined : decodeReward(bytes);
  }

  /** `Set` (overwrite), as the reference; also records the epoch in the ordered index. */
  setIndividualReward(ctx: WriteContext, epoch: bigint, wallet: Uint8Array, reward: IndividualReward): void {
    this.writer(ctx).set(individualRewardKey(epoch, wallet), encodeReward(reward));
    const indexKey = rewardEpochIndexKey(epoch);
    if (!this.writer(ctx).has(indexKey)) this.writer(ctx).set(indexKey, Uint8Array.of(1));
  }

  deleteIndividualReward(ctx: WriteContext, epoch: bigint, wallet: Uint8Array): void {
    this.writer(ctx).delete(individualRewardKey(epoch, wallet));
  }

  /** Every record maturing at `epoch`, in store order (wallet address bytes); keys are the wallet bytes. */
  *individualRewards(ctx: ReadContext, epoch: bigint): Generator<{ readonly wallet: Uint8Array; readonly reward: IndividualReward }> {
    const prefix = individualRewardEpochPrefix(epoch);
    for (const { key, value } of this.reader(ctx).iterator(prefix, prefixEnd(prefix))) {
      yield { wallet: key.subarray(prefix.length), reward: decodeReward(value) };
    }
  }

  /** Epochs that hold individual rewards, ascending, from `after` (exclusive). */
  *rewardEpochs(ctx: ReadContext, after: bigint): Generator<bigint> {
    const start = after < 0n ? REWARD_EPOCH_INDEX_PREFIX : rewardEpochIndexKey(after + 1n);
    for (const { key } of this.reader(ctx).iterator(start, prefixEnd(REWARD_EPOCH_INDEX_PREFIX))) yield epochOfIndexKey(key);
  }

  /** Drops an epoch from the index once none of its records is left. */
  pruneRewardEpoch(ctx: WriteContext, epoch: bigint): void {
    const prefix = individualRewardEpochPrefix(epoch);
    const next = this.writer(ctx).iterator(prefix, prefixEnd(prefix)).next();
    if (next.done === true) this.writer(ctx).delete(rewardEpochIndexKey(epoch));
  }

  // ---- mature / immature totals ----------------------------------------------------------------

  getMatureTotal(ctx: ReadContext, wallet: Uint8Array): Coins {
    const bytes = this.reader(ctx).get(matureTotalKey(wallet));
    return bytes === undefined ? Coins.EMPTY : decodeCoinsValue(bytes);
  }

  /** Written even when empty, as the reference. */
  setMatureTotal(ctx: WriteContext, wallet: Uint8Array, c: Coins): void {
    this.writer(ctx).set(matureTotalKey(wallet), encodeCoinsValue(c));
  }

  getImmatureTotal(ctx: ReadContext, wallet: Uint8Array): Coins {
    const bytes = this.reader(ctx).get(immatureTotalKey(wallet));
    return bytes === undefined ? Coins.EMPTY : decodeCoinsValue(bytes);
  }

  setImmatureTotal(ctx: WriteContext, wallet: Uint8Array, c: Coins): void {
    this.writer(ctx).set(immatureTotalKey(wallet), encodeCoinsValue(c));
  }

  *matureTotals(ctx: ReadContext): Generator<{ readonly wallet: Uint8Array; readonly coins: Coins }> {
    for (const { key, value } of this.reader(ctx).iterator(MATURE_TOTAL_PREFIX, prefixEnd(MATURE_TOTAL_PREFIX))) {
      yield { wallet: key.subarray(1), coins: decodeCoinsValue(value) };
    }
  }

  *immatureTotals(ctx: ReadContext): Generator<{ readonly wallet: Uint8Array; readonly coins: Coins }> {
    for (const { key, value } of this.reader(ctx).iterator(IMMATURE_TOTAL_PREFIX, prefixEnd(IMMATURE_TOTAL_PREFIX))) {
      yield { wallet: key.subarray(1), coins: decodeCoinsValue(value) };
    }
  }

  // ---- reports and totals per epoch ------------------------------------------------------------

  getVolumeReport(ctx: ReadContext, epoch: bigint): VolumeReportRecord | undefined {
    const bytes = this.reader(ctx).get(volumeReportKey(epoch));
    if (bytes === undefined) return undefined;
    const p = decodeLengthPrefixed(VolumeReportRecordSchema, bytes);
    return { reporter: p.reporter, reportReference: p.reportReference, txHash: p.txHash };
  }

  setVolumeReport(ctx: WriteContext, epoch: bigint, r: VolumeReportRecord): void {
    this.writer(ctx).set(volumeReportKey(epoch), encodeLengthPrefixed(VolumeReportRecordSchema, create(VolumeReportRecordSchema, r)));
  }

  getTotalReward(ctx: ReadContext, epoch: bigint): TotalReward | undefined {
    const bytes = this.reader(ctx).get(totalRewardKey(epoch));
    if (bytes === undefined) return undefined;
    const p = decodeLengthPrefixed(TotalRewardSchema, bytes);
    return { miningReward: fromCoinsProto(p.miningReward), trafficReward: fromCoinsProto(p.trafficReward) };
  }

  setTotalReward(ctx: WriteContext, epoch: bigint, t: TotalReward): void {
    this.writer(ctx).set(totalRewardKey(epoch), encodeLengthPrefixed(TotalRewardSchema, create(TotalRewardSchema, {
      miningReward: toCoinsProto(t.miningReward), trafficReward: toCoinsProto(t.trafficReward),
    })));
  }

  /** Every TotalReward record; the epoch is the key's decimal text. */
  *totalRewards(ctx: ReadContext): Generator<{ readonly epoch: bigint; readonly total: TotalReward }> {
    for (const { key, value } of this.reader(ctx).iterator(TOTAL_REWARD_PREFIX, prefixEnd(TOTAL_REWARD_PREFIX))) {
      const p = decodeLengthPrefixed(TotalRewardSchema, value);
      yield { epoch: BigInt(new TextDecoder().decode(key.subarray(1))), total: { miningReward: fromCoinsProto(p.miningReward), trafficReward: fromCoinsProto(p.trafficReward) } };
    }
  }

  // ---- BLS keys (hardened mode) ----------------------------------------------------------------

  getMetaNodeBlsKey(ctx: ReadContext, metaNode: Uint8Array): Uint8Array | undefined {
    return this.reader(ctx).get(metaNodeBlsKeyKey(metaNode));
  }

  /** The meta node a BLS key is registered to. */
  getBlsKeyOwner(ctx: ReadContext, pubKey: Uint8Array): Uint8Array | undefined {
    return this.reader(ctx).get(blsKeyOwnerKey(pubKey));
  }

  /** Registers `pubKey` for `metaNode`, releasing the node's previous key. */
  setMetaNodeBlsKey(ctx: WriteContext, metaNode: Uint8Array, pubKey: Uint8Array): void {
    const previous = this.getMetaNodeBlsKey(ctx, metaNode);
    if (previous !== undefined) this.writer(ctx).delete(blsKeyOwnerKey(previous));
    this.writer(ctx).set(metaNodeBlsKeyKey(metaNode), pubKey);
    this.writer(ctx).set(blsKeyOwnerKey(pubKey), metaNode);
  }

  *metaNodeBlsKeys(ctx: ReadContext): Generator<{ readonly metaNode: Uint8Array; readonly pubKey: Uint8Array }> {
    for (const { key, value } of this.reader(ctx).iterator(META_NODE_BLS_KEY_PREFIX, prefixEnd(META_NODE_BLS_KEY_PREFIX))) {
      yield { metaNode: key.subarray(1), pubKey: value };
    }
  }

  // ---- reward audits ---------------------------------------------------------------------------

  getRewardAudit(ctx: ReadContext, epoch: bigint): EpochRewardAudit | undefined {
    const bytes = this.reader(ctx).get(rewardAuditKey(epoch));
    return bytes === undefined ? undefined : decodeLengthPrefixed(EpochRewardAuditSchema, bytes);
  }

  setRewardAudit(ctx: WriteContext, epoch: bigint, audit: EpochRewardAudit): void {
    this.writer(ctx).set(rewardAuditKey(epoch), encodeLengthPrefixed(EpochRewardAuditSchema, audit));
  }

  *rewardAudits(ctx: ReadContext): Generator<{ readonly epoch: bigint; readonly audit: EpochRewardAudit }> {
    for (const { key, value } of this.reader(ctx).iterator(REWARD_AUDIT_PREFIX, prefixEnd(REWARD_AUDIT_PREFIX))) {
      yield { epoch: BigInt(new TextDecoder().decode(key.subarray(1))), audit: decodeLengthPrefixed(EpochRewardAuditSchema, value) };
    }
  }

  // ---- whole-store reads for genesis export and invariants (added with genesis.ts / invariants.ts) ----

  /** Every individual reward with the epoch it matures at (read from the key), in store order. */
  *allIndividualRewards(ctx: ReadContext): Generator<{ readonly epoch: bigint; readonly wallet: Uint8Array; readonly reward: IndividualReward }> {
    for (const { key, value } of this.reader(ctx).iterator(INDIVIDUAL_REWARD_PREFIX, prefixEnd(INDIVIDUAL_REWARD_PREFIX))) {
      const { epoch, wallet } = parseIndividualRewardKey(key);
      yield { epoch, wallet, reward: decodeReward(value) };
    }
  }

  /**
   * The raw records under `prefix` (pot store), undecoded: for invariants, which must name an
   * unreadable or negative record instead of stopping at the first one that does not decode.
   */
  *rawRecords(ctx: ReadContext, prefix: Uint8Array): Generator<{ readonly key: Uint8Array; readonly value: Uint8Array }> {
    yield* this.reader(ctx).iterator(prefix, prefixEnd(prefix));
  }

  /** The raw value at one pot key, undecoded (see rawRecords). */
  rawRecord(ctx: ReadContext, key: Uint8Array): Uint8Array | undefined {
    return this.reader(ctx).get(key);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Balance of a module account in `denom`. */
  moduleBalance(ctx: ReadContext, module: string, denom: string): bigint {
    return this.bank.getBalance(ctx, this.moduleAddress(module), denom).amount;
  }

  private getInt(ctx: ReadContext, key: Uint8Array): bigint {
    const bytes = this.reader(ctx).get(key);
    return bytes === undefined ? 0n : (unmarshalIntText(decodeLengthPrefixed(IntSchema, bytes).Value) ?? 0n);
  }

  private setInt(ctx: WriteContext, key: Uint8Array, n: bigint): void {
    this.writer(ctx).set(key, encodeLengthPrefixed(IntSchema, create(IntSchema, { Value: n.toString() })));
  }
}

/**
 * Splits an individual-reward key `0x03 ‖ epochStr ‖ "_" ‖ addr` (added with genesis.ts). The epoch
 * text is decimal digits, so the first "_" ends it even when the address bytes contain 0x5f.
 * @throws RangeError for a key of another shape
 */
export function parseIndividualRewardKey(key: Uint8Array): { readonly epoch: bigint; readonly wallet: Uint8Array } {
  const sep = key.indexOf(0x5f, 1);
  const digits = new TextDecoder().decode(key.subarray(1, sep < 0 ? 1 : sep));
  if (key[0] !== INDIVIDUAL_REWARD_PREFIX[0] || sep < 0 || !/^(0|[1-9][0-9]*)$/.test(digits)) {
    throw new RangeError(`not an individual reward key: ${Buffer.from(key).toString("hex")}`);
  }
  return { epoch: BigInt(digits), wallet: key.subarray(sep + 1) };
}
