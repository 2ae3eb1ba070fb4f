/**
 * Go `math/big` text conventions that the SDK's Int and LegacyDec inherit.
 *
 * `(*big.Int).SetString(s, base)` is the parser behind `sdkmath.NewIntFromString` (base 0),
 * `Int`/`LegacyDec` proto and JSON decoding (`UnmarshalText`, base 0) and `LegacyNewDecFromStr`
 * (base 10). Its rules are looser than "decimal digits": an optional `+`/`-` sign, and with base 0
 * the prefixes `0x`/`0o`/`0b`, a bare leading `0` meaning octal, and `_` digit separators. A TS port
 * that decodes those fields must accept exactly the same strings, or a tx the reference executes
 * would be rejected here (or the reverse).
 */

/** Number of bits of |x| (Go `BitLen`): 0 for 0. */
export function bitLength(x: bigint): number {
  const abs = x < 0n ? -x : x;
  return abs === 0n ? 0 : abs.toString(2).length;
}

/** Digit value of one ASCII code unit for bases ≤ 36 (Go accepts both letter cases there). */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61 + 10;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41 + 10;
  return 99;
}

/**
 * `(*big.Int).SetString(s, base)` for base 0 or 10: the value, or `undefined` where Go answers
 * `ok == false`. The whole string must be consumed; whitespace is never skipped.
 */
export function goParseBigInt(s: string, base: 0 | 10): bigint | undefined {
  let pos = 0;
  const at = (i: number): number => (i < s.length ? s.charCodeAt(i) : -1);
  // scanSign: one optional sign; an empty input is an error (EOF).
  if (s.length === 0) return undefined;
  let negative = false;
  if (at(0) === 0x2d) { negative = true; pos = 1; } else if (at(0) === 0x2b) pos = 1;

  let radix: number = base === 0 ? 10 : base;
  let prefix: "" | "0" | "b" | "o" | "x" = "";
  // prev: '.' nothing yet, '0' last was a digit (or the leading 0), '_' last was a separator.
  let prev: "." | "0" | "_" = ".";
  let invalidSeparator = false;
  let count = 0;
  if (base === 0 && at(pos) === 0x30) {
    prev = "0";
    count = 1;
    pos++;
    const c = at(pos);
    if (c !== -1) {
      if (c === 0x62 || c === 0x42) { radix = 2; prefix = "b"; }
      else if (c === 0x6f || c === 0x4f) { radix = 8; prefix = "o"; }
      else if (c === 0x78 || c === 0x58) { radix = 16; prefix = "x"; }
      else { radix = 8; prefix = "0"; }
      count = 0; // the prefix is not counted as a digit
      if (prefix !== "0") pos++;
    }
  }

  let value = 0n;
  const bigRadix = BigInt(radix);
  for (; pos < s.length; pos++) {
    const c = s.charCodeAt(pos);
    if (c === 0x5f && base === 0) {
      if (prev !== "0") invalidSeparator = true;
      prev = "_";
      continue;
    }
    const d = digitValue(c);
    if (d >= radix) break; // not part of the number: the leftover makes SetString fail below
    prev = "0";
    count++;
    value = value * bigRadix + BigInt(d);
  }
  if (invalidSeparator || prev === "_") return undefined;
  if (count === 0 && prefix !== "0") return undefined; // no digits
  if (pos !== s.length) return undefined; // entire content must have been consumed
  return negative ? -value : value;
}
