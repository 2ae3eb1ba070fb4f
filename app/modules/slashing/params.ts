/**
 * Slashing params (spec-staking §3.1, §0.7): domain form, the reference's validation texts
 * (`types/params.go`), and conversion to and from the proto form, whose Dec fields hold the raw scaled
 * integer as text and may be absent — Go's nil Dec, which validation refuses.
 */
import { create } from "@bufbuild/protobuf";
import { DurationSchema } from "@bufbuild/protobuf/wkt";
import { type Params, ParamsSchema } from "../../codec/cosmos/slashing/v1beta1/slashing_pb.js";
import { Dec } from "../../math/dec.js";
import { formatGoDuration } from "./logic/goDuration.js";

export const NANOS_PER_SECOND = 1_000_000_000n;
/** ±10 000 years, the protobuf Duration range. */
const MAX_DURATION_SECONDS = 315_576_000_000n;

export interface SlashingParams {
  /** Votes per liveness window. */
  readonly signedBlocksWindow: bigint;
  /** Share of the window a validator must sign. */
  readonly minSignedPerWindow: Dec;
  /** How long a downtime jail lasts, nanoseconds. */
  readonly downtimeJailDurationNanos: bigint;
  readonly slashFractionDoubleSign: Dec;
  readonly slashFractionDowntime: Dec;
}

/** Params as decoded from a message: a Dec absent on the wire is Go's nil Dec (undefined here). */
export interface RawSlashingParams {
  readonly signedBlocksWindow: bigint;
  readonly minSignedPerWindow: Dec | undefined;
  readonly downtimeJailDurationNanos: bigint;
  readonly slashFractionDoubleSign: Dec | undefined;
  readonly slashFractionDowntime: Dec | undefined;
}

/** stratos-1 (spec-staking §0.7): window 10 000, 5 % signed, 6 h jail, 5 % and 0.02 % slashes. */
export const MAINNET_SLASHING_PARAMS: SlashingParams = {
  signedBlocksWindow: 10_000n,
  minSignedPerWindow: Dec.parse("0.05"),
  downtimeJailDurationNanos: 21_600n * NANOS_PER_SECOND,
  slashFractionDoubleSign: Dec.parse("0.05"),
  slashFractionDowntime: Dec.parse("0.0002"),
};

/** The SDK's defaults (`DefaultParams`), what `stchaind init` writes before operators edit the file. */
export const SDK_DEFAULT_SLASHING_PARAMS: SlashingParams = {
  signedBlocksWindow: 100n,
  minSignedPerWindow: Dec.parse("0.5"),
  downtimeJailDurationNanos: 600n * NANOS_PER_SECOND,
  slashFractionDoubleSign: Dec.ONE.quo(Dec.fromInt(20n)),
  slashFractionDowntime: Dec.ONE.quo(Dec.fromInt(100n)),
};

/** A fraction in [0, 1]; the texts of `validateMinSignedPerWindow` and the slash-fraction checks. */
function fractionProblem(v: Dec | undefined, what: string): string | undefined {
  if (v === undefined) return `${what} cannot be nil: <nil>`;
  if (v.isNegative()) return `${what} cannot be negative: ${v.toString()}`;
  if (v.gt(Dec.ONE)) return `${what} too large: ${v.toString()}`;
  return undefined;
}

/**
 * `Params.Validate()`: the first problem in the reference's order, or the valid params. Its texts are
 * plain Go errors (code 1 when a message carries them).
 */
export function validateSlashingParams(p: RawSlashingParams): SlashingParams | string {
  if (p.signedBlocksWindow <= 0n) return `signed blocks window must be positive: ${p.signedBlocksWindow}`;
  const minSigned = fractionProblem(p.minSignedPerWindow, "min signed per window");
  if (minSigned !== undefined) return minSigned;
  if (p.downtimeJailDurationNanos <= 0n) return `downtime jail duration must be positive: ${formatGoDuration(p.downtimeJailDurationNanos)}`;
  const doubleSign = fractionProblem(p.slashFractionDoubleSign, "double sign slash fraction");
  if (doubleSign !== undefined) return doubleSign;
  const downtime = fractionProblem(p.slashFractionDowntime, "downtime slash fraction");
  if (downtime !== undefined) return downtime;
  return {
    signedBlocksWindow: p.signedBlocksWindow,
    minSignedPerWindow: p.minSignedPerWindow ?? Dec.ZERO,
    downtimeJailDurationNanos: p.downtimeJailDurationNanos,
    slashFractionDoubleSign: p.slashFractionDoubleSign ?? Dec.ZERO,
    slashFractionDowntime: p.slashFractionDowntime ?? Dec.ZERO,
  };
}

/** Binary Dec text → Dec; "" is Go's nil. @throws DecParseError for text gogoproto cannot unmarshal */
const protoDec = (text: string): Dec | undefined => (text === "" ? undefined : Dec.fromProtoString(text));

/** The proto form as decoded (absent params = Go's zero struct). @throws DecParseError, RangeError */
export function slashingParamsFromProto(p: Params | undefined): RawSlashingParams {
  const d = p?.downtimeJailDuration;
  if (d !== undefined) {
    // gogoproto's DurationFromProto: what it refuses fails decoding.
    if (d.seconds < -MAX_DURATION_SECONDS || d.seconds > MAX_DURATION_SECONDS) throw new RangeError(`duration: ${d.seconds}s: seconds out of range`);
    if (d.nanos <= -1e9 || d.nanos >= 1e9) throw new RangeError(`duration: ${d.nanos}ns: nanos out of range`);
    if ((d.seconds < 0n && d.nanos > 0) || (d.seconds > 0n && d.nanos < 0)) throw new RangeError(`duration: ${d.seconds}s ${d.nanos}ns: seconds and nanos have different signs`);
  }
  const nanos = d === undefined ? 0n : d.seconds * NANOS_PER_SECOND + BigInt(d.nanos);
  if (nanos >= 1n << 63n || nanos < -(1n << 63n)) throw new RangeError(`duration: ${d?.seconds}s is out of range for time.Duration`);
  return {
    signedBlocksWindow: p?.signedBlocksWindow ?? 0n,
    minSignedPerWindow: protoDec(p?.minSignedPerWindow ?? ""),
    downtimeJailDurationNanos: nanos,
    slashFractionDoubleSign: protoDec(p?.slashFractionDoubleSign ?? ""),
    slashFractionDowntime: protoDec(p?.slashFractionDowntime ?? ""),
  };
}

/** The proto form as the reference writes it: every field present, Decs as raw integers. */
export function slashingParamsToProto(p: SlashingParams): Params {
  const nanos = p.downtimeJailDurationNanos;
  return create(ParamsSchema, {
    signedBlocksWindow: p.signedBlocksWindow,
    minSignedPerWindow: p.minSignedPerWindow.toProtoString(),
    downtimeJailDuration: create(DurationSchema, { seconds: nanos / NANOS_PER_SECOND, nanos: Number(nanos % NANOS_PER_SECOND) }),
    slashFractionDoubleSign: p.slashFractionDoubleSign.toProtoString(),
    slashFractionDowntime: p.slashFractionDowntime.toProtoString(),
  });
}

/** The genesis / REST JSON form (Decs human, the duration as "21600s"). */
export function slashingParamsJson(p: SlashingParams): Record<string, string> {
  return {
    signed_blocks_window: p.signedBlocksWindow.toString(),
    min_signed_per_window: p.minSignedPerWindow.toString(),
    downtime_jail_duration: durationJson(p.downtimeJailDurationNanos),
    slash_fraction_double_sign: p.slashFractionDoubleSign.toString(),
    slash_fraction_downtime: p.slashFractionDowntime.toString(),
  };
}

/** proto3 JSON Duration text: seconds with 0, 3, 6 or 9 fractional digits ("21600s", "1.500s"). */
export function durationJson(nanos: bigint): string {
  const negative = nanos < 0n;
  const u = negative ? -nanos : nanos;
  let frac = (u % NANOS_PER_SECOND).toString().padStart(9, "0");
  while (frac.endsWith("000")) frac = frac.slice(0, -3);
  return `${negative ? "-" : ""}${u / NANOS_PER_SECOND}${frac === "" ? "" : `.${frac}`}s`;
}
