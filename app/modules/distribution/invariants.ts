/**
 * Invariants of the distribution module (SDK v0.47 `keeper/invariants.go`; spec-staking §2.2, §7):
 * - `module-account`: the distribution account holds exactly the whole coins of community pool +
 *   Σ outstanding rewards (pot's supply restoration keeps it: docs/deviations.md, pot);
 * - `nonnegative-outstanding`: no stored outstanding amount is negative;
 * - `reference-count`: Σ historical reference counts = validators + delegations + slash events.
 * (`can-withdraw` needs a throw-away branch of the state; the tests withdraw everything instead.)
 */
import { fromBinary } from "@bufbuild/protobuf";
import type { ReadContext } from "../../baseapp/context.js";
import { type Invariant, reportProblems } from "../../baseapp/invariants.js";
import { ValidatorOutstandingRewardsSchema } from "../../codec/cosmos/distribution/v1beta1/distribution_pb.js";
import { Dec } from "../../math/dec.js";
import { valoperString } from "./addresses.js";
import type { DistributionKeeper } from "./keeper.js";

export function distributionInvariants(k: DistributionKeeper): Record<string, Invariant> {
  return {
    "module-account": (ctx) => moduleAccount(k, ctx),
    "nonnegative-outstanding": (ctx) => nonNegativeOutstanding(k, ctx),
    "reference-count": (ctx) => referenceCount(k, ctx),
  };
}

function moduleAccount(k: DistributionKeeper, ctx: ReadContext): string | undefined {
  // Summed from the raw entries, so that a (broken) negative record cannot make the check throw.
  const totals = new Map<string, Dec>();
  const add = (denom: string, amount: Dec): void => void totals.set(denom, (totals.get(denom) ?? Dec.ZERO).add(amount));
  for (const c of k.getCommunityPool(ctx).toArray()) add(c.denom, c.amount);
  for (const r of k.outstandingRewardsRecords(ctx)) {
    for (const c of fromBinary(ValidatorOutstandingRewardsSchema, r.bytes).rewards) add(c.denom, Dec.fromProtoString(c.amount));
  }
  const expected = [...totals.entries()]
    .map(([denom, amount]) => [denom, amount.truncateInt()] as const)
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const balances = k.bank.getAllBalances(ctx, k.moduleAddress());
  const text = expected.map(([denom, amount]) => `${amount}${denom}`).join(",");
  if (balances.toString() === text) return undefined;
  return `distribution module account holds ${balances.toString() || "nothing"}, expected ${text || "nothing"} (community pool + outstanding rewards)`;
}

function nonNegativeOutstanding(k: DistributionKeeper, ctx: ReadContext): string | undefined {
  const problems: string[] = [];
  for (const r of k.outstandingRewardsRecords(ctx)) {
    // Read the raw entries: a decoded DecCoins can hold no negative amount.
    const entries = fromBinary(ValidatorOutstandingRewardsSchema, r.bytes).rewards;
    if (entries.some((c) => Dec.fromProtoString(c.amount).isNegative())) {
      problems.push(`${valoperString(r.validator)} has negative outstanding coins: ${entries.map((c) => `${Dec.fromProtoString(c.amount).toString()}${c.denom}`).join(",")}`);
    }
  }
  return reportProblems(problems);
}

function referenceCount(k: DistributionKeeper, ctx: ReadContext): string | undefined {
  let validators = 0n;
  let delegations = 0n;
  for (const v of k.staking.validators(ctx)) {
    validators++;
    for (const _ of k.staking.validatorDelegations(ctx, v.operator)) delegations++;
  }
  let slashes = 0n;
  for (const _ of k.slashEvents(ctx)) slashes++;
  let count = 0n;
  for (const h of k.historicalRewardsRecords(ctx)) count += BigInt(h.rewards.referenceCount);
  const expected = validators + delegations + slashes;
  if (count === expected) return undefined;
  return `historical reference count ${count}, expected ${expected} = ${validators} validators + ${delegations} delegations + ${slashes} slashes`;
}

