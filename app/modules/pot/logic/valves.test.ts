import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { EmptyMiningValvesError } from "./errors.js";
import { DEFAULT_VALVES, stos } from "./testFixtures.js";
import { percentInBp, selectMiningValve, splitByValve, totalMining } from "./valves.js";

describe("selectMiningValve (§3)", () => {
  it.each([
    { name: "0 → valve 1", mined: "0", reward: "80", out: false },
    { name: "just below 16 819 200 → valve 1", mined: "16819199.999999999999999999", reward: "80", out: false },
    { name: "16 819 200 (start inclusive) → valve 2", mined: "16819200", reward: "40", out: false },
    { name: "25 228 800 → valve 3", mined: "25228800", reward: "20", out: false },
    { name: "29 433 600 → valve 4", mined: "29433600", reward: "10", out: false },
    { name: "31 536 000 → valve 5", mined: "31536000", reward: "5", out: false },
    { name: "just below 40 000 000 → valve 6", mined: "39999999.999999999999999999", reward: "2.5", out: false },
    { name: "40 000 000 (end exclusive) → out of issuance, last valve", mined: "40000000", reward: "2.5", out: true },
  ])("$name", ({ mined, reward, out }) => {
    const sel = selectMiningValve(DEFAULT_VALVES, stos(mined));
    expect(sel.valve.miningReward).toBe(stos(reward));
    expect(sel.outOfIssuance).toBe(out);
  });

  it("first match in list order wins for overlapping valves", () => {
    const [a, b] = [DEFAULT_VALVES[1], DEFAULT_VALVES[0]];
    if (a === undefined || b === undefined) throw new Error("fixture");
    const overlapping = [{ ...a, totalMinedValveStart: 0n }, b];
    expect(selectMiningValve(overlapping, 5n).valve).toBe(overlapping[0]);
  });

  it("empty list → EmptyMiningValvesError (index panic in the reference)", () => {
    expect(() => selectMiningValve([], 0n)).toThrow(EmptyMiningValvesError);
    expect(() => totalMining([])).toThrow(EmptyMiningValvesError);
  });

  it("GetTotalMining is the last valve's end: 40 M STOS", () => {
    expect(totalMining(DEFAULT_VALVES)).toBe(stos("40000000"));
  });
});

describe("percentInBp", () => {
  it.each([
    { name: "TV1 P2V = trunc(R × 0.2)", x: "1224999946405.869532259956129398", bp: 2000n, want: 244999989281n },
    { name: "TV1 TR_res = trunc(R × 0.6)", x: "1224999946405.869532259956129398", bp: 6000n, want: 734999967843n },
    { name: "7 wei × 25% = 1.75 → 1", x: "7", bp: 2500n, want: 1n },
    { name: "0 bp → 0", x: "123", bp: 0n, want: 0n },
    { name: "0.999999999999999999 × 100% stays below 1", x: "0.999999999999999999", bp: 10000n, want: 0n },
  ])("$name", ({ x, bp, want }) => {
    expect(percentInBp(Dec.parse(x), bp)).toBe(want);
  });

  it("quo rounds half-even at 18 decimals before truncating", () => {
    // raw (10^22 − 5000) × 1 bp / 10000 = 0.9999999999999999995: the 19th digit is exactly half and
    // 999…999 (18 nines) is odd, so quo rounds up to 1.000000000000000000 and trunc gives 1, not 0.
    expect(percentInBp(Dec.fromRaw(10n ** 22n - 5000n), 1n)).toBe(1n);
  });

  it("splitByValve on the valve-1 mining reward: 16 / 48 / 16 STOS", () => {
    const v1 = DEFAULT_VALVES[0];
    if (v1 === undefined) throw new Error("fixture");
    expect(splitByValve(Dec.fromInt(stos("80")), v1)).toEqual({ blockChain: stos("16"), resourceNode: stos("48"), metaNode: stos("16") });
  });
});
