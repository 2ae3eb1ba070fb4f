/**
 * `sdkmath.LegacyDec` (cosmossdk.io/math v1.3.0): a signed integer `raw` = value × 10^18.
 * Arithmetic follows spec-pot §0/§5.1 bit for bit:
 *  - add/sub exact; mul = roundHalfEven(a·b / 10^18); quo = roundHalfEven(trunc(a·10^36 / b) / 10^18);
 *  - every result whose |raw| needs more than 315 bits (256 Int bits + 59 "truncate bits") makes Go
 *    panic with "Int overflow" — here a DecOverflowError;
 *  - division by zero panics in Go — here a DivisionByZeroError.
 * Instances are immutable.
 */
import { bitLength, goParseBigInt } from "./goBigInt.js";
import { checkInt } from "./int.js";

const PRECISION = 18;
const SCALE = 10n ** 18n;
const SCALE_SQUARED = SCALE * SCALE;
const HALF_SCALE = SCALE / 2n;
/** LegacyDec limit: |raw| must have at most MAX_DEC_BIT_LEN bits. */
export const MAX_DEC_BIT_LEN = 315;
const DEC_LIMIT = 1n << 315n;

/** Division by a zero Dec or Int (Go runtime panic in the reference). */
export class DivisionByZeroError extends RangeError {
  override readonly name = "DivisionByZeroError";
}
/** A Dec result outside the 315-bit range (Go panics "Int overflow"). */
export class DecOverflowError extends RangeError {
  override readonly name = "DecOverflowError";
}
/** Text that `LegacyNewDecFromStr` (or the proto decoder) rejects. */
export class DecParseError extends Error {
  override readonly name = "DecParseError";
}

/** Round x / d half to even, sign-symmetric (Go `chopPrecisionAndRound` for d = 10^18). */
function roundHalfEven(x: bigint): bigint {
  const negative = x < 0n;
  const n = negative ? -x : x;
  let q = n / SCALE;
  const r = n - q * SCALE;
  if (r > HALF_SCALE || (r === HALF_SCALE && (q & 1n) === 1n)) q += 1n;
  return negative ? -q : q;
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

export class Dec {
  static readonly PRECISION = PRECISION;
  static readonly ZERO: Dec = new Dec(0n);
  static readonly ONE: Dec = new Dec(SCALE);

  private constructor(readonly raw: bigint) {}

  /** Wraps an operation result, enforcing the range check Go applies after each operation. */
  private static checked(raw: bigint, op: string): Dec {
    if (raw >= DEC_LIMIT || raw <= -DEC_LIMIT) {
      throw new DecOverflowError(`${op}: Int overflow (result needs ${bitLength(raw)} bits, max ${MAX_DEC_BIT_LEN})`);
    }
    return new Dec(raw);
  }

  /** From the scaled integer (value × 10^18); throws DecOverflowError beyond 315 bits. */
  static fromRaw(raw: bigint): Dec {
    return Dec.checked(raw, "Dec.fromRaw");
  }

  /**
   * Exact Int → Dec (`LegacyNewDecFromInt`). The Int must fit 256 bits (IntOverflowError otherwise);
   * like Go, the product is not checked against the Dec limit — the next operation on it is.
   */
  static fromInt(n: bigint): Dec {
    return new Dec(checkInt(n, "Dec.fromInt") * SCALE);
  }

  /**
   * `LegacyNewDecFromStr`: `[-][digits][.digits]`, at most 18 decimals, within 315 bits. Go quirks
   * kept: after the `-` the integer part is handed to `big.Int.SetString(…, 10)`, which accepts one
   * more sign, so `"+1.5"` is 1.5, `"--1"` is +1 and `"+"` is 0; `".5"`, `"5."` and `""` are errors.
   */
  static parse(s: string): Dec {
    let str = s;
    let negative = false;
    if (str.startsWith("-")) { negative = true; str = str.slice(1); }
    if (str.length === 0) throw new DecParseError(`Dec.parse: decimal string cannot be empty: ${JSON.stringify(s)}`);
    const parts = str.split(".");
    let decimals = 0;
    let combined = parts[0] ?? "";
    if (parts.length === 2) {
      const frac = parts[1] ?? "";
      decimals = utf8Length(frac);
      if (decimals === 0 || combined.length === 0) throw new DecParseError(`Dec.parse: invalid decimal length: ${JSON.stringify(s)}`);
      combined += frac;
    } else if (parts.length > 2) {
      throw new DecParseError(`Dec.parse: invalid decimal string: ${JSON.stringify(s)}`);
    }
    if (decimals > PRECISION) {
      throw new DecParseError(`Dec.parse: value '${str}' exceeds max precision by ${PRECISION - decimals} decimal places: max precision ${PRECISION}`);
    }
    const raw = goParseBigInt(combined + "0".repeat(PRECISION - decimals), 10);
    if (raw === undefined) throw new DecParseError(`Dec.parse: failed to set decimal string with base 10: ${JSON.stringify(s)}`);
    if (raw >= DEC_LIMIT || raw <= -DEC_LIMIT) {
      throw new DecParseError(`Dec.parse: decimal '${str}' out of range; bitLen: got ${bitLength(raw)}, max ${MAX_DEC_BIT_LEN}`);
    }
    return new Dec(negative ? -raw : raw);
  }

  /**
   * Binary-proto form (gogoproto customtype `Unmarshal`): Go `UnmarshalText` (base-0 big.Int text,
   * so `"0x10"` is raw 16) plus the 315-bit check. Go leaves an empty field as a nil Dec whose use
   * panics; R (spec-pot §0): decode it as zero.
   */
  static fromProtoString(s: string): Dec {
    if (s.length === 0) return Dec.ZERO;
    const raw = goParseBigInt(s, 0);
    if (raw === undefined) throw new DecParseError(`Dec.fromProtoString: cannot unmarshal ${JSON.stringify(s)}`);
    if (raw >= DEC_LIMIT || raw <= -DEC_LIMIT) {
      throw new DecParseError(`Dec.fromProtoString: decimal out of range; got: ${bitLength(raw)}, max: ${MAX_DEC_BIT_LEN}`);
    }
    return new Dec(raw);
  }

  add(o: Dec): Dec { return Dec.checked(this.raw + o.raw, "Dec.add"); }
  sub(o: Dec): Dec { return Dec.checked(this.raw - o.raw, "Dec.sub"); }

  /** Half-even rounding of the 36-decimal product to 18 decimals. */
  mul(o: Dec): Dec { return Dec.checked(roundHalfEven(this.raw * o.raw), "Dec.mul"); }

  /** Product truncated toward zero at 18 decimals (SDK MulTruncate). */
  mulTruncate(o: Dec): Dec { return Dec.checked((this.raw * o.raw) / SCALE, "Dec.mulTruncate"); }

  /** Truncating big-int division of raw·10^36 by o.raw, then half-even rounding of 18 digits. */
  quo(o: Dec): Dec {
    if (o.raw === 0n) throw new DivisionByZeroError(`Dec.quo: division by zero (${this.toString()} / 0)`);
    return Dec.checked(roundHalfEven((this.raw * SCALE_SQUARED) / o.raw), "Dec.quo");
  }

  /** Like quo, but the last 18 digits are truncated toward zero (SDK QuoTruncate). */
  quoTruncate(o: Dec): Dec {
    if (o.raw === 0n) throw new DivisionByZeroError(`Dec.quoTruncate: division by zero (${this.toString()} / 0)`);
    return Dec.checked((this.raw * SCALE_SQUARED) / o.raw / SCALE, "Dec.quoTruncate");
  }

  /**
   * Like quo, but the last 18 digits are rounded up, away from zero for a positive quotient and toward
   * zero for a negative one (SDK QuoRoundUp's `chopPrecisionAndRoundUp`).
   */
  quoRoundUp(o: Dec): Dec {
    if (o.raw === 0n) throw new DivisionByZeroError(`Dec.quoRoundUp: division by zero (${this.toString()} / 0)`);
    const q = (this.raw * SCALE_SQUARED) / o.raw;
    if (q < 0n) return Dec.checked(q / SCALE, "Dec.quoRoundUp");
    const chopped = q / SCALE;
    return Dec.checked(q % SCALE === 0n ? chopped : chopped + 1n, "Dec.quoRoundUp");
  }

  /** Exact product with an Int (SDK MulInt). */
  mulInt(n: bigint): Dec { return Dec.checked(this.raw * n, "Dec.mulInt"); }

  /** raw / n truncated toward zero (SDK QuoInt / QuoInt64; no rounding, no range check needed). */
  quoInt(n: bigint): Dec {
    if (n === 0n) throw new DivisionByZeroError(`Dec.quoInt: division by zero (${this.toString()} / 0)`);
    return new Dec(this.raw / n);
  }

  /** Integer part, toward zero (SDK TruncateInt). */
  truncateInt(): bigint { return checkInt(this.raw / SCALE, "Dec.truncateInt"); }

  /** Nearest integer, ties to even (SDK RoundInt). */
  roundInt(): bigint { return checkInt(roundHalfEven(this.raw), "Dec.roundInt"); }

  /**
   * Smallest integral Dec ≥ this (SDK Ceil). Go panics when rounding up a value whose raw already has
   * 315 bits, even if the result would fit; kept.
   */
  ceil(): Dec {
    const q = this.raw / SCALE;
    const r = this.raw - q * SCALE;
    if (r <= 0n) return new Dec(q * SCALE);
    if (bitLength(this.raw) >= MAX_DEC_BIT_LEN) throw new DecOverflowError(`Dec.ceil: Int overflow (${this.toString()})`);
    return new Dec((q + 1n) * SCALE);
  }

  /** Integer part as a Dec, toward zero (SDK TruncateDec). */
  truncateDec(): Dec { return new Dec((this.raw / SCALE) * SCALE); }

  neg(): Dec { return new Dec(-this.raw); }
  abs(): Dec { return this.raw < 0n ? new Dec(-this.raw) : this; }

  isZero(): boolean { return this.raw === 0n; }
  isNegative(): boolean { return this.raw < 0n; }
  isPositive(): boolean { return this.raw > 0n; }
  isInteger(): boolean { return this.raw % SCALE === 0n; }

  cmp(o: Dec): -1 | 0 | 1 { return this.raw < o.raw ? -1 : this.raw > o.raw ? 1 : 0; }
  equals(o: Dec): boolean { return this.raw === o.raw; }
  lt(o: Dec): boolean { return this.raw < o.raw; }
  lte(o: Dec): boolean { return this.raw <= o.raw; }
  gt(o: Dec): boolean { return this.raw > o.raw; }
  gte(o: Dec): boolean { return this.raw >= o.raw; }

  /** SDK String() and proto-JSON form: always 18 decimals, e.g. "-0.020000000000000000". */
  toString(): string {
    const negative = this.raw < 0n;
    const digits = (negative ? -this.raw : this.raw).toString().padStart(PRECISION + 1, "0");
    const cut = digits.length - PRECISION;
    return `${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }

  /** JSON.stringify gives the proto-JSON string. */
  toJSON(): string { return this.toString(); }

  /** Binary-proto form: the raw integer in decimal ("20000000000000000" for 0.02). */
  toProtoString(): string { return this.raw.toString(); }
}
