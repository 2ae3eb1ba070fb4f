/**
 * The staking keeper: every read and write of the staking store (keys.ts), in the reference's order
 * of store accesses, and the `StakingView` other modules read. The procedures that combine them
 * (delegating, unbonding, the validator set, slashing) are functions over the keeper in their own
 * files; the write methods slashing and evidence call (`slash`, `jail`, `unjail`) are here because
 * they are the module's contract (spec-staking §1.9, §1.10).
 */
import type { ReadContext } from "../../baseapp/context.js";
import { type Dec } from "../../math/dec.js";
import { equalBytes, prefixEnd } from "../../store/bytes.js";
import type { KVPair, KVReader, KVStore } from "../../store/types.js";
import { MultiStakingHooks } from "./hooks.js";
import type { AccountsForStaking, BankForStaking, WriteContext } from "./expected.js";
import {
  BONDED_POOL_NAME, DELEGATION_PREFIX, HISTORICAL_INFO_PREFIX, INDEX_MARKER, LAST_TOTAL_POWER_KEY, LAST_VALIDATOR_POWER_PREFIX,
  NOT_BONDED_POOL_NAME, PARAMS_KEY, REDELEGATION_PREFIX, STAKING_STORE_KEY, UNBONDING_DELEGATION_PREFIX, UNBONDING_ID_KEY,
  UnbondingType, VALIDATORS_BY_POWER_PREFIX, VALIDATORS_PREFIX, delegationKey, delegationsKey, historicalInfoKey,
  lastValidatorPowerKey, operatorFromLastPowerKey, readUint64, redelegationBySrcKey, redelegationByDstKey, redelegationKey,
  redelegationsByDelegatorToDstKey, redelegationsBySrcKey, redelegationsKey, splitLengthPrefixed, uint64Bytes, unbondingDelegationByValidatorKey,
  unbondingDelegationKey, unbondingDelegationsByValidatorKey, unbondingDelegationsKey, unbondingIndexKey, unbondingTypeKey,
  validatorByConsAddrKey, validatorKey, validatorPowerIndexKey,
} from "./keys.js";
import { consensusPower } from "./logic/shares.js";
import { paramsFromProto, paramsToProto, ZERO_STAKING_PARAMS } from "./params.js";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { ParamsSchema, type HistoricalInfo as HistoricalInfoProto } from "../../codec/cosmos/staking/v1beta1/staking_pb.js";
import {
  decodeDelegation, decodeHistoricalInfo, decodeIntProto, decodeLastPower, decodeRedelegation, decodeUnbondingDelegation, decodeValidator,
  encodeDelegation, encodeHistoricalInfo, encodeIntProto, encodeLastPower, encodeRedelegation, encodeUnbondingDelegation, encodeValidator,
} from "./store.js";
import { BondStatus, type Delegation, type Redelegation, type StakingParams, type StakingView, type UnbondingDelegation, type Validator } from "./types.js";
import { jailByConsAddr, slashValidator, unjailByConsAddr } from "./slash.js";
import { withHeader } from "./time.js";
import { applyAndReturnValidatorSetUpdates } from "./validatorSet.js";
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";

export interface StakingKeeperDeps {
  readonly bank: BankForStaking;
  readonly accounts: AccountsForStaking;
  /** Bech32 address allowed to send MsgUpdateParams (the gov module account). */
  readonly authority: string;
  /**
   * Consensus key types a validator may use (CometBFT's `validator.pub_key_types`; stratos-1 and the
   * CometBFT default: ed25519 only). This port has no consensus-params store (docs/deviations.md).
   */
  readonly validatorPubKeyTypes: readonly string[];
}

/** A validator's last power (what CometBFT has for it). */
export interface LastValidatorPower {
  readonly operator: Uint8Array;
  readonly power: bigint;
}

export class StakingKeeper implements StakingView {
  /** The staking hooks: distribution's listener, then slashing's (spec-staking §0.6), added by the app. */
  readonly hooks = new MultiStakingHooks();

  constructor(readonly deps: StakingKeeperDeps) {}

  get bank(): BankForStaking {
    return this.deps.bank;
  }

  store(ctx: ReadContext): KVReader {
    return ctx.kv(STAKING_STORE_KEY);
  }

  writer(ctx: WriteContext): KVStore {
    return ctx.kv(STAKING_STORE_KEY);
  }

  /** Every pair under `prefix`, in key order (keys are whole store keys). */
  *scan(ctx: ReadContext, prefix: Uint8Array): Generator<KVPair> {
    yield* this.store(ctx).iterator(prefix, prefixEnd(prefix));
  }

  /** Every pair under `prefix`, in descending key order. */
  *scanReverse(ctx: ReadContext, prefix: Uint8Array): Generator<KVPair> {
    yield* this.store(ctx).reverseIterator(prefix, prefixEnd(prefix));
  }

  // ---- params ----------------------------------------------------------------------------------

  getParams(ctx: ReadContext): StakingParams {
    const bytes = this.store(ctx).get(PARAMS_KEY);
    return bytes === undefined ? ZERO_STAKING_PARAMS : paramsFromProto(fromBinary(ParamsSchema, bytes));
  }

  setParams(ctx: WriteContext, params: StakingParams): void {
    this.writer(ctx).set(PARAMS_KEY, toBinary(ParamsSchema, paramsToProto(params)));
  }

  bondDenom(ctx: ReadContext): string {
    return this.getParams(ctx).bondDenom;
  }

  // ---- pools -----------------------------------------------------------------------------------

  /** The pool's account (created on first use, as the SDK's `GetModuleAccount`). */
  poolAccount(ctx: WriteContext, name: typeof BONDED_POOL_NAME | typeof NOT_BONDED_POOL_NAME): Uint8Array {
    const acc = this.deps.accounts.getModuleAccount(ctx, name);
    if (acc === undefined) throw new Error(`${name} module account has not been set`);
    return acc.address;
  }

  poolAddress(name: typeof BONDED_POOL_NAME | typeof NOT_BONDED_POOL_NAME): Uint8Array {
    const address = this.deps.accounts.getModuleAddress(name);
    if (address === undefined) throw new Error(`${name} has no module account permissions`);
    return address;
  }

  /** The bond-denom balance of a pool. */
  poolBalance(ctx: ReadContext, name: typeof BONDED_POOL_NAME | typeof NOT_BONDED_POOL_NAME): bigint {
    return this.bank.getBalance(ctx, this.poolAddress(name), this.bondDenom(ctx)).amount;
  }

  totalBondedTokens(ctx: ReadContext): bigint {
    return this.poolBalance(ctx, BONDED_POOL_NAME);
  }

  // ---- validators ------------------------------------------------------------------------------

  validator(ctx: ReadContext, operator: Uint8Array): Validator | undefined {
    const bytes = this.store(ctx).get(validatorKey(operator));
    return bytes === undefined ? undefined : decodeValidator(bytes);
  }

  /** `mustGetValidator`: a missing record here is a broken index (the reference panics). */
  mustGetValidator(ctx: ReadContext, operator: Uint8Array): Validator {
    const v = this.validator(ctx, operator);
    if (v === undefined) throw new Error(`validator record not found for address: ${Buffer.from(operator).toString("hex").toUpperCase()}`);
    return v;
  }

  validatorByConsAddr(ctx: ReadContext, consensusAddress: Uint8Array): Validator | undefined {
    const operator = this.store(ctx).get(validatorByConsAddrKey(consensusAddress));
    return operator === undefined ? undefined : this.validator(ctx, operator);
  }

  setValidator(ctx: WriteContext, v: Validator): void {
    this.writer(ctx).set(validatorKey(v.operator), encodeValidator(v));
  }

  setValidatorByConsAddr(ctx: WriteContext, v: Validator): void {
    this.writer(ctx).set(validatorByConsAddrKey(v.consensusAddress), v.operator);
  }

  /** `SetValidatorByPowerIndex`: jailed validators are kept out of the ranking. */
  setValidatorByPowerIndex(ctx: WriteContext, v: Validator): void {
    if (v.jailed) return;
    this.writer(ctx).set(validatorPowerIndexKey(consensusPower(v.tokens), v.operator), v.operator);
  }

  /** `SetNewValidatorByPowerIndex`: a new validator enters the ranking even at power 0. */
  setNewValidatorByPowerIndex(ctx: WriteContext, v: Validator): void {
    this.writer(ctx).set(validatorPowerIndexKey(consensusPower(v.tokens), v.operator), v.operator);
  }

  deleteValidatorByPowerIndex(ctx: WriteContext, v: Validator): void {
    this.writer(ctx).delete(validatorPowerIndexKey(consensusPower(v.tokens), v.operator));
  }

  /** Deletes the record and both indexes (RemoveValidator's store part; the hook is the caller's). */
  deleteValidatorRecords(ctx: WriteContext, v: Validator): void {
    const store = this.writer(ctx);
    store.delete(validatorKey(v.operator));
    store.delete(validatorByConsAddrKey(v.consensusAddress));
    store.delete(validatorPowerIndexKey(consensusPower(v.tokens), v.operator));
  }

  /** Every validator, by operator address bytes. */
  *validators(ctx: ReadContext): Generator<Validator> {
    for (const { value } of this.scan(ctx, VALIDATORS_PREFIX)) yield decodeValidator(value);
  }

  /** The power ranking from the top (`ValidatorsPowerStoreIterator`): operator bytes of each entry, with its key. */
  *powerIndex(ctx: ReadContext): Generator<{ readonly key: Uint8Array; readonly operator: Uint8Array }> {
    for (const { key, value } of this.scanReverse(ctx, VALIDATORS_BY_POWER_PREFIX)) yield { key, operator: value };
  }

  /** `GetBondedValidatorsByPower`: the Bonded validators among the first max_validators of the ranking. */
  *bondedValidatorsByPower(ctx: ReadContext): Generator<Validator> {
    const max = this.getParams(ctx).maxValidators;
    let seen = 0;
    for (const { operator } of this.powerIndex(ctx)) {
      if (seen >= max) return;
      const v = this.mustGetValidator(ctx, operator);
      if (v.status === BondStatus.Bonded) {
        seen++;
        yield v;
      }
    }
  }

  // ---- last validator set ----------------------------------------------------------------------

  getLastValidatorPower(ctx: ReadContext, operator: Uint8Array): bigint {
    const bytes = this.store(ctx).get(lastValidatorPowerKey(operator));
    return bytes === undefined ? 0n : decodeLastPower(bytes);
  }

  setLastValidatorPower(ctx: WriteContext, operator: Uint8Array, power: bigint): void {
    this.writer(ctx).set(lastValidatorPowerKey(operator), encodeLastPower(power));
  }

  deleteLastValidatorPower(ctx: WriteContext, operator: Uint8Array): void {
    this.writer(ctx).delete(lastValidatorPowerKey(operator));
  }

  /** The last set by operator address bytes. */
  *lastValidatorPowers(ctx: ReadContext): Generator<LastValidatorPower> {
    for (const { key, value } of this.scan(ctx, LAST_VALIDATOR_POWER_PREFIX)) {
      yield { operator: operatorFromLastPowerKey(key), power: decodeLastPower(value) };
    }
  }

  lastTotalPower(ctx: ReadContext): bigint {
    const bytes = this.store(ctx).get(LAST_TOTAL_POWER_KEY);
    return bytes === undefined ? 0n : decodeIntProto(bytes);
  }

  setLastTotalPower(ctx: WriteContext, power: bigint): void {
    this.writer(ctx).set(LAST_TOTAL_POWER_KEY, encodeIntProto(power));
  }

  // ---- delegations -----------------------------------------------------------------------------

  delegation(ctx: ReadContext, delegator: Uint8Array, validator: Uint8Array): Delegation | undefined {
    const bytes = this.store(ctx).get(delegationKey(delegator, validator));
    return bytes === undefined ? undefined : decodeDelegation(bytes);
  }

  setDelegation(ctx: WriteContext, d: Delegation): void {
    this.writer(ctx).set(delegationKey(d.delegator, d.validator), encodeDelegation(d));
  }

  /** `RemoveDelegation`: the BeforeDelegationRemoved hook, then the delete. */
  removeDelegation(ctx: WriteContext, d: Delegation): void {
    this.hooks.beforeDelegationRemoved(ctx, d.delegator, d.validator);
    this.writer(ctx).delete(delegationKey(d.delegator, d.validator));
  }

  /** A delegator's delegations, by validator address bytes. */
  *delegatorDelegations(ctx: ReadContext, delegator: Uint8Array): Generator<Delegation> {
    for (const { value } of this.scan(ctx, delegationsKey(delegator))) yield decodeDelegation(value);
  }

  /** Every delegation, by (delegator, validator) bytes. */
  *allDelegations(ctx: ReadContext): Generator<Delegation> {
    for (const { value } of this.scan(ctx, DELEGATION_PREFIX)) yield decodeDelegation(value);
  }

  /** A validator's delegations, by delegator address bytes (the reference scans every delegation). */
  *validatorDelegations(ctx: ReadContext, validator: Uint8Array): Generator<Delegation> {
    for (const d of this.allDelegations(ctx)) if (equalBytes(d.validator, validator)) yield d;
  }

  // ---- unbonding delegations -------------------------------------------------------------------

  unbondingDelegation(ctx: ReadContext, delegator: Uint8Array, validator: Uint8Array): UnbondingDelegation | undefined {
    const bytes = this.store(ctx).get(unbondingDelegationKey(delegator, validator));
    return bytes === undefined ? undefined : decodeUnbondingDelegation(bytes);
  }

  setUnbondingDelegation(ctx: WriteContext, u: UnbondingDelegation): void {
    const store = this.writer(ctx);
    store.set(unbondingDelegationKey(u.delegator, u.validator), encodeUnbondingDelegation(u));
    store.set(unbondingDelegationByValidatorKey(u.delegator, u.validator), INDEX_MARKER);
  }

  removeUnbondingDelegation(ctx: WriteContext, u: UnbondingDelegation): void {
    const store = this.writer(ctx);
    store.delete(unbondingDelegationKey(u.delegator, u.validator));
    store.delete(unbondingDelegationByValidatorKey(u.delegator, u.validator));
  }

  /** `GetUnbondingDelegationsFromValidator`: through the 0x33 index, by delegator bytes. */
  *unbondingDelegationsFromValidator(ctx: ReadContext, validator: Uint8Array): Generator<UnbondingDelegation> {
    const prefix = unbondingDelegationsByValidatorKey(validator);
    for (const { key } of this.scan(ctx, prefix)) {
      const [delegator] = splitLengthPrefixed(key.subarray(prefix.length));
      const u = this.unbondingDelegation(ctx, delegator!, validator);
      if (u === undefined) throw new Error("unbonding delegation index points at a missing record");
      yield u;
    }
  }

  *delegatorUnbondingDelegations(ctx: ReadContext, delegator: Uint8Array): Generator<UnbondingDelegation> {
    for (const { value } of this.scan(ctx, unbondingDelegationsKey(delegator))) yield decodeUnbondingDelegation(value);
  }

  *allUnbondingDelegations(ctx: ReadContext): Generator<UnbondingDelegation> {
    for (const { value } of this.scan(ctx, UNBONDING_DELEGATION_PREFIX)) yield decodeUnbondingDelegation(value);
  }

  // ---- redelegations ---------------------------------------------------------------------------

  redelegation(ctx: ReadContext, delegator: Uint8Array, src: Uint8Array, dst: Uint8Array): Redelegation | undefined {
    const bytes = this.store(ctx).get(redelegationKey(delegator, src, dst));
    return bytes === undefined ? undefined : decodeRedelegation(bytes);
  }

  setRedelegation(ctx: WriteContext, r: Redelegation): void {
    const store = this.writer(ctx);
    store.set(redelegationKey(r.delegator, r.validatorSrc, r.validatorDst), encodeRedelegation(r));
    store.set(redelegationBySrcKey(r.delegator, r.validatorSrc, r.validatorDst), INDEX_MARKER);
    store.set(redelegationByDstKey(r.delegator, r.validatorSrc, r.validatorDst), INDEX_MARKER);
  }

  removeRedelegation(ctx: WriteContext, r: Redelegation): void {
    const store = this.writer(ctx);
    store.delete(redelegationKey(r.delegator, r.validatorSrc, r.validatorDst));
    store.delete(redelegationBySrcKey(r.delegator, r.validatorSrc, r.validatorDst));
    store.delete(redelegationByDstKey(r.delegator, r.validatorSrc, r.validatorDst));
  }

  /** `GetRedelegationsFromSrcValidator`: through the 0x35 index, by (delegator, dst) bytes. */
  *redelegationsFromSrcValidator(ctx: ReadContext, src: Uint8Array): Generator<Redelegation> {
    const prefix = redelegationsBySrcKey(src);
    for (const { key } of this.scan(ctx, prefix)) {
      const [delegator, dst] = splitLengthPrefixed(key.subarray(prefix.length));
      const r = this.redelegation(ctx, delegator!, src, dst!);
      if (r === undefined) throw new Error("redelegation index points at a missing record");
      yield r;
    }
  }

  /** `HasReceivingRedelegation`: an immature redelegation of `delegator` into `dst` exists. */
  hasReceivingRedelegation(ctx: ReadContext, delegator: Uint8Array, dst: Uint8Array): boolean {
    const prefix = redelegationsByDelegatorToDstKey(delegator, dst);
    return !this.store(ctx).iterator(prefix, prefixEnd(prefix)).next().done;
  }

  *delegatorRedelegations(ctx: ReadContext, delegator: Uint8Array): Generator<Redelegation> {
    for (const { value } of this.scan(ctx, redelegationsKey(delegator))) yield decodeRedelegation(value);
  }

  *allRedelegations(ctx: ReadContext): Generator<Redelegation> {
    for (const { value } of this.scan(ctx, REDELEGATION_PREFIX)) yield decodeRedelegation(value);
  }

  // ---- unbonding ids ---------------------------------------------------------------------------

  /** `IncrementUnbondingID`: the next id (the first is 1). */
  incrementUnbondingId(ctx: WriteContext): bigint {
    const bytes = this.store(ctx).get(UNBONDING_ID_KEY);
    const id = (bytes === undefined ? 0n : readUint64(bytes)) + 1n;
    this.writer(ctx).set(UNBONDING_ID_KEY, uint64Bytes(id));
    return id;
  }

  /** The last id handed out (0 before the first). */
  lastUnbondingId(ctx: ReadContext): bigint {
    const bytes = this.store(ctx).get(UNBONDING_ID_KEY);
    return bytes === undefined ? 0n : readUint64(bytes);
  }

  /** `Set…ByUnbondingID`: id → the key of its record, and the operation type. */
  setUnbondingIndex(ctx: WriteContext, id: bigint, recordKey: Uint8Array, type: bigint): void {
    const store = this.writer(ctx);
    store.set(unbondingIndexKey(id), recordKey);
    store.set(unbondingTypeKey(id), uint64Bytes(type));
  }

  setUnbondingDelegationIndex(ctx: WriteContext, u: UnbondingDelegation, id: bigint): void {
    this.setUnbondingIndex(ctx, id, unbondingDelegationKey(u.delegator, u.validator), UnbondingType.UnbondingDelegation);
  }

  setRedelegationIndex(ctx: WriteContext, r: Redelegation, id: bigint): void {
    this.setUnbondingIndex(ctx, id, redelegationKey(r.delegator, r.validatorSrc, r.validatorDst), UnbondingType.Redelegation);
  }

  setValidatorUnbondingIndex(ctx: WriteContext, v: Validator, id: bigint): void {
    this.setUnbondingIndex(ctx, id, validatorKey(v.operator), UnbondingType.ValidatorUnbonding);
  }

  /** `DeleteUnbondingIndex` (the type entry stays, as in the reference). */
  deleteUnbondingIndex(ctx: WriteContext, id: bigint): void {
    this.writer(ctx).delete(unbondingIndexKey(id));
  }

  // ---- historical info -------------------------------------------------------------------------

  historicalInfo(ctx: ReadContext, height: bigint): HistoricalInfoProto | undefined {
    const bytes = this.store(ctx).get(historicalInfoKey(height));
    return bytes === undefined ? undefined : decodeHistoricalInfo(bytes);
  }

  hasHistoricalInfo(ctx: ReadContext, height: bigint): boolean {
    return this.store(ctx).has(historicalInfoKey(height));
  }

  setHistoricalInfo(ctx: WriteContext, height: bigint, info: HistoricalInfoProto): void {
    this.writer(ctx).set(historicalInfoKey(height), encodeHistoricalInfo(info));
  }

  deleteHistoricalInfo(ctx: WriteContext, height: bigint): void {
    this.writer(ctx).delete(historicalInfoKey(height));
  }

  *allHistoricalInfo(ctx: ReadContext): Generator<HistoricalInfoProto> {
    for (const { value } of this.scan(ctx, HISTORICAL_INFO_PREFIX)) yield decodeHistoricalInfo(value);
  }

  /** §1.6 once (genutil at InitChain, after the gentxs): the set CometBFT starts with. */
  applyAndReturnValidatorSetUpdates(ctx: WriteContext): ValidatorUpdate[] {
    return applyAndReturnValidatorSetUpdates(this, withHeader(ctx, "the validator-set computation")).updates;
  }

  // ---- the write contract for slashing and evidence (spec-staking §1.9, §1.10) -----------------

  /**
   * §1.10: slash a validator for an infraction at `infractionHeight` with the power it had then;
   * returns the burned amount (wei). Fires beforeValidatorModified, then beforeValidatorSlashed when
   * the validator has tokens. `ctx` must carry the block header (a baseapp Context does).
   */
  slash(ctx: WriteContext, consAddr: Uint8Array, infractionHeight: bigint, power: bigint, fraction: Dec): bigint {
    return slashValidator(this, ctx, consAddr, infractionHeight, power, fraction);
  }

  /** §1.9: jail the validator with this consensus address (it leaves the ranking; the next EndBlock unbonds it). */
  jail(ctx: WriteContext, consAddr: Uint8Array): void {
    jailByConsAddr(this, ctx, consAddr);
  }

  /** §1.9: unjail it (back in the ranking; the next EndBlock re-bonds it if it ranks). */
  unjail(ctx: WriteContext, consAddr: Uint8Array): void {
    unjailByConsAddr(this, ctx, consAddr);
  }
}

export { BONDED_POOL_NAME, NOT_BONDED_POOL_NAME };
