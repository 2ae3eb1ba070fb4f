import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { CoinParseError, InvalidDenomError } from "../../../math/coins.js";
import { DivisionByZeroError } from "../../../math/dec.js";
import { NotEnoughOzoneLimitError, prepay, purchaseNoz, simPrepayNoz, type PrepayParams } from "./prepay.js";

const STOS = 10n ** 18n;

// spec-sds §11.1 TV A, copied verbatim: genesis S = 8e18, Pt = 0, Lt = 8e12, rate 1e6, bond denom wei.
const GENESIS: PrepayParams = { s: 8_000_000_000_000_000_000n, pt: 0n, lt: 8_000_000_000_000n };

// NozPrice and NozSupply (A0 Lt₀ = trunc(8e18 / 1e6), the price after A1 and A2, NozSupply after A1) are
// register's formulas and are checked with these vectors in register/logic/ozone.test.ts.
describe("TV A (spec-sds §11.1)", () => {
  const STEPS = [
    { name: "A1 20 STOS", before: GENESIS, x: 20_000_000_000_000_000_000n,
      exact: "5714285714285.714285714285714286", purchased: 5_714_285_714_285n, lt: 2_285_714_285_715n,
      pt: 20_000_000_000_000_000_000n },
    { name: "A2 10 STOS", before: { s: GENESIS.s, pt: 20_000_000_000_000_000_000n, lt: 2_285_714_285_715n }, x: 10_000_000_000_000_000_000n,
      exact: "601503759398.684210526315789474", purchased: 601_503_759_398n, lt: 1_684_210_526_317n,
      pt: 30_000_000_000_000_000_000n },
    { name: "A3 dust 1 wei", before: { s: GENESIS.s, pt: 30_000_000_000_000_000_000n, lt: 1_684_210_526_317n }, x: 1n,
      exact: null, purchased: 0n, lt: 1_684_210_526_317n, pt: 30_000_000_000_000_000_001n },
    { name: "A4 foreign denom only (X = 0)", before: { s: GENESIS.s, pt: 30_000_000_000_000_000_001n, lt: 1_684_210_526_317n }, x: 0n,
      exact: "0.000000000000000000", purchased: 0n, lt: 1_684_210_526_317n, pt: 30_000_000_000_000_000_001n },
  ] as const;
  it.each(STEPS)("$name", ({ before, x, exact, purchased, lt, pt }) => {
    const r = purchaseNoz(before, x);
    if (exact !== null) expect(r.exact.toString()).toBe(exact);
    expect(prepay(before, x)).toEqual({ purchased, remainingLt: lt });
    expect(before.pt + x).toBe(pt); // Pt grows by X through the bank transfer (bond denom)
  });

  it.each([
    { name: "SimPrepay(\"20stos\") before A1", amount: "20stos", want: 5_714_285_714_285n },
    { name: "SimPrepay(\"1.5stos\") before A1", amount: "1.5stos", want: 1_263_157_894_736n },
    { name: "SimPrepay of an unregistered denom buys nothing", amount: "1.9foo", want: 0n },
  ])("$name", ({ amount, want }) => {
    expect(simPrepayNoz(GENESIS, amount, "wei")).toBe(want);
  });
  it("spec-register R4 step 2: 100 STOS on S = 13e18, Pt = 20e18, Lt = 7285714285715", () => {
    const p: PrepayParams = { s: 13n * STOS, pt: 20n * STOS, lt: 7_285_714_285_715n };
    expect(purchaseNoz(p, 100n * STOS).exact.toString()).toBe("5477980665951.127819548872180451");
    expect(prepay(p, 100n * STOS)).toEqual({ purchased: 5_477_980_665_951n, remainingLt: 1_807_733_619_764n });
  });
  it("spec-register R10: with Lt = 0 a 1 STOS prepay buys 0 noz", () => {
    expect(prepay({ s: 5n * STOS, pt: 0n, lt: 0n }, STOS)).toEqual({ purchased: 0n, remainingLt: 0n });
  });
  it("SimPrepay(\"1.5stos\") Dec value", () => {
    expect(purchaseNoz(GENESIS, 1_500_000_000_000_000_000n).exact.toString()).toBe("1263157894736.842105263157894737");
  });
});

describe("purchase rounding and edges", () => {
  // The Dec quotient rounds half-even at 18 decimals before truncation: here Lt·X/D = 1932171683395.99999999999999999999…
  // rounds to …396.000000000000000000, one noz above the integer floor (spec-sds §5). Found with the Appendix A
  // Python model (search over X with Lt·X ≡ −2 mod D) and confirmed with cosmossdk.io/math v1.3.0 (Mul, Quo, TruncateInt).
  it("one noz more than ⌊Lt·X/D⌋ when the fraction is within 5e-19 of 1", () => {
    const p: PrepayParams = { s: 8n * STOS, pt: 20n * STOS, lt: 2_285_714_285_715n };
    const x = 153_024_859_748_792_225_442n;
    expect((p.lt * x) / (p.s + p.pt + x)).toBe(1_932_171_683_395n);
    expect(purchaseNoz(p, x).exact.toString()).toBe("1932171683396.000000000000000000");
    expect(prepay(p, x).purchased).toBe(1_932_171_683_396n);
  });

  it("zero and division by zero", () => {
    expect(prepay({ s: 0n, pt: 0n, lt: 0n }, 5n)).toEqual({ purchased: 0n, remainingLt: 0n }); // Lt = 0 buys nothing
    expect(() => purchaseNoz({ s: 0n, pt: 0n, lt: 10n }, 0n)).toThrow(DivisionByZeroError);
    expect(() => simPrepayNoz({ s: 0n, pt: 0n, lt: 1n }, "5foo", "wei")).toThrow(DivisionByZeroError);
  });

  it("the \"> Lt\" refusal (reachable only with a negative S + Pt)", () => {
    expect(() => prepay({ s: -10n, pt: 0n, lt: 100n }, 20n)).toThrow(NotEnoughOzoneLimitError);
    expect(() => prepay({ s: -10n, pt: 0n, lt: 100n }, 20n)).toThrow(/not enough remaining ozone limit/);
  });

  it("SimPrepay: a zero amount buys nothing; an invalid bond denom fails like Go's AmountOf panic (spec-sds §6)", () => {
    expect(simPrepayNoz(GENESIS, "0stos", "wei")).toBe(0n);
    expect(simPrepayNoz(GENESIS, "3gwei", "wei")).toBe(purchaseNoz(GENESIS, 3_000_000_000n).purchased);
    expect(() => simPrepayNoz(GENESIS, "1stos", "")).toThrow(InvalidDenomError);
    expect(() => simPrepayNoz(GENESIS, "1foo", "w")).toThrow(InvalidDenomError);
  });

  it("SimPrepay rejects bad coin strings", () => {
    for (const s of ["", "stos", "-1stos", ".5stos", "1.0000000000000000001stos"]) {
      expect(() => simPrepayNoz(GENESIS, s, "wei")).toThrow(CoinParseError);
    }
  });

  it("purchased is ⌊Lt·X/D⌋ or one more (only within 5e-19 of the next integer), never above Lt", () => {
    fc.assert(fc.property(
      fc.bigInt(1n, 10n ** 26n), fc.bigInt(0n, 10n ** 26n), fc.bigInt(0n, 10n ** 16n), fc.bigInt(0n, 10n ** 24n),
      (s, pt, lt, x) => {
        const d = s + pt + x;
        const floor = (lt * x) / d;
        const { purchased, remainingLt } = prepay({ s, pt, lt }, x);
        expect(purchased <= lt && remainingLt === lt - purchased).toBe(true);
        if (purchased !== floor) {
          expect(purchased).toBe(floor + 1n);
          const rem = (lt * x) % d; // distance to the next integer is (d − rem)/d ≤ 5e-19
          expect((d - rem) * 2n * 10n ** 18n <= d).toBe(true);
        }
      },
    ), { numRuns: 2000 });
  });
});
