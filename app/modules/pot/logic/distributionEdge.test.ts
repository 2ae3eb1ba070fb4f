// Edge cases of §5.3 that the vectors do not pin down by themselves. Expected values are derived by
// hand in the comments (or taken from the TV1 table), never from the code under test.
import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { distributeEpochReward } from "./distribution.js";
import type { VolumeReport, WalletParser } from "./distributionTypes.js";
import {
  ArithmeticOverflowError,
  EmptyMiningValvesError,
  InvalidCoinError,
  NegativeCoinAmountError,
  NegativeVolumeError,
  NozSupplyExceededError,
  OutOfIssuanceError,
  ZeroDivisorError,
} from "./errors.js";
import { DEFAULT_VALVES, placeholderWallets, stos, tv1Snapshot } from "./testFixtures.js";

const report = (...entries: [string, bigint][]): VolumeReport => ({
  epoch: 7n,
  walletVolumes: entries.map(([walletAddress, volume]) => ({ walletAddress, volume })),
});
const TV1 = report(["RES1", 50_000n], ["RES2", 30_000n], ["RES3", 20_000n]);

describe("zero volumes", () => {
  it("Y = 0 with a valid wallet fails like the reference's division panic", () => {
    const run = () => distributeEpochReward(tv1Snapshot(), report(["RES1", 0n]), placeholderWallets);
    expect(run).toThrow(ZeroDivisorError);
    expect(run).toThrow(/total volume Y/);
    try {
      run();
    } catch (e) {
      expect(e).toMatchObject({ codespace: "sdk", code: 111222 });
    }
  });

  it("Y = 0 with only invalid wallets succeeds: R = 0, mining to validators and meta nodes only", () => {
    const out = distributeEpochReward(tv1Snapshot(), report(["INVALID_A", 0n]), placeholderWallets);
    expect(out.trafficReward.isZero()).toBe(true);
    expect(out.flows).toMatchObject({ F2V: stos("16"), P2V: 0n, P2R: 0n, taxTruncated: 0n });
    // 3 × trunc(16e18 / 3) = 3 × 5 333 333 333 333 333 333
    expect(out.flows.F2R).toBe(15_999_999_999_999_999_999n);
    expect(out.rewards.map((r) => r.walletAddress)).toEqual(["META1", "META2", "META3"]);
    expect(out.rewards.every((r) => r.rewardFromTrafficPool.isEmpty())).toBe(true);
    expect(out.transfers.map((t) => t.coins.isEmpty())).toEqual([false, true, false, true, true]);
    expect(out.totalReward.trafficReward.isEmpty()).toBe(true);
  });

  it("a zero-volume entry still gets a record, with empty coin lists", () => {
    const out = distributeEpochReward(tv1Snapshot({ bondedMetaNodes: [], bondedMetaNodeCount: 0n }), report(["RES1", 1n], ["RES2", 0n]), placeholderWallets);
    const res2 = out.rewards.find((r) => r.walletAddress === "RES2");
    expect(res2).toMatchObject({ mining: 0n, traffic: 0n });
    expect(res2?.rewardFromMiningPool.isEmpty()).toBe(true);
    expect(res2?.immatureIncrease.isEmpty()).toBe(true);
  });
});

describe("half-even ties (§5.1: quo and mul round the 19th digit half to even)", () => {
  it("share = quo(v, Y) at an exact tie: 1/(2e18) → 0, (2e18 − 1)/(2e18) → 1", () => {
    // trunc(1 × 10^36 / 2e18) = 5e17: q = 0 (even) → 0. For 2e18 − 1: 10^36 − 5e17, q = 10^18 − 1
    // (odd) → rounds up to exactly 1. Half-up would give RES1 48 wei of mining; truncation would give
    // RES2 trunc(48e18 × 0.999999999999999999) = 47 999 999 999 999 999 952.
    const st = tv1Snapshot({ effectiveTotalDeposit: 10n ** 30n, unissuedPrepay: 0n, remainingOzoneLimit: 10n ** 12n, bondedMetaNodes: [], bondedMetaNodeCount: 0n });
    const out = distributeEpochReward(st, report(["RES1", 1n], ["RES2", 2n * 10n ** 18n - 1n]), placeholderWallets);
    expect(out.credits.map((c) => [c.walletAddress, c.mining])).toEqual([["RES1", 0n], ["RES2", stos("48")]]);
    expect(out.credits[0]?.trafficBeforeTax.isZero()).toBe(true);
    expect(out.credits[1]?.trafficBeforeTax.toString()).toBe(`${out.trafficGoal.resourceNode}.000000000000000000`);
  });

  it("tax = mul(before, 0.02) at an exact tie rounds to the even neighbour", () => {
    // Y = 51 on the TV1 state: R → TR_res = 374 849 999 (Appendix A model); RES1 share = 38/51 =
    // 0.745098039215686275; before = 279 299 999.254901960968063725; × 0.02 = 5 585 999.98509803921936127|45:
    // the dropped digit is exactly one half after an even digit, so the tax is …274 (half-up: …275).
    const out = distributeEpochReward(tv1Snapshot(), report(["RES1", 38n], ["RES2", 13n]), placeholderWallets);
    expect(out.trafficGoal.resourceNode).toBe(374_849_999n);
    expect(out.credits[0]?.trafficBeforeTax.toString()).toBe("279299999.254901960968063725");
    expect(out.credits[0]?.tax.toString()).toBe("5585999.985098039219361274");
    expect(out.credits[0]?.trafficAfterTax).toBe(273_713_999n);
  });
});

describe("invalid wallets", () => {
  it("are skipped but counted in Y, so their share stays in the pools", () => {
    const out = distributeEpochReward(tv1Snapshot(), report(["RES1", 50_000n], ["INVALID_X", 50_000n]), placeholderWallets);
    expect(out.totalConsumedNoz).toBe(100_000n);
    expect(out.rewards.map((r) => r.walletAddress)).toEqual(["META1", "META2", "META3", "RES1"]);
    // Same Y as TV1 epoch 1, so the same goals; RES1's share is 0.5 as in the TV1 table.
    expect(out.credits[0]).toMatchObject({ walletAddress: "RES1", mining: stos("24"), trafficAfterTax: 360_149_984_243n });
    expect(out.flows.F2R).toBe(stos("24") + 3n * 5_333_333_333_333_333_333n);
  });

  it("an invalid meta-node payee is skipped (no fallback to the owner)", () => {
    const st = tv1Snapshot({ bondedMetaNodes: [{ ownerAddress: "META1", beneficiaryAddress: "INVALID_B" }], bondedMetaNodeCount: 1n });
    const out = distributeEpochReward(st, TV1, placeholderWallets);
    expect(out.rewards.map((r) => r.walletAddress)).toEqual(["RES1", "RES2", "RES3"]);
  });
});

describe("meta-node payee (§5.3 step 6)", () => {
  const payees = (beneficiaryAddress: string) =>
    distributeEpochReward(
      tv1Snapshot({ bondedMetaNodes: [{ ownerAddress: "OWNER", beneficiaryAddress }], bondedMetaNodeCount: 1n }),
      TV1,
      placeholderWallets,
    ).credits.filter((c) => c.source === "meta").map((c) => c.walletAddress);

  it.each([
    { name: "empty beneficiary → owner", beneficiary: "", want: ["OWNER"] },
    { name: "spaces and tabs → owner", beneficiary: " \t\n", want: ["OWNER"] },
    { name: "U+0085 (Go space) → owner", beneficiary: "\u0085", want: ["OWNER"] },
    { name: "U+3000 ideographic space → owner", beneficiary: "\u3000", want: ["OWNER"] },
    { name: "U+FEFF is not a Go space → beneficiary used", beneficiary: "\uFEFF", want: ["\uFEFF"] },
    { name: "beneficiary set → beneficiary", beneficiary: "BEN", want: ["BEN"] },
  ])("$name", ({ beneficiary, want }) => {
    expect(payees(beneficiary)).toEqual(want);
  });
});

describe("duplicate wallets", () => {
  // Canonicalises like bech32: upper- and lower-case spellings are one address.
  const caseInsensitive: WalletParser = (w) => (w.startsWith("INVALID") ? undefined : w.toLowerCase());

  it("accumulate into one record, each entry truncated separately", () => {
    const st = tv1Snapshot({ bondedMetaNodes: [], bondedMetaNodeCount: 0n });
    const out = distributeEpochReward(st, report(["res1", 1n], ["RES1", 1n], ["res2", 1n]), caseInsensitive);
    // Y = 3, share = 0.333333333333333333 each; MR_res = 48e18: 48e18 × share = 15 999 999 999 999 999 984.
    const perEntry = 15_999_999_999_999_999_984n;
    expect(out.credits.map((c) => c.mining)).toEqual([perEntry, perEntry, perEntry]);
    expect(out.rewards.map((r) => [r.walletAddress, r.mining])).toEqual([["res1", 2n * perEntry], ["res2", perEntry]]);
    // R = 28e18 × 3 / (2 285 714 285 715 + 3) = 36 749 999.999940281250000097 → TR_res = 22 049 999;
    // × share = 7 349 999.666666666659316667; − 2% tax (146 999.993333333333186333) → 7 202 999 per entry.
    expect(out.credits.map((c) => c.trafficAfterTax)).toEqual([7_202_999n, 7_202_999n, 7_202_999n]);
    expect(out.rewards[0]?.traffic).toBe(2n * 7_202_999n);
  });
});

describe("valves and issuance", () => {
  it("mined exactly at a valve end selects the next valve", () => {
    const out = distributeEpochReward(tv1Snapshot({ totalMinedToken: stos("16819200") }), TV1, placeholderWallets);
    expect(out.valve.miningReward).toBe(stos("40"));
    expect(out.miningGoal).toEqual({ blockChain: stos("8"), resourceNode: stos("24.8"), metaNode: stos("7.2") });
  });

  it("out of issuance: every report fails with the reference's panic code", () => {
    const run = () => distributeEpochReward(tv1Snapshot({ totalMinedToken: stos("40000000") }), TV1, placeholderWallets);
    expect(run).toThrow(OutOfIssuanceError);
    expect(run).toThrow(/ErrOutOfIssuance/);
  });

  it("the supply check comes before the issuance check", () => {
    const st = tv1Snapshot({ totalMinedToken: stos("40000000"), remainingOzoneLimit: 8_000_000_000_000n });
    expect(() => distributeEpochReward(st, report(["RES1", 1n]), placeholderWallets)).toThrow(NozSupplyExceededError);
  });

  it("an empty valve list fails (index panic in the reference)", () => {
    expect(() => distributeEpochReward(tv1Snapshot({ miningValves: [] }), TV1, placeholderWallets)).toThrow(EmptyMiningValvesError);
  });

  it("a negative basis point (unvalidated by the reference) fails like NewCoin's panic", () => {
    const [v1] = DEFAULT_VALVES;
    if (v1 === undefined) throw new Error("fixture");
    const bad = { ...v1, blockChainPercentageInBp: -1000n, resourceNodePercentageInBp: 9000n };
    expect(() => distributeEpochReward(tv1Snapshot({ miningValves: [bad] }), TV1, placeholderWallets)).toThrow(NegativeCoinAmountError);
  });
});

describe("errors", () => {
  it("supply check: Y + Lt > trunc(S / rate) → pot 32 with the reference's text", () => {
    const st = tv1Snapshot();
    const y = 8_000_000_000_000n - st.remainingOzoneLimit + 1n;
    const run = () => distributeEpochReward(st, report(["RES1", y]), placeholderWallets);
    expect(run).toThrow(NozSupplyExceededError);
    try {
      run();
    } catch (e) {
      expect(e).toMatchObject({ codespace: "pot", code: 32, message: "remaining+consumed Noz exceeds total Noz supply" });
    }
  });

  it.each([
    { name: "Lt + Y = 0", st: tv1Snapshot({ remainingOzoneLimit: 0n }), rep: report(["INVALID", 0n]), msg: /Lt \+ Y/ },
    { name: "bonded counter 0 with a payee", st: tv1Snapshot({ bondedMetaNodeCount: 0n }), rep: TV1, msg: /bonded meta-node count/ },
    { name: "deposit→noz rate 0", st: tv1Snapshot({ depositNozRate: Dec.ZERO }), rep: TV1, msg: /rate/ },
  ])("division by zero: $name → ZeroDivisorError", ({ st, rep, msg }) => {
    expect(() => distributeEpochReward(st, rep, placeholderWallets)).toThrow(ZeroDivisorError);
    expect(() => distributeEpochReward(st, rep, placeholderWallets)).toThrow(msg);
  });

  it("an invalid denom (unvalidated params) → InvalidCoinError, like NewCoin's panic", () => {
    expect(() => distributeEpochReward(tv1Snapshot({ bondDenom: "1x" }), TV1, placeholderWallets)).toThrow(InvalidCoinError);
  });

  it("Int overflow beyond 256 bits → ArithmeticOverflowError (sdkmath panics)", () => {
    const huge = 2n ** 255n;
    const st = tv1Snapshot({ effectiveTotalDeposit: 2n ** 300n, remainingOzoneLimit: 0n });
    expect(() => distributeEpochReward(st, report(["RES1", huge], ["RES2", huge]), placeholderWallets)).toThrow(ArithmeticOverflowError);
  });

  it("negative volume → NegativeVolumeError (pot 18)", () => {
    expect(() => distributeEpochReward(tv1Snapshot(), report(["RES1", -1n]), placeholderWallets)).toThrow(NegativeVolumeError);
  });

  it("community tax above 1 makes after-tax amounts negative → NewCoin panic", () => {
    expect(() => distributeEpochReward(tv1Snapshot({ communityTax: Dec.parse("1.5") }), TV1, placeholderWallets)).toThrow(
      NegativeCoinAmountError,
    );
  });
});

describe("meta counter / record mismatch (reference behaviour)", () => {
  it("counter 2 with 3 Bonded payees pays each trunc(MR_meta / 2): 1.5 × the meta slice", () => {
    const out = distributeEpochReward(tv1Snapshot({ bondedMetaNodeCount: 2n }), TV1, placeholderWallets);
    const metas = out.credits.filter((c) => c.source === "meta");
    expect(metas.map((c) => c.mining)).toEqual([stos("8"), stos("8"), stos("8")]);
    expect(metas[0]?.trafficBeforeTax.toString()).toBe("122499994640.500000000000000000"); // 244 999 989 281 / 2
  });

  it("no Bonded meta nodes and counter 0: nothing divided, the meta slice stays in the sources", () => {
    const out = distributeEpochReward(tv1Snapshot({ bondedMetaNodes: [], bondedMetaNodeCount: 0n }), TV1, placeholderWallets);
    expect(out.flows.F2R).toBe(stos("48"));
  });
});

describe("denoms", () => {
  it("mining coins use reward_denom and traffic coins bond_denom", () => {
    const out = distributeEpochReward(tv1Snapshot({ rewardDenom: "ustos" }), TV1, placeholderWallets);
    const res1 = out.rewards.find((r) => r.walletAddress === "RES1");
    expect(res1?.immatureIncrease.toString()).toBe("24000000000000000000ustos,360149984243wei");
    expect(out.transfers.map((t) => t.coins.toArray().map((c) => c.denom))).toEqual([["ustos"], ["wei"], ["ustos"], ["wei"], ["wei"]]);
    expect(out.totalReward.miningReward.toString()).toBe("79999999999999999999ustos");
  });
});
