/**
 * gov invariants (SDK v0.47 `x/gov/keeper/invariants.go`, plus what this port keeps true). Each
 * returns what is broken, or undefined.
 *  - module-account: the gov account holds at least the sum of all deposits (more is possible: anyone
 *    can send coins to it);
 *  - deposits-total: each proposal's total_deposit is the sum of its deposit records while it is in
 *    its deposit or voting period (after that the records are refunded or burned);
 *  - queues: every proposal in its deposit period is in the inactive queue at its deposit end time,
 *    every proposal in its voting period in the active queue at its voting end time, with the voting
 *    marker; nothing else is queued.
 */
import type { ReadContext } from "../../baseapp/context.js";
import { type Invariant, reportProblems } from "../../baseapp/invariants.js";
import { ProposalStatus } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { Coins } from "../../math/coins.js";
import { fromTimestamp } from "../register/logic/time.js";
import { GOV_STORE_KEY, INACTIVE_QUEUE_PREFIX, ACTIVE_QUEUE_PREFIX, queueKey, PREFIX } from "./keys.js";
import type { GovKeeper } from "./keeper.js";
import { coinFromProto } from "./params.js";
import { prefixEnd, hexOf } from "../../store/bytes.js";

const coinsOf = (list: readonly { denom: string; amount: string }[]): Coins => Coins.fromArray(list.map(coinFromProto));

export function govInvariants(k: GovKeeper): Record<string, Invariant> {
  const guarded = (check: (ctx: ReadContext) => string[]): Invariant => (ctx) => {
    try {
      return reportProblems(check(ctx));
    } catch (e) {
      return `cannot be checked: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  return {
    "module-account": guarded((ctx) => {
      let expected = Coins.EMPTY;
      for (const d of k.allDeposits(ctx)) expected = expected.add(coinsOf(d.amount));
      const balance = k.deps.bank.getAllBalances(ctx, k.govAddress);
      return balance.isAllGTE(expected) ? [] : [`deposits ${expected.toString()} exceed the gov account's balance ${balance.toString() || "(none)"}`];
    }),
    "deposits-total": guarded((ctx) => {
      const problems: string[] = [];
      for (const p of k.proposals(ctx)) {
        if (p.status !== ProposalStatus.DEPOSIT_PERIOD && p.status !== ProposalStatus.VOTING_PERIOD) continue;
        let sum = Coins.EMPTY;
        for (const { deposit } of k.depositsOf(ctx, p.id)) sum = sum.add(coinsOf(deposit.amount));
        const total = coinsOf(p.totalDeposit);
        if (!sum.equals(total)) problems.push(`proposal ${p.id}: total_deposit ${total.toString()} but its deposits add up to ${sum.toString()}`);
      }
      return problems;
    }),
    queues: guarded((ctx) => {
      const problems: string[] = [];
      const expected = new Set<string>();
      const store = ctx.kv(GOV_STORE_KEY);
      for (const p of k.proposals(ctx)) {
        if (p.status === ProposalStatus.DEPOSIT_PERIOD && p.depositEndTime) {
          expected.add(hexOf(queueKey(PREFIX.inactiveQueue, fromTimestamp(p.depositEndTime), p.id)));
        }
        if (p.status === ProposalStatus.VOTING_PERIOD && p.votingEndTime) {
          expected.add(hexOf(queueKey(PREFIX.activeQueue, fromTimestamp(p.votingEndTime), p.id)));
          if (!k.isInVotingPeriod(ctx, p.id)) problems.push(`proposal ${p.id} is in its voting period without the voting marker`);
        }
      }
      const found = new Set<string>();
      for (const prefix of [INACTIVE_QUEUE_PREFIX, ACTIVE_QUEUE_PREFIX]) {
        for (const { key } of store.iterator(prefix, prefixEnd(prefix))) found.add(hexOf(key));
      }
      for (const key of expected) if (!found.has(key)) problems.push(`queue entry ${key} is missing`);
      for (const key of found) if (!expected.has(key)) problems.push(`queue entry ${key} belongs to no proposal in that period`);
      return problems;
    }),
  };
}
