# Generates ../distributionModel.vectors.ts from the spec's Appendix A model (potModel.py, verbatim).
#
#   cd app/modules/pot/logic/model && python3 genVectors.py > ../distributionModel.vectors.ts
#
# Each case is a sequence of volume reports applied to one evolving state; after every report the
# model's figures (R, flows, per-wallet rewards, TotalReward, new Pt/Lt/mined) or the kind of failure
# are recorded. Wallets named "INVALID..." are invalid, exactly as the model's default predicate says.
# The TypeScript test threads Pt, Lt and total_mined_token itself, so a drift would show.
import copy
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
from potModel import Dec, distribute, prepay  # noqa: E402

STOS = 10**18
DEFAULT_VALVES = [
    (0, 16819200 * STOS, 80 * STOS, 2000, 6000, 2000),
    (16819200 * STOS, 25228800 * STOS, 40 * STOS, 2000, 6200, 1800),
    (25228800 * STOS, 29433600 * STOS, 20 * STOS, 2000, 6400, 1600),
    (29433600 * STOS, 31536000 * STOS, 10 * STOS, 2000, 6600, 1400),
    (31536000 * STOS, 32587200 * STOS, 5 * STOS, 2000, 6800, 1200),
    (32587200 * STOS, 40000000 * STOS, 25 * 10**17, 2000, 7000, 1000),
]


def tv1_state():
    """TV1 (§11.1): after RES1's 20 STOS prepay."""
    S, rate = 8 * STOS, Dec.of(10**6)
    _, Lt = prepay(S, 0, Dec.of(S).quo(rate).trunc(), 20 * STOS)
    return dict(S=S, Pt=20 * STOS, Lt=Lt, rate=rate, mined=0, tax=Dec.parse("0.02"),
                valves=DEFAULT_VALVES, metas=["META1", "META2", "META3"], meta_cnt=3,
                foundation=40_000_000 * STOS)


class Lcg:
    """Deterministic pseudo-random numbers (no dependence on Python's random module)."""
    def __init__(self, seed): self.x = seed
    def next(self, n):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.x >> 33) % n


def run(name, how, state, reports):
    st = copy.deepcopy(state)
    start = dict(S=st["S"], Pt=st["Pt"], Lt=st["Lt"], rate=st["rate"], mined=st["mined"],
                 tax=st["tax"], valves=st["valves"], metas=list(st["metas"]), meta_cnt=st["meta_cnt"])
    steps = []
    for entries in reports:
        try:
            out = distribute(st, entries)
        except ValueError as e:
            steps.append(dict(entries=entries, error="noz-supply")); break
        except ZeroDivisionError:
            steps.append(dict(entries=entries, error="division-by-zero")); break
        except RuntimeError:
            steps.append(dict(entries=entries, error="out-of-issuance")); break
        steps.append(dict(entries=entries, out=out, after=dict(Pt=st["Pt"], Lt=st["Lt"], mined=st["mined"])))
    return dict(name=name, how=how, start=start, steps=steps)


def s(x): return '"' + str(x) + '"'


def emit(case):
    st = case["start"]
    lines = ["  {", f"    name: {s(case['name'])},", f"    how: {s(case['how'])},", "    start: {",
             f"      S: {s(st['S'])}, Pt: {s(st['Pt'])}, Lt: {s(st['Lt'])}, rate: {s(st['rate'])}, mined: {s(st['mined'])},",
             f"      tax: {s(st['tax'])}, metas: [{', '.join(s(m) for m in st['metas'])}], metaCnt: {s(st['meta_cnt'])},",
             "      valves: ["]
    for v in st["valves"]:
        lines.append("        [" + ", ".join(s(x) for x in v) + "],")
    lines += ["      ],", "    },", "    steps: ["]
    for step in case["steps"]:
        lines.append("      {")
        lines.append("        entries: [" + ", ".join(f"[{s(w)}, {s(v)}]" for w, v in step["entries"]) + "],")
        if "error" in step:
            lines.append(f"        error: {s(step['error'])},")
        else:
            o, a = step["out"], step["after"]
            lines.append(f"        R: {s(o['R'])}, P2V: {s(o['P2V'])}, F2V: {s(o['F2V'])}, F2R: {s(o['F2R'])}, P2R: {s(o['P2R'])},")
            lines.append(f"        TAX: {s(o['TAX'])}, taxInt: {s(o['tax_int'])},")
            lines.append(f"        totalReward: [{s(o['total_reward'][0])}, {s(o['total_reward'][1])}],")
            lines.append("        rewards: [")
            for w in sorted(o["rewards"]):
                m, t = o["rewards"][w]
                lines.append(f"          [{s(w)}, {s(m)}, {s(t)}],")
            lines.append("        ],")
            lines.append(f"        after: {{ Pt: {s(a['Pt'])}, Lt: {s(a['Lt'])}, mined: {s(a['mined'])} }},")
        lines.append("      },")
    lines += ["    ],", "  },"]
    return "\n".join(lines)


def cases():
    tv1 = [("RES1", 50000), ("RES2", 30000), ("RES3", 20000)]
    out = []
    out.append(run("TV1 continued for six epochs", "TV1 state (§11.1), the same three entries six times", tv1_state(), [tv1] * 6))

    st = tv1_state(); st["mined"] = 16819200 * STOS - 100 * STOS
    out.append(run("valve 1 -> 2 crossing", "mined = valve-1 end - 100 STOS; valve chosen before each report, not pro-rated",
                   st, [tv1] * 3))
    st = tv1_state(); st["mined"] = 16819200 * STOS
    out.append(run("mined exactly at valve-1 end", "start is inclusive, end exclusive: valve 2 applies", st, [tv1]))
    st = tv1_state(); st["mined"] = 16819200 * STOS - 1
    out.append(run("mined one wei below valve-1 end", "valve 1 still applies", st, [tv1]))
    st = tv1_state(); st["mined"] = 40000000 * STOS - 3 * STOS
    out.append(run("last valve then out of issuance", "mined = 40M STOS - 3 STOS; third report is out of issuance",
                   st, [tv1] * 3))

    rng = Lcg(20241219)
    big = dict(S=10**24, Pt=3 * 10**22, Lt=5 * 10**17, rate=Dec.of(10**6), mined=123456789 * 10**12,
               tax=Dec.parse("0.02"), valves=DEFAULT_VALVES, metas=["META_A", "META_B", "META_C", "META_D", "META_E"],
               meta_cnt=5, foundation=0)
    reports = []
    for r in range(3):
        entries = []
        for i in range(40):
            k = rng.next(100)
            w = f"INVALID_{i}" if k < 8 else f"W{rng.next(25):02d}"      # duplicates are frequent
            v = 0 if k >= 92 else rng.next(10**9) * (1 + rng.next(10**6))
            entries.append((w, v))
        reports.append(entries)
    out.append(run("many wallets, duplicates, invalid and zero volumes",
                   "LCG seed 20241219: 40 entries per report, 25 wallet names, ~8% INVALID, ~8% zero volume",
                   big, reports))

    out.append(run("share 1/6 rounds up", "six wallets with volume 1: share 0.166666666666666667, sums exceed the goals",
                   tv1_state(), [[(f"RES{i}", 1) for i in range(1, 7)]]))

    st = tv1_state(); st["S"] = 10**30; st["Pt"] = 0; st["Lt"] = 10**12; st["metas"] = []; st["meta_cnt"] = 0
    out.append(run("share ties round half-even", "Y = 2e18: 1/Y = 0.5e-18 rounds to 0, (Y-1)/Y = 0.9999999999999999995 to 1",
                   st, [[("RES1", 1), ("RES2", 2 * 10**18 - 1)]]))
    out.append(run("tax tie rounds half-even", "Y = 51, RES1 38: before 279299999.254901960968063725, tax ...2745 -> ...274",
                   tv1_state(), [[("RES1", 38), ("RES2", 13)]]))

    st = tv1_state(); st["meta_cnt"] = 2
    out.append(run("meta counter below records", "3 Bonded payees, counter 2: overpayment (reference behaviour)", st, [tv1]))
    st = tv1_state(); st["meta_cnt"] = 4
    out.append(run("meta counter above records", "3 Bonded payees, counter 4: underpayment", st, [tv1]))
    st = tv1_state(); st["meta_cnt"] = 0
    out.append(run("meta counter zero with records", "division by zero (Go panics)", st, [tv1]))
    st = tv1_state(); st["meta_cnt"] = 0; st["metas"] = []
    out.append(run("no meta nodes", "counter 0 and no payees: the meta slice stays undistributed", st, [tv1]))
    st = tv1_state(); st["metas"] = ["META1", "META1", "RES1"]
    out.append(run("meta payees shared", "two meta nodes with one beneficiary, one paying a resource wallet", st, [tv1]))

    out.append(run("Y = 0, every wallet invalid", "no share is computed; R = 0; mining still paid to validators and metas",
                   tv1_state(), [[("INVALID_1", 0), ("INVALID_2", 0)]]))
    out.append(run("Y = 0 with a valid wallet", "share = 0/0: division by zero", tv1_state(), [[("RES1", 0), ("RES2", 0)]]))
    out.append(run("zero-volume entry among others", "a zero volume gets a record with zero amounts",
                   tv1_state(), [[("RES1", 50000), ("RES2", 0)]]))
    out.append(run("invalid wallet keeps its share in the pools", "INVALID volume counted in Y but not paid",
                   tv1_state(), [[("RES1", 50000), ("INVALID_X", 50000)]]))
    out.append(run("duplicate wallet", "RES1 twice: accumulated, each entry truncated separately",
                   tv1_state(), [[("RES1", 33333), ("RES2", 33333), ("RES1", 33334)]]))

    st = tv1_state(); total = Dec.of(st["S"]).quo(st["rate"]).trunc()
    out.append(run("supply check equal", "Y + Lt == trunc(S / rate) passes", st, [[("RES1", total - st["Lt"])]]))
    out.append(run("supply check exceeded", "Y + Lt == trunc(S / rate) + 1 fails", tv1_state(),
                   [[("RES1", total - tv1_state()["Lt"] + 1)]]))
    st = tv1_state(); st["Lt"] = 0
    out.append(run("Lt = 0", "R = S + Pt: the whole pool value", st, [tv1]))
    st = tv1_state(); st["Lt"] = 0
    out.append(run("Lt = 0 and Y = 0", "Lt + Y = 0: division by zero", st, [[("RES1", 0)]]))

    st = tv1_state(); st["tax"] = Dec.parse("0.123456789012345678")
    out.append(run("odd community tax", "tax 0.123456789012345678", st, [tv1]))
    st = tv1_state(); st["tax"] = Dec.parse("1")
    out.append(run("community tax 1", "all node traffic rewards go to the community pool", st, [tv1]))
    st = tv1_state(); st["tax"] = Dec.parse("0")
    out.append(run("community tax 0", "no tax", st, [tv1]))

    st = tv1_state()
    st["valves"] = [(0, 10**30, 7, 2500, 5000, 2500), (10**30, 2 * 10**30, 1, 0, 10000, 0)]
    out.append(run("tiny mining reward", "M = 7 wei, bp 2500/5000/2500: truncation everywhere", st, [tv1]))
    st = tv1_state()
    st["valves"] = [(10**18, 10**30, 7, 2500, 5000, 2500)]
    out.append(run("mined below the first valve start", "no valve matches: out of issuance", st, [tv1]))
    return out


def main():
    print("// GENERATED by app/modules/pot/logic/model/genVectors.py from the spec's Appendix A model")
    print("// (model/potModel.py, verbatim). Do not edit; regenerate with:")
    print("//   cd app/modules/pot/logic/model && python3 genVectors.py > ../distributionModel.vectors.ts")
    print("// Values are decimal strings: integers in base units, Dec values with 18 decimals.")
    print("// valves: [start, end, miningReward, chainBp, resourceBp, metaBp].")
    print("")
    print("export interface ModelStep {")
    print("  readonly entries: readonly (readonly [string, string])[];")
    print("  readonly error?: \"noz-supply\" | \"division-by-zero\" | \"out-of-issuance\";")
    print("  readonly R?: string; readonly P2V?: string; readonly F2V?: string; readonly F2R?: string; readonly P2R?: string;")
    print("  readonly TAX?: string; readonly taxInt?: string;")
    print("  readonly totalReward?: readonly [string, string];")
    print("  readonly rewards?: readonly (readonly [string, string, string])[];")
    print("  readonly after?: { readonly Pt: string; readonly Lt: string; readonly mined: string };")
    print("}")
    print("export interface ModelCase {")
    print("  readonly name: string;")
    print("  readonly how: string;")
    print("  readonly start: {")
    print("    readonly S: string; readonly Pt: string; readonly Lt: string; readonly rate: string; readonly mined: string;")
    print("    readonly tax: string; readonly metas: readonly string[]; readonly metaCnt: string;")
    print("    readonly valves: readonly (readonly [string, string, string, string, string, string])[];")
    print("  };")
    print("  readonly steps: readonly ModelStep[];")
    print("}")
    print("")
    print("export const MODEL_CASES: readonly ModelCase[] = [")
    for c in cases():
        print(emit(c))
    print("];")


if __name__ == "__main__":
    main()
