# Appendix A of /work/shared/specs/spec-pot.md, copied verbatim (executable model of LegacyDec
# arithmetic and of the §5.3 distribution). Used only to generate test vectors; see genVectors.py.
E18 = 10**18
def _rhe(x, d):                       # round half to even of x/d (d > 0), sign-symmetric
    n = -x if x < 0 else x
    q, r = divmod(n, d)
    if r * 2 > d or (r * 2 == d and q % 2 == 1):
        q += 1
    return -q if x < 0 else q
def _tdiv(a, b):                      # truncating (toward zero) integer division
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q
class Dec:
    def __init__(self, raw): self.raw = raw
    @staticmethod
    def of(n): return Dec(n * E18)
    @staticmethod
    def parse(s):
        w, _, f = s.partition("."); return Dec(int(w) * E18 + int((f + "0" * 18)[:18]))
    def __add__(s, o): return Dec(s.raw + o.raw)
    def __sub__(s, o): return Dec(s.raw - o.raw)
    def mul(s, o): return Dec(_rhe(s.raw * o.raw, E18))
    def quo(s, o):
        if o.raw == 0: raise ZeroDivisionError("Go panics: division by zero")
        return Dec(_rhe(_tdiv(s.raw * E18 * E18, o.raw), E18))
    def trunc(s): return _tdiv(s.raw, E18)
    def __str__(s):
        t = str(abs(s.raw)).rjust(19, "0"); return ("-" if s.raw < 0 else "") + t[:-18] + "." + t[-18:]

def prepay(S, Pt, Lt, X):             # sds MsgPrepay -> (purchased noz, new Lt)
    p = Dec.of(Lt).mul(Dec.of(X)).quo(Dec.of(S + Pt + X)).trunc()
    assert p <= Lt, "not enough remaining ozone limit"
    return p, Lt - p

def traffic_reward(S, Pt, Lt, Y):     # R, also used by MsgSlashingResourceNode
    return (Dec.of(S) + Dec.of(Pt)).mul(Dec.of(Y)).quo(Dec.of(Lt) + Dec.of(Y))

def distribute(st, entries, valid=lambda w: not w.startswith("INVALID")):
    """st keys: S, Pt, Lt, rate(Dec), mined, tax(Dec), valves[(start,end,M,chain,res,meta)],
    metas[payee wallets of Bonded meta nodes, store order], meta_cnt, foundation.
    entries: [(wallet, volume)]. Mutates st, returns per-wallet [mining, traffic] and flows."""
    Y = sum(v for _, v in entries)
    if Y + st["Lt"] > Dec.of(st["S"]).quo(st["rate"]).trunc():
        raise ValueError("remaining+consumed Noz exceeds total Noz supply")
    R = traffic_reward(st["S"], st["Pt"], st["Lt"], Y)
    valve = next((v for v in st["valves"] if v[0] <= st["mined"] < v[1]), None)
    if valve is None: raise RuntimeError("out of issuance: reference panics")
    _, _, M, bc, rn, mn = valve
    pct = lambda x, bp: x.mul(Dec.of(bp)).quo(Dec.of(10000)).trunc()
    P2V, TRr, TRm = pct(R, bc), pct(R, rn), pct(R, mn)
    F2V, MRr, MRm = pct(Dec.of(M), bc), pct(Dec.of(M), rn), pct(Dec.of(M), mn)
    rewards, F2R, P2R, TAX = {}, 0, 0, Dec(0)
    def credit(w, mining, before):
        nonlocal F2R, P2R, TAX
        tax = before.mul(st["tax"]); after = (before - tax).trunc()
        r = rewards.setdefault(w, [0, 0]); r[0] += mining; r[1] += after
        F2R += mining; P2R += after; TAX = TAX + tax
    for w, v in entries:
        if not valid(w): continue                      # skipped, but counted in Y
        share = Dec.of(v).quo(Dec.of(Y))
        credit(w, Dec.of(MRr).mul(share).trunc(), Dec.of(TRr).mul(share))
    for w in st["metas"]:
        credit(w, Dec.of(MRm).quo(Dec.of(st["meta_cnt"])).trunc(), Dec.of(TRm).quo(Dec.of(st["meta_cnt"])))
    tax_int = TAX.trunc()
    st["foundation"] -= F2V + F2R; st["mined"] += F2V + F2R
    st["Pt"] -= P2V + P2R + tax_int; st["Lt"] += Y
    return dict(R=R, P2V=P2V, F2V=F2V, F2R=F2R, P2R=P2R, TAX=TAX, tax_int=tax_int, rewards=rewards,
                total_reward=(F2V + F2R, P2V + P2R + tax_int))

if __name__ == "__main__":            # TV1 epoch 1
    STOS = 10**18
    VALVES = [(0, 16819200*STOS, 80*STOS, 2000, 6000, 2000), (16819200*STOS, 25228800*STOS, 40*STOS, 2000, 6200, 1800),
              (25228800*STOS, 29433600*STOS, 20*STOS, 2000, 6400, 1600), (29433600*STOS, 31536000*STOS, 10*STOS, 2000, 6600, 1400),
              (31536000*STOS, 32587200*STOS, 5*STOS, 2000, 6800, 1200), (32587200*STOS, 40000000*STOS, 25*10**17, 2000, 7000, 1000)]
    S, rate = 8 * STOS, Dec.of(10**6)
    _, Lt = prepay(S, 0, Dec.of(S).quo(rate).trunc(), 20 * STOS)
    st = dict(S=S, Pt=20*STOS, Lt=Lt, rate=rate, mined=0, tax=Dec.parse("0.02"), valves=VALVES,
              metas=["META1", "META2", "META3"], meta_cnt=3, foundation=40_000_000*STOS)
    out = distribute(st, [("RES1", 50000), ("RES2", 30000), ("RES3", 20000)])
    print(out["R"], out["total_reward"], out["rewards"]["RES1"], st["Pt"])
    # expected: 1224999946405.869532259956129398 (79999999999999999999, 1224999946401)
    #           [24000000000000000000, 360149984243] 19999998775000053599
