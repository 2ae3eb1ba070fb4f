import { describe, it, expect } from "vitest";
import { coin, Coins, InvalidDenomError } from "../../../math/coins.js";
import { deductSlashing } from "./slashing.js";

const STOS = 10n ** 18n;
const wei = (n: bigint): Coins => Coins.of(coin("wei", n));

// The debts of R6 come from pot's slash (pot/logic/slashing.test.ts checks them); here they are paid.
describe("deductSlashing: spec-register §11 R6 step 2 (unbonding completion, 1 STOS payout)", () => {
  it.each([
    { name: "(a) debt 122 499 999 464 is paid in full", debt: 122_499_999_464n, remaining: "999999877500000536wei", deducted: "122499999464wei", debtAfter: 0n },
    { name: "(b) debt 1 173 652 694 610 427 050 takes the whole payout", debt: 1_173_652_694_610_427_050n, remaining: "", deducted: "1000000000000000000wei", debtAfter: 173_652_694_610_427_050n },
  ])("$name", ({ debt, remaining, deducted, debtAfter }) => {
    const r = deductSlashing(debt, wei(STOS), "wei");
    expect([r.remaining.toString(), r.deducted.toString(), r.debtAfter, r.storeDebt]).toEqual([remaining, deducted, debtAfter, true]);
  });
});

describe("deductSlashing (spec-register §5.8)", () => {
  it.each([
    { name: "debt smaller: the zero it leaves is stored", debt: 4n, coins: wei(10n), remaining: "6wei", deducted: "4wei", debtAfter: 0n },
    { name: "debt equal", debt: 10n, coins: wei(10n), remaining: "", deducted: "10wei", debtAfter: 0n },
    { name: "debt equal, small", debt: 5n, coins: wei(5n), remaining: "", deducted: "5wei", debtAfter: 0n },
    { name: "debt larger", debt: 15n, coins: wei(10n), remaining: "", deducted: "10wei", debtAfter: 5n },
    { name: "other denoms untouched (pot maturity: mining + traffic rewards)", debt: 4n, coins: Coins.of(coin("wei", 10n), coin("utros", 7n)), remaining: "7utros,6wei", deducted: "4wei", debtAfter: 0n },
    { name: "other denoms untouched, debt larger", debt: 15n, coins: Coins.of(coin("ustos", 3n), coin("wei", 10n)), remaining: "3ustos", deducted: "10wei", debtAfter: 5n },
  ])("takes min(debt, amount): $name", ({ debt, coins, remaining, deducted, debtAfter }) => {
    const r = deductSlashing(debt, coins, "wei");
    expect([r.remaining.toString(), r.deducted.toString(), r.debtAfter, r.storeDebt]).toEqual([remaining, deducted, debtAfter, true]);
  });

  it.each([
    { name: "no debt", debt: 0n, coins: wei(5n) },
    { name: "negative debt", debt: -3n, coins: wei(5n) },
    { name: "empty coins", debt: 3n, coins: Coins.EMPTY },
    { name: "none of the denom", debt: 3n, coins: Coins.of(coin("utros", 5n)) },
  ])("nothing happens and nothing is stored: $name", ({ debt, coins }) => {
    expect(deductSlashing(debt, coins, "wei")).toEqual({ remaining: coins, deducted: Coins.EMPTY, debtAfter: debt, storeDebt: false });
  });

  // Go evaluates `debt ≤ 0 || coins.Empty() || coins.AmountOf(denom).IsZero()` left to right and
  // AmountOf panics on an invalid denom: only the third test looks at the denom.
  it("an invalid denom is only looked at when there is a debt and coins (then it throws like Go panics)", () => {
    expect(deductSlashing(0n, wei(5n), "").storeDebt).toBe(false);
    expect(deductSlashing(-1n, wei(5n), "").storeDebt).toBe(false);
    expect(deductSlashing(3n, Coins.EMPTY, "").storeDebt).toBe(false);
    expect(() => deductSlashing(3n, wei(5n), "")).toThrow(InvalidDenomError);
    expect(() => deductSlashing(3n, Coins.of(coin("utros", 5n)), "1x")).toThrow(InvalidDenomError);
  });
});
