/**
 * Test-only: a staking keeper faithful enough for slashing and evidence to be tested against it before
 * the real one lands; the real keeper replaces it without changing the tests. It implements the read
 * contract slashing and evidence use (`StakingView`'s validator, validatorByConsAddr, validators,
 * delegation) and the three write methods with the contract's signatures, per spec-staking:
 * - slash (§1.10, SDK v0.47 `Keeper.Slash`): amount from the power passed in, `BeforeValidatorModified`,
 *   unbonding entries created at or after the infraction height and not yet mature slashed from their
 *   initial balance and burned from the not-bonded pool, the rest burned from the validator's tokens
 *   and pool, `BeforeValidatorSlashed` with the effective fraction (QuoRoundUp, capped at 1);
 *   redelegation entries are not modelled;
 * - jail / unjail (§1.9): the jailed flag (jailing a jailed validator, or unjailing a free one, throws
 *   as the reference panics);
 * and the procedures the tests need around them: CreateValidator (Unbonded, `AfterValidatorCreated`,
 * self-delegation), Delegate and Undelegate (§1.5, with the self-delegation jail rule and an unbonding
 * entry), and the validator-set update of §1.6 (bonding with `AfterValidatorBonded`, jailed or
 * zero-power validators to Unbonding with power 0, one net pool transfer). The unbonding queues are
 * not modelled. State lives in its own store ("fake_staking"), so message branches revert it.
 */
import type { Event, ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import type { ModuleHooks } from "../../baseapp/block.js";
import type { ReadContext } from "../../baseapp/context.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { coin, Coins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { compareBytes, concatBytes, equalBytes, fromHex, hexOf, prefixEnd } from "../../store/bytes.js";
import type { KVStore, StoreName } from "../../store/types.js";
import { fromTimestamp } from "../register/logic/time.js";
import { MultiStakingHooks } from "../staking/hooks.js";
import { consensusPower, sharesFromTokens, tokensFromShares } from "../staking/logic/shares.js";
import { BondStatus, type Delegation, POWER_REDUCTION, type UnbondingEntry, type Validator } from "../staking/types.js";
import type { StakingForSlashing } from "./expected.js";

export const FAKE_STAKING_STORE = "fake_staking";
export const BONDED_POOL = "bonded_tokens_pool";
export const NOT_BONDED_POOL = "not_bonded_tokens_pool";
export const BOND_DENOM = "wei";
/** 21 days (spec-staking §0.7). */
export const UNBONDING_TIME_NANOS = 1_814_400n * 1_000_000_000n;
const MAX_VALIDATORS = 100;

export interface FakeContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

interface FakeBlockContext extends FakeContext {
  readonly header: { readonly height: bigint; readonly time: { readonly seconds: bigint; readonly nanos: number } };
}

/** What the fake moves coins with (bank's delegation, pool and burn methods). */
export interface BankForFakeStaking {
  delegateCoinsFromAccountToModule(ctx: FakeContext, sender: Uint8Array, module: string, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: FakeContext, from: string, to: string, amount: Coins): void;
  burnCoins(ctx: FakeContext, module: string, amount: Coins): void;
}

export interface NewValidator {
  readonly operator: Uint8Array;
  /** ed25519 public key, 32 bytes. */
  readonly consensusPubKey: Uint8Array;
  readonly selfBond: bigint;
  readonly minSelfDelegation?: bigint;
}

const K = { validator: 0x21, byConsAddr: 0x22, lastPower: 0x23, delegation: 0x31, unbonding: 0x41 } as const;
const key = (p: number, ...parts: Uint8Array[]): Uint8Array => concatBytes(Uint8Array.of(p), ...parts);
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
const wei = (amount: bigint): Coins => Coins.of(coin(BOND_DENOM, amount));

interface StoredValidator {
  operator: string;
  consensusPubKey: string;
  jailed: boolean;
  status: BondStatus;
  tokens: string;
  shares: string;
  minSelfDelegation: string;
  unbondingHeight: string;
  unbondingTime: string;
}

interface StoredEntry {
  creationHeight: string;
  completionTime: string;
  initialBalance: string;
  balance: string;
}

function toValidator(s: StoredValidator): Validator {
  const consensusPubKey = fromHex(s.consensusPubKey);
  return {
    operator: fromHex(s.operator),
    consensusPubKey,
    consensusAddress: ed25519Address(consensusPubKey),
    jailed: s.jailed,
    status: s.status,
    tokens: BigInt(s.tokens),
    delegatorShares: Dec.fromRaw(BigInt(s.shares)),
    description: { moniker: "", identity: "", website: "", securityContact: "", details: "" },
    unbondingHeight: BigInt(s.unbondingHeight),
    unbondingTime: BigInt(s.unbondingTime),
    commission: { rates: { rate: Dec.ZERO, maxRate: Dec.ONE, maxChangeRate: Dec.ONE }, updateTime: 0n },
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
    minSelfDelegation: v.minSelfDelegation.toString(),
    unbondingHeight: v.unbondingHeight.toString(),
    unbondingTime: v.unbondingTime.toString(),
  };
}

/** `QuoRoundUp` for positive values: ceil(trunc(a·10^36 / b) / 10^18). */
function quoRoundUp(a: Dec, b: Dec): Dec {
  const scale = 10n ** 18n;
  const q = (a.raw * scale * scale) / b.raw;
  return Dec.fromRaw(q / scale + (q % scale === 0n ? 0n : 1n));
}

function blockOf(ctx: FakeContext): FakeBlockContext {
  const header = (ctx as Partial<FakeBlockContext>).header;
  if (header === undefined) throw new Error("the fake staking keeper needs a context with the block header");
  return ctx as FakeBlockContext;
}

export class FakeStaking implements StakingForSlashing {
  /** Listeners in the app's order: distribution's (none here), then slashing's. */
  readonly hooks = new MultiStakingHooks();

  constructor(private readonly bank: BankForFakeStaking) {}

  // ---- the read contract -------------------------------------------------------------------------

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

  delegation(ctx: ReadContext, delegator: Uint8Array, validator: Uint8Array): Delegation | undefined {
    const bytes = ctx.kv(FAKE_STAKING_STORE).get(key(K.delegation, delegator, validator));
    return bytes === undefined ? undefined : { delegator, validator, shares: Dec.fromRaw(BigInt(fromUtf8.decode(bytes))) };
  }

  /** The unbonding entries of a (delegator, validator) pair. */
  unbondingEntries(ctx: ReadContext, delegator: Uint8Array, validator: Uint8Array): UnbondingEntry[] {
    const bytes = ctx.kv(FAKE_STAKING_STORE).get(key(K.unbonding, validator, delegator));
    if (bytes === undefined) return [];
    return (JSON.parse(fromUtf8.decode(bytes)) as StoredEntry[]).map((e) => ({
      creationHeight: BigInt(e.creationHeight), completionTime: BigInt(e.completionTime),
      initialBalance: BigInt(e.initialBalance), balance: BigInt(e.balance), unbondingId: 0n, unbondingOnHoldRefCount: 0n,
    }));
  }

  // ---- the write contract (§1.9, §1.10) ----------------------------------------------------------

  slash(ctx: FakeContext, consAddr: Uint8Array, infractionHeight: bigint, power: bigint, fraction: Dec): bigint {
    const block = blockOf(ctx);
    if (fraction.isNegative()) throw new Error(`attempted to slash with a negative slash factor: ${fraction.toString()}`);
    const slashAmount = Dec.fromInt(power * POWER_REDUCTION).mul(fraction).truncateInt();
    const found = this.validatorByConsAddr(ctx, consAddr);
    if (found === undefined) return 0n; // the reference logs and ignores it
    if (found.status === BondStatus.Unbonded) throw new Error(`should not be slashing unbonded validator: ${hexOf(found.operator)}`);
    this.hooks.beforeValidatorModified(ctx, found.operator);
    let remaining = slashAmount;
    const height = block.header.height;
    if (infractionHeight > height) {
      throw new Error(`impossible attempt to slash future infraction at height ${infractionHeight} but we are at height ${height}`);
    }
    if (infractionHeight < height) remaining -= this.slashUnbondingDelegations(block, found.operator, infractionHeight, fraction);
    const v = this.mustValidator(ctx, found.operator);
    let burn = remaining < v.tokens ? remaining : v.tokens;
    if (burn < 0n) burn = 0n;
    if (v.tokens > 0n) {
      const effective = quoRoundUp(Dec.fromInt(burn), Dec.fromInt(v.tokens));
      this.hooks.beforeValidatorSlashed(ctx, v.operator, effective.gt(Dec.ONE) ? Dec.ONE : effective);
    }
    this.setValidator(ctx, { ...this.mustValidator(ctx, v.operator), tokens: v.tokens - burn });
    if (burn > 0n) this.bank.burnCoins(ctx, v.status === BondStatus.Bonded ? BONDED_POOL : NOT_BONDED_POOL, wei(burn));
    return burn;
  }

  jail(ctx: FakeContext, consAddr: Uint8Array): void {
    const v = this.mustValidatorByConsAddr(ctx, consAddr);
    if (v.jailed) throw new Error(`cannot jail already jailed validator ${hexOf(v.operator)}`);
    this.setValidator(ctx, { ...v, jailed: true });
  }

  unjail(ctx: FakeContext, consAddr: Uint8Array): void {
    const v = this.mustValidatorByConsAddr(ctx, consAddr);
    if (!v.jailed) throw new Error(`cannot unjail already unjailed validator ${hexOf(v.operator)}`);
    this.setValidator(ctx, { ...v, jailed: false });
  }

  // ---- procedures around them --------------------------------------------------------------------

  /** MsgCreateValidator's effects: the validator (Unbonded), `AfterValidatorCreated`, the self-delegation. */
  createValidator(ctx: FakeContext, n: NewValidator): void {
    const operator = n.operator;
    this.setValidator(ctx, toValidator({
      operator: hexOf(operator), consensusPubKey: hexOf(n.consensusPubKey), jailed: false, status: BondStatus.Unbonded,
      tokens: "0", shares: "0", minSelfDelegation: (n.minSelfDelegation ?? 1n).toString(), unbondingHeight: "0", unbondingTime: "0",
    }));
    ctx.kv(FAKE_STAKING_STORE).set(key(K.byConsAddr, ed25519Address(n.consensusPubKey)), operator);
    this.hooks.afterValidatorCreated(ctx, operator);
    this.delegate(ctx, operator, operator, n.selfBond);
  }

  /** §1.5 Delegate from an account into the pool of the validator's status; returns the shares issued. */
  delegate(ctx: FakeContext, delegator: Uint8Array, operator: Uint8Array, amount: bigint): Dec {
    const v = this.mustValidator(ctx, operator);
    if (v.tokens === 0n && v.delegatorShares.isPositive()) throw new Error("cannot delegate to validators with invalid (zero) ex-rate");
    if (this.delegation(ctx, delegator, operator) !== undefined) this.hooks.beforeDelegationSharesModified(ctx, delegator, operator);
    else this.hooks.beforeDelegationCreated(ctx, delegator, operator);
    this.bank.delegateCoinsFromAccountToModule(ctx, delegator, v.status === BondStatus.Bonded ? BONDED_POOL : NOT_BONDED_POOL, wei(amount));
    const current = this.mustValidator(ctx, operator);
    const issued = current.delegatorShares.isZero() ? Dec.fromInt(amount) : sharesFromTokens(current, amount);
    this.setValidator(ctx, { ...current, tokens: current.tokens + amount, delegatorShares: current.delegatorShares.add(issued) });
    this.setDelegation(ctx, delegator, operator, (this.delegation(ctx, delegator, operator)?.shares ?? Dec.ZERO).add(issued));
    this.hooks.afterDelegationModified(ctx, delegator, operator);
    return issued;
  }

  /**
   * MsgUndelegate's effects (§1.4–§1.5) for `amount` tokens: shares removed (with the self-delegation
   * jail rule), returned tokens moved to the not-bonded pool when the validator is bonded, and an
   * unbonding entry created at this height maturing in 21 days. Returns the tokens in the entry.
   */
  undelegate(ctx: FakeContext, delegator: Uint8Array, operator: Uint8Array, amount: bigint): bigint {
    const block = blockOf(ctx);
    const delegation = this.delegation(ctx, delegator, operator);
    if (delegation === undefined) throw new Error("no delegation for (address, validator) tuple");
    let v = this.mustValidator(ctx, operator);
    let shares = sharesFromTokens(v, amount);
    if (shares.gt(delegation.shares)) shares = delegation.shares;
    this.hooks.beforeDelegationSharesModified(ctx, delegator, operator);
    const left = delegation.shares.sub(shares);
    if (equalBytes(delegator, operator) && !v.jailed && tokensFromShares(v, left).truncateInt() < v.minSelfDelegation) {
      v = { ...v, jailed: true };
      this.setValidator(ctx, v);
    }
    if (left.isZero()) {
      this.hooks.beforeDelegationRemoved(ctx, delegator, operator);
      ctx.kv(FAKE_STAKING_STORE).delete(key(K.delegation, delegator, operator));
    } else {
      this.setDelegation(ctx, delegator, operator, left);
      this.hooks.afterDelegationModified(ctx, delegator, operator);
    }
    const remainingShares = v.delegatorShares.sub(shares);
    const returned = remainingShares.isZero() ? v.tokens : tokensFromShares(v, shares).truncateInt();
    v = { ...v, tokens: v.tokens - returned, delegatorShares: remainingShares };
    this.setValidator(ctx, v);
    if (v.status === BondStatus.Bonded && returned > 0n) this.bank.sendCoinsFromModuleToModule(ctx, BONDED_POOL, NOT_BONDED_POOL, wei(returned));
    const entries = this.unbondingEntries(ctx, delegator, operator);
    entries.push({
      creationHeight: block.header.height, completionTime: fromTimestamp(block.header.time) + UNBONDING_TIME_NANOS,
      initialBalance: returned, balance: returned, unbondingId: 0n, unbondingOnHoldRefCount: 0n,
    });
    this.setUnbondingEntries(ctx, delegator, operator, entries);
    return returned;
  }

  /**
   * §1.6: the top non-jailed validators with power ≥ 1 are bonded (`AfterValidatorBonded` for newcomers);
   * the rest of the last set goes to Unbonding with power 0, in operator order; one net pool transfer.
   * Returns the updates: new or changed powers in ranking order, then removals.
   */
  applyValidatorSetUpdates(ctx: FakeContext): ValidatorUpdate[] {
    const block = blockOf(ctx);
    const store = ctx.kv(FAKE_STAKING_STORE);
    const last = new Map<string, bigint>();
    const lastPrefix = Uint8Array.of(K.lastPower);
    for (const { key: k, value } of store.iterator(lastPrefix, prefixEnd(lastPrefix))) last.set(hexOf(k.subarray(1)), BigInt(fromUtf8.decode(value)));
    const ranked = [...this.validators(ctx)]
      .filter((v) => !v.jailed && consensusPower(v.tokens) > 0n)
      .sort((a, b) => {
        const pa = consensusPower(a.tokens);
        const pb = consensusPower(b.tokens);
        return pa !== pb ? (pa > pb ? -1 : 1) : compareBytes(a.operator, b.operator);
      })
      .slice(0, MAX_VALIDATORS);
    const updates: ValidatorUpdate[] = [];
    let toBonded = 0n;
    let toNotBonded = 0n;
    for (const candidate of ranked) {
      let v = candidate;
      if (v.status !== BondStatus.Bonded) {
        v = { ...v, status: BondStatus.Bonded, unbondingHeight: 0n, unbondingTime: 0n };
        this.setValidator(ctx, v);
        toBonded += v.tokens;
        this.hooks.afterValidatorBonded(ctx, v.consensusAddress, v.operator);
      }
      const power = consensusPower(v.tokens);
      const id = hexOf(v.operator);
      if (last.get(id) !== power) {
        updates.push({ pubKey: { ed25519: v.consensusPubKey }, power });
        store.set(key(K.lastPower, v.operator), utf8.encode(power.toString()));
      }
      last.delete(id);
    }
    for (const id of [...last.keys()].sort()) {
      const operator = fromHex(id);
      const v = this.mustValidator(ctx, operator);
      this.setValidator(ctx, {
        ...v, status: BondStatus.Unbonding, unbondingHeight: block.header.height,
        unbondingTime: fromTimestamp(block.header.time) + UNBONDING_TIME_NANOS,
      });
      toNotBonded += v.tokens;
      this.hooks.afterValidatorBeginUnbonding(ctx, v.consensusAddress, operator);
      store.delete(key(K.lastPower, operator));
      updates.push({ pubKey: { ed25519: v.consensusPubKey }, power: 0n });
    }
    if (toBonded > toNotBonded) this.bank.sendCoinsFromModuleToModule(ctx, NOT_BONDED_POOL, BONDED_POOL, wei(toBonded - toNotBonded));
    else if (toNotBonded > toBonded) this.bank.sendCoinsFromModuleToModule(ctx, BONDED_POOL, NOT_BONDED_POOL, wei(toNotBonded - toBonded));
    return updates;
  }

  /** The power CometBFT has for a validator (0 when not in the last set). */
  lastPower(ctx: ReadContext, operator: Uint8Array): bigint {
    const bytes = ctx.kv(FAKE_STAKING_STORE).get(key(K.lastPower, operator));
    return bytes === undefined ? 0n : BigInt(fromUtf8.decode(bytes));
  }

  /**
   * A test module over this fake: its store, a genesis of validators and delegations (app_state
   * `fake_staking`: `{validators: [{operator: "st1…", pubkey: base64, self_bond, min_self_delegation?,
   * jailed?}], delegations: [{delegator, operator, amount}]}`) bonded at InitChain, and the §1.6 update
   * in EndBlock.
   */
  module(): ModuleHooks {
    return {
      name: FAKE_STAKING_STORE,
      stores: [{ name: FAKE_STAKING_STORE, kind: "iavl" }],
      initGenesis: (ctx, genesis) => {
        const g = (genesis ?? {}) as FakeStakingGenesis;
        for (const v of g.validators ?? []) {
          this.createValidator(ctx, {
            operator: parseBech32Address(v.operator, BECH32_PREFIX.account),
            consensusPubKey: new Uint8Array(Buffer.from(v.pubkey, "base64")),
            selfBond: BigInt(v.self_bond),
            minSelfDelegation: BigInt(v.min_self_delegation ?? "1"),
          });
        }
        for (const d of g.delegations ?? []) {
          this.delegate(ctx, parseBech32Address(d.delegator, BECH32_PREFIX.account), parseBech32Address(d.operator, BECH32_PREFIX.account), BigInt(d.amount));
        }
        const updates = this.applyValidatorSetUpdates(ctx);
        for (const v of g.validators ?? []) {
          if (v.jailed === true) this.jail(ctx, ed25519Address(new Uint8Array(Buffer.from(v.pubkey, "base64"))));
        }
        return updates;
      },
      endBlock: (ctx) => this.applyValidatorSetUpdates(ctx),
    };
  }

  // ---- state ---------------------------------------------------------------------------------------

  private slashUnbondingDelegations(ctx: FakeBlockContext, operator: Uint8Array, infractionHeight: bigint, fraction: Dec): bigint {
    const now = fromTimestamp(ctx.header.time);
    const prefix = key(K.unbonding, operator);
    const delegators = [...ctx.kv(FAKE_STAKING_STORE).iterator(prefix, prefixEnd(prefix))].map((kv) => kv.key.slice(prefix.length));
    let total = 0n;
    for (const delegator of delegators) {
      let burned = 0n;
      const entries = this.unbondingEntries(ctx, delegator, operator).map((e) => {
        // Entries from before the infraction, or already mature, are out of reach.
        if (e.creationHeight < infractionHeight || e.completionTime <= now) return e;
        const s = fraction.mulInt(e.initialBalance).truncateInt();
        total += s;
        const take = s < e.balance ? s : e.balance;
        if (take === 0n) return e;
        burned += take;
        return { ...e, balance: e.balance - take };
      });
      this.setUnbondingEntries(ctx, delegator, operator, entries);
      if (burned > 0n) this.bank.burnCoins(ctx, NOT_BONDED_POOL, wei(burned));
    }
    return total;
  }

  private mustValidator(ctx: ReadContext, operator: Uint8Array): Validator {
    const v = this.validator(ctx, operator);
    if (v === undefined) throw new Error(`validator ${formatBech32Address(operator, BECH32_PREFIX.validator)} does not exist`);
    return v;
  }

  private mustValidatorByConsAddr(ctx: ReadContext, consAddr: Uint8Array): Validator {
    const v = this.validatorByConsAddr(ctx, consAddr);
    if (v === undefined) throw new Error(`validator with consensus-address ${formatBech32Address(consAddr, BECH32_PREFIX.consensus)} not found`);
    return v;
  }

  private setValidator(ctx: FakeContext, v: Validator): void {
    ctx.kv(FAKE_STAKING_STORE).set(key(K.validator, v.operator), utf8.encode(JSON.stringify(fromValidator(v))));
  }

  private setDelegation(ctx: FakeContext, delegator: Uint8Array, operator: Uint8Array, shares: Dec): void {
    ctx.kv(FAKE_STAKING_STORE).set(key(K.delegation, delegator, operator), utf8.encode(shares.raw.toString()));
  }

  private setUnbondingEntries(ctx: FakeContext, delegator: Uint8Array, operator: Uint8Array, entries: readonly UnbondingEntry[]): void {
    const stored: StoredEntry[] = entries.map((e) => ({
      creationHeight: e.creationHeight.toString(), completionTime: e.completionTime.toString(),
      initialBalance: e.initialBalance.toString(), balance: e.balance.toString(),
    }));
    ctx.kv(FAKE_STAKING_STORE).set(key(K.unbonding, operator, delegator), utf8.encode(JSON.stringify(stored)));
  }
}

interface FakeStakingGenesis {
  readonly validators?: ReadonlyArray<{
    readonly operator: string;
    readonly pubkey: string;
    readonly self_bond: string;
    readonly min_self_delegation?: string;
    readonly jailed?: boolean;
  }>;
  readonly delegations?: ReadonlyArray<{ readonly delegator: string; readonly operator: string; readonly amount: string }>;
}
