/**
 * Store encodings: the fee pool keeps the bytes the earlier cosmjs-types encoding wrote (existing state
 * reads back unchanged), Dec fields are raw-integer text, and keys have the reference's layout.
 */
import { FeePool } from "cosmjs-types/cosmos/distribution/v1beta1/distribution";
import { describe, expect, it } from "vitest";
import { DecCoins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import { historicalRewardsKey, historicalRewardsKeyParts, slashEventKey, slashEventKeyParts, startingInfoAddresses, startingInfoKey } from "./keys.js";
import { decodeFeePool, decodeStartingInfo, encodeFeePool, encodeStartingInfo } from "./store.js";

describe("distribution store encodings", () => {
  it("FeePool: the same bytes as cosmjs-types' encoding, in both directions", () => {
    const pool = DecCoins.fromArray([{ denom: "stos", amount: Dec.parse("1.5") }, { denom: "wei", amount: Dec.parse("19599999142") }]);
    const legacy = FeePool.encode({ communityPool: pool.toArray().map((c) => ({ denom: c.denom, amount: c.amount.toProtoString() })) }).finish();
    expect(hexOf(encodeFeePool(pool))).toBe(hexOf(legacy));
    expect(decodeFeePool(legacy).equals(pool)).toBe(true);
    expect(encodeFeePool(DecCoins.EMPTY).length).toBe(0);
  });

  it("DelegatorStartingInfo: the stake is raw-integer text and always written", () => {
    const bytes = encodeStartingInfo({ previousPeriod: 2n, stake: Dec.parse("1.5"), height: 100n });
    // field 1 = 2, field 2 = "1500000000000000000" (19 bytes), field 3 = 100.
    expect(hexOf(bytes)).toBe(`080212133135${"30".repeat(17)}1864`);
    expect(decodeStartingInfo(bytes)).toEqual({ previousPeriod: 2n, stake: Dec.parse("1.5"), height: 100n });
    expect(hexOf(encodeStartingInfo({ previousPeriod: 0n, stake: Dec.ZERO, height: 0n }))).toBe("120130");
  });

  it("keys: length-prefixed addresses, little-endian periods, big-endian heights and periods", () => {
    const val = new Uint8Array(20).fill(0xaa);
    const del = new Uint8Array(20).fill(0xbb);
    expect(hexOf(historicalRewardsKey(val, 258n))).toBe(`0514${"aa".repeat(20)}0201000000000000`);
    expect(historicalRewardsKeyParts(historicalRewardsKey(val, 258n))).toEqual({ val, period: 258n });
    expect(hexOf(slashEventKey(val, 258n, 3n))).toBe(`0814${"aa".repeat(20)}00000000000001020000000000000003`);
    expect(slashEventKeyParts(slashEventKey(val, 258n, 3n))).toEqual({ val, height: 258n, period: 3n });
    expect(hexOf(startingInfoKey(val, del))).toBe(`0414${"aa".repeat(20)}14${"bb".repeat(20)}`);
    expect(startingInfoAddresses(startingInfoKey(val, del))).toEqual({ val, del });
  });
});
