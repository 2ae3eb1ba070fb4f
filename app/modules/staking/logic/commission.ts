/**
 * Commission rules (SDK v0.47 `x/staking/types/commission.go`, spec-staking §1.4): the rates a new
 * validator may declare, the 24-hour / max-rate / max-change-rate rules of a rate change, and the
 * YAML text the `edit_validator` event carries. Pure.
 */
import type { TxError } from "../../../baseapp/errors.js";
import { Dec } from "../../../math/dec.js";
import { formatRfc3339Nano } from "./time.js";
import {
  ErrCommissionChangeRateGTMaxRate, ErrCommissionChangeRateNegative, ErrCommissionGTMaxChangeRate, ErrCommissionGTMaxRate, ErrCommissionHuge,
  ErrCommissionNegative, ErrCommissionUpdateTime,
} from "../errors.js";
import type { Commission, CommissionRates, UnixNanos } from "../types.js";

const DAY_NANOS = 24n * 3600n * 1_000_000_000n;

/** `CommissionRates.Validate`: the first broken rule, in the reference's order, or undefined. */
export function validateCommissionRates(r: CommissionRates): TxError | undefined {
  if (r.maxRate.isNegative()) return ErrCommissionNegative;
  if (r.maxRate.gt(Dec.ONE)) return ErrCommissionHuge;
  if (r.rate.isNegative()) return ErrCommissionNegative;
  if (r.rate.gt(r.maxRate)) return ErrCommissionGTMaxRate;
  if (r.maxChangeRate.isNegative()) return ErrCommissionChangeRateNegative;
  if (r.maxChangeRate.gt(r.maxRate)) return ErrCommissionChangeRateGTMaxRate;
  return undefined;
}

/**
 * `Commission.ValidateNewRate`: at least 24 h since the last change (Go compares the elapsed
 * duration's hours, exact to the nanosecond here), within [0, max_rate], and a rise of at most
 * max_change_rate (decreases are unlimited).
 */
export function validateNewRate(c: Commission, newRate: Dec, blockTime: UnixNanos): TxError | undefined {
  if (blockTime - c.updateTime < DAY_NANOS) return ErrCommissionUpdateTime;
  if (newRate.isNegative()) return ErrCommissionNegative;
  if (newRate.gt(c.rates.maxRate)) return ErrCommissionGTMaxRate;
  if (newRate.sub(c.rates.rate).gt(c.rates.maxChangeRate)) return ErrCommissionGTMaxChangeRate;
  return undefined;
}

/**
 * `Commission.String()` (sigs.k8s.io/yaml of the JSON form: keys sorted, every value quoted), the
 * `commission_rate` attribute of `edit_validator`, checked against the Go reference:
 * `commission_rates:\n  max_change_rate: "0.010000000000000000"\n  max_rate: …\n  rate: …\nupdate_time: "2023-09-08T00:00:00.42539614Z"\n`.
 */
export function commissionYaml(c: Commission): string {
  return (
    "commission_rates:\n" +
    `  max_change_rate: "${c.rates.maxChangeRate.toString()}"\n` +
    `  max_rate: "${c.rates.maxRate.toString()}"\n` +
    `  rate: "${c.rates.rate.toString()}"\n` +
    `update_time: "${formatRfc3339Nano(c.updateTime)}"\n`
  );
}
