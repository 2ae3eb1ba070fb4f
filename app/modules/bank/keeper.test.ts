import { MsgMultiSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { describe, expect, it } from "vitest";
import { createTestContext } from "../../baseapp/testing.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { Coins, coin } from "../../math/coins.js";
import { STRATOS_MODULE_ACCOUNT_PERMISSIONS, createAuthModule } from "../auth/index.js";
import { BLOCKED_MODULE_ACCOUNTS, createBankModule } from "./index.js";
import { MSG_MULTI_SEND_TYPE_URL } from "./msgs/multiSend.js";
import { failure } from "../../baseapp/testing.js";

const A = new Uint8Array(Buffer.from("7e5f4552091a69125d5dfcb7b8c2659029395bdf", "hex"));
const B = new Uint8Array(20).fill(2);
const st = (a: Uint8Array): string => formatBech32Address(a, BECH32_PREFIX.account);
const wei = (n: bigint): Coins => Coins.of(coin("wei", n));

function setup() {
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const ctx = createTestContext();
  bank.keeper.setParams(ctx, { sendEnabled: [], defaultSendEnabled: true });
  bank.keeper.mintCoins(ctx, "mint", Coins.of(coin("wei", 1000n), coin("stos", 5n)));
  bank.keeper.sendCoinsFromModuleToAccount(ctx, "mint", A, Coins.of(coin("wei", 1000n), coin("stos", 5n)));
  return { auth, bank, k: bank.keeper, ctx: createTestContext({ store: ctx.multiStore }) };
}


describe("balances and spendable coins", () => {
  it("getBalance is always a coin; an invalid denom panics as in the reference", () => {
    const { k, ctx } = setup();
    expect(k.getBalance(ctx, A, "wei")).toEqual({ denom: "wei", amount: 1000n });
    expect(k.getBalance(ctx, B, "wei")).toEqual({ denom: "wei", amount: 0n });
    expect(failure(() => k.getBalance(ctx, A, "w"))).toEqual({ codespace: "undefined", code: 111222, message: "invalid denom: w: panic" });
  });

  it("all balances, spendable (= balances without vesting), hasBalance", () => {
    const { k, ctx } = setup();
    expect(k.getAllBalances(ctx, A).toString()).toBe("5stos,1000wei");
    expect(k.spendableCoins(ctx, A).toString()).toBe("5stos,1000wei");
    expect(k.spendableCoin(ctx, A, "stos")).toEqual({ denom: "stos", amount: 5n });
    expect(k.hasBalance(ctx, A, coin("wei", 1000n))).toBe(true);
    expect(k.hasBalance(ctx, A, coin("wei", 1001n))).toBe(false);
    expect(k.getAccountsBalances(ctx).map((b) => [st(b.address), b.coins.toString()])).toEqual([[st(A), "5stos,1000wei"]]);
  });
});

describe("send-enabled flags", () => {
  it("a denom's own flag beats the default", () => {
    const { k, ctx } = setup();
    k.setSendEnabled(ctx, "stos", false);
    expect(k.isSendEnabledDenom(ctx, "stos")).toBe(false);
    expect(k.isSendEnabledDenom(ctx, "wei")).toBe(true);
    expect(failure(() => k.isSendEnabledCoins(ctx, Coins.of(coin("stos", 1n), coin("wei", 1n)).toArray()))).toEqual({
      codespace: "bank",
      code: 5,
      message: "stos transfers are currently disabled: send transactions are disabled",
    });
    k.setParams(ctx, { sendEnabled: [], defaultSendEnabled: false });
    k.setSendEnabled(ctx, "stos", true);
    expect(k.isSendEnabledDenom(ctx, "stos")).toBe(true);
    expect(k.isSendEnabledDenom(ctx, "wei")).toBe(false);
  });

  it("setParams moves deprecated per-denom entries into their own records", () => {
    const { k, ctx } = setup();
    k.setParams(ctx, { sendEnabled: [{ denom: "wei", enabled: false }], defaultSendEnabled: true });
    expect(k.getParams(ctx)).toEqual({ sendEnabled: [], defaultSendEnabled: true });
    expect(k.getSendEnabledEntry(ctx, "wei")).toEqual({ denom: "wei", enabled: false });
  });
});

describe("blocked addresses (spec-chain §9)", () => {
  it("every module account except distribution, fee_collector and total_unissued_prepay", () => {
    const { k } = setup();
    const open = ["distribution", "fee_collector", "total_unissued_prepay"];
    for (const [name] of STRATOS_MODULE_ACCOUNT_PERMISSIONS) expect(k.blockedAddr(moduleAddress(name))).toBe(!open.includes(name));
    expect(BLOCKED_MODULE_ACCOUNTS).toHaveLength(17);
    expect(k.blockedAddr(A)).toBe(false);
  });

  it("modules may pay total_unissued_prepay but not pot", () => {
    const { k, ctx } = setup();
    k.mintCoins(ctx, "mint", wei(2n));
    k.sendCoinsFromModuleToAccount(ctx, "mint", moduleAddress("total_unissued_prepay"), wei(1n));
    expect(failure(() => k.sendCoinsFromModuleToAccount(ctx, "mint", moduleAddress("pot"), wei(1n)))).toEqual({
      codespace: "sdk",
      code: 4,
      message: `${st(moduleAddress("pot"))} is not allowed to receive funds: unauthorized`,
    });
  });
});

describe("module transfers", () => {
  it("an unknown module panics like the reference", () => {
    const { k, ctx } = setup();
    expect(failure(() => k.sendCoinsFromModuleToModule(ctx, "mint", "nobody", wei(1n)))).toEqual({
      codespace: "undefined",
      code: 111222,
      message: "module account nobody does not exist: unknown address: panic",
    });
    expect(failure(() => k.sendCoinsFromModuleToAccount(ctx, "nobody", A, wei(1n))).message).toBe(
      "module account nobody does not exist: unknown address: panic",
    );
  });

  it("delegateCoins needs an existing module account (ErrUnknownAddress, not a panic)", () => {
    const { k, ctx } = setup();
    expect(failure(() => k.delegateCoins(ctx, A, moduleAddress("bonded_tokens_pool"), wei(1n)))).toEqual({
      codespace: "sdk",
      code: 9,
      message: `module account ${st(moduleAddress("bonded_tokens_pool"))} does not exist: unknown address`,
    });
  });

  it("minted then burned coins leave the supply unchanged", () => {
    const { k, ctx } = setup();
    k.mintCoins(ctx, "foundation_account", wei(7n));
    k.burnCoins(ctx, "foundation_account", wei(7n));
    expect(k.getSupply(ctx, "wei").amount).toBe(1000n);
    expect(k.hasSupply(ctx, "stos")).toBe(true);
  });
});

describe("multi-send events keep addresses as written", () => {
  it("an upper-case input address appears upper-case in the message event", () => {
    const { bank, ctx } = setup();
    const route = bank.module.msgs!.find((r) => r.typeUrl === MSG_MULTI_SEND_TYPE_URL)!;
    const upper = st(A).toUpperCase();
    const msg = route.decode(
      MsgMultiSend.encode({ inputs: [{ address: upper, coins: [{ denom: "wei", amount: "3" }] }], outputs: [{ address: st(B), coins: [{ denom: "wei", amount: "3" }] }] }).finish(),
    );
    msg.validateBasic();
    msg.execute(ctx);
    expect(ctx.events.events.map((e) => [e.type, ...e.attributes.map((a) => `${a.key}=${a.value}`)])).toEqual([
      ["coin_spent", `spender=${st(A)}`, "amount=3wei"],
      ["message", `sender=${upper}`],
      ["coin_received", `receiver=${st(B)}`, "amount=3wei"],
      ["transfer", `recipient=${st(B)}`, "amount=3wei"],
    ]);
  });
});
