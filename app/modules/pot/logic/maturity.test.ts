import { describe, expect, it } from "vitest";
import { Coins, InvalidDenomError, coin } from "../../../math/coins.js";
import { MATURE_COUNT_PER_BLOCK, matureRewards, type ImmatureEpochRecords, type StoredIndividualReward } from "./maturity.js";

const wei = (n: bigint): Coins => Coins.of(coin("wei", n));
const rec = (walletAddress: string, mining: bigint, traffic = 0n): StoredIndividualReward => ({
  walletAddress,
  rewardFromMiningPool: wei(mining),
  rewardFromTrafficPool: wei(traffic),
});
const wallets = (n: number): StoredIndividualReward[] =>
  Array.from({ length: n }, (_, i) => rec(`W${String(i).padStart(3, "0")}`, 10n));
const noDebt = (): bigint => 0n;

function run(L: bigint, M: bigint, epochs: Iterable<ImmatureEpochRecords>, debt: (w: string) => bigint = noDebt, param = 1n) {
  return matureRewards({
    lastDistributedEpoch: L,
    maturedEpoch: M,
    matureEpochParam: param,
    rewardDenom: "wei",
    epochsWithRecords: epochs,
    slashingDebtOf: debt,
  });
}

describe("first run and empty windows", () => {
  it("M = 0 initialises matured_epoch to the param and stops if L ≤ param", () => {
    const out = run(5n, 0n, [{ epoch: 3n, records: [rec("A", 1n)] }], noDebt, 2016n);
    expect(out).toMatchObject({ initializedMaturedEpoch: true, maturedEpoch: 2016n, epochs: [] });
  });

  it("M = 0 then continues from the param when L is beyond it", () => {
    const out = run(5n, 0n, [{ epoch: 2n, records: [rec("A", 1n)] }, { epoch: 4n, records: [rec("B", 1n)] }], noDebt, 3n);
    expect(out.initializedMaturedEpoch).toBe(true);
    expect(out.epochs.map((e) => e.epoch)).toEqual([4n]); // epoch 2 ≤ 3 is outside the window
    expect(out.maturedEpoch).toBe(4n);
  });

  it("L ≤ M: nothing", () => {
    expect(run(4n, 4n, [{ epoch: 4n, records: [rec("A", 1n)] }])).toMatchObject({ maturedEpoch: 4n, epochs: [] });
  });
});

describe("throttle on the newest epoch (MatureCountPerBlock = 100)", () => {
  it("exactly 100 records at L complete in one call", () => {
    const out = run(5n, 4n, [{ epoch: 5n, records: wallets(100) }]);
    expect(out.epochs[0]?.records).toHaveLength(100);
    expect(out.epochs[0]?.completed).toBe(true);
    expect(out.maturedEpoch).toBe(5n);
  });

  it("101 records at L: 100 processed, the epoch is not finished", () => {
    const out = run(5n, 4n, [{ epoch: 5n, records: wallets(101) }]);
    expect(out.epochs[0]?.records).toHaveLength(MATURE_COUNT_PER_BLOCK);
    expect(out.epochs[0]?.completed).toBe(false);
    expect(out.maturedEpoch).toBe(4n);
  });

  it("older epochs are never throttled but count towards the newest epoch's budget", () => {
    const out = run(5n, 2n, [
      { epoch: 3n, records: wallets(150) },
      { epoch: 5n, records: wallets(10) },
    ]);
    expect(out.epochs.map((e) => [e.epoch, e.records.length, e.completed])).toEqual([
      [3n, 150, true],
      [5n, 0, false], // count = 151 > 100 before its first record
    ]);
    expect(out.maturedEpoch).toBe(3n);
  });

  it("stops consuming the newest epoch's records at the throttle (lazy store iteration)", () => {
    let pulled = 0;
    function* lazy(): Generator<StoredIndividualReward> {
      for (const r of wallets(1000)) {
        pulled += 1;
        yield r;
      }
    }
    run(5n, 4n, [{ epoch: 5n, records: lazy() }]);
    expect(pulled).toBe(101); // the 101st record is read, then the loop breaks (as the Go iterator does)
  });

  it("§11.4 example: 250 wallets at E = L mature 100, 100, 50 over three blocks", () => {
    let remaining = wallets(250);
    let M = 6n;
    const perBlock: number[] = [];
    const maturedAfter: bigint[] = [];
    for (let block = 0; block < 3; block += 1) {
      const out = run(7n, M, [{ epoch: 7n, records: remaining }]);
      const done = new Set(out.epochs.flatMap((e) => e.records.map((r) => r.walletAddress)));
      remaining = remaining.filter((r) => !done.has(r.walletAddress));
      perBlock.push(done.size);
      M = out.maturedEpoch;
      maturedAfter.push(M);
    }
    expect(perBlock).toEqual([100, 100, 50]);
    expect(maturedAfter).toEqual([6n, 6n, 7n]);
  });

  it("§11.4 example: a new report raising L makes the remainder of E mature completely", () => {
    const first = run(7n, 6n, [{ epoch: 7n, records: wallets(250) }]);
    const done = new Set(first.epochs[0]?.records.map((r) => r.walletAddress));
    const rest = wallets(250).filter((r) => !done.has(r.walletAddress));
    const second = run(8n, first.maturedEpoch, [{ epoch: 7n, records: rest }]);
    expect(second.epochs[0]?.records).toHaveLength(150);
    expect(second.maturedEpoch).toBe(7n);
  });
});

describe("epochs with gaps (only indexed epochs are visited)", () => {
  it("matured_epoch advances to the last finished epoch that had records", () => {
    const out = run(12n, 5n, [
      { epoch: 7n, records: [rec("A", 1n)] },
      { epoch: 9n, records: [rec("B", 2n), rec("C", 3n)] },
    ]);
    expect(out.epochs.map((e) => [e.epoch, e.completed])).toEqual([
      [7n, true],
      [9n, true],
    ]);
    expect(out.maturedEpoch).toBe(9n); // 10..12 had no records: not advanced, harmless
  });

  it("a huge epoch gap costs nothing (DoS QUIRK R:)", () => {
    const out = run(10n ** 30n, 1n, [{ epoch: 10n ** 30n, records: [rec("A", 1n)] }]);
    expect(out.maturedEpoch).toBe(10n ** 30n);
  });

  it("an indexed epoch with an empty record list does not advance matured_epoch", () => {
    const out = run(9n, 5n, [{ epoch: 8n, records: [] }]);
    expect(out.epochs).toEqual([{ epoch: 8n, records: [], slashed: Coins.EMPTY, completed: false }]);
    expect(out.maturedEpoch).toBe(5n);
  });

  it("epochs above L are not read", () => {
    function* index(): Generator<ImmatureEpochRecords> {
      yield { epoch: 6n, records: [rec("A", 1n)] };
      yield { epoch: 9n, records: [rec("B", 1n)] };
      throw new Error("read past the first epoch above L");
    }
    expect(run(8n, 5n, index()).maturedEpoch).toBe(6n);
  });

  it("rejects an index that is not strictly ascending", () => {
    expect(() =>
      run(9n, 1n, [
        { epoch: 4n, records: [] },
        { epoch: 4n, records: [] },
      ]),
    ).toThrow(RangeError);
  });
});

describe("slashing debt at maturity (spec-register §5.8)", () => {
  it("is taken from reward_denom across records and epochs; writes only when a deduction happens", () => {
    const out = run(
      5n,
      2n,
      [
        { epoch: 3n, records: [rec("A", 100n)] },
        { epoch: 4n, records: [rec("A", 60n, 40n)] },
        { epoch: 5n, records: [rec("A", 100n), rec("B", 7n)] },
      ],
      (w) => (w === "A" ? 150n : 0n),
    );
    expect(out.epochs.map((e) => e.slashed.toString())).toEqual(["100wei", "50wei", ""]);
    expect(out.slashingDebtWrites).toEqual([{ walletAddress: "A", debt: 0n }]);
    expect(out.matureIncreases.map((m) => [m.walletAddress, m.coins.toString()])).toEqual([
      ["A", "150wei"],
      ["B", "7wei"],
    ]);
    expect(out.immatureDecreases.map((m) => [m.walletAddress, m.coins.toString()])).toEqual([
      ["A", "300wei"],
      ["B", "7wei"],
    ]);
  });

  it("a record without reward_denom is not slashed and the debt is not written", () => {
    const other: StoredIndividualReward = {
      walletAddress: "A",
      rewardFromMiningPool: Coins.of(coin("ustos", 5n)),
      rewardFromTrafficPool: Coins.EMPTY,
    };
    const out = run(3n, 2n, [{ epoch: 3n, records: [other] }], () => 99n);
    expect(out.slashingDebtWrites).toEqual([]);
    expect(out.epochs[0]?.records[0]?.matured.toString()).toBe("5ustos");
  });

  // register's deductSlashing tests the denom only after "debt ≤ 0" and "coins empty" (spec-register §5.8),
  // so an invalid reward_denom (unvalidated params) fails maturity only once a debt meets a reward.
  it("an invalid reward_denom throws InvalidDenomError only when a debt is to be deducted", () => {
    const input = (debt: bigint) => ({
      lastDistributedEpoch: 3n,
      maturedEpoch: 2n,
      matureEpochParam: 1n,
      rewardDenom: "1x",
      epochsWithRecords: [{ epoch: 3n, records: [rec("A", 5n)] }],
      slashingDebtOf: () => debt,
    });
    expect(matureRewards(input(0n)).maturedEpoch).toBe(3n);
    expect(() => matureRewards(input(1n))).toThrow(InvalidDenomError);
  });

  it("an empty record is processed, counted and listed (the reference writes both totals)", () => {
    const out = run(3n, 2n, [{ epoch: 3n, records: [rec("A", 0n)] }]);
    expect(out.matureIncreases).toEqual([{ walletAddress: "A", coins: Coins.EMPTY }]);
    expect(out.maturedEpoch).toBe(3n);
  });
});
