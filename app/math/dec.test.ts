import { describe, it, expect } from "vitest";
import { Dec, DecOverflowError, DecParseError, DivisionByZeroError, MAX_DEC_BIT_LEN } from "./dec.js";
import { IntOverflowError } from "./int.js";
import * as V from "./dec.vectors.js";

const raw = (s: string): Dec => Dec.fromRaw(BigInt(s));
const E18 = 10n ** 18n;
const LIMIT = 1n << 315n;

function expectFailure(f: () => unknown, kind: V.Failure | undefined): void {
  if (kind === "divzero") expect(f).toThrow(DivisionByZeroError);
  else if (kind === "overflow") expect(f).toThrow(DecOverflowError);
  else expect(f).toThrow();
}

describe("Dec vectors from cosmossdk.io/math v1.3.0", () => {
  it.each(V.PARSE)("$name", ({ input, want }) => {
    if (want === null) expect(() => Dec.parse(input)).toThrow(DecParseError);
    else expect(Dec.parse(input).raw).toBe(BigInt(want));
  });
  it.each(V.PROTO)("$name", ({ input, want }) => {
    if (want === null) expect(() => Dec.fromProtoString(input)).toThrow(DecParseError);
    else expect(Dec.fromProtoString(input).raw).toBe(want === "nil" ? 0n : BigInt(want));
  });
  const binary: ReadonlyArray<[string, readonly V.BinRow[], (a: Dec, b: Dec) => Dec]> = [
    ["add", V.ADD, (a, b) => a.add(b)],
    ["sub", V.SUB, (a, b) => a.sub(b)],
    ["mul", V.MUL, (a, b) => a.mul(b)],
    ["mulTruncate", V.MUL_TRUNCATE, (a, b) => a.mulTruncate(b)],
    ["quo", V.QUO, (a, b) => a.quo(b)],
    ["quoTruncate", V.QUO_TRUNCATE, (a, b) => a.quoTruncate(b)],
  ];
  describe.each(binary)("%s", (_op, rows, f) => {
    it.each(rows)("$name", ({ a, b, want, fails }) => {
      if (want === null) expectFailure(() => f(raw(a), raw(b)), fails);
      else expect(f(raw(a), raw(b)).raw).toBe(BigInt(want));
    });
  });
  it.each(V.MUL_INT)("$name", ({ a, b, want, fails }) => {
    if (want === null) expectFailure(() => raw(a).mulInt(BigInt(b)), fails);
    else expect(raw(a).mulInt(BigInt(b)).raw).toBe(BigInt(want));
  });
  it.each(V.QUO_INT)("$name", ({ a, b, want, fails }) => {
    if (want === null) expectFailure(() => raw(a).quoInt(BigInt(b)), fails);
    else expect(raw(a).quoInt(BigInt(b)).raw).toBe(BigInt(want));
  });
  it.each(V.TRUNCATE_INT)("$name", ({ a, want }) => {
    expect(raw(a).truncateInt()).toBe(BigInt(want ?? "x"));
  });
  it.each(V.ROUND_INT)("$name", ({ a, want }) => {
    expect(raw(a).roundInt()).toBe(BigInt(want ?? "x"));
  });
  it.each(V.CEIL)("$name", ({ a, want, fails }) => {
    if (want === null) expectFailure(() => raw(a).ceil(), fails);
    else expect(raw(a).ceil().raw).toBe(BigInt(want));
  });
  it.each(V.TO_STRING)("$name", ({ a, want }) => {
    expect(raw(a).toString()).toBe(want);
  });
});

// Hand-computed: the dropped 18 digits are exactly one half, so the kept digit decides.
describe("half-even ties", () => {
  const TIES = [
    { name: "mul 0.000000000000000001 × 0.5 → 0 (0 is even)", a: 1n, b: 5n * 10n ** 17n, want: 0n },
    { name: "mul 0.000000000000000003 × 0.5 → 0.000000000000000002 (1 is odd)", a: 3n, b: 5n * 10n ** 17n, want: 2n },
    { name: "mul 0.000000000000000005 × 0.5 → 0.000000000000000002 (2 is even)", a: 5n, b: 5n * 10n ** 17n, want: 2n },
    { name: "mul −0.000000000000000003 × 0.5 → −0.000000000000000002", a: -3n, b: 5n * 10n ** 17n, want: -2n },
    { name: "mul −0.000000000000000001 × 0.5 → 0", a: -1n, b: 5n * 10n ** 17n, want: 0n },
    { name: "mul −0.000000000000000005 × −0.5 → 0.000000000000000002", a: -5n, b: -5n * 10n ** 17n, want: 2n },
  ] as const;
  it.each(TIES)("$name", ({ a, b, want }) => {
    expect(Dec.fromRaw(a).mul(Dec.fromRaw(b)).raw).toBe(want);
  });

  const QUO_TIES = [
    { name: "quo 0.000000000000000001 / 2 → 0", a: 1n, b: 2n * E18, want: 0n },
    { name: "quo 0.000000000000000003 / 2 → 0.000000000000000002", a: 3n, b: 2n * E18, want: 2n },
    { name: "quo −0.000000000000000003 / 2 → −0.000000000000000002", a: -3n, b: 2n * E18, want: -2n },
    { name: "quo 0.000000000000000005 / −2 → −0.000000000000000002", a: 5n, b: -2n * E18, want: -2n },
    // trunc(1e36 / (2e18−1)) = 500000000000000000 exactly at 18 digits: a tie after truncation, so it rounds
    // to 0, although the exact quotient 0.50000000000000000025… is above one half (Go agrees: see QUO).
    { name: "quo truncates before rounding: 0.000000000000000001 / 1.999999999999999999 → 0", a: 1n, b: 2n * E18 - 1n, want: 0n },
  ] as const;
  it.each(QUO_TIES)("$name", ({ a, b, want }) => {
    expect(Dec.fromRaw(a).quo(Dec.fromRaw(b)).raw).toBe(want);
  });

  const ROUND = [
    { name: "0.5 → 0", v: "0.5", want: 0n }, { name: "1.5 → 2", v: "1.5", want: 2n },
    { name: "2.5 → 2", v: "2.5", want: 2n }, { name: "−0.5 → 0", v: "-0.5", want: 0n },
    { name: "−1.5 → −2", v: "-1.5", want: -2n }, { name: "−2.5 → −2", v: "-2.5", want: -2n },
    { name: "2.500000000000000001 → 3", v: "2.500000000000000001", want: 3n },
    { name: "−2.499999999999999999 → −2", v: "-2.499999999999999999", want: -2n },
  ] as const;
  it.each(ROUND)("roundInt $name", ({ v, want }) => {
    expect(Dec.parse(v).roundInt()).toBe(want);
  });
});

describe("negative values and truncation", () => {
  it("truncateInt goes toward zero", () => {
    expect(Dec.parse("-1.9").truncateInt()).toBe(-1n);
    expect(Dec.parse("1.9").truncateInt()).toBe(1n);
    expect(Dec.parse("-0.000000000000000001").truncateInt()).toBe(0n);
  });
  it("ceil of negatives goes toward zero, of positives up", () => {
    expect(Dec.parse("-1.9").ceil().toString()).toBe("-1.000000000000000000");
    expect(Dec.parse("1.1").ceil().toString()).toBe("2.000000000000000000");
    expect(Dec.parse("3").ceil().toString()).toBe("3.000000000000000000");
  });
  it("quoTruncate and mulTruncate go toward zero", () => {
    expect(Dec.parse("-1").quoTruncate(Dec.parse("3")).toString()).toBe("-0.333333333333333333");
    expect(Dec.parse("-2").quo(Dec.parse("3")).toString()).toBe("-0.666666666666666667");
    expect(Dec.parse("-2").quoTruncate(Dec.parse("3")).toString()).toBe("-0.666666666666666666");
    expect(Dec.fromRaw(-3n).mulTruncate(Dec.parse("0.5")).raw).toBe(-1n);
  });
  it("quoRoundUp rounds a positive quotient up and a negative one toward zero (spec-staking §0.1, TV4's effective fraction)", () => {
    expect(Dec.parse("2").quoRoundUp(Dec.parse("3")).toString()).toBe("0.666666666666666667");
    expect(Dec.parse("1").quoRoundUp(Dec.parse("3")).toString()).toBe("0.333333333333333334");
    expect(Dec.parse("-1").quoRoundUp(Dec.parse("3")).toString()).toBe("-0.333333333333333333");
    expect(Dec.parse("1").quoRoundUp(Dec.parse("4")).toString()).toBe("0.250000000000000000");
    expect(Dec.fromInt(19_900_000_000_000_000n).quoRoundUp(Dec.fromInt(99_500_000_000_000_000_123n)).toString()).toBe("0.000200000000000000");
    expect(() => Dec.ONE.quoRoundUp(Dec.ZERO)).toThrow(/division by zero/);
  });
  it("quoInt truncates toward zero", () => {
    expect(Dec.fromRaw(-7n).quoInt(2n).raw).toBe(-3n);
    expect(Dec.fromRaw(7n).quoInt(-2n).raw).toBe(-3n);
  });
  it("neg, abs, sign predicates and comparisons", () => {
    const m = Dec.parse("-0.02");
    expect(m.isNegative() && !m.isPositive() && !m.isZero()).toBe(true);
    expect(m.neg().toString()).toBe("0.020000000000000000");
    expect(m.abs().equals(m.neg())).toBe(true);
    expect(Dec.ZERO.neg().isZero()).toBe(true);
    expect(m.cmp(Dec.ZERO)).toBe(-1);
    expect(Dec.ZERO.cmp(m)).toBe(1);
    expect(m.cmp(Dec.parse("-0.020"))).toBe(0);
    expect(m.lt(Dec.ZERO) && m.lte(m) && Dec.ONE.gt(m) && m.gte(m)).toBe(true);
  });
});

describe("zero, division by zero, overflow", () => {
  it("zero operands", () => {
    expect(Dec.ZERO.mul(Dec.parse("123.4")).isZero()).toBe(true);
    expect(Dec.ZERO.quo(Dec.parse("7")).isZero()).toBe(true);
    expect(Dec.ZERO.toString()).toBe("0.000000000000000000");
    expect(Dec.ZERO.toProtoString()).toBe("0");
  });
  it.each([
    { name: "quo", f: () => Dec.ONE.quo(Dec.ZERO) },
    { name: "quoTruncate", f: () => Dec.ONE.quoTruncate(Dec.ZERO) },
    { name: "quoInt", f: () => Dec.ONE.quoInt(0n) },
    { name: "zero by zero", f: () => Dec.ZERO.quo(Dec.ZERO) },
  ])("division by zero in $name throws DivisionByZeroError naming the function", ({ name, f }) => {
    expect(f).toThrow(DivisionByZeroError);
    expect(f).toThrow(new RegExp(`Dec\\.${name === "zero by zero" ? "quo" : name}`));
  });
  it("the 315-bit limit is exact", () => {
    expect(MAX_DEC_BIT_LEN).toBe(315);
    expect(Dec.fromRaw(LIMIT - 1n).raw).toBe(LIMIT - 1n);
    expect(Dec.fromRaw(-(LIMIT - 1n)).raw).toBe(-(LIMIT - 1n));
    expect(() => Dec.fromRaw(LIMIT)).toThrow(DecOverflowError);
    expect(() => Dec.fromRaw(-LIMIT)).toThrow(DecOverflowError);
    expect(() => Dec.fromRaw(LIMIT - 1n).add(Dec.fromRaw(1n))).toThrow(/Dec\.add: Int overflow/);
    expect(() => Dec.fromRaw(-(LIMIT - 1n)).sub(Dec.fromRaw(1n))).toThrow(DecOverflowError);
    expect(() => Dec.fromRaw(1n << 200n).mul(Dec.fromRaw(1n << 200n))).toThrow(DecOverflowError);
    expect(() => Dec.fromRaw(1n << 300n).quo(Dec.fromRaw(1n))).toThrow(DecOverflowError);
    expect(() => Dec.fromRaw(1n << 300n).mulInt(1n << 20n)).toThrow(DecOverflowError);
  });
  it("fromInt checks the 256-bit Int range but, like Go, not the Dec range", () => {
    const maxInt = (1n << 256n) - 1n;
    expect(Dec.fromInt(maxInt).raw).toBe(maxInt * E18);
    expect(() => Dec.fromInt(1n << 256n)).toThrow(IntOverflowError);
    expect(() => Dec.fromInt(maxInt).add(Dec.ZERO)).toThrow(DecOverflowError);
  });
});

describe("string forms", () => {
  const FORMS = [
    { name: "one million", v: Dec.fromInt(1_000_000n), json: "1000000.000000000000000000", proto: "1000000000000000000000000" },
    { name: "community tax 0.02", v: Dec.parse("0.02"), json: "0.020000000000000000", proto: "20000000000000000" },
    { name: "−0.02", v: Dec.parse("-0.02"), json: "-0.020000000000000000", proto: "-20000000000000000" },
    { name: "smallest", v: Dec.fromRaw(1n), json: "0.000000000000000001", proto: "1" },
    { name: "−smallest", v: Dec.fromRaw(-1n), json: "-0.000000000000000001", proto: "-1" },
    { name: "0.5", v: Dec.parse("0.5"), json: "0.500000000000000000", proto: "500000000000000000" },
  ];
  it.each(FORMS)("$name", ({ v, json, proto }) => {
    expect(v.toString()).toBe(json);
    expect(JSON.stringify({ d: v })).toBe(`{"d":"${json}"}`);
    expect(v.toProtoString()).toBe(proto);
    expect(Dec.parse(json).equals(v)).toBe(true);
    expect(Dec.fromProtoString(proto).equals(v)).toBe(true);
  });
  it("constants", () => {
    expect(Dec.PRECISION).toBe(18);
    expect(Dec.ONE.raw).toBe(E18);
    expect(Dec.ZERO.raw).toBe(0n);
    expect(Dec.fromInt(-3n).isInteger() && !Dec.parse("0.1").isInteger()).toBe(true);
    expect(Dec.parse("-3.7").truncateDec().toString()).toBe("-3.000000000000000000");
  });
});
