/**
 * Block times on register's consensus paths, as exact integers: a time is a `bigint` count of
 * nanoseconds since 1970-01-01T00:00:00Z (UTC) and a duration a `bigint` of nanoseconds (Go
 * `time.Duration`). Go `time.Time` arithmetic is exact to the nanosecond, so adding, comparing and
 * formatting these integers reproduces the reference without rounding (spec-register §0, §5.6).
 * Go's zero time 0001-01-01T00:00:00Z (genesis meta nodes' creation_time) is −62135596800 s.
 */

/** Nanoseconds since the Unix epoch, UTC. */
export type UnixNanos = bigint;

export const NANOS_PER_SECOND = 1_000_000_000n;
export const NANOS_PER_DAY = 86_400n * NANOS_PER_SECOND;

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
function daysFromCivil(year: bigint, month: bigint, day: bigint): bigint {
  const y = month <= 2n ? year - 1n : year;
  const era = floorDiv(y, 400n);
  const yoe = y - era * 400n;
  const doy = (153n * (month > 2n ? month - 3n : month + 9n) + 2n) / 5n + day - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

function civilFromDays(days: bigint): { year: bigint; month: bigint; day: bigint } {
  const z = days + 719468n;
  const era = floorDiv(z, 146097n);
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = doy - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  return { year: yoe + era * 400n + (month <= 2n ? 1n : 0n), month, day };
}

/** The UTC instant of a calendar date and time (for genesis values and tests). */
export function utcTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, nanos = 0): UnixNanos {
  const days = daysFromCivil(BigInt(year), BigInt(month), BigInt(day));
  return ((days * 24n + BigInt(hour)) * 60n + BigInt(minute)) * 60n * NANOS_PER_SECOND +
    BigInt(second) * NANOS_PER_SECOND + BigInt(nanos);
}

/** From a protobuf Timestamp (seconds may be negative; 0 ≤ nanos < 10^9). */
export function fromTimestamp(ts: { readonly seconds: bigint; readonly nanos: number }): UnixNanos {
  return ts.seconds * NANOS_PER_SECOND + BigInt(ts.nanos);
}

/** To a protobuf Timestamp (nanos normalised into [0, 10^9)). */
export function toTimestamp(t: UnixNanos): { seconds: bigint; nanos: number } {
  const seconds = floorDiv(t, NANOS_PER_SECOND);
  return { seconds, nanos: Number(t - seconds * NANOS_PER_SECOND) };
}

function parts(t: UnixNanos): { date: string; clock: string; nanos: bigint } {
  const seconds = floorDiv(t, NANOS_PER_SECOND);
  const nanos = t - seconds * NANOS_PER_SECOND;
  const days = floorDiv(seconds, 86_400n);
  const secOfDay = seconds - days * 86_400n;
  const { year, month, day } = civilFromDays(days);
  if (year < 0n || year > 9999n) throw new RangeError(`time: year ${year} outside 0000–9999 cannot be formatted like Go`);
  const p = (v: bigint, n: number): string => v.toString().padStart(n, "0");
  return {
    date: `${p(year, 4)}-${p(month, 2)}-${p(day, 2)}`,
    clock: `${p(secOfDay / 3600n, 2)}:${p((secOfDay / 60n) % 60n, 2)}:${p(secOfDay % 60n, 2)}`,
    nanos,
  };
}

/** Event timestamps: RFC 3339 in UTC with whole seconds; a fraction is cut off, not rounded. */
export function formatRfc3339Seconds(t: UnixNanos): string {
  const { date, clock } = parts(t);
  return `${date}T${clock}Z`;
}

/** SDK `FormatTimeBytes` text: "YYYY-MM-DDTHH:MM:SS.nnnnnnnnn" (always 9 digits; sorts like time). */
export function formatTimeBytes(t: UnixNanos): string {
  const { date, clock, nanos } = parts(t);
  return `${date}T${clock}.${nanos.toString().padStart(9, "0")}`;
}
