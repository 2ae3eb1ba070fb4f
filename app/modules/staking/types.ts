/**
 * The staking records as the modules see them (spec-staking §1.1–§1.2), decoded: amounts are bigint,
 * shares and rates are Dec, times are Unix nanoseconds, addresses are raw bytes. This file and
 * `hooks.ts` are the contract between staking and the modules that build on it (distribution,
 * slashing, evidence, gov): they read staking through `StakingView` below and react to its hooks.
 */
import type { ReadContext } from "../../baseapp/context.js";
import type { Dec } from "../../math/dec.js";
import { BondStatus } from "../register/logic/bondStatus.js";

/** `cosmos.staking.v1beta1.BondStatus` (the numbers register's nodes use too). */
export { BondStatus };

/** Unix time in nanoseconds (block times, completion times). */
export type UnixNanos = bigint;

export interface Description {
  readonly moniker: string;
  readonly identity: string;
  readonly website: string;
  readonly securityContact: string;
  readonly details: string;
}

export interface CommissionRates {
  readonly rate: Dec;
  readonly maxRate: Dec;
  readonly maxChangeRate: Dec;
}

export interface Commission {
  readonly rates: CommissionRates;
  readonly updateTime: UnixNanos;
}

export interface Validator {
  /** Operator address bytes (the `stvaloper…` address; same bytes as the operator's account). */
  readonly operator: Uint8Array;
  /** ed25519 consensus public key, 32 bytes. */
  readonly consensusPubKey: Uint8Array;
  /** 20-byte consensus address (SHA-256 of the pubkey, first 20 bytes). */
  readonly consensusAddress: Uint8Array;
  readonly jailed: boolean;
  readonly status: BondStatus;
  /** wei bonded to the validator by all its delegators. */
  readonly tokens: bigint;
  readonly delegatorShares: Dec;
  readonly description: Description;
  readonly unbondingHeight: bigint;
  readonly unbondingTime: UnixNanos;
  readonly commission: Commission;
  readonly minSelfDelegation: bigint;
  readonly unbondingOnHoldRefCount: bigint;
  readonly unbondingIds: readonly bigint[];
}

export interface Delegation {
  readonly delegator: Uint8Array;
  readonly validator: Uint8Array;
  readonly shares: Dec;
}

export interface UnbondingEntry {
  readonly creationHeight: bigint;
  readonly completionTime: UnixNanos;
  readonly initialBalance: bigint;
  readonly balance: bigint;
  readonly unbondingId: bigint;
  readonly unbondingOnHoldRefCount: bigint;
}

export interface UnbondingDelegation {
  readonly delegator: Uint8Array;
  readonly validator: Uint8Array;
  readonly entries: readonly UnbondingEntry[];
}

export interface RedelegationEntry {
  readonly creationHeight: bigint;
  readonly completionTime: UnixNanos;
  readonly initialBalance: bigint;
  readonly sharesDst: Dec;
  readonly unbondingId: bigint;
  readonly unbondingOnHoldRefCount: bigint;
}

export interface Redelegation {
  readonly delegator: Uint8Array;
  readonly validatorSrc: Uint8Array;
  readonly validatorDst: Uint8Array;
  readonly entries: readonly RedelegationEntry[];
}

export interface StakingParams {
  /** Nanoseconds. */
  readonly unbondingTime: bigint;
  readonly maxValidators: number;
  readonly maxEntries: number;
  readonly historicalEntries: number;
  readonly bondDenom: string;
  readonly minCommissionRate: Dec;
}

/** `sdk.DefaultPowerReduction` as Stratos sets it (spec-staking §0.6): consensus power = trunc(tokens / 10^15). */
export const POWER_REDUCTION = 10n ** 15n;

/**
 * What other modules read of staking (the SDK's `StakingKeeper` / `ValidatorSet` / `DelegationSet`
 * as distribution, slashing, evidence and gov use them). The staking keeper implements it; consumers
 * declare the subset they need in their own `expected.ts` (e.g. `Pick<StakingView, "validator" | …>`).
 * Iteration orders are the reference's (spec-staking §0.8).
 */
export interface StakingView {
  getParams(ctx: ReadContext): StakingParams;
  bondDenom(ctx: ReadContext): string;
  /** By operator address. */
  validator(ctx: ReadContext, operator: Uint8Array): Validator | undefined;
  /** By 20-byte consensus address. */
  validatorByConsAddr(ctx: ReadContext, consensusAddress: Uint8Array): Validator | undefined;
  /** Every validator, by operator address bytes. */
  validators(ctx: ReadContext): Iterable<Validator>;
  /** The BONDED validators in power-index order (power desc, operator asc), at most max_validators. */
  bondedValidatorsByPower(ctx: ReadContext): Iterable<Validator>;
  /** Σ tokens of the BONDED validators (the bonded pool's balance). */
  totalBondedTokens(ctx: ReadContext): bigint;
  /** The last validator set's total power (`last_total_power`). */
  lastTotalPower(ctx: ReadContext): bigint;
  delegation(ctx: ReadContext, delegator: Uint8Array, validator: Uint8Array): Delegation | undefined;
  /** A delegator's delegations, by validator address bytes. */
  delegatorDelegations(ctx: ReadContext, delegator: Uint8Array): Iterable<Delegation>;
  /** A validator's delegations, by delegator address bytes. */
  validatorDelegations(ctx: ReadContext, validator: Uint8Array): Iterable<Delegation>;
}
