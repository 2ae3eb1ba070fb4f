/**
 * Go's `time.Duration.String()` for nanosecond counts, as the reference prints a duration in its
 * messages (e.g. "downtime jail duration must be positive: -1s", "6h0m0s"): hours, minutes and seconds
 * with the fraction's trailing zeros cut; below one second the largest of ms, µs and ns that fits.
 */
const SECOND = 1_000_000_000n;

/** The decimal text of v / 10^prec without trailing zeros (and without the point when whole). */
function withFraction(v: bigint, prec: number): string {
  const scale = 10n ** BigInt(prec);
  const whole = v / scale;
  const frac = (v % scale).toString().padStart(prec, "0").replace(/0+$/, "");
  return frac === "" ? whole.toString() : `${whole}.${frac}`;
}

export function formatGoDuration(nanos: bigint): string {
  const negative = nanos < 0n;
  const u = negative ? -nanos : nanos;
  let text: string;
  if (u === 0n) return "0s";
  if (u < SECOND) {
    if (u < 1_000n) text = `${u}ns`;
    else if (u < 1_000_000n) text = `${withFraction(u, 3)}µs`;
    else text = `${withFraction(u, 6)}ms`;
  } else {
    const seconds = withFraction(u % (60n * SECOND), 9);
    const minutes = u / (60n * SECOND);
    if (minutes === 0n) text = `${seconds}s`;
    else if (minutes < 60n) text = `${minutes}m${seconds}s`;
    else text = `${minutes / 60n}h${minutes % 60n}m${seconds}s`;
  }
  return negative ? `-${text}` : text;
}
