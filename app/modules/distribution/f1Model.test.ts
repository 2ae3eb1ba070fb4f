/**
 * Replays the vectors generated from the spec's Appendix A model (logic/model/genVectors.py; see the
 * header of logic/f1Model.vectors.ts) through the real keeper, routes and hooks, with the staking fake
 * firing the hooks: random delegations, undelegations, allocations over random votes, withdrawals,
 * commission withdrawals and slashes. Every result, the community pool after every operation and the
 * whole F1 state at checkpoints must match to the last digit; the invariants must hold throughout, and
 * at the end every commission and every delegation's rewards must be withdrawable (can-withdraw).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { MsgWithdrawDelegatorRewardSchema, MsgWithdrawValidatorCommissionResponseSchema, MsgWithdrawValidatorCommissionSchema } from "../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { Dec } from "../../math/dec.js";
import { acc, DistributionChain, STOS, valoper } from "./chain.testing.js";
import { F1_MODEL_CASES } from "./logic/f1Model.vectors.js";
import type { F1ModelCase, F1State } from "./logic/f1Model.types.js";
import { withdrawDelegatorRewardRoute } from "./msgs/withdrawDelegatorReward.js";
import { withdrawValidatorCommissionRoute } from "./msgs/withdrawValidatorCommission.js";

const FEE_PAYER = new Uint8Array(20).fill(0xfe);
const indexOf = (name: string, prefix: string): number => Number(name.slice(prefix.length));
const operator = (name: string): Uint8Array => new Uint8Array(20).fill(0x10 + indexOf(name, "V"));
const pubKey = (name: string): Uint8Array => new Uint8Array(32).fill(0x50 + indexOf(name, "V"));
/** "op3" is V3's operator account, "D1" a plain delegator. */
const account = (name: string): Uint8Array =>
  name.startsWith("op") ? operator(`V${indexOf(name, "op")}`) : new Uint8Array(20).fill(0xa0 + indexOf(name, "D"));

const wei = (text: string): string => Dec.parse(text).toString();

function start(c: F1ModelCase): DistributionChain {
  const delegators = new Set<string>(c.genesis.map((_, i) => `op${i}`));
  for (const op of c.ops) if (op.delegator !== undefined) delegators.add(op.delegator);
  const chain = new DistributionChain({
    communityTax: c.communityTax,
    accounts: [...[...delegators].map((d) => ({ address: account(d), balance: 1_000_000n * STOS })), { address: FEE_PAYER, balance: 10n ** 30n }],
  });
  for (const g of c.genesis) {
    chain.createValidator({ operator: operator(g.name), consensusPubKey: pubKey(g.name), rate: Dec.parse(g.rate), selfBond: BigInt(g.selfBond) });
  }
  return chain;
}

function expectState(chain: DistributionChain, want: F1State, where: string): void {
  const k = chain.distribution.keeper;
  const ctx = chain.context();
  expect(k.getCommunityPool(ctx).amountOf("wei").toString(), `${where}: community pool`).toBe(want.community);
  expect(chain.balance(k.moduleAddress()).toString(), `${where}: distribution account`).toBe(want.distAccount);
  for (const v of want.validators) {
    const val = operator(v.name);
    const staking = chain.staking.validator(ctx, val);
    const got = {
      tokens: staking?.tokens.toString(),
      shares: staking?.delegatorShares.toString(),
      period: k.getCurrentRewards(ctx, val).period.toString(),
      current: k.getCurrentRewards(ctx, val).rewards.amountOf("wei").toString(),
      outstanding: k.getOutstandingRewards(ctx, val).amountOf("wei").toString(),
      commission: k.getAccumulatedCommission(ctx, val).amountOf("wei").toString(),
      historical: [...k.historicalRewardsRecords(ctx)]
        .filter((h) => valoper(h.validator) === valoper(val))
        .sort((a, b) => (a.period < b.period ? -1 : 1))
        .map((h) => [h.period.toString(), h.rewards.cumulativeRewardRatio.amountOf("wei").toString(), h.rewards.referenceCount]),
    };
    expect(got, `${where}: ${v.name}`).toEqual({
      tokens: v.tokens, shares: v.shares, period: v.period, current: v.current, outstanding: v.outstanding,
      commission: v.commission, historical: v.historical.map(([p, r, n]) => [p, r, n]),
    });
  }
}

describe("F1 against the spec's Appendix A model", () => {
  it.each(F1_MODEL_CASES)("$name", (c) => {
    const chain = start(c);
    const k = chain.distribution.keeper;
    c.ops.forEach((op, i) => {
      const where = `op ${i} (${op.kind} at ${op.height})`;
      chain.height = BigInt(op.height);
      switch (op.kind) {
        case "delegate": {
          const { shares } = chain.delegate(account(op.delegator!), operator(op.validator!), BigInt(op.amount!));
          expect(shares.toString(), where).toBe(op.issued);
          break;
        }
        case "allocate": {
          const fees = BigInt(op.fees!);
          if (fees > 0n) chain.collectFees(FEE_PAYER, fees);
          chain.beginBlock(BigInt(op.height), op.votes!.map(([name, power]) => ({ validatorAddress: ed25519Address(pubKey(name)), power: BigInt(power) })));
          break;
        }
        case "withdraw": {
          const del = account(op.delegator!);
          const before = chain.balance(del);
          const pool = k.getCommunityPool(chain.context());
          const res = chain.exec(withdrawDelegatorRewardRoute(k), MsgWithdrawDelegatorRewardSchema, { delegatorAddress: acc(del), validatorAddress: valoper(operator(op.validator!)) });
          expect(res.log, where).toBe("");
          expect((chain.balance(del) - before).toString(), where).toBe(op.paid);
          expect(k.getCommunityPool(chain.context()).sub(pool).amountOf("wei").toString(), where).toBe(wei(op.remainder!));
          break;
        }
        case "undelegate": {
          const del = account(op.delegator!);
          const before = chain.balance(del);
          const { result } = chain.run((ctx) => chain.staking.undelegate(ctx, del, operator(op.validator!), Dec.parse(op.shares!)));
          expect(result.toString(), where).toBe(op.returned);
          expect(chain.balance(del) >= before, where).toBe(true);
          break;
        }
        case "commission": {
          const res = chain.exec(withdrawValidatorCommissionRoute(k), MsgWithdrawValidatorCommissionSchema, { validatorAddress: valoper(operator(op.validator!)) });
          expect(res.log, where).toBe("");
          const paid = fromBinary(MsgWithdrawValidatorCommissionResponseSchema, res.response!.value).amount;
          expect(paid.map((x) => x.amount).join(",") || "0", where).toBe(op.paid);
          break;
        }
        case "slash": {
          const val = operator(op.validator!);
          const { result } = chain.run((ctx) => chain.staking.slash(ctx, ed25519Address(pubKey(op.validator!)), BigInt(op.power!), Dec.parse(op.fraction!)));
          expect(result.toString(), where).toBe(op.burned);
          const last = [...k.slashEvents(chain.context())].filter((e) => valoper(e.validator) === valoper(val)).at(-1);
          expect(last?.event.fraction.toString(), where).toBe(op.effective);
          break;
        }
      }
      expect(k.getCommunityPool(chain.context()).amountOf("wei").toString(), `${where}: community pool`).toBe(op.community);
      if (op.state !== undefined) expectState(chain, op.state, where);
      expect(chain.brokenInvariants(), where).toEqual({});
    });
    expectState(chain, c.final, "final");

    // The SDK's can-withdraw invariant: every commission and every delegation's rewards can be paid out.
    for (const g of c.genesis) {
      const val = operator(g.name);
      if (!k.getAccumulatedCommission(chain.context(), val).isEmpty()) {
        expect(chain.exec(withdrawValidatorCommissionRoute(k), MsgWithdrawValidatorCommissionSchema, { validatorAddress: valoper(val) }).log).toBe("");
      }
      for (const d of [...chain.staking.validatorDelegations(chain.context(), val)]) {
        const res = chain.exec(withdrawDelegatorRewardRoute(k), MsgWithdrawDelegatorRewardSchema, { delegatorAddress: acc(d.delegator), validatorAddress: valoper(val) });
        expect(res.log, `withdrawing ${acc(d.delegator)} from ${g.name}`).toBe("");
      }
    }
    expect(chain.brokenInvariants()).toEqual({});
  });
});
