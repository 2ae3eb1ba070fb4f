/**
 * Never hand CometBFT a validator set it refuses (issue 13 item 5, spec-staking §0.5). CometBFT halts
 * when a set's total power exceeds MaxTotalVotingPower (MaxInt64 / 8); stratos-1 hit that on day 2
 * with 18-decimal stake. Every message that can raise a validator's tokens (create-validator,
 * delegate, redelegate, cancel-unbonding) and unjailing (which brings a validator back into the
 * ranking) ends with this check: if the set the next EndBlock would compute passes the limit, the
 * message fails with staking 100 and changes nothing but fee and sequence. docs/deviations.md "staking".
 *
 * The check costs no gas (it reads the store without the meter), so a message uses exactly the gas
 * it would without it. Its common case is one read: while the whole bond-denom supply is worth no
 * more than the limit, no set can pass it.
 */
import type { ReadContext } from "../../baseapp/context.js";
import { Context } from "../../baseapp/context.js";
import { ErrVotingPowerLimit } from "./errors.js";
import type { WriteContext } from "./expected.js";
import type { StakingKeeper } from "./keeper.js";
import { consensusPower } from "./logic/shares.js";
import { MAX_TOTAL_VOTING_POWER } from "./logic/validatorSet.js";

/** A read view of the same state without gas metering (a baseapp Context), else the context itself. */
export function unmetered(ctx: WriteContext): ReadContext {
  if (ctx instanceof Context) {
    const store = ctx.multiStore;
    return { kv: (name) => store.getStore(name) };
  }
  return ctx;
}

/** Σ power of the set the next EndBlock would compute (without the EndBlock cap). */
export function nextSetTotalPower(k: StakingKeeper, read: ReadContext, stopAbove: bigint): bigint {
  const max = k.getParams(read).maxValidators;
  let total = 0n;
  let count = 0;
  for (const { operator } of k.powerIndex(read)) {
    if (count >= max) break;
    const power = consensusPower(k.mustGetValidator(read, operator).tokens);
    if (power === 0n) break;
    total += power;
    count++;
    if (total > stopAbove) break;
  }
  return total;
}

/** @throws ErrVotingPowerLimit when the next validator set would exceed CometBFT's maximum total power. */
export function assertVotingPowerLimit(k: StakingKeeper, ctx: WriteContext): void {
  const read = unmetered(ctx);
  const supply = k.bank.getSupply(read, k.bondDenom(read)).amount;
  if (consensusPower(supply) <= MAX_TOTAL_VOTING_POWER) return;
  const total = nextSetTotalPower(k, read, MAX_TOTAL_VOTING_POWER);
  if (total > MAX_TOTAL_VOTING_POWER) {
    throw ErrVotingPowerLimit.wrap(
      `the validator set would have a total voting power above ${MAX_TOTAL_VOTING_POWER} (CometBFT's MaxTotalVotingPower; 1 power = 10^15 wei)`,
    );
  }
}
