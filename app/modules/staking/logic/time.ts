/**
 * Time texts staking shows (spec-staking §0.2): Go's `time.RFC3339` (whole seconds, for event
 * attributes) and `time.RFC3339Nano` (fraction without trailing zeros, for the commission YAML), in UTC.
 */
import { formatRfc3339Seconds, formatTimeBytes, type UnixNanos } from "../../register/logic/time.js";

export { formatRfc3339Seconds };

/** Go `t.Format(time.RFC3339Nano)` of a UTC time: "2023-09-08T00:00:00.42539614Z", "2023-11-14T22:13:20Z". */
export function formatRfc3339Nano(t: UnixNanos): string {
  const text = formatTimeBytes(t); // "YYYY-MM-DDTHH:MM:SS.nnnnnnnnn"
  const [whole, fraction = ""] = text.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  return `${whole}${trimmed === "" ? "" : `.${trimmed}`}Z`;
}
