/**
 * The pure tally against spec-staking §14 TV5 (every figure copied from the spec's table, produced by
 * its Appendix A model), then the edge cases of §5.5.
 */
import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { type TallyRules, type TallyValidator, type TallyVote, VOTE_OPTION, tallyVotes } from "./tally.js";

const STOS = 10n ** 18n;
const addr = (n: number): Uint8Array => new Uint8Array(20).fill(n);
const V0 = addr(0x10);
const V1 = addr(0x11);
const V2 = addr(0x12);
const D = addr(0x20);

/** TV5: V0 100.5 STOS (operator 99 + D 1.5), V1 99, V2 10; exchange rate 1; bonded pool 209.5 STOS. */
const VALIDATORS: TallyValidator[] = [
  { operator: V0, bondedTokens: 1005n * STOS / 10n, delegatorShares: Dec.fromInt(1005n * STOS / 10n) },
  { operator: V1, bondedTokens: 99n * STOS, delegatorShares: Dec.fromInt(99n * STOS) },
  { operator: V2, bondedTokens: 10n * STOS, delegatorShares: Dec.fromInt(10n * STOS) },
];
const BONDED = 2095n * STOS / 10n;
const DELEGATIONS: Record<string, TallyVote["delegations"]> = {
  V0: [{ validator: V0, shares: Dec.fromInt(99n * STOS) }],
  V1: [{ validator: V1, shares: Dec.fromInt(99n * STOS) }],
  V2: [{ validator: V2, shares: Dec.fromInt(10n * STOS) }],
  D: [{ validator: V0, shares: Dec.fromInt(15n * STOS / 10n) }],
};
const VOTERS: Record<string, Uint8Array> = { V0, V1, V2, D };

/** Mainnet rules (spec-staking §0.7). */
const MAINNET: TallyRules = {
  quorum: Dec.parse("0.334"), threshold: Dec.parse("0.5"), vetoThreshold: Dec.parse("0.334"), burnVoteQuorum: false, burnVoteVeto: true,
};

type Option = keyof typeof VOTE_OPTION;
const vote = (who: string, ...options: Array<[Option, string]>): TallyVote => ({
  voter: VOTERS[who]!,
  options: options.map(([o, w]) => ({ option: VOTE_OPTION[o], weight: Dec.parse(w) })),
  delegations: DELEGATIONS[who] ?? [],
});

const TV5 = [
  {
    name: "a: V0 YES, D NO, V1 YES 0.6 / ABSTAIN 0.4",
    votes: [vote("V0", ["yes", "1"]), vote("D", ["no", "1"]), vote("V1", ["yes", "0.6"], ["abstain", "0.4"])],
    counts: { yes: "158400000000000000000", abstain: "39600000000000000000", no: "1500000000000000000", noWithVeto: "0" },
    turnout: "0.952267303102625298", veto: "0.000000000000000000", yes: "0.990619136960600375", passes: true, burn: false,
  },
  {
    name: "b: V0 YES, D NO, V1 NO_WITH_VETO",
    votes: [vote("V0", ["yes", "1"]), vote("D", ["no", "1"]), vote("V1", ["noWithVeto", "1"])],
    counts: { yes: "99000000000000000000", abstain: "0", no: "1500000000000000000", noWithVeto: "99000000000000000000" },
    turnout: "0.952267303102625298", veto: "0.496240601503759398", yes: undefined, passes: false, burn: true,
  },
  {
    name: "c: only D YES",
    votes: [vote("D", ["yes", "1"])],
    counts: { yes: "1500000000000000000", abstain: "0", no: "0", noWithVeto: "0" },
    turnout: "0.007159904534606205", veto: undefined, yes: undefined, passes: false, burn: false,
  },
  {
    name: "d: V0 ABSTAIN, V2 YES",
    votes: [vote("V0", ["abstain", "1"]), vote("V2", ["yes", "1"])],
    counts: { yes: "10000000000000000000", abstain: "100500000000000000000", no: "0", noWithVeto: "0" },
    turnout: "0.527446300715990453", veto: "0.000000000000000000", yes: "1.000000000000000000", passes: true, burn: false,
  },
] as const;

describe("tallyVotes: spec-staking TV5", () => {
  it.each(TV5)("$name", (tv) => {
    const o = tallyVotes(VALIDATORS, tv.votes, BONDED, MAINNET);
    expect({ yes: o.counts.yes.toString(), abstain: o.counts.abstain.toString(), no: o.counts.no.toString(), noWithVeto: o.counts.noWithVeto.toString() }).toEqual(tv.counts);
    expect(o.turnout?.toString()).toBe(tv.turnout);
    expect(o.vetoRatio?.toString()).toBe(tv.veto);
    expect(o.yesRatio?.toString()).toBe(tv.yes);
    expect(o.passes).toBe(tv.passes);
    expect(o.burnDeposits).toBe(tv.burn);
  });

  it("a: D's 1.5 STOS are deducted from V0's inherited vote (V0 votes with 99 STOS)", () => {
    const o = tallyVotes(VALIDATORS, TV5[0].votes, BONDED, MAINNET);
    // yes = 99 (V0's own delegation, voting as a delegator) + 0 (V0's remaining shares) + 0.6 × 99 (V1).
    expect(o.powers.yes.toString()).toBe("158400000000000000000.000000000000000000");
    expect(o.totalVotingPower.toString()).toBe("199500000000000000000.000000000000000000");
  });
});

describe("tallyVotes: edge cases (spec-staking §5.5)", () => {
  it("a validator's vote is inherited by delegators who did not vote", () => {
    // Only V0 votes; D (1.5 STOS delegated to V0) stays silent, so V0 votes with all 100.5 STOS.
    const o = tallyVotes(VALIDATORS, [vote("V0", ["no", "1"])], BONDED, MAINNET);
    expect(o.counts.no).toBe(1005n * STOS / 10n);
    expect(o.totalVotingPower.toString()).toBe("100500000000000000000.000000000000000000");
    expect(o.turnout?.toString()).toBe("0.479713603818615752");
    expect(o.passes).toBe(false);
    expect(o.reason).toBe("threshold not met");
  });

  it("a delegator who votes takes its shares out of its validator's vote", () => {
    const o = tallyVotes(VALIDATORS, [vote("V0", ["no", "1"]), vote("D", ["yes", "1"])], BONDED, MAINNET);
    expect(o.counts.no).toBe(99n * STOS);
    expect(o.counts.yes).toBe(15n * STOS / 10n);
  });

  it("quorum not met: rejected, refunded unless burn_vote_quorum", () => {
    const refunded = tallyVotes(VALIDATORS, [vote("V2", ["yes", "1"])], BONDED, MAINNET);
    expect(refunded).toMatchObject({ passes: false, burnDeposits: false, reason: "quorum not met" });
    expect(refunded.turnout?.toString()).toBe("0.047732696897374702");
    const burned = tallyVotes(VALIDATORS, [vote("V2", ["yes", "1"])], BONDED, { ...MAINNET, burnVoteQuorum: true });
    expect(burned).toMatchObject({ passes: false, burnDeposits: true, reason: "quorum not met" });
  });

  it("abstain only: rejected and refunded, even with a quorum", () => {
    const o = tallyVotes(VALIDATORS, [vote("V0", ["abstain", "1"]), vote("V1", ["abstain", "1"])], BONDED, MAINNET);
    expect(o).toMatchObject({ passes: false, burnDeposits: false, reason: "all abstain" });
    expect(o.counts.abstain).toBe(1995n * STOS / 10n);
    expect(o.vetoRatio).toBeUndefined();
  });

  it("veto above the threshold burns with burn_vote_veto, refunds without", () => {
    const votes = [vote("V0", ["noWithVeto", "1"]), vote("V1", ["yes", "1"])];
    expect(tallyVotes(VALIDATORS, votes, BONDED, MAINNET)).toMatchObject({ passes: false, burnDeposits: true, reason: "veto" });
    expect(tallyVotes(VALIDATORS, votes, BONDED, { ...MAINNET, burnVoteVeto: false })).toMatchObject({ passes: false, burnDeposits: false, reason: "veto" });
  });

  it("comparisons are strict: a yes ratio exactly at the threshold does not pass", () => {
    // V1 (99) and D (1.5) vote YES, V0 votes NO with its remaining 99: yes = 100.5 / 199.5.
    const votes = [vote("V0", ["no", "1"]), vote("V1", ["yes", "1"]), vote("D", ["yes", "1"])];
    const at = tallyVotes(VALIDATORS, votes, BONDED, { ...MAINNET, threshold: Dec.parse("0.503759398496240602") });
    expect(at.yesRatio?.toString()).toBe("0.503759398496240602");
    expect(at.passes).toBe(false);
    const below = tallyVotes(VALIDATORS, votes, BONDED, { ...MAINNET, threshold: Dec.parse("0.503759398496240601") });
    expect(below.passes).toBe(true);
  });

  it("no bonded stake: rejected without burning", () => {
    expect(tallyVotes([], [vote("D", ["yes", "1"])], 0n, MAINNET)).toMatchObject({ passes: false, burnDeposits: false, reason: "no bonded stake" });
  });

  it("delegations to validators outside the bonded set do not count", () => {
    const bondedOnlyV1V2 = VALIDATORS.slice(1);
    const o = tallyVotes(bondedOnlyV1V2, [vote("D", ["yes", "1"]), vote("V1", ["yes", "1"])], 109n * STOS, MAINNET);
    expect(o.counts.yes).toBe(99n * STOS);
    expect(o.totalVotingPower.toString()).toBe("99000000000000000000.000000000000000000");
  });

  it("an exchange rate other than 1 prices shares at Quo(MulInt(shares, tokens), total shares)", () => {
    // 100 shares over 99.999999999999999999 tokens: D's 1.5 shares vote with 1.499999999999999999985 → Dec rounding.
    const v: TallyValidator = { operator: V0, bondedTokens: 99_999_999_999_999_999_999n, delegatorShares: Dec.fromInt(100n * STOS) };
    const o = tallyVotes([v], [vote("D", ["yes", "1"])], 99_999_999_999_999_999_999n, { ...MAINNET, quorum: Dec.ZERO });
    expect(o.powers.yes.toString()).toBe("1499999999999999999.985000000000000000");
    expect(o.counts.yes).toBe(1_499_999_999_999_999_999n);
  });
});
