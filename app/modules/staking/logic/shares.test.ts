/** spec-staking §1.2 share math against TV6's exchange rate ≠ 1 (§14) and the rate-1 case. */
import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { consensusPower, NoSharesError, sharesFromTokens, sharesFromTokensTruncated, tokensFromShares, tokensFromSharesTruncated } from "./shares.js";

const STOS = 10n ** 18n;

describe("share math", () => {
  // TV6: tokens 100 479 900 000 000 000 000 after the slash, shares still 100.5 STOS (99 + 1.5).
  const slashed = { tokens: 100_479_900_000_000_000_000n, delegatorShares: Dec.fromInt(100_500_000_000_000_000_000n) };

  it("TV6: 0.5 STOS unbonded from a slashed validator removes 500100020004000800.160032006401280256 shares", () => {
    const shares = sharesFromTokens(slashed, 500_000_000_000_000_000n);
    expect(shares.toString()).toBe("500100020004000800.160032006401280256");
    expect(sharesFromTokensTruncated(slashed, 500_000_000_000_000_000n).toString()).toBe("500100020004000800.160032006401280256");
    // D's remaining 1.5 STOS − those shares are worth 999 700 000 000 000 000 (rounded and truncated alike here).
    const remaining = Dec.fromInt(1_500_000_000_000_000_000n).sub(shares);
    expect(remaining.toString()).toBe("999899979995999199.839967993598719744");
    expect(tokensFromShares(slashed, remaining).truncateInt()).toBe(999_700_000_000_000_000n);
    expect(tokensFromSharesTruncated(slashed, remaining).truncateInt()).toBe(999_700_000_000_000_000n);
  });

  it("rate 1: shares equal tokens; a validator without tokens cannot price shares", () => {
    const fresh = { tokens: 99n * STOS, delegatorShares: Dec.fromInt(99n * STOS) };
    expect(sharesFromTokens(fresh, 1_500_000_000_000_000_000n).toString()).toBe("1500000000000000000.000000000000000000");
    expect(() => sharesFromTokens({ tokens: 0n, delegatorShares: Dec.ONE }, 1n)).toThrow(NoSharesError);
  });

  it("power = trunc(tokens / 10^15)", () => {
    expect(consensusPower(100_500_000_000_000_000_000n)).toBe(100_500n);
    expect(consensusPower(100_500_400_000_000_000_000n)).toBe(100_500n);
    expect(consensusPower(999_999_999_999_999n)).toBe(0n);
  });
});
