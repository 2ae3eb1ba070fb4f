/**
 * Test-only: an in-memory staking keeper that follows spec-staking §1 closely enough for distribution
 * to be tested against it, and that the real keeper replaces without changing the tests. It implements
 * the whole `StakingView` contract and the procedures that fire the hooks, in the SDK's order:
 * - CreateValidator (§1.4): Unbonded, 0 tokens, `AfterValidatorCreated`, then Delegate of the self-bond;
 * - Delegate (§1.5): invalid exchange rate refused, `BeforeDelegationSharesModified` (existing) or
 *   `BeforeDelegationCreated` (new), coins from the account to the pool of the validator's status,
 *   shares issued with the exact share math, `AfterDelegationModified`;
 * - Unbond (§1.5): `BeforeDelegationSharesModified`, shares checked and subtracted, the self-delegation
 *   jail rule, `BeforeDelegationRemoved` or `AfterDelegationModified` **before** the validator's tokens
 *   and shares change, tokens returned (truncated, or all of them with the last shares), validator
 *   removed (`AfterValidatorRemoved`) when unbonded and without shares. Undelegated tokens stay in the
 *   not-bonded pool (the unbonding queue itself is not modelled);
 * - bonding (the §1.6 status change and pool transfer) and Slash (§1.10 without unbonding or
 *   redelegation entries): `BeforeValidatorSlashed` with the effective fraction before the burn.
 * State lives in a store of its own ("fake_staking"), so message branches revert it like real state.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { legacyEvent } from "../../baseapp/events.js";
import type { ReadContext } from "../../baseapp/context.js";
import { TxError } from "../../baseapp/errors.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { coin, Coins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { concatBytes, fromHex, hexOf, prefixEnd } from "../../store/bytes.js";
import type { KVStore, StoreName } from "../../store/types.js";
import { MultiStakingHooks } from "../staking/hooks.js";
import { consensusPower, sharesFromTokens, tokensFromShares } from "../staking/logic/shares.js";
import {
  BondStatus, type Delegation, POWER_REDUCTION, type StakingParams, type StakingView, type Validator,
} from "../staking/types.js";

export const FAKE_STAKING_STORE = "fake_staking";
export const BONDED_POOL = "bonded_tokens_pool";
export const NOT_BONDED_POOL = "not_bonded_tokens_pool";

export interface FakeWriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

/** What the fake moves coins with (bank's delegation and pool methods). */
export interface BankForFakeStaking {
  getSupply(ctx: ReadContext, denom: string): { readonly amount: bigint };
  delegateCoinsFromAccountToModule(ctx: FakeWriteContext, sender: Uint8Array, module: string, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: FakeWriteContext, from: string, to: string, amount: Coins): void;
  burnCoins(ctx: FakeWriteContext, module: string, amount: Coins): void;
}

/** staking 34 / 22 / 21 / 3, as the reference returns them. */
const ErrDelegatorShareExRateInvalid = new TxError("staking", 34, "cannot delegate to validators with invalid (zero) ex-rate");
const ErrNotEnoughDelegationShares = new TxError("staking", 22, "not enough delegation shares");
const ErrNoDelegatorForAddress = new TxError("staking", 21, "delegator does not contain delegation");
const ErrNoValidatorFound = new TxError("staking", 3, "validator does not exist");

const PARAMS: StakingParams = {
  unbondingTime: 1_814_400n * 1_000_000_000n,
  maxValidators: 100,
  maxEntries: 7,
  historicalEntries: 10_000,
  bondDenom: "wei",
  minCommissionRate: Dec.ZERO,
};

const K = { validator: 0x21, byConsAddr: 0x22, delegation: 0x31, byValidator: 0x32 } as const;
const key = (p: number, ...parts: Uint8Array[]): Uint8Array => concatBytes(Uint8Array.of(p), ...parts);

interface StoredValidator {
  operator: string;
  consensusPubKey: string;
  jailed: boolean;
  status: BondStatus;
  tokens: string;
  shares: string;
  rate: string;
  minSelfDelegation: string;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function toValidator(s: StoredValidator): Validator {
  const consensusPubKey = fromHex(s.consensusPubKey);
  const rate = Dec.fromRaw(BigInt(s.rate));
  return {
    operator: fromHex(s.operator),
    consensusPubKey,
    consensusAddress: ed25519Address(consensusPubKey),
    jailed: s.jailed,
    status: s.status,
    tokens: BigInt(s.tokens),
    delegatorShares: Dec.fromRaw(BigInt(s.shares)),
    description: { moniker: "", identity: "", website: "", securityContact: "", details: "" },
    unbondingHeight: 0n,
    unbondingTime: 0n,
    commission: { rates: { rate, maxRate: Dec.ONE, maxChangeRate: Dec.ONE }, updateTime: 0n },
    minSelfDelegation: BigInt(s.minSelfDelegation),
    unbondingOnHoldRefCount: 0n,
    unbondingIds: [],
  };
}

function fromValidator(v: Validator): StoredValidator {
  return {
    operator: hexOf(v.operator),
    consensusPubKey: hexOf(v.consensusPubKey),
    jailed: v.jailed,
    status: v.status,
    tokens: v.tokens.toString(),
    shares: v.delegatorShares.raw.toString(),
    rate: v.commission.rates.rate.raw.toString(),
    minSelfDelegation: v.minSelfDelegation.toString(),
  };
}

/** `QuoRoundUp` for positive values: ceil(trunc(a·10^36 / b) / 10^18). */
function quoRoundUp(a: Dec, b: Dec): Dec {
  const scale = 10n ** 18n;
  const q = (a.raw * scale * scale) / b.raw;
  return Dec.fromRaw(q / scale + (q % scale === 0n ? 0n : 1n));
}

export interface NewValidator {
  readonly operator: Uint8Array;
  /** ed25519 public key, 32 bytes. */
  readonly consensusPubKey: Uint8Array;
  readonly rate: Dec;
  readonly selfBond: bigint;
  readonly minSelfDelegation?: bigint;
}

export class FakeStaking implements StakingView {
  /** Distribution's listener goes first, as the app wires it (spec-staking §0.6). */
  readonly hooks = new MultiStakingHooks();

  constructor(private readonly bank: BankForFakeStaking) {}

  // ---- StakingView ---------------------------------------------------------------------------------

  getParams(): StakingParams {
    return PARAMS;
  }

  bondDenom(): string {
    return PARAMS.bondDenom;
  }

  validator(ctx: ReadContext, operator: Uint8Array): Validator | undefined {
    const bytes = ctx.kv(FAKE_STAKING_STORE).get(key(K.validator, operator));
    return bytes === undefined ? undefined : toValidator(JSON.parse(fromUtf8.decode(bytes)) as StoredValidator);
  }

  validatorByConsAddr(ctx: ReadContext, consensusAddress: Uint8Array): Validator | undefined {
    const operator = ctx.kv(FAKE_STAKING_STORE).get(key(K.byConsAddr, consensusAddress));
    return operator === undefined ? undefined : this.validator(ctx, operator);
  }

  *validators(ctx: ReadContext): Iterable<Validator> {
    const prefix = Uint8Array.of(K.validator);
    for (const { value } of ctx.kv(FAKE_STAKING_STORE).iterator(prefix, prefixEnd(prefix))) {
      yield toValidator(JSON.parse(fromUtf8.decode(value)) as StoredValidator);
    }
  }

  bondedValidatorsByPower(ctx: ReadContext): Iterable<Validator> {
    return [...this.validators(ctx)]
      .filter((v) => v.status === BondStatus.Bonded)
      .sort((a, b) => {
        const pa = consensusPower(a.tokens);
        const pb = consensusPower(b.tokens);
        if (pa !== pb) return pa > pb ? -1 : 1;
        return hexOf(a.operator) < hexOf(b.operator) ? -1 : 1;
      })
      .slice(0, PARAMS.maxValidators);
  }

  totalBondedTokens(ctx: ReadContext): bigint {
    let total = 0n;
    for (const v of this.validators(ctx)) if (v.status === BondStatus.Bonded) total += v.tokens;
    return total;
  }

  lastTotalPower(ctx: ReadContext): bigint {
    let total = 0n;
    for (const v of this.bondedValidatorsByPower(ctx)) total += consensusPower(v.tokens);
    return total;
  }

  delegation(ctx: ReadContext, delegator: Uint8Array, validator: Uint8Array): Delegation | undefined {
    const bytes = ctx.kv(FAKE_STAKING_STORE).get(key(K.delegation, delegator, validator));
    return bytes === undefined ? undefined : { delegator, validator, shares: Dec.fromRaw(BigInt(fromUtf8.decode(bytes))) };
  }

  *delegatorDelegations(ctx: ReadContext, delegator: Uint8Array): Iterable<Delegation> {
    const prefix = key(K.delegation, delegator);
    for (const { key: k, value } of ctx.kv(FAKE_STAKING_STORE).iterator(prefix, prefixEnd(prefix))) {
      yield { delegator, validator: k.slice(1 + delegator.length), shares: Dec.fromRaw(BigInt(fromUtf8.decode(value))) };
    }
  }

  *validatorDelegations(ctx: ReadContext, validator: Uint8Array): Iterable<Delegation> {
    const prefix = key(K.byValidator, validator);
    for (const { key: k } of ctx.kv(FAKE_STAKING_STORE).iterator(prefix, prefixEnd(prefix))) {
      const found = this.delegation(ctx, k.slice(1 + validator.length), validator);
      if (found !== undefined) yield found;
    }
  }

  // ---- procedures ----------------------------------------------------------------------------------

  /** MsgCreateValidator's effects: the validator (Unbonded), its hook, then the self-delegation. */
  createValidator(ctx: FakeWriteContext, v: NewValidator): void {
    const validator = toValidator({
      operator: hexOf(v.operator), consensusPubKey: hexOf(v.consensusPubKey), jailed: false, status: BondStatus.Unbonded,
      tokens: "0", shares: "0", rate: v.rate.raw.toString(), minSelfDelegation: (v.minSelfDelegation ?? 1n).toString(),
    });
    this.setValidator(ctx, validator);
    ctx.kv(FAKE_STAKING_STORE).set(key(K.byConsAddr, validator.consensusAddress), v.operator);
    this.hooks.afterValidatorCreated(ctx, v.operator);
    this.delegate(ctx, v.operator, v.operator, v.selfBond);
  }

  /** §1.6 for one validator: Bonded, its tokens moved to the bonded pool, `AfterValidatorBonded`. */
  bond(ctx: FakeWriteContext, operator: Uint8Array): void {
    const v = this.mustValidator(ctx, operator);
    if (v.status === BondStatus.Bonded) return;
    this.setValidator(ctx, { ...v, status: BondStatus.Bonded });
    if (v.tokens > 0n) this.bank.sendCoinsFromModuleToModule(ctx, NOT_BONDED_POOL, BONDED_POOL, Coins.of(coin(PARAMS.bondDenom, v.tokens)));
    this.hooks.afterValidatorBonded(ctx, v.consensusAddress, operator);
  }

  /** §1.5 Delegate from an account; returns the shares issued. */
  delegate(ctx: FakeWriteContext, delegator: Uint8Array, operator: Uint8Array, amount: bigint): Dec {
    const v = this.mustValidator(ctx, operator);
    if (v.tokens === 0n && v.delegatorShares.isPositive()) throw ErrDelegatorShareExRateInvalid;
    const existing = this.delegation(ctx, delegator, operator);
    if (existing !== undefined) this.hooks.beforeDelegationSharesModified(ctx, delegator, operator);
    else this.hooks.beforeDelegationCreated(ctx, delegator, operator);
    const pool = v.status === BondStatus.Bonded ? BONDED_POOL : NOT_BONDED_POOL;
    this.bank.delegateCoinsFromAccountToModule(ctx, delegator, pool, Coins.of(coin(PARAMS.bondDenom, amount)));
    const current = this.mustValidator(ctx, operator);
    const issued = current.delegatorShares.isZero() ? Dec.fromInt(amount) : sharesFromTokens(current, amount);
    this.setValidator(ctx, { ...current, tokens: current.tokens + amount, delegatorShares: current.delegatorShares.add(issued) });
    const shares = (this.delegation(ctx, delegator, operator)?.shares ?? Dec.ZERO).add(issued);
    this.setDelegation(ctx, delegator, operator, shares);
    this.hooks.afterDelegationModified(ctx, delegator, operator);
    ctx.emit(legacyEvent("delegate", {
      validator: formatBech32Address(operator, BECH32_PREFIX.validator), delegator: formatBech32Address(delegator, BECH32_PREFIX.account),
      amount: `${amount}${PARAMS.bondDenom}`, new_shares: issued.toString(),
    }));
    return issued;
  }

  /** §1.5 Unbond `shares`; returns the tokens taken from the validator (left in the not-bonded pool). */
  undelegate(ctx: FakeWriteContext, delegator: Uint8Array, operator: Uint8Array, shares: Dec): bigint {
    const delegation = this.delegation(ctx, delegator, operator);
    if (delegation === undefined) throw ErrNoDelegatorForAddress;
    this.hooks.beforeDelegationSharesModified(ctx, delegator, operator);
    if (delegation.shares.lt(shares)) throw ErrNotEnoughDelegationShares.wrap(delegation.shares.toString());
    let v = this.mustValidator(ctx, operator);
    const remaining = delegation.shares.sub(shares);
    const isOperator = hexOf(delegator) === hexOf(operator);
    if (isOperator && !v.jailed && tokensFromShares(v, remaining).truncateInt() < v.minSelfDelegation) {
      v = { ...v, jailed: true };
      this.setValidator(ctx, v);
    }
    if (remaining.isZero()) {
      this.hooks.beforeDelegationRemoved(ctx, delegator, operator);
      this.deleteDelegation(ctx, delegator, operator);
    } else {
      this.setDelegation(ctx, delegator, operator, remaining);
      this.hooks.afterDelegationModified(ctx, delegator, operator);
    }
    // RemoveValidatorTokensAndShares (§1.2): the last shares take every token, otherwise truncated.
    const leftShares = v.delegatorShares.sub(shares);
    const returned = leftShares.isZero() ? v.tokens : tokensFromShares(v, shares).truncateInt();
    v = { ...v, tokens: v.tokens - returned, delegatorShares: leftShares };
    this.setValidator(ctx, v);
    if (v.status === BondStatus.Bonded && returned > 0n) {
      this.bank.sendCoinsFromModuleToModule(ctx, BONDED_POOL, NOT_BONDED_POOL, Coins.of(coin(PARAMS.bondDenom, returned)));
    }
    if (v.delegatorShares.isZero() && v.status === BondStatus.Unbonded) this.removeValidator(ctx, operator);
    return returned;
  }

  /** §1.10 without unbonding/redelegation entries; returns the burned amount. */
  slash(ctx: FakeWriteContext, consAddr: Uint8Array, power: bigint, fraction: Dec): bigint {
    const v = this.validatorByConsAddr(ctx, consAddr);
    if (v === undefined) return 0n;
    const amount = Dec.fromInt(power * POWER_REDUCTION).mul(fraction).truncateInt();
    const burn = amount < 0n ? 0n : amount > v.tokens ? v.tokens : amount;
    if (v.tokens > 0n) {
      const effective = quoRoundUp(Dec.fromInt(burn), Dec.fromInt(v.tokens));
      this.hooks.beforeValidatorSlashed(ctx, v.operator, effective.gt(Dec.ONE) ? Dec.ONE : effective);
    }
    this.setValidator(ctx, { ...this.mustValidator(ctx, v.operator), tokens: v.tokens - burn });
    if (burn > 0n) this.bank.burnCoins(ctx, v.status === BondStatus.Bonded ? BONDED_POOL : NOT_BONDED_POOL, Coins.of(coin(PARAMS.bondDenom, burn)));
    return burn;
  }

  /** Bonded → Unbonded at once (the unbonding period is not modelled): tokens to the not-bonded pool. */
  unbondValidator(ctx: FakeWriteContext, operator: Uint8Array): void {
    const v = this.mustValidator(ctx, operator);
    if (v.status !== BondStatus.Bonded) return;
    this.setValidator(ctx, { ...v, status: BondStatus.Unbonded });
    if (v.tokens > 0n) this.bank.sendCoinsFromModuleToModule(ctx, BONDED_POOL, NOT_BONDED_POOL, Coins.of(coin(PARAMS.bondDenom, v.tokens)));
    this.hooks.afterValidatorBeginUnbonding(ctx, v.consensusAddress, operator);
    if (v.delegatorShares.isZero()) this.removeValidator(ctx, operator);
  }

  // ---- state ---------------------------------------------------------------------------------------

  private mustValidator(ctx: ReadContext, operator: Uint8Array): Validator {
    const v = this.validator(ctx, operator);
    if (v === undefined) throw ErrNoValidatorFound;
    return v;
  }

  private setValidator(ctx: FakeWriteContext, v: Validator): void {
    ctx.kv(FAKE_STAKING_STORE).set(key(K.validator, v.operator), utf8.encode(JSON.stringify(fromValidator(v))));
  }

  private removeValidator(ctx: FakeWriteContext, operator: Uint8Array): void {
    const v = this.mustValidator(ctx, operator);
    if (v.tokens > 0n) throw new Error("attempting to remove a validator which still contains tokens");
    ctx.kv(FAKE_STAKING_STORE).delete(key(K.validator, operator));
    ctx.kv(FAKE_STAKING_STORE).delete(key(K.byConsAddr, v.consensusAddress));
    this.hooks.afterValidatorRemoved(ctx, v.consensusAddress, operator);
  }

  private setDelegation(ctx: FakeWriteContext, delegator: Uint8Array, operator: Uint8Array, shares: Dec): void {
    const store = ctx.kv(FAKE_STAKING_STORE);
    store.set(key(K.delegation, delegator, operator), utf8.encode(shares.raw.toString()));
    store.set(key(K.byValidator, operator, delegator), Uint8Array.of(1));
  }

  private deleteDelegation(ctx: FakeWriteContext, delegator: Uint8Array, operator: Uint8Array): void {
    const store = ctx.kv(FAKE_STAKING_STORE);
    store.delete(key(K.delegation, delegator, operator));
    store.delete(key(K.byValidator, operator, delegator));
  }
}
