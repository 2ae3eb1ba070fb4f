/** What withdrawals pay (spec-staking §2.4, §13 item 6): TV3's figures and the outstanding cap. */
import { describe, expect, it } from "vitest";
import { DecCoins } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import { commissionPayout, delegatorPayout } from "./withdrawal.js";

const wei = (text: string): DecCoins => DecCoins.of({ denom: "wei", amount: Dec.parse(text) });

describe("delegatorPayout", () => {
  it("TV3: 103109070791964925.5 wei pays 103 109 070 791 964 925 and pools 0.5", () => {
    const p = delegatorPayout(wei("103109070791964925.5"), wei("7675897492290722326.428804102301048570"));
    expect(p.paid.toString()).toBe("103109070791964925wei");
    expect(p.toCommunityPool.toString()).toBe("0.500000000000000000wei");
    expect(p.taken.toString()).toBe("103109070791964925.500000000000000000wei");
  });

  it("never more than outstanding: a rounding excess is cut to what the validator holds", () => {
    const p = delegatorPayout(wei("10.000000000000000003"), wei("10.000000000000000001"));
    expect(p.taken.toString()).toBe("10.000000000000000001wei");
    expect(p.paid.toString()).toBe("10wei");
    expect(p.toCommunityPool.toString()).toBe("0.000000000000000001wei");
  });

  it("nothing owed: nothing paid, nothing pooled", () => {
    const p = delegatorPayout(DecCoins.EMPTY, wei("5"));
    expect([p.paid.isEmpty(), p.toCommunityPool.isEmpty(), p.taken.isEmpty()]).toEqual([true, true, true]);
  });
});

describe("commissionPayout", () => {
  it("TV3: pays 767 589 749 229 072 232 and keeps 0.642880410230104857", () => {
    const p = commissionPayout(wei("767589749229072232.642880410230104857"));
    expect(p.paid.toString()).toBe("767589749229072232wei");
    expect(p.kept.toString()).toBe("0.642880410230104857wei");
  });

  it("less than one wei: nothing paid, everything kept", () => {
    const p = commissionPayout(wei("0.9"));
    expect(p.paid.isEmpty()).toBe(true);
    expect(p.kept.toString()).toBe("0.900000000000000000wei");
  });
});
