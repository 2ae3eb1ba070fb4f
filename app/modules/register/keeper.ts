/**
 * The register keeper: every read and write of the register store (spec-register §2.1) and the
 * register-owned quantities other modules read (S, Lt, the rate, Pt, the counters, slashing debts).
 * The message procedures (deposits, votes, unbonding) are plain functions over it in their own files.
 */
import type { ReadContext } from "../../baseapp/context.js";
import { ErrPanic } from "../../baseapp/errors.js";
import { ParamsSchema } from "../../codec/stratos/register/v1/register_pb.js";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import type { Dec } from "../../math/dec.js";
import { prefixEnd } from "../../store/bytes.js";
import type { KVReader, KVStore } from "../../store/types.js";
import type { AccountsForRegister, BankForRegister, CommunityPoolForRegister, WriteContext } from "./expected.js";
import {
  ACTIVE_META_NODE_INDEX_PREFIX, BONDED_META_NODE_COUNT_KEY, BONDED_RESOURCE_NODE_COUNT_KEY, DEPOSIT_NOZ_RATE_KEY, EFFECTIVE_TOTAL_DEPOSIT_KEY,
  INITIAL_GENESIS_DEPOSIT_TOTAL_KEY, KICK_VOTE_POOL_PREFIX, META_NODE_PREFIX, PARAMS_KEY, REGISTER_STORE_KEY,
  REGISTRATION_VOTE_POOL_PREFIX, REMAINING_OZONE_LIMIT_KEY, RESOURCE_NODE_PREFIX, SLASHING_PREFIX, UNBONDING_NODE_PREFIX,
  UNBONDING_QUEUE_PREFIX, activeMetaNodeIndexKey, kickVotePoolKey, metaNodeKey, registrationVotePoolKey, resourceNodeKey, slashingKey,
  unbondingNodeKey, unbondingQueueKey,
} from "./keys.js";
import { BondStatus } from "./logic/bondStatus.js";
import { decreaseOzoneLimit, increaseOzoneLimit, isUnbondable, type OzoneLimitState } from "./logic/ozone.js";
import type { UnixNanos } from "./logic/time.js";
import { type RegisterParams, ZERO_REGISTER_PARAMS, paramsFromProto, paramsToProto } from "./params.js";
import {
  decodeAddressList, decodeDecValue, decodeIntValue, decodeKickPool, decodeMetaNode, decodeRegistrationPool, decodeResourceNode,
  decodeUnbondingNode, encodeAddressList, encodeDecValue, encodeIntValue, encodeKickPool, encodeMetaNode,
  encodeRegistrationPool, encodeResourceNode, encodeUnbondingNode,
} from "./store.js";
import { type MetaNode, type ResourceNode, type UnbondingNode, type VotePool, unbondingBalance } from "./types.js";

/** Register's module accounts (spec-register §2.4). */
export const POOL = {
  resourceBonded: "resource_node_bonded_pool",
  resourceNotBonded: "resource_node_not_bonded_pool",
  metaBonded: "meta_node_bonded_pool",
  metaNotBonded: "meta_node_not_bonded_pool",
  /** Pt: filled by sds prepay, drained by pot rewards. */
  totalUnissuedPrepay: "total_unissued_prepay",
} as const;

export type RegisterPool = (typeof POOL)[keyof typeof POOL];

export interface RegisterKeeperDeps {
  readonly bank: BankForRegister;
  readonly accounts: AccountsForRegister;
  readonly communityPool: CommunityPoolForRegister;
  /** Bech32 address allowed to send MsgUpdateParams (the gov module account). */
  readonly authority: string;
  /**
   * Replay the reference's security quirks exactly (spec-register §10 items 1, 2, 4, 3) — needed only
   * to re-execute `stratos-1` history; every validator of a network must agree. Off by default.
   */
  readonly referenceQuirks: boolean;
}

/** A record together with the raw address bytes of its key. */
export interface Keyed<T> {
  readonly addr: Uint8Array;
  readonly value: T;
}

/**
 * Decoded node records by stored value object. Stores hand back the same value object until the key is
 * overwritten, and decoding is a pure function of the bytes into immutable records, so this only saves
 * work (sds reads every meta node for each file report): no effect on results.
 */
const decodedResourceNodes = new WeakMap<Uint8Array, ResourceNode>();
const decodedMetaNodes = new WeakMap<Uint8Array, MetaNode>();

function memo<T>(cache: WeakMap<Uint8Array, T>, bytes: Uint8Array, decode: (b: Uint8Array) => T): T {
  const hit = cache.get(bytes);
  if (hit !== undefined) return hit;
  const value = decode(bytes);
  cache.set(bytes, value);
  return value;
}

export class RegisterKeeper {
  constructor(readonly deps: RegisterKeeperDeps) {}

  get bank(): BankForRegister {
    return this.deps.bank;
  }

  private store(ctx: ReadContext): KVReader {
    return ctx.kv(REGISTER_STORE_KEY);
  }

  private writer(ctx: WriteContext): KVStore {
    return ctx.kv(REGISTER_STORE_KEY);
  }

  // ---- params ----------------------------------------------------------------------------------

  /** Go's zero params when none were ever stored. */
  getParams(ctx: ReadContext): RegisterParams {
    const bytes = this.store(ctx).get(PARAMS_KEY);
    return bytes === undefined ? ZERO_REGISTER_PARAMS : paramsFromProto(fromBinary(ParamsSchema, bytes));
  }

  setParams(ctx: WriteContext, params: RegisterParams): void {
    this.writer(ctx).set(PARAMS_KEY, toBinary(ParamsSchema, paramsToProto(params)));
  }

  bondDenom(ctx: ReadContext): string {
    return this.getParams(ctx).bondDenom;
  }

  // ---- nodes -----------------------------------------------------------------------------------

  getResourceNode(ctx: ReadContext, addr: Uint8Array): ResourceNode | undefined {
    const bytes = this.store(ctx).get(resourceNodeKey(addr));
    return bytes === undefined ? undefined : memo(decodedResourceNodes, bytes, decodeResourceNode);
  }

  setResourceNode(ctx: WriteContext, addr: Uint8Array, node: ResourceNode): void {
    this.writer(ctx).set(resourceNodeKey(addr), encodeResourceNode(node));
  }

  /**
   * pot's MsgSlashingResourceNode (spec-pot §4.4): the node's suspend flag and effective deposit, the
   * rest of the record unchanged. No-op for an unknown node.
   */
  setResourceNodeSuspension(ctx: WriteContext, addr: Uint8Array, suspend: boolean, effectiveTokens: bigint): void {
    const node = this.getResourceNode(ctx, addr);
    if (node !== undefined) this.setResourceNode(ctx, addr, { ...node, suspend, effectiveTokens });
  }

  deleteResourceNode(ctx: WriteContext, addr: Uint8Array): void {
    this.writer(ctx).delete(resourceNodeKey(addr));
  }

  /** In key (address byte) order. */
  *resourceNodes(ctx: ReadContext): Generator<Keyed<ResourceNode>> {
    for (const { key, value } of this.scan(ctx, RESOURCE_NODE_PREFIX)) yield { addr: key, value: memo(decodedResourceNodes, value, decodeResourceNode) };
  }

  getMetaNode(ctx: ReadContext, addr: Uint8Array): MetaNode | undefined {
    const bytes = this.store(ctx).get(metaNodeKey(addr));
    return bytes === undefined ? undefined : memo(decodedMetaNodes, bytes, decodeMetaNode);
  }

  setMetaNode(ctx: WriteContext, addr: Uint8Array, node: MetaNode): void {
    this.unindexMetaNode(ctx, this.getMetaNode(ctx, addr));
    this.writer(ctx).set(metaNodeKey(addr), encodeMetaNode(node));
    if (isActive(node)) this.writer(ctx).set(activeMetaNodeIndexKey(node.networkAddress), addr);
  }

  deleteMetaNode(ctx: WriteContext, addr: Uint8Array): void {
    this.unindexMetaNode(ctx, this.getMetaNode(ctx, addr));
    this.writer(ctx).delete(metaNodeKey(addr));
  }

  private unindexMetaNode(ctx: WriteContext, previous: MetaNode | undefined): void {
    if (previous !== undefined && isActive(previous)) this.writer(ctx).delete(activeMetaNodeIndexKey(previous.networkAddress));
  }

  /**
   * The sds reporter-bitmap index (spec-sds §4.1.4 R:): the position of `networkAddress` (bech32) among
   * the active meta nodes in bech32 byte order, read from the index kept by setMetaNode. Costs one read
   * plus one iterator step per active meta node ordered before it, instead of decoding every record.
   */
  activeMetaNodePosition(ctx: ReadContext, networkAddress: string): { index: number; found: boolean } {
    const key = activeMetaNodeIndexKey(networkAddress);
    if (!this.store(ctx).has(key)) return { index: 0, found: false };
    let index = 0;
    for (const _ of this.store(ctx).iterator(ACTIVE_META_NODE_INDEX_PREFIX, key)) index++;
    return { index, found: true };
  }

  /** The raw addresses the active-meta-node index holds, in index order (invariants, tests). */
  *activeMetaNodeIndex(ctx: ReadContext): Generator<{ readonly networkAddress: string; readonly addr: Uint8Array }> {
    for (const { key, value } of this.scan(ctx, ACTIVE_META_NODE_INDEX_PREFIX)) yield { networkAddress: new TextDecoder().decode(key), addr: value };
  }

  *metaNodes(ctx: ReadContext): Generator<Keyed<MetaNode>> {
    for (const { key, value } of this.scan(ctx, META_NODE_PREFIX)) yield { addr: key, value: memo(decodedMetaNodes, value, decodeMetaNode) };
  }

  /** Active = BONDED and not suspended: the meta nodes that vote and are counted by thresholds. */
  activeMetaNodeCount(ctx: ReadContext): number {
    let n = 0;
    for (const { value } of this.metaNodes(ctx)) if (isActive(value)) n++;
    return n;
  }

  /** pot/sds `OwnMetaNode`: a meta node exists at `addr` and its stored owner string is `owner` (status not checked). */
  ownMetaNode(ctx: ReadContext, owner: string, addr: Uint8Array): boolean {
    return this.getMetaNode(ctx, addr)?.ownerAddress === owner;
  }

  // ---- vote pools ------------------------------------------------------------------------------

  getRegistrationPool(ctx: ReadContext, addr: Uint8Array): VotePool | undefined {
    const bytes = this.store(ctx).get(registrationVotePoolKey(addr));
    return bytes === undefined ? undefined : decodeRegistrationPool(bytes);
  }

  setRegistrationPool(ctx: WriteContext, addr: Uint8Array, pool: VotePool): void {
    this.writer(ctx).set(registrationVotePoolKey(addr), encodeRegistrationPool(pool));
  }

  deleteRegistrationPool(ctx: WriteContext, addr: Uint8Array): void {
    this.writer(ctx).delete(registrationVotePoolKey(addr));
  }

  *registrationPools(ctx: ReadContext): Generator<Keyed<VotePool>> {
    for (const { key, value } of this.scan(ctx, REGISTRATION_VOTE_POOL_PREFIX)) yield { addr: key, value: decodeRegistrationPool(value) };
  }

  getKickPool(ctx: ReadContext, addr: Uint8Array): VotePool | undefined {
    const bytes = this.store(ctx).get(kickVotePoolKey(addr));
    return bytes === undefined ? undefined : decodeKickPool(bytes);
  }

  setKickPool(ctx: WriteContext, addr: Uint8Array, pool: VotePool): void {
    this.writer(ctx).set(kickVotePoolKey(addr), encodeKickPool(pool));
  }

  deleteKickPool(ctx: WriteContext, addr: Uint8Array): void {
    this.writer(ctx).delete(kickVotePoolKey(addr));
  }

  *kickPools(ctx: ReadContext): Generator<Keyed<VotePool>> {
    for (const { key, value } of this.scan(ctx, KICK_VOTE_POOL_PREFIX)) yield { addr: key, value: decodeKickPool(value) };
  }

  // ---- the ozone economy -----------------------------------------------------------------------

  /** S (0x10): effective total deposit, wei; absent → 0. */
  getEffectiveTotalDeposit(ctx: ReadContext): bigint {
    return this.getInt(ctx, EFFECTIVE_TOTAL_DEPOSIT_KEY);
  }

  setEffectiveTotalDeposit(ctx: WriteContext, s: bigint): void {
    this.writer(ctx).set(EFFECTIVE_TOTAL_DEPOSIT_KEY, encodeIntValue(s));
  }

  /** Lt (0x04): remaining ozone limit, noz; absent → 0. */
  getRemainingOzoneLimit(ctx: ReadContext): bigint {
    return this.getInt(ctx, REMAINING_OZONE_LIMIT_KEY);
  }

  setRemainingOzoneLimit(ctx: WriteContext, lt: bigint): void {
    this.writer(ctx).set(REMAINING_OZONE_LIMIT_KEY, encodeIntValue(lt));
  }

  /** The deposit→noz rate (0x07, wei per noz). The reference panics when it is missing. */
  getDepositNozRate(ctx: ReadContext): Dec {
    const bytes = this.store(ctx).get(DEPOSIT_NOZ_RATE_KEY);
    if (bytes === undefined) throw ErrPanic.wrap("deposit noz rate is not set");
    return decodeDecValue(bytes);
  }

  setDepositNozRate(ctx: WriteContext, rate: Dec): void {
    this.writer(ctx).set(DEPOSIT_NOZ_RATE_KEY, encodeDecValue(rate));
  }

  getInitialGenesisDepositTotal(ctx: ReadContext): bigint {
    return this.getInt(ctx, INITIAL_GENESIS_DEPOSIT_TOTAL_KEY);
  }

  setInitialGenesisDepositTotal(ctx: WriteContext, s: bigint): void {
    this.writer(ctx).set(INITIAL_GENESIS_DEPOSIT_TOTAL_KEY, encodeIntValue(s));
  }

  /** Pt: the bond-denom balance of `total_unissued_prepay`. */
  getTotalUnissuedPrepay(ctx: ReadContext): bigint {
    return this.poolBalance(ctx, POOL.totalUnissuedPrepay);
  }

  /** S and Lt together, as the ozone formulas take them. */
  ozoneState(ctx: ReadContext): OzoneLimitState {
    return { s: this.getEffectiveTotalDeposit(ctx), lt: this.getRemainingOzoneLimit(ctx) };
  }

  /**
   * `IncreaseOzoneLimitByAddDeposit` (§5.1): S += amount always; Lt grows by amount/rate unless S was 0.
   * Returns the reported change trunc(amount/rate) (0 when S was 0).
   */
  increaseOzoneLimit(ctx: WriteContext, amount: bigint): bigint {
    const rate = this.getDepositNozRate(ctx);
    const before = this.ozoneState(ctx);
    const after = increaseOzoneLimit(before, amount, rate);
    this.writeOzone(ctx, before, after);
    return after.ozoneLimitChange;
  }

  /** `DecreaseOzoneLimitBySubtractDeposit` (§5.1): the mirror image; Lt drops by ⌈amount/rate⌉, reports trunc. */
  decreaseOzoneLimit(ctx: WriteContext, amount: bigint): bigint {
    const rate = this.getDepositNozRate(ctx);
    const before = this.ozoneState(ctx);
    const after = decreaseOzoneLimit(before, amount, rate);
    this.writeOzone(ctx, before, after);
    return after.ozoneLimitChange;
  }

  /** `IsUnbondable` (§5.1): the remaining limit can absorb removing `amount` of deposit. */
  isUnbondable(ctx: ReadContext, amount: bigint): boolean {
    return isUnbondable(this.getRemainingOzoneLimit(ctx), amount, this.getDepositNozRate(ctx));
  }

  /**
   * Writes what the reference writes: S always, Lt only when S was non-zero before (the "S before = 0"
   * rule leaves it untouched). An IAVL write of an unchanged value still changes the app hash, so the
   * set of writes matters, not only the values.
   */
  private writeOzone(ctx: WriteContext, before: OzoneLimitState, after: OzoneLimitState): void {
    this.setEffectiveTotalDeposit(ctx, after.s);
    if (before.s !== 0n) this.setRemainingOzoneLimit(ctx, after.lt);
  }

  // ---- counters --------------------------------------------------------------------------------

  getBondedMetaNodeCount(ctx: ReadContext): bigint {
    return this.getInt(ctx, BONDED_META_NODE_COUNT_KEY);
  }

  setBondedMetaNodeCount(ctx: WriteContext, n: bigint): void {
    this.writer(ctx).set(BONDED_META_NODE_COUNT_KEY, encodeIntValue(n));
  }

  getBondedResourceNodeCount(ctx: ReadContext): bigint {
    return this.getInt(ctx, BONDED_RESOURCE_NODE_COUNT_KEY);
  }

  setBondedResourceNodeCount(ctx: WriteContext, n: bigint): void {
    this.writer(ctx).set(BONDED_RESOURCE_NODE_COUNT_KEY, encodeIntValue(n));
  }

  // ---- slashing debts (0x05) -------------------------------------------------------------------

  /** A wallet's slashing debt in wei; absent → 0. */
  getSlashing(ctx: ReadContext, wallet: Uint8Array): bigint {
    const bytes = this.store(ctx).get(slashingKey(wallet));
    return bytes === undefined ? 0n : decodeIntValue(bytes);
  }

  /** A zero debt is stored, not deleted (§5.8). */
  setSlashing(ctx: WriteContext, wallet: Uint8Array, debt: bigint): void {
    this.writer(ctx).set(slashingKey(wallet), encodeIntValue(debt));
  }

  *slashingDebts(ctx: ReadContext): Generator<Keyed<bigint>> {
    for (const { key, value } of this.scan(ctx, SLASHING_PREFIX)) yield { addr: key, value: decodeIntValue(value) };
  }

  // ---- unbonding -------------------------------------------------------------------------------

  getUnbondingNode(ctx: ReadContext, addr: Uint8Array): UnbondingNode | undefined {
    const bytes = this.store(ctx).get(unbondingNodeKey(addr));
    return bytes === undefined ? undefined : decodeUnbondingNode(bytes);
  }

  setUnbondingNode(ctx: WriteContext, addr: Uint8Array, record: UnbondingNode): void {
    this.writer(ctx).set(unbondingNodeKey(addr), encodeUnbondingNode(record));
  }

  deleteUnbondingNode(ctx: WriteContext, addr: Uint8Array): void {
    this.writer(ctx).delete(unbondingNodeKey(addr));
  }

  *unbondingNodes(ctx: ReadContext): Generator<Keyed<UnbondingNode>> {
    for (const { key, value } of this.scan(ctx, UNBONDING_NODE_PREFIX)) yield { addr: key, value: decodeUnbondingNode(value) };
  }

  /** Σ balances of the node's unbonding entries (0 without a record). */
  getUnbondingBalance(ctx: ReadContext, addr: Uint8Array): bigint {
    return unbondingBalance(this.getUnbondingNode(ctx, addr));
  }

  /** Appends `networkAddress` to the queue slice maturing at `t` (duplicates are kept, §2.1). */
  enqueueUnbonding(ctx: WriteContext, t: UnixNanos, networkAddress: string): void {
    const key = unbondingQueueKey(t);
    const bytes = this.writer(ctx).get(key);
    const list = bytes === undefined ? [] : decodeAddressList(bytes);
    list.push(networkAddress);
    this.writer(ctx).set(key, encodeAddressList(list));
  }

  /**
   * Removes every queue slice maturing at or before `t` and returns their addresses in key order, then
   * list order (§7.1).
   */
  dequeueMatureUnbondings(ctx: WriteContext, t: UnixNanos): string[] {
    const store = this.writer(ctx);
    const end = prefixEnd(unbondingQueueKey(t)); // inclusive of the slice at exactly t
    const due: { key: Uint8Array; addrs: string[] }[] = [];
    for (const { key, value } of store.iterator(UNBONDING_QUEUE_PREFIX, end)) due.push({ key, addrs: decodeAddressList(value) });
    for (const { key } of due) store.delete(key);
    return due.flatMap((d) => d.addrs);
  }

  /** Every queue slice: (completion-time key text, addresses), for genesis checks and invariants. */
  *unbondingQueue(ctx: ReadContext): Generator<{ key: Uint8Array; addresses: string[] }> {
    for (const { key, value } of this.scan(ctx, UNBONDING_QUEUE_PREFIX)) yield { key, addresses: decodeAddressList(value) };
  }

  // ---- pools -----------------------------------------------------------------------------------

  moduleAddress(pool: string): Uint8Array {
    const addr = this.deps.accounts.getModuleAddress(pool);
    if (addr === undefined) throw ErrPanic.wrap(`module account ${pool} does not exist`);
    return addr;
  }

  /** Bond-denom balance of one of register's module accounts. */
  poolBalance(ctx: ReadContext, pool: RegisterPool): bigint {
    return this.deps.bank.getBalance(ctx, this.moduleAddress(pool), this.bondDenom(ctx)).amount;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private getInt(ctx: ReadContext, key: Uint8Array): bigint {
    const bytes = this.store(ctx).get(key);
    return bytes === undefined ? 0n : decodeIntValue(bytes);
  }

  /** Every entry under a one-byte prefix, keys relative to the prefix, in byte order. */
  private *scan(ctx: ReadContext, prefix: Uint8Array): Generator<{ key: Uint8Array; value: Uint8Array }> {
    for (const { key, value } of this.store(ctx).iterator(prefix, prefixEnd(prefix))) {
      yield { key: key.subarray(prefix.length), value };
    }
  }
}

export function isActive(node: { readonly status: BondStatus; readonly suspend: boolean }): boolean {
  return node.status === BondStatus.Bonded && !node.suspend;
}
