/**
 * `sdkmath.Int` (cosmossdk.io/math v1.3.0) is a plain `bigint` here, plus the SDK's 256-bit range
 * check: every Int arithmetic result with `BitLen() > 256` panics in Go ("integer overflow" for
 * Add/Sub/Mul, "NewIntFromBigInt() out of bound" for conversions). The valid range is therefore
 * −(2^256 − 1) … 2^256 − 1.
 */
import { bitLength, goParseBigInt } from "./goBigInt.js";

export const MAX_INT_BITS = 256;
const INT_LIMIT = 1n << 256n; // |x| must stay below this

/** An Int result left the SDK's 256-bit range (Go panics; a tx fails). */
export class IntOverflowError extends RangeError {
  override readonly name = "IntOverflowError";
}

/** A string is not an Int under the rule the parser implements. */
export class IntParseError extends Error {
  override readonly name = "IntParseError";
}

/** Returns `x` unchanged if it fits the SDK Int range; `op` names the operation for the message. */
export function checkInt(x: bigint, op: string): bigint {
  if (x >= INT_LIMIT || x <= -INT_LIMIT) {
    throw new IntOverflowError(`${op}: integer overflow (${bitLength(x)} bits, max ${MAX_INT_BITS})`);
  }
  return x;
}

/**
 * Strict decimal Int text: `-?[0-9]+`, within 256 bits. Use it where this port defines the
 * format (CLI arguments, config). Throws IntParseError.
 */
export function parseIntStrict(s: string): bigint {
  if (!/^-?[0-9]+$/.test(s)) throw new IntParseError(`parseIntStrict: not a decimal integer: ${JSON.stringify(s)}`);
  const v = BigInt(s);
  if (v >= INT_LIMIT || v <= -INT_LIMIT) {
    throw new IntParseError(`parseIntStrict: integer out of range (${bitLength(v)} bits, max ${MAX_INT_BITS}): ${s}`);
  }
  return v;
}

/** A decimal with no sign, no leading zero (Go would read "0…" as octal), at most 78 digits. */
const CANONICAL_DECIMAL = /^(?:0|[1-9][0-9]{0,77})$/;

/**
 * Exactly what the reference accepts for a `cosmos.Int` field (proto binary, amino/proto JSON
 * after unquoting) and for `NewIntFromString`: Go `SetString(s, 0)` — optional sign, `0x`/`0o`/`0b`
 * prefixes, a leading `0` meaning octal, `_` separators — then the 256-bit check. So `"0x10"` is 16
 * and `"010"` is 8, as in Go. Throws IntParseError.
 */
export function parseIntSdk(s: string): bigint {
  // Fast path for canonical decimal text (what the chain itself writes): same result as Go's parser.
  if (CANONICAL_DECIMAL.test(s)) {
    const d = BigInt(s);
    if (d < INT_LIMIT) return d;
  }
  const v = goParseBigInt(s, 0);
  if (v === undefined) throw new IntParseError(`parseIntSdk: cannot parse ${JSON.stringify(s)} as an integer`);
  if (v >= INT_LIMIT || v <= -INT_LIMIT) {
    throw new IntParseError(`parseIntSdk: integer out of range: ${s}`);
  }
  return v;
}

/**
 * gogoproto's unmarshalling of a `cosmos.Int` proto field inside a tx (a coin amount): "" (absent)
 * leaves a nil Int, returned as undefined; other text is read as `parseIntSdk` reads it. Throws
 * IntParseError with the reference's error texts, which reach tx logs.
 */
export function unmarshalIntText(text: string): bigint | undefined {
  if (text === "") return undefined;
  const v = goParseBigInt(text, 0);
  if (v === undefined) throw new IntParseError(`math/big: cannot unmarshal ${JSON.stringify(text)} into a *big.Int`);
  const bits = bitLength(v);
  if (bits > MAX_INT_BITS) throw new IntParseError(`integer out of range; got: ${bits}, max: ${MAX_INT_BITS}`);
  return v;
}
