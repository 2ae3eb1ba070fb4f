// Conservation properties of the §5.3 distribution under its rounding rules.
//
// What holds exactly (identities, any report the function accepts):
//   prepay outflow      = P2V + Σ_w traffic_w + trunc(TAX)  = TotalReward.traffic  (P2R = Σ_w traffic_w)
//   foundation outflow  = F2V + Σ_w mining_w                = TotalReward.mining = Δ total_mined_token
//   trunc(TAX)          = trunc(Σ per-credit tax)           (taxes summed as Dec, truncated once)
// What holds within bounds (all wallets valid, counter = number of Bonded payees, 0 ≤ tax ≤ 1), with
// N resource entries and K meta payees; "dust" stays in the source account (with K = 0 the meta slice
// TR_meta / MR_meta is not distributed at all and stays too, so it is subtracted first):
//   prepay dust      R − prepay outflow       ∈ [−ε, N + K + 4 + ε)   ε = (2 + N·(TR_res + 1) + K)·10⁻¹⁸
//   foundation dust  M − foundation outflow   ∈ [−ε_M, N + K + 3 + ε_M) with MR_res for TR_res
// The lower bounds are below zero because each share is *rounded* to 18 decimals (1/6 → …667): the
// reference can pay a few wei more than a slice (§5.3 Dust). Per-entry truncations (< 1 wei each) and
// the three goal truncations account for the upper bound.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { distributeEpochReward } from "./distribution.js";
import type { DistributionResult, DistributionSnapshot, VolumeReport } from "./distributionTypes.js";
import { metaNodes, placeholderWallets, stos, tv1Snapshot } from "./testFixtures.js";

const E18 = 10n ** 18n;

const sumFrom = (out: DistributionResult, from: string): bigint =>
  out.transfers.filter((t) => t.from === from).reduce((s, t) => s + t.coins.amountOf("wei"), 0n);

interface Scenario {
  readonly snapshot: DistributionSnapshot;
  readonly report: VolumeReport;
}

function scenario(opts: { invalid: boolean; counterMatches: boolean }): fc.Arbitrary<Scenario> {
  const wallet = opts.invalid
    ? fc.oneof(fc.constantFrom("W0", "W1", "W2", "W3", "W4", "W5", "W6"), fc.constantFrom("INVALID_1", "INVALID_2"))
    : fc.constantFrom("W0", "W1", "W2", "W3", "W4", "W5", "W6");
  return fc
    .record({
      s: fc.bigInt({ min: 10n ** 24n, max: 10n ** 27n }),
      pt: fc.bigInt({ min: 0n, max: 10n ** 25n }),
      lt: fc.bigInt({ min: 0n, max: 10n ** 17n }),
      mined: fc.bigInt({ min: 0n, max: stos("40000000") - 1n }),
      taxRaw: fc.bigInt({ min: 0n, max: E18 }),
      first: fc.tuple(fc.constantFrom("W0", "W1"), fc.bigInt({ min: 1n, max: 10n ** 15n })),
      rest: fc.array(fc.tuple(wallet, fc.bigInt({ min: 0n, max: 10n ** 15n })), { maxLength: 25 }),
      payees: fc.array(fc.constantFrom("M0", "M1", "M2", "W0"), { maxLength: 5 }),
      extraCount: fc.bigInt({ min: 0n, max: 3n }),
    })
    .map(({ s, pt, lt, mined, taxRaw, first, rest, payees, extraCount }) => ({
      snapshot: tv1Snapshot({
        effectiveTotalDeposit: s,
        unissuedPrepay: pt,
        remainingOzoneLimit: lt,
        totalMinedToken: mined,
        communityTax: Dec.fromRaw(taxRaw),
        bondedMetaNodes: metaNodes(payees),
        bondedMetaNodeCount: BigInt(payees.length) + (opts.counterMatches || payees.length === 0 ? 0n : extraCount),
      }),
      report: {
        epoch: 1n,
        walletVolumes: [first, ...rest].map(([walletAddress, volume]) => ({ walletAddress, volume })),
      },
    }));
}

describe("distribution conservation (fast-check)", () => {
  it("identities: transfers = rewards + validator slices + trunc(TAX), for any accepted report", () => {
    fc.assert(
      fc.property(scenario({ invalid: true, counterMatches: false }), ({ snapshot, report }) => {
        const out = distributeEpochReward(snapshot, report, placeholderWallets);
        const mining = out.rewards.reduce((s, r) => s + r.mining, 0n);
        const traffic = out.rewards.reduce((s, r) => s + r.traffic, 0n);
        expect(out.flows.F2R).toBe(mining);
        expect(out.flows.P2R).toBe(traffic);
        expect(sumFrom(out, "total_unissued_prepay")).toBe(out.flows.P2V + traffic + out.flows.taxTruncated);
        expect(out.totalReward.trafficReward.amountOf("wei")).toBe(out.flows.P2V + traffic + out.flows.taxTruncated);
        expect(sumFrom(out, "foundation_account")).toBe(out.flows.F2V + mining);
        expect(out.newTotalMinedToken - snapshot.totalMinedToken).toBe(out.flows.F2V + mining);
        const taxRaw = out.credits.reduce((s, c) => s + c.tax.raw, 0n);
        expect(out.flows.TAX.raw).toBe(taxRaw);
        expect(out.flows.taxTruncated).toBe(taxRaw / E18);
        expect(out.newRemainingOzoneLimit).toBe(snapshot.remainingOzoneLimit + out.totalConsumedNoz);
        expect(out.totalConsumedNoz).toBe(report.walletVolumes.reduce((s, e) => s + e.volume, 0n));
      }),
      { numRuns: 300 },
    );
  });

  it("dust bounds: what stays in the prepay pool and the foundation is small and explained", () => {
    fc.assert(
      fc.property(scenario({ invalid: false, counterMatches: true }), ({ snapshot, report }) => {
        const out = distributeEpochReward(snapshot, report, placeholderWallets);
        const n = BigInt(report.walletVolumes.length);
        const k = BigInt(snapshot.bondedMetaNodes.length);

        const undistributedMeta = k === 0n ? out.trafficGoal.metaNode : 0n;
        const prepayDustRaw = out.trafficReward.raw - (sumFrom(out, "total_unissued_prepay") + undistributedMeta) * E18;
        const eps = 2n + n * (out.trafficGoal.resourceNode + 1n) + k;
        expect(prepayDustRaw).toBeGreaterThanOrEqual(-eps);
        expect(prepayDustRaw).toBeLessThan((n + k + 4n) * E18 + eps);

        const undistributedMetaMining = k === 0n ? out.miningGoal.metaNode : 0n;
        const foundationDustRaw = (out.valve.miningReward - sumFrom(out, "foundation_account") - undistributedMetaMining) * E18;
        const epsM = 2n + n * (out.miningGoal.resourceNode + 1n) + k;
        expect(foundationDustRaw).toBeGreaterThanOrEqual(-epsM);
        expect(foundationDustRaw).toBeLessThan((n + k + 3n) * E18 + epsM);
      }),
      { numRuns: 300 },
    );
  });

  it("the order of report entries does not change any amount", () => {
    const withPermutation = scenario({ invalid: true, counterMatches: false }).chain((sc) =>
      fc
        .shuffledSubarray([...sc.report.walletVolumes], { minLength: sc.report.walletVolumes.length })
        .map((perm) => ({ sc, perm })),
    );
    fc.assert(
      fc.property(withPermutation, ({ sc, perm }) => {
        const a = distributeEpochReward(sc.snapshot, sc.report, placeholderWallets);
        const b = distributeEpochReward(sc.snapshot, { ...sc.report, walletVolumes: perm }, placeholderWallets);
        expect(b.rewards.map((r) => [r.walletAddress, r.mining, r.traffic])).toEqual(
          a.rewards.map((r) => [r.walletAddress, r.mining, r.traffic]),
        );
        expect([b.flows.F2R, b.flows.P2R, b.flows.TAX.raw]).toEqual([a.flows.F2R, a.flows.P2R, a.flows.TAX.raw]);
      }),
      { numRuns: 100 },
    );
  });
});
