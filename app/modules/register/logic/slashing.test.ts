import { describe, it, expect } from "vitest";
import { coin, Coins, InvalidDenomError } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import { deductSlashing } from "./slashing.js";

const STOS = 10n ** 18n;
const wei = (n: bigint): Coins => Coins.of(coin("wei", n));

describe("R6 debts (spec-register §11; pot's traffic-reward formula on state P)", () => {
  // debt = trunc(quo(mul(toDec(S) + toDec(Pt), toDec(Y)), toDec(Lt) + toDec(Y))), S = 8e18, Pt = 20e18, Lt = 2285714285715
  it.each([
    { name: "(a) Y = 10 000", y: 10_000n, r: "122499999464.024221095061525140", debt: 122_499_999_464n },
    { name: "(b) Y = 100 000 000 000", y: 100_000_000_000n, r: "1173652694610427050.091434003877218134", debt: 1_173_652_694_610_427_050n },
  ])("$name", ({ y, r, debt }) => {
    const R = Dec.fromInt(8n * STOS).add(Dec.fromInt(20n * STOS)).mul(Dec.fromInt(y)).quo(Dec.fromInt(2_285_714_285_715n).add(Dec.fromInt(y)));
    expect(R.toString()).toBe(r);
    expect(R.truncateInt()).toBe(debt);
  });
});

describe("deductSlashing (spec-register §5.8)", () => {
  it("R6 (a): a small debt is paid in full from the 1 STOS payout", () => {
    const r = deductSlashing(122_499_999_464n, wei(STOS), "wei");
    expect(r.remaining.toString()).toBe("999999877500000536wei");
    expect(r.deducted.toString()).toBe("122499999464wei");
    expect(r.debtAfter).toBe(0n);
    expect(r.storeDebt).toBe(true); // the zero is stored
  });
  it("R6 (b): a debt above the payout takes all of it", () => {
    const r = deductSlashing(1_173_652_694_610_427_050n, wei(STOS), "wei");
    expect(r.remaining.isEmpty()).toBe(true);
    expect(r.deducted.toString()).toBe("1000000000000000000wei");
    expect(r.debtAfter).toBe(173_652_694_610_427_050n);
    expect(r.storeDebt).toBe(true);
  });
  it("debt exactly equal to the amount", () => {
    const r = deductSlashing(5n, wei(5n), "wei");
    expect([r.remaining.toString(), r.deducted.toString(), r.debtAfter, r.storeDebt]).toEqual(["", "5wei", 0n, true]);
  });
  it("only the given denom pays (pot maturity: mining + traffic rewards)", () => {
    const coins = Coins.of(coin("wei", 10n), coin("utros", 7n));
    const r = deductSlashing(4n, coins, "wei");
    expect([r.remaining.toString(), r.deducted.toString(), r.debtAfter]).toEqual(["7utros,6wei", "4wei", 0n]);
  });
  it.each([
    { name: "no debt", debt: 0n, coins: wei(5n) },
    { name: "negative debt", debt: -3n, coins: wei(5n) },
    { name: "empty coins", debt: 3n, coins: Coins.EMPTY },
    { name: "none of the denom", debt: 3n, coins: Coins.of(coin("utros", 5n)) },
  ])("nothing happens and nothing is stored: $name", ({ debt, coins }) => {
    expect(deductSlashing(debt, coins, "wei")).toEqual({ remaining: coins, deducted: Coins.EMPTY, debtAfter: debt, storeDebt: false });
  });
  it("an invalid denom is only looked at when there is something to deduct (then it throws like Go panics)", () => {
    expect(deductSlashing(0n, wei(5n), "").storeDebt).toBe(false);
    expect(() => deductSlashing(3n, wei(5n), "")).toThrow(InvalidDenomError);
  });
});
