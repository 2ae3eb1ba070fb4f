/**
 * The distribution invariants hold through normal operation (the other tests check them after every
 * step) and each one reports the state that breaks it.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ValidatorOutstandingRewardsSchema } from "../../codec/cosmos/distribution/v1beta1/distribution_pb.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { coin, Coins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { DistributionChain, STOS, valoper } from "./chain.testing.js";
import { DISTRIBUTION_STORE_KEY, outstandingRewardsKey } from "./keys.js";

const V = new Uint8Array(20).fill(0x11);
const V_KEY = new Uint8Array(32).fill(0x51);
const PAYER = new Uint8Array(20).fill(0xfe);

function chain(): DistributionChain {
  const c = new DistributionChain({ accounts: [{ address: V, balance: 100n * STOS }, { address: PAYER, balance: 100n * STOS }] });
  c.createValidator({ operator: V, consensusPubKey: V_KEY, rate: Dec.parse("0.1"), selfBond: 10n * STOS });
  c.collectFees(PAYER, 7n);
  c.beginBlock(2n, [{ validatorAddress: ed25519Address(V_KEY), power: 10_000n }]);
  return c;
}

describe("distribution invariants", () => {
  it("hold after genesis, a validator and an allocation", () => {
    expect(chain().brokenInvariants()).toEqual({});
  });

  it("module-account: coins leaving the distribution account without bookkeeping", () => {
    const c = chain();
    c.run((ctx) => c.bank.keeper.sendCoinsFromModuleToAccount(ctx, "distribution", PAYER, Coins.of(coin("wei", 1n))));
    expect(c.brokenInvariants()).toEqual({
      "module-account": "distribution module account holds 6wei, expected 7wei (community pool + outstanding rewards)",
    });
  });

  it("nonnegative-outstanding: a negative stored amount", () => {
    const c = chain();
    c.run((ctx) => ctx.kv(DISTRIBUTION_STORE_KEY).set(outstandingRewardsKey(V), toBinary(ValidatorOutstandingRewardsSchema, create(ValidatorOutstandingRewardsSchema, {
      rewards: [{ denom: "wei", amount: "-5" }],
    }))));
    expect(c.brokenInvariants()["nonnegative-outstanding"]).toBe(`${valoper(V)} has negative outstanding coins: -0.000000000000000005wei`);
  });

  it("reference-count: a historical record referenced once too often", () => {
    const c = chain();
    const k = c.distribution.keeper;
    c.run((ctx) => {
      const h = k.getHistoricalRewards(ctx, V, 1n);
      k.setHistoricalRewards(ctx, V, 1n, { ...h, referenceCount: h.referenceCount + 1 });
    });
    expect(c.brokenInvariants()["reference-count"]).toBe("historical reference count 3, expected 2 = 1 validators + 1 delegations + 0 slashes");
  });
});
