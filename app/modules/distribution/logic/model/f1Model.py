# Exact model of the Cosmos SDK v0.47 (cosmossdk.io/math LegacyDec) arithmetic and of the
# staking / distribution (F1) / slashing / gov-tally rules used in spec-staking.md.
# Pure Python 3, no dependencies.  Dec values are ints holding value * 10**18.
P = 10**18
def dec(n): return n * P                      # Int -> Dec (exact)
def _rhe(x, d):                               # banker's rounding of x/d (chopPrecisionAndRound)
    neg = x < 0; x = -x if neg else x
    q, r = divmod(x, d)
    if r * 2 > d or (r * 2 == d and q % 2 == 1): q += 1
    return -q if neg else q
def _tz(x, d):                                # big.Int Quo: truncate toward zero
    q = abs(x) // d
    return -q if (x < 0) != (d < 0) else q
def mul(a, b):        return _rhe(a * b, P)
def mul_trunc(a, b):  return _tz(a * b, P)
def quo(a, b):        return _rhe(_tz(a * P * P, b), P)
def quo_trunc(a, b):  return _tz(_tz(a * P * P, b), P)
def quo_roundup(a, b):
    q = _tz(a * P * P, b)
    if q < 0: return -_tz(-q, P)
    return q // P + (1 if q % P else 0)
def mul_int(a, i):    return a * i
def quo_int(a, i):    return _tz(a, i)
def trunc(a):         return _tz(a, P)         # TruncateInt
def dstr(a):                                   # LegacyDec.String()
    s = '-' if a < 0 else ''; a = abs(a)
    return f"{s}{a // P}.{a % P:018d}"
def from_str(s):                               # LegacyNewDecFromStr for plain decimals
    neg = s.startswith('-'); s = s.lstrip('-')
    i, _, f = s.partition('.')
    v = int(i) * P + int((f + '0' * 18)[:18] or '0')
    return -v if neg else v
def coins_str(amount, denom='wei'):           # sdk.Coins.String() for one denom
    return '' if amount == 0 else f"{amount}{denom}"
def deccoins_str(amount, denom='wei'):        # sdk.DecCoins.String() for one denom
    return '' if amount == 0 else f"{dstr(amount)}{denom}"

POWER_REDUCTION = 10**15
def power(tokens): return tokens // POWER_REDUCTION

# ---------------------------------------------------------------- staking
class Validator:
    def __init__(s, name, tokens, rate):
        s.name, s.tokens, s.shares, s.rate = name, 0, 0, from_str(rate)
        s.bonded = True; s.jailed = False
        # distribution state
        s.period = 1; s.current = 0; s.hist = {0: [0, 1]}; s.outstanding = 0; s.commission = 0
    def shares_from_tokens(s, amt):  return quo_int(mul_int(s.shares, amt), s.tokens)
    def shares_from_tokens_trunc(s, amt): return quo_trunc(mul_int(s.shares, amt), dec(s.tokens))
    def tokens_from_shares(s, sh):   return quo(mul_int(sh, s.tokens), s.shares)
    def tokens_from_shares_trunc(s, sh): return quo_trunc(mul_int(sh, s.tokens), s.shares)
    def add_tokens(s, amt):
        issued = dec(amt) if s.shares == 0 else s.shares_from_tokens(amt)
        s.tokens += amt; s.shares += issued; return issued
    def remove_shares(s, sh):
        rem = s.shares - sh
        if rem == 0: out = s.tokens; s.tokens = 0
        else: out = trunc(s.tokens_from_shares(sh)); s.tokens -= out
        s.shares = rem; return out

class Chain:
    def __init__(s, community_tax='0'):
        s.tax = from_str(community_tax); s.community = 0; s.dist_account = 0
        s.dels = {}      # (del, val) -> shares
        s.start = {}     # (del, val) -> [prev_period, stake(Dec), height]
        s.slashes = {}   # val -> list of (height, period, fraction)
        s.height = 0; s.balances = {}
    # -- distribution hooks / F1 --------------------------------------------------
    def increment_period(s, v):
        if v.tokens == 0:
            s.community += v.current; v.outstanding -= v.current; cur = 0
        else:
            cur = quo_trunc(v.current, dec(v.tokens))       # DecCoins.QuoDecTruncate
        prev = v.hist[v.period - 1][0]
        s._decref(v, v.period - 1)
        v.hist[v.period] = [prev + cur, 1]
        v.current = 0; v.period += 1
        return v.period - 1
    def _decref(s, v, p):
        v.hist[p][1] -= 1
        if v.hist[p][1] == 0: del v.hist[p]
    def _incref(s, v, p): v.hist[p][1] += 1
    def init_delegation(s, d, v):
        prev = v.period - 1; s._incref(v, prev)
        stake = v.tokens_from_shares_trunc(s.dels[(d, v.name)])
        s.start[(d, v.name)] = [prev, stake, s.height]
    def calc_rewards(s, d, v, end_period):
        prev, stake, h = s.start[(d, v.name)]
        if h == s.height: return 0
        rewards = 0
        for (sh, sp, frac) in s.slashes.get(v.name, []):
            if h <= sh <= s.height and sp > prev:           # IterateValidatorSlashEventsBetween
                rewards += mul_trunc(v.hist[sp][0] - v.hist[prev][0], stake)
                stake = mul_trunc(stake, P - frac); prev = sp
        cur_stake = v.tokens_from_shares(s.dels[(d, v.name)])
        if stake > cur_stake:
            assert stake <= cur_stake + 3, "stake > current stake + margin"
            stake = cur_stake
        return rewards + mul_trunc(v.hist[end_period][0] - v.hist[prev][0], stake)
    def withdraw(s, d, v):
        end = s.increment_period(v)
        raw = s.calc_rewards(d, v, end)
        rewards = min(raw, v.outstanding)                   # Intersect
        paid, rem = trunc(rewards), rewards - dec(trunc(rewards))
        s.dist_account -= paid; s.balances[d] = s.balances.get(d, 0) + paid
        v.outstanding -= rewards; s.community += rem
        s._decref(v, s.start[(d, v.name)][0]); del s.start[(d, v.name)]
        return paid, rem
    def withdraw_commission(s, v):
        paid = trunc(v.commission); v.commission -= dec(paid)
        v.outstanding -= dec(paid); s.dist_account -= paid; return paid
    # -- staking -------------------------------------------------------------------
    def delegate(s, d, v, amt):
        key = (d, v.name)
        if key in s.dels: s.withdraw(d, v)                  # BeforeDelegationSharesModified
        else: s.increment_period(v); s.dels[key] = 0        # BeforeDelegationCreated
        issued = v.add_tokens(amt); s.dels[key] += issued
        s.init_delegation(d, v)                             # AfterDelegationModified
        return issued
    def unbond(s, d, v, sh):
        s.withdraw(d, v)
        s.dels[(d, v.name)] -= sh
        if s.dels[(d, v.name)] != 0: s.init_delegation(d, v)
        else: del s.dels[(d, v.name)]
        return v.remove_shares(sh)
    # -- distribution BeginBlock ---------------------------------------------------
    def allocate(s, fees, votes):          # votes: list of (validator, power)
        total = sum(p for _, p in votes)
        fees_dec = dec(fees); s.dist_account += fees
        if total == 0: s.community += fees_dec; return []
        fee_mult = mul_trunc(fees_dec, P - s.tax) if (P - s.tax) else 0
        remaining = fees_dec; out = []
        for v, p in votes:
            frac = quo_trunc(dec(p), dec(total))
            reward = mul_trunc(fee_mult, frac) if frac else 0
            com = mul(reward, v.rate)
            v.commission += com; v.current += reward - com; v.outstanding += reward
            remaining -= reward; out.append((v.name, p, frac, reward, com, reward - com))
        s.community += remaining
        return out
    # -- staking slash (x/staking keeper.Slash, no unbonding entries / redelegations) --
    def slash(s, v, vote_power, fraction, ubd_slashed=0):
        amount = trunc(mul(dec(vote_power * POWER_REDUCTION), from_str(fraction)))
        to_burn = max(min(amount - ubd_slashed, v.tokens), 0)
        eff = quo_roundup(dec(to_burn), dec(v.tokens))
        if eff > P: eff = P
        p = s.increment_period(v); s._incref(v, p)          # BeforeValidatorSlashed
        s.slashes.setdefault(v.name, []).append((s.height, p, eff))
        v.tokens -= to_burn
        return amount, to_burn, eff

# ---------------------------------------------------------------- gov tally
def tally(validators, delegations, votes, total_bonded, quorum, threshold, veto):
    """validators: {name: (bonded_tokens, shares)}; delegations: {voter: [(val, shares)]};
    votes: {voter: [(option, weight_str)]}; a validator votes as voter == its name."""
    res = {'yes': 0, 'abstain': 0, 'no': 0, 'veto': 0}; total = 0
    deductions = {n: 0 for n in validators}
    for voter, opts in votes.items():
        for val, sh in delegations.get(voter, []):
            if val not in validators: continue
            tok, vsh = validators[val]
            deductions[val] += sh
            vp = quo(mul_int(sh, tok), vsh)
            for o, w in opts: res[o] += mul(vp, from_str(w))
            total += vp
    for val, (tok, vsh) in validators.items():
        if val not in votes: continue
        vp = quo(mul_int(vsh - deductions[val], tok), vsh)
        for o, w in votes[val]: res[o] += mul(vp, from_str(w))
        total += vp
    counts = {k: trunc(x) for k, x in res.items()}
    pct = quo(total, dec(total_bonded))
    if pct < from_str(quorum): return 'rejected (no quorum)', counts, pct, None, None
    if total - res['abstain'] == 0: return 'rejected (all abstain)', counts, pct, None, None
    vfrac = quo(res['veto'], total)
    if vfrac > from_str(veto): return 'rejected (veto, burn)', counts, pct, vfrac, None
    yfrac = quo(res['yes'], total - res['abstain'])
    return ('passed' if yfrac > from_str(threshold) else 'rejected'), counts, pct, vfrac, yfrac

# ---------------------------------------------------------------- slashing liveness
def liveness(window, min_signed, start_height, first_missed_height, max_height):
    """Validator signs every block before first_missed_height and misses every block from it on.
    Returns the height at which it is slashed+jailed and the counter then."""
    min_signed_blocks = _rhe(from_str(min_signed) * window, P)   # MulInt64(window).RoundInt64()
    max_missed = window - min_signed_blocks
    bits = {}; offset = 0; counter = 0
    for h in range(2, max_height + 1):        # height 1 has no last commit
        missed = h - 1 >= first_missed_height  # vote in block h is about block h-1
        idx = offset % window; offset += 1
        prev = bits.get(idx, False)
        if not prev and missed: bits[idx] = True; counter += 1
        elif prev and not missed: bits[idx] = False; counter -= 1
        if h > start_height + window and counter > max_missed:
            return h, counter, max_missed
    return None, counter, max_missed
