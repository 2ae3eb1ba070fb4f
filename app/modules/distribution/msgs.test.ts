/**
 * Every distribution message's error paths with the reference's codespace, code and text (spec-staking
 * §0.4, §2.6; SDK v0.47 `types/msg.go`, `keeper/msg_server.go`), each run as baseapp runs it
 * (ValidateBasic, then the handler in a branch): a failure changes nothing. Successes are checked too.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  MsgCommunityPoolSpendSchema, MsgFundCommunityPoolSchema, MsgSetWithdrawAddressSchema, MsgUpdateParamsSchema, MsgWithdrawDelegatorRewardResponseSchema,
  MsgWithdrawDelegatorRewardSchema, MsgWithdrawValidatorCommissionSchema,
} from "../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { DecCoins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import { acc, DistributionChain, moduleAcc, STOS, type TxResult, valoper } from "./chain.testing.js";
import { communityPoolSpendRoute } from "./msgs/communityPoolSpend.js";
import { fundCommunityPoolRoute } from "./msgs/fundCommunityPool.js";
import { setWithdrawAddressRoute } from "./msgs/setWithdrawAddress.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { withdrawDelegatorRewardRoute } from "./msgs/withdrawDelegatorReward.js";
import { withdrawValidatorCommissionRoute } from "./msgs/withdrawValidatorCommission.js";
import { DISTRIBUTION_STORE_KEY } from "./keys.js";

const V = new Uint8Array(20).fill(0x11);
const D = new Uint8Array(20).fill(0xd1);
const NOBODY = new Uint8Array(20).fill(0x77);
const PAYER = new Uint8Array(20).fill(0xfe);
const GOV = moduleAcc("gov");
const dec = (text: string): DecCoins => DecCoins.of({ denom: "wei", amount: Dec.parse(text) });

function chain(): DistributionChain {
  const c = new DistributionChain({
    accounts: [{ address: V, balance: 1_000n * STOS }, { address: D, balance: 1_000n * STOS }, { address: PAYER, balance: 1_000_000n * STOS }],
  });
  c.createValidator({ operator: V, consensusPubKey: new Uint8Array(32).fill(0x51), rate: Dec.parse("0.1"), selfBond: 100n * STOS });
  return c;
}

/** Everything the distribution store and every balance involved hold. */
function snapshot(c: DistributionChain): string {
  const store = [...c.store.getReader(DISTRIBUTION_STORE_KEY).iterator()].map(({ key, value }) => `${hexOf(key)}=${hexOf(value)}`).join(";");
  const balances = [V, D, NOBODY, PAYER, moduleAddress("distribution"), moduleAddress("gov")].map((a) => c.balance(a)).join(",");
  return `${store}|${balances}`;
}

/** Runs `run`, expects the failure and that nothing changed. */
function fails(c: DistributionChain, run: () => TxResult, codespace: string, code: number, log: string | RegExp): void {
  const before = snapshot(c);
  const res = run();
  expect({ codespace: res.codespace, code: res.code }).toEqual({ codespace, code });
  if (typeof log === "string") expect(res.log).toBe(log);
  else expect(res.log).toMatch(log);
  expect(snapshot(c)).toBe(before);
}

describe("MsgSetWithdrawAddress", () => {
  const send = (c: DistributionChain, delegatorAddress: string, withdrawAddress: string): TxResult =>
    c.exec(setWithdrawAddressRoute(c.distribution.keeper), MsgSetWithdrawAddressSchema, { delegatorAddress, withdrawAddress });

  it("bad addresses are sdk 7 in ValidateBasic", () => {
    const c = chain();
    fails(c, () => send(c, "", acc(D)), "sdk", 7, "invalid delegator address: empty address string is not allowed: invalid address");
    fails(c, () => send(c, acc(D), valoper(D)), "sdk", 7, "invalid withdraw address: invalid Bech32 prefix; expected st, got stvaloper: invalid address");
  });

  it("a blocked module account is sdk 4; the distribution and fee collector accounts are not blocked", () => {
    const c = chain();
    for (const blocked of ["gov", "bonded_tokens_pool", "mint", "pot"]) {
      fails(c, () => send(c, acc(D), moduleAcc(blocked)), "sdk", 4, `${moduleAcc(blocked)} is not allowed to receive external funds: unauthorized`);
    }
    expect(send(c, acc(D), moduleAcc("distribution")).code).toBe(0);
    expect(send(c, acc(D), moduleAcc("fee_collector")).code).toBe(0);
  });

  it("withdraw_addr_enabled false is distribution 8 (after the blocked check)", () => {
    const c = chain();
    c.run((ctx) => c.distribution.keeper.setParams(ctx, { ...c.distribution.keeper.getParams(ctx), withdrawAddrEnabled: false }));
    fails(c, () => send(c, acc(D), acc(NOBODY)), "distribution", 8, "set withdraw address disabled");
    fails(c, () => send(c, acc(D), GOV), "sdk", 4, `${GOV} is not allowed to receive external funds: unauthorized`);
  });

  it("success: the address is stored and the event names it", () => {
    const c = chain();
    const res = send(c, acc(D), acc(NOBODY));
    expect(res.code).toBe(0);
    expect(res.events.map((e) => [e.type, e.attributes.map((a) => [a.key, a.value])])).toEqual([["set_withdraw_address", [["withdraw_address", acc(NOBODY)]]]]);
    expect(c.distribution.keeper.getWithdrawAddr(c.context(), D)).toEqual(NOBODY);
    expect(res.response?.typeUrl).toBe("/cosmos.distribution.v1beta1.MsgSetWithdrawAddressResponse");
  });
});

describe("MsgWithdrawDelegatorReward", () => {
  const send = (c: DistributionChain, delegatorAddress: string, validatorAddress: string): TxResult =>
    c.exec(withdrawDelegatorRewardRoute(c.distribution.keeper), MsgWithdrawDelegatorRewardSchema, { delegatorAddress, validatorAddress });

  it("bad addresses are sdk 7 in ValidateBasic", () => {
    const c = chain();
    fails(c, () => send(c, "st1", valoper(V)), "sdk", 7, /^invalid delegator address: .*: invalid address$/);
    fails(c, () => send(c, acc(D), acc(V)), "sdk", 7, "invalid validator address: invalid Bech32 prefix; expected stvaloper, got st: invalid address");
  });

  it("unknown validator → distribution 6; no delegation → distribution 5", () => {
    const c = chain();
    fails(c, () => send(c, acc(D), valoper(NOBODY)), "distribution", 6, "no validator distribution info");
    fails(c, () => send(c, acc(D), valoper(V)), "distribution", 5, "no delegation distribution info");
  });

  it("nothing owed: success, withdraw_rewards 0wei and a response of [{wei, 0}]", () => {
    const c = chain();
    c.height = 3n;
    const res = send(c, acc(V), valoper(V));
    expect(res.code).toBe(0);
    expect(res.events.map((e) => e.type)).toEqual(["withdraw_rewards"]);
    expect(fromBinary(MsgWithdrawDelegatorRewardResponseSchema, res.response!.value).amount.map((x) => [x.denom, x.amount])).toEqual([["wei", "0"]]);
  });
});

describe("MsgWithdrawValidatorCommission", () => {
  const send = (c: DistributionChain, validatorAddress: string): TxResult =>
    c.exec(withdrawValidatorCommissionRoute(c.distribution.keeper), MsgWithdrawValidatorCommissionSchema, { validatorAddress });

  it("bad address → sdk 7; no commission → distribution 7", () => {
    const c = chain();
    fails(c, () => send(c, acc(V)), "sdk", 7, "invalid validator address: invalid Bech32 prefix; expected stvaloper, got st: invalid address");
    fails(c, () => send(c, valoper(V)), "distribution", 7, "no validator commission to withdraw");
    fails(c, () => send(c, valoper(NOBODY)), "distribution", 7, "no validator commission to withdraw");
  });

  it("the operator's account signs", () => {
    const c = chain();
    const route = withdrawValidatorCommissionRoute(c.distribution.keeper);
    const msg = route.decode(toBinary(MsgWithdrawValidatorCommissionSchema, create(MsgWithdrawValidatorCommissionSchema, { validatorAddress: valoper(V) })));
    expect(msg.signers()).toEqual([V]);
  });

  it("less than one wei of commission: success, nothing paid, the event's amount is empty", () => {
    const c = chain();
    c.run((ctx) => {
      c.distribution.keeper.setAccumulatedCommission(ctx, V, dec("0.5"));
      c.distribution.keeper.setOutstandingRewards(ctx, V, dec("0.5"));
    });
    const res = send(c, valoper(V));
    expect(res.code).toBe(0);
    expect(res.events.map((e) => [e.type, e.attributes.map((a) => [a.key, a.value])])).toEqual([["withdraw_commission", [["amount", ""]]]]);
    expect(c.distribution.keeper.getAccumulatedCommission(c.context(), V).toString()).toBe("0.500000000000000000wei");
  });
});

describe("MsgFundCommunityPool", () => {
  const send = (c: DistributionChain, depositor: string, amount: Array<{ denom: string; amount: string }>): TxResult =>
    c.exec(fundCommunityPoolRoute(c.distribution.keeper), MsgFundCommunityPoolSchema, { depositor, amount });

  it("invalid coins → sdk 10 naming them; bad depositor → sdk 7; not enough funds → sdk 5", () => {
    const c = chain();
    fails(c, () => send(c, acc(D), [{ denom: "wei", amount: "0" }]), "sdk", 10, "0wei: invalid coins");
    fails(c, () => send(c, acc(D), [{ denom: "wei", amount: "2" }, { denom: "stos", amount: "1" }]), "sdk", 10, "2wei,1stos: invalid coins");
    fails(c, () => send(c, acc(D), [{ denom: "W", amount: "2" }]), "sdk", 10, "2W: invalid coins");
    fails(c, () => send(c, "", [{ denom: "wei", amount: "1" }]), "sdk", 7, "invalid depositor address: empty address string is not allowed: invalid address");
    fails(c, () => send(c, acc(NOBODY), [{ denom: "wei", amount: "1" }]), "sdk", 5, "spendable balance  is smaller than 1wei: insufficient funds");
  });

  it("success: coins to the distribution account and the pool, bank events only; an empty amount is valid", () => {
    const c = chain();
    const res = send(c, acc(D), [{ denom: "wei", amount: "5" }]);
    expect(res.code).toBe(0);
    expect(res.events.map((e) => e.type)).toEqual(["coin_spent", "coin_received", "transfer", "message"]);
    expect(c.distribution.keeper.getCommunityPool(c.context()).toString()).toBe("5.000000000000000000wei");
    expect(send(c, acc(D), []).code).toBe(0);
    expect(c.brokenInvariants()).toEqual({});
  });
});

describe("MsgCommunityPoolSpend", () => {
  const send = (c: DistributionChain, authority: string, recipient: string, amount: Array<{ denom: string; amount: string }>): TxResult =>
    c.exec(communityPoolSpendRoute(c.distribution.keeper), MsgCommunityPoolSpendSchema, { authority, recipient, amount });
  const funded = (): DistributionChain => {
    const c = chain();
    expect(c.exec(fundCommunityPoolRoute(c.distribution.keeper), MsgFundCommunityPoolSchema, { depositor: acc(D), amount: [{ denom: "wei", amount: "100" }] }).code).toBe(0);
    return c;
  };

  it("ValidateBasic: bad authority → sdk 7; invalid coins → a plain error (code 1) with Validate's text", () => {
    const c = funded();
    fails(c, () => send(c, "", acc(NOBODY), [{ denom: "wei", amount: "1" }]), "sdk", 7, "invalid authority address: empty address string is not allowed: invalid address");
    fails(c, () => send(c, GOV, acc(NOBODY), [{ denom: "wei", amount: "0" }]), "undefined", 1, "coin 0wei amount is not positive");
    fails(c, () => send(c, GOV, acc(NOBODY), [{ denom: "wei", amount: "1" }, { denom: "wei", amount: "1" }]), "undefined", 1, "duplicate denomination wei");
  });

  it("handler: wrong authority → gov 13; bad recipient → code 1; blocked recipient → sdk 4; more than the pool → distribution 9", () => {
    const c = funded();
    fails(c, () => send(c, acc(D), acc(NOBODY), [{ denom: "wei", amount: "1" }]), "gov", 13,
      `invalid authority; expected ${GOV}, got ${acc(D)}: expected gov account as only signer for proposal message`);
    fails(c, () => send(c, GOV, valoper(NOBODY), [{ denom: "wei", amount: "1" }]), "undefined", 1, "invalid Bech32 prefix; expected st, got stvaloper");
    fails(c, () => send(c, GOV, moduleAcc("bonded_tokens_pool"), [{ denom: "wei", amount: "1" }]), "sdk", 4,
      `${moduleAcc("bonded_tokens_pool")} is not allowed to receive external funds: unauthorized`);
    fails(c, () => send(c, GOV, acc(NOBODY), [{ denom: "wei", amount: "101" }]), "distribution", 9, "community pool does not have sufficient coins to distribute");
    fails(c, () => send(c, GOV, acc(NOBODY), [{ denom: "stos", amount: "1" }]), "distribution", 9, "community pool does not have sufficient coins to distribute");
  });

  it("success: paid from the pool", () => {
    const c = funded();
    expect(send(c, GOV, acc(NOBODY), [{ denom: "wei", amount: "60" }]).code).toBe(0);
    expect(c.balance(NOBODY)).toBe(60n);
    expect(c.distribution.keeper.getCommunityPool(c.context()).toString()).toBe("40.000000000000000000wei");
    expect(c.brokenInvariants()).toEqual({});
  });
});

describe("MsgUpdateParams", () => {
  const params = (over: Partial<Record<"communityTax" | "baseProposerReward" | "bonusProposerReward", string>> & { withdrawAddrEnabled?: boolean } = {}) => ({
    communityTax: "20000000000000000", baseProposerReward: "0", bonusProposerReward: "0", withdrawAddrEnabled: true, ...over,
  });
  const send = (c: DistributionChain, authority: string, p: ReturnType<typeof params> | undefined): TxResult =>
    c.exec(updateParamsRoute(c.distribution.keeper), MsgUpdateParamsSchema, { authority, ...(p ? { params: p } : {}) });

  it("ValidateBasic: deprecated proposer rewards (mainnet's 0.01 / 0.04 copied verbatim) → code 1; bad authority → sdk 7; tax > 1 → code 1; no tax → panic", () => {
    const c = chain();
    fails(c, () => send(c, GOV, params({ baseProposerReward: "10000000000000000" })), "undefined", 1, "base and bonus proposer reward are deprecated fields and should not be used");
    fails(c, () => send(c, GOV, params({ bonusProposerReward: "40000000000000000" })), "undefined", 1, "base and bonus proposer reward are deprecated fields and should not be used");
    fails(c, () => send(c, "st1x", params()), "sdk", 7, /^invalid authority address: .*: invalid address$/);
    fails(c, () => send(c, GOV, params({ communityTax: "1000000000000000001" })), "undefined", 1, "community tax should be non-negative and less than one: 1.000000000000000001");
    fails(c, () => send(c, GOV, params({ communityTax: "-1" })), "undefined", 1, "community tax should be non-negative and less than one: -0.000000000000000001");
    fails(c, () => send(c, GOV, params({ communityTax: "" })), "undefined", 111222, "community tax must be not nil: panic");
    fails(c, () => send(c, GOV, undefined), "undefined", 111222, "community tax must be not nil: panic");
  });

  it("wrong authority → gov 13; the gov account replaces the params", () => {
    const c = chain();
    fails(c, () => send(c, acc(D), params()), "gov", 13, `invalid authority; expected ${GOV}, got ${acc(D)}: expected gov account as only signer for proposal message`);
    expect(send(c, GOV, params({ communityTax: "1000000000000000000", withdrawAddrEnabled: false })).code).toBe(0);
    const p = c.distribution.keeper.getParams(c.context());
    expect([p.communityTax.toString(), p.withdrawAddrEnabled, p.baseProposerReward.toString()]).toEqual(["1.000000000000000000", false, "0.000000000000000000"]);
  });
});
