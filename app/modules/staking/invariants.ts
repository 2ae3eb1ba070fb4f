/**
 * Staking invariants (SDK v0.47 `keeper/invariants.go`, spec-staking §7) plus the index checks this
 * port's tests rely on. Each returns what is broken, or undefined; `/app/invariants` and the tests run
 * them after every block.
 */
import type { ReadContext } from "../../baseapp/context.js";
import { type Invariant, reportProblems } from "../../baseapp/invariants.js";
import { Dec } from "../../math/dec.js";
import { equalBytes, hexOf } from "../../store/bytes.js";
import type { StakingKeeper } from "./keeper.js";
import { BONDED_POOL_NAME, NOT_BONDED_POOL_NAME, validatorByConsAddrKey, validatorPowerIndexKey } from "./keys.js";
import { consensusPower } from "./logic/shares.js";
import { valString } from "./store.js";
import { BondStatus } from "./types.js";

/** `module-accounts`: bonded pool = Σ tokens of Bonded validators; not-bonded pool = Σ other tokens + Σ unbonding balances. */
function moduleAccounts(k: StakingKeeper, ctx: ReadContext): string | undefined {
  let bonded = 0n;
  let notBonded = 0n;
  for (const v of k.validators(ctx)) {
    if (v.status === BondStatus.Bonded) bonded += v.tokens;
    else if (v.status === BondStatus.Unbonding || v.status === BondStatus.Unbonded) notBonded += v.tokens;
    else return `validator ${valString(v.operator)} has an invalid status ${v.status}`;
  }
  for (const u of k.allUnbondingDelegations(ctx)) for (const e of u.entries) notBonded += e.balance;
  const poolBonded = k.poolBalance(ctx, BONDED_POOL_NAME);
  const poolNotBonded = k.poolBalance(ctx, NOT_BONDED_POOL_NAME);
  const problems: string[] = [];
  if (poolBonded !== bonded) problems.push(`bonded pool holds ${poolBonded}, bonded validators' tokens sum to ${bonded}`);
  if (poolNotBonded !== notBonded) problems.push(`not-bonded pool holds ${poolNotBonded}, other tokens and unbonding balances sum to ${notBonded}`);
  return reportProblems(problems);
}

/** `nonnegative-power`: every power-index key is the one its validator's record gives; no negative tokens. */
function nonNegativePower(k: StakingKeeper, ctx: ReadContext): string | undefined {
  const problems: string[] = [];
  for (const { key, operator } of k.powerIndex(ctx)) {
    const v = k.validator(ctx, operator);
    if (v === undefined) {
      problems.push(`power index entry for missing validator ${hexOf(operator)}`);
      continue;
    }
    if (!equalBytes(key, validatorPowerIndexKey(consensusPower(v.tokens), v.operator))) {
      problems.push(`power index key of ${valString(v.operator)} is ${hexOf(key)}, its tokens say ${hexOf(validatorPowerIndexKey(consensusPower(v.tokens), v.operator))}`);
    }
    if (v.tokens < 0n) problems.push(`negative tokens for validator ${valString(v.operator)}`);
  }
  return reportProblems(problems);
}

/** `positive-delegation`: no delegation with zero or negative shares. */
function positiveDelegation(k: StakingKeeper, ctx: ReadContext): string | undefined {
  const problems: string[] = [];
  for (const d of k.allDelegations(ctx)) {
    if (!d.shares.isPositive()) problems.push(`delegation of ${hexOf(d.delegator)} to ${valString(d.validator)} has shares ${d.shares.toString()}`);
  }
  return reportProblems(problems);
}

/** `delegator-shares`: a validator's shares are the sum of its delegations' shares. */
function delegatorShares(k: StakingKeeper, ctx: ReadContext): string | undefined {
  const sums = new Map<string, Dec>();
  for (const d of k.allDelegations(ctx)) sums.set(hexOf(d.validator), (sums.get(hexOf(d.validator)) ?? Dec.ZERO).add(d.shares));
  const problems: string[] = [];
  for (const v of k.validators(ctx)) {
    const sum = sums.get(hexOf(v.operator)) ?? Dec.ZERO;
    if (!sum.equals(v.delegatorShares)) problems.push(`${valString(v.operator)}: delegator_shares ${v.delegatorShares.toString()}, delegations sum to ${sum.toString()}`);
  }
  return reportProblems(problems);
}

/**
 * This port: the indexes agree with the records — every non-jailed validator is in the power index
 * (and no jailed one), every validator in the consensus-address index, and the last set's powers are
 * those of Bonded validators summing to `last_total_power`.
 */
function indexes(k: StakingKeeper, ctx: ReadContext): string | undefined {
  const problems: string[] = [];
  const store = k.store(ctx);
  for (const v of k.validators(ctx)) {
    const inIndex = store.has(validatorPowerIndexKey(consensusPower(v.tokens), v.operator));
    if (inIndex === v.jailed) problems.push(`${valString(v.operator)}: jailed=${v.jailed} but ${inIndex ? "in" : "not in"} the power index`);
    const byCons = store.get(validatorByConsAddrKey(v.consensusAddress));
    if (byCons === undefined || !equalBytes(byCons, v.operator)) problems.push(`${valString(v.operator)}: consensus-address index does not point at it`);
  }
  let total = 0n;
  for (const lv of k.lastValidatorPowers(ctx)) {
    total += lv.power;
    const v = k.validator(ctx, lv.operator);
    if (v === undefined || v.status !== BondStatus.Bonded) problems.push(`last set holds ${valString(lv.operator)}, which is not a Bonded validator`);
  }
  if (total !== k.lastTotalPower(ctx)) problems.push(`last powers sum to ${total}, last_total_power is ${k.lastTotalPower(ctx)}`);
  return reportProblems(problems);
}

export function stakingInvariants(k: StakingKeeper): Record<string, Invariant> {
  return {
    "module-accounts": (ctx) => moduleAccounts(k, ctx),
    "nonnegative-power": (ctx) => nonNegativePower(k, ctx),
    "positive-delegation": (ctx) => positiveDelegation(k, ctx),
    "delegator-shares": (ctx) => delegatorShares(k, ctx),
    indexes: (ctx) => indexes(k, ctx),
  };
}
