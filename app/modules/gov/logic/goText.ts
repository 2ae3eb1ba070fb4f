/**
 * Go text forms that reach gov's logs and error texts: `time.Duration.String()` and the error texts
 * of `LegacyNewDecFromStr` (cosmossdk.io/math), which this port's Dec.parse words its own way.
 */
import { Dec, DecParseError } from "../../../math/dec.js";

const UNITS: ReadonlyArray<readonly [string, bigint]> = [["h", 3_600_000_000_000n], ["m", 60_000_000_000n]];

/** Go `time.Duration.String()`: "1h0m0s", "1.5s", "300ms", "0s", "-2m3s". */
export function goDurationString(nanos: bigint): string {
  if (nanos === 0n) return "0s";
  const sign = nanos < 0n ? "-" : "";
  let n = nanos < 0n ? -nanos : nanos;
  if (n < 1_000_000_000n) {
    // Sub-second durations use the largest unit that keeps an integer part: ns, µs or ms.
    const [unit, scale] = n < 1_000n ? ["ns", 1n] : n < 1_000_000n ? ["µs", 1_000n] : ["ms", 1_000_000n];
    return `${sign}${fraction(n, scale)}${unit}`;
  }
  let out = "";
  for (const [unit, size] of UNITS) {
    if (n >= size || out !== "") {
      out += `${n / size}${unit}`;
      n %= size;
    }
  }
  return `${sign}${out}${fraction(n, 1_000_000_000n)}s`;
}

/** `whole[.frac]` of n / scale with trailing zeros of the fraction removed (Go's fmtFrac). */
function fraction(n: bigint, scale: bigint): string {
  const whole = n / scale;
  const rest = n % scale;
  if (rest === 0n) return whole.toString();
  const digits = scale.toString().length - 1;
  return `${whole}.${rest.toString().padStart(digits, "0").replace(/0+$/, "")}`;
}

/** `LegacyNewDecFromStr(text)`: the Dec, or the reference's error text. */
export function parseDecGo(text: string): { readonly dec: Dec } | { readonly error: string } {
  try {
    return { dec: Dec.parse(text) };
  } catch (e) {
    if (!(e instanceof DecParseError)) throw e;
    return { error: goDecErrorText(text, e.message) };
  }
}

function goDecErrorText(text: string, ours: string): string {
  if (ours.includes("cannot be empty")) return "decimal string cannot be empty";
  if (ours.includes("invalid decimal length")) return "invalid decimal length";
  if (ours.includes("invalid decimal string")) return "invalid decimal string";
  if (ours.includes("failed to set decimal string")) {
    const unsigned = text.startsWith("-") ? text.slice(1) : text;
    const [int = "", frac = ""] = unsigned.split(".");
    return `failed to set decimal string with base 10: ${int}${frac}${"0".repeat(Math.max(0, 18 - frac.length))}`;
  }
  return ours.replace(/^Dec\.parse: /, "");
}
