# Generates ../f1Model.vectors.ts from the spec's Appendix A model (f1Model.py, spec-staking.md A.1
# verbatim):
#
#   cd app/modules/distribution/logic/model && python3 -B genVectors.py > ../f1Model.vectors.ts
#
# Each case is one chain: validators created and bonded at genesis (self-bond from the operator), then
# a seeded random sequence of delegations, undelegations, fee allocations over random votes (absent
# validators included, arbitrary powers), withdrawals, commission withdrawals and slashes. After every
# operation the model's result is recorded, and the whole F1 state (per validator: tokens, shares,
# period, current rewards, outstanding, commission, every historical ratio with its reference count)
# after every fifth operation and at the end. The TypeScript test replays the operations through the
# distribution keeper with the staking fake and compares every figure.
import json
import random
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
from f1Model import Chain, Validator, P, dstr, from_str, power  # noqa: E402

STOS = 10**18
SEED = 20250613


def rand_rate(rng):
    whole = rng.choice([0, 5 * 10**16, 10**17, rng.randrange(0, P)])
    return dstr(whole)


def rand_amount(rng):
    return rng.choice([
        rng.randrange(10**15, 10**16),
        rng.randrange(10**17, 10**19),
        rng.randrange(10**18, 10**21),
        rng.randrange(1, 10**6),
    ])


def snapshot(c, vals):
    return {
        "community": dstr(c.community),
        "distAccount": str(c.dist_account),
        "validators": [{
            "name": v.name,
            "tokens": str(v.tokens),
            "shares": dstr(v.shares),
            "period": str(v.period),
            "current": dstr(v.current),
            "outstanding": dstr(v.outstanding),
            "commission": dstr(v.commission),
            "historical": [[str(p), dstr(h[0]), h[1]] for p, h in sorted(v.hist.items())],
        } for v in vals],
    }


def gen_case(rng, index):
    tax = rng.choice(["0", "0.02", dstr(rng.randrange(0, P // 4))])
    c = Chain(tax)
    nvals = rng.randrange(2, 5)
    vals = []
    genesis = []
    for i in range(nvals):
        v = Validator(f"V{i}", 0, rand_rate(rng))
        bond = rng.randrange(10**18, 200 * 10**18)
        c.delegate(f"op{i}", v, bond)
        vals.append(v)
        genesis.append({"name": v.name, "rate": dstr(v.rate), "selfBond": str(bond)})
    delegators = [f"op{i}" for i in range(nvals)] + [f"D{j}" for j in range(rng.randrange(2, 5))]
    ops = []
    height = 1  # allocation starts at height 2
    for step in range(rng.randrange(25, 45)):
        height += rng.choice([1, 1, 1, 2, 7])
        c.height = height
        kind = rng.choice(["delegate", "delegate", "allocate", "allocate", "allocate", "withdraw", "withdraw",
                           "undelegate", "commission", "slash"])
        op = {"height": str(height), "kind": kind}
        if kind == "delegate":
            d, v, amt = rng.choice(delegators), rng.choice(vals), rand_amount(rng)
            op.update(delegator=d, validator=v.name, amount=str(amt))
            op["issued"] = dstr(c.delegate(d, v, amt))
        elif kind == "allocate":
            fees = rng.choice([0, rng.randrange(1, 10**9), rng.randrange(10**15, 10**22)])
            voters = [v for v in vals if rng.random() < 0.85] or [vals[0]]
            votes = [(v, rng.choice([power(v.tokens), rng.randrange(0, 10**6)])) for v in voters]
            c.allocate(fees, votes)
            op.update(fees=str(fees), votes=[[v.name, str(p)] for v, p in votes])
        elif kind == "withdraw":
            pairs = [k for k in c.dels]
            if not pairs:
                continue
            d, name = rng.choice(sorted(pairs))
            v = next(x for x in vals if x.name == name)
            paid, rem = c.withdraw(d, v)
            c.init_delegation(d, v)
            op.update(delegator=d, validator=name, paid=str(paid), remainder=dstr(rem))
        elif kind == "undelegate":
            pairs = [k for k in c.dels]
            if not pairs:
                continue
            d, name = rng.choice(sorted(pairs))
            v = next(x for x in vals if x.name == name)
            held = c.dels[(d, name)]
            sh = held if rng.random() < 0.3 else rng.randrange(1, held + 1)
            # Keep every validator above zero shares (the model does not remove validators).
            if v.shares - sh <= 0:
                continue
            returned = c.unbond(d, v, sh)
            op.update(delegator=d, validator=name, shares=dstr(sh), returned=str(returned))
        elif kind == "commission":
            v = rng.choice(vals)
            if v.commission == 0:
                continue
            op.update(validator=v.name, paid=str(c.withdraw_commission(v)))
        elif kind == "slash":
            v = rng.choice(vals)
            if v.tokens == 0:
                continue
            fraction = rng.choice(["0.0002", "0.05", dstr(rng.randrange(1, P // 3))])
            vote_power = rng.choice([power(v.tokens), max(1, power(v.tokens) // 2)])
            amount, burned, eff = c.slash(v, vote_power, fraction)
            op.update(validator=v.name, power=str(vote_power), fraction=fraction, burned=str(burned), effective=dstr(eff))
        op["community"] = dstr(c.community)
        if len(ops) % 5 == 4:
            op["state"] = snapshot(c, vals)
        ops.append(op)
    return {"name": f"case {index} (tax {tax}, {nvals} validators)", "communityTax": dstr(from_str(tax)),
            "genesis": genesis, "ops": ops, "final": snapshot(c, vals)}


def ts(value):
    return json.dumps(value, ensure_ascii=False)


def main():
    rng = random.Random(SEED)
    cases = [gen_case(rng, i) for i in range(12)]
    out = sys.stdout
    out.write("// GENERATED by app/modules/distribution/logic/model/genVectors.py from the spec's Appendix A model\n")
    out.write("// (model/f1Model.py, spec-staking.md A.1 verbatim). Do not edit; regenerate with:\n")
    out.write("//   cd app/modules/distribution/logic/model && python3 -B genVectors.py > ../f1Model.vectors.ts\n")
    out.write("// Amounts in wei; Dec values with 18 decimals.\n")
    out.write("import type { F1ModelCase } from \"./f1Model.types.js\";\n\n")
    out.write("export const F1_MODEL_CASES: readonly F1ModelCase[] = [\n")
    for case in cases:
        out.write("  " + ts(case) + ",\n")
    out.write("];\n")


if __name__ == "__main__":
    main()
