// Cross-check of matureRewards (index-based) against a literal transcription of the spec's §6.2
// pseudo-code, which visits every integer epoch in (M, L] and deducts debt per spec-register §5.8.
// Both run block after block on random record layouts (gaps, >100-record epochs, debts, rising L);
// after each block the full states must be equal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Coins, coin } from "../../../math/coins.js";
import { matureRewards, type StoredIndividualReward } from "./maturity.js";

interface State {
  L: bigint;
  M: bigint;
  records: Map<bigint, StoredIndividualReward[]>; // per epoch, store (wallet) order
  mature: Map<string, Coins>;
  immature: Map<string, Coins>;
  debts: Map<string, bigint>;
  communityPool: Coins;
}

const PARAM = 2n;

/** §6.2 verbatim in spirit: integer loop, count from 1, break on count > 100 at E == L. */
function naiveEndBlock(st: State): void {
  if (st.M === 0n) st.M = PARAM;
  if (st.L <= st.M) return;
  let count = 1;
  const toDelete: [bigint, string][] = [];
  for (let e = st.M + 1n; e <= st.L; e += 1n) {
    let slashed = Coins.EMPTY;
    let touched = false;
    for (const r of st.records.get(e) ?? []) {
      if (count > 100 && e === st.L) {
        touched = false;
        break;
      }
      const amount = r.rewardFromMiningPool.add(r.rewardFromTrafficPool);
      // DeductSlashing (spec-register §5.8)
      const debt = st.debts.get(r.walletAddress) ?? 0n;
      let remaining = amount;
      const a = amount.amountOf("wei");
      if (!(debt <= 0n || amount.isEmpty() || a === 0n)) {
        const taken = debt < a ? debt : a;
        st.debts.set(r.walletAddress, debt - taken);
        remaining = amount.sub(Coins.of(coin("wei", taken)));
        slashed = slashed.add(Coins.of(coin("wei", taken)));
      }
      st.mature.set(r.walletAddress, (st.mature.get(r.walletAddress) ?? Coins.EMPTY).add(remaining));
      st.immature.set(r.walletAddress, (st.immature.get(r.walletAddress) ?? Coins.EMPTY).sub(amount));
      count += 1;
      toDelete.push([e, r.walletAddress]);
      touched = true;
    }
    st.communityPool = st.communityPool.add(slashed);
    if (touched) st.M = e;
  }
  for (const [e, w] of toDelete) st.records.set(e, (st.records.get(e) ?? []).filter((r) => r.walletAddress !== w));
}

function indexedEndBlock(st: State): void {
  // Epochs emptied by earlier blocks stay in the map: an index entry without records must be harmless.
  const epochs = [...st.records.keys()].sort((a, b) => (a < b ? -1 : 1));
  const out = matureRewards({
    lastDistributedEpoch: st.L,
    maturedEpoch: st.M,
    matureEpochParam: PARAM,
    rewardDenom: "wei",
    epochsWithRecords: epochs.map((epoch) => ({ epoch, records: st.records.get(epoch) ?? [] })),
    slashingDebtOf: (w) => st.debts.get(w) ?? 0n,
  });
  for (const e of out.epochs) {
    const done = new Set(e.records.map((r) => r.walletAddress));
    st.records.set(e.epoch, (st.records.get(e.epoch) ?? []).filter((r) => !done.has(r.walletAddress)));
    st.communityPool = st.communityPool.add(e.slashed);
  }
  for (const m of out.matureIncreases) st.mature.set(m.walletAddress, (st.mature.get(m.walletAddress) ?? Coins.EMPTY).add(m.coins));
  for (const m of out.immatureDecreases) st.immature.set(m.walletAddress, (st.immature.get(m.walletAddress) ?? Coins.EMPTY).sub(m.coins));
  for (const d of out.slashingDebtWrites) st.debts.set(d.walletAddress, d.debt);
  st.M = out.maturedEpoch;
}

const sorted = <V>(m: Map<string, V>, f: (v: V) => string): string[][] =>
  [...m.entries()].map(([k, v]) => [k, f(v)]).sort(([a], [b]) => ((a ?? "") < (b ?? "") ? -1 : 1));
const view = (st: State) => ({
  L: st.L,
  M: st.M,
  records: [...st.records.entries()]
    .filter(([, rs]) => rs.length > 0)
    .map(([e, rs]) => [String(e), rs.map((r) => r.walletAddress).join(",")])
    .sort(([a], [b]) => (BigInt(a ?? "0") < BigInt(b ?? "0") ? -1 : 1)),
  mature: sorted(st.mature, (c) => c.toString()),
  immature: sorted(st.immature, (c) => c.toString()),
  debts: sorted(st.debts, String),
  communityPool: st.communityPool.toString(),
});

const layout = fc.record({
  M0: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 6n })),
  epochs: fc.array(
    fc.record({
      epoch: fc.bigInt({ min: 1n, max: 30n }),
      size: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 95, max: 130 })),
      amounts: fc.array(fc.bigInt({ min: 0n, max: 400n }), { minLength: 130, maxLength: 130 }),
      otherDenom: fc.boolean(),
    }),
    { maxLength: 8 },
  ),
  debts: fc.array(fc.bigInt({ min: 0n, max: 900n }), { minLength: 8, maxLength: 8 }),
  lSteps: fc.array(fc.bigInt({ min: 0n, max: 6n }), { minLength: 6, maxLength: 6 }),
});

describe("matureRewards equals the §6.2 integer loop", () => {
  it("over random layouts and several blocks", () => {
    fc.assert(
      fc.property(layout, ({ M0, epochs, debts, lSteps }) => {
        const records = new Map<bigint, StoredIndividualReward[]>();
        const immature = new Map<string, Coins>();
        for (const { epoch, size, amounts, otherDenom } of epochs) {
          const rs = Array.from({ length: size }, (_, i) => {
            const walletAddress = `W${String(i * 7 % 131).padStart(3, "0")}`; // scattered, unique per epoch
            const amount = amounts[i] ?? 0n;
            return {
              walletAddress,
              rewardFromMiningPool: Coins.of(coin("wei", amount)),
              rewardFromTrafficPool: otherDenom ? Coins.of(coin("ustos", amount)) : Coins.of(coin("wei", amount / 2n)),
            };
          }).sort((a, b) => (a.walletAddress < b.walletAddress ? -1 : 1));
          records.set(epoch, rs); // a repeated epoch replaces the earlier one
        }
        for (const rs of records.values()) {
          for (const r of rs) {
            const total = r.rewardFromMiningPool.add(r.rewardFromTrafficPool);
            immature.set(r.walletAddress, (immature.get(r.walletAddress) ?? Coins.EMPTY).add(total));
          }
        }
        const debtMap = new Map(debts.map((d, i) => [`W${String(i * 7 % 131).padStart(3, "0")}`, d] as [string, bigint]));
        const make = (): State => ({
          L: 0n,
          M: M0,
          records: new Map([...records].map(([e, rs]) => [e, [...rs]])),
          mature: new Map(),
          immature: new Map(immature),
          debts: new Map(debtMap),
          communityPool: Coins.EMPTY,
        });
        const naive = make();
        const indexed = make();
        for (const step of lSteps) {
          naive.L += step;
          indexed.L += step;
          naiveEndBlock(naive);
          indexedEndBlock(indexed);
          expect(view(indexed)).toEqual(view(naive));
        }
      }),
      { numRuns: 200 },
    );
  });
});
