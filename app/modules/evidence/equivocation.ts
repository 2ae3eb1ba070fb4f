/**
 * `cosmos.evidence.v1beta1.Equivocation` (spec-staking §4.1; SDK v0.47 `types/evidence.go`): built from a
 * CometBFT misbehaviour, identified by SHA-256 of its proto bytes, checked by its ValidateBasic, and
 * packed as the Any the store, the queries and genesis carry.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { type Any, AnySchema, TimestampSchema } from "@bufbuild/protobuf/wkt";
import type { Misbehaviour } from "../../baseapp/block.js";
import { type Equivocation as EquivocationProto, EquivocationSchema } from "../../codec/cosmos/evidence/v1beta1/evidence_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { sha256 } from "../../crypto/hash.js";
import { hexOf } from "../../store/bytes.js";
import { formatRfc3339Seconds, fromTimestamp, NANOS_PER_SECOND, toTimestamp, type UnixNanos, utcTime } from "../register/logic/time.js";

export const EQUIVOCATION_TYPE_URL = `/${EquivocationSchema.typeName}`;
/** `RouteEquivocation`: the route (and type) name of an Equivocation. */
export const EQUIVOCATION_ROUTE = "equivocation";

export interface Equivocation {
  readonly height: bigint;
  readonly time: UnixNanos;
  readonly power: bigint;
  /** stvalcons… text ("" when CometBFT sent an empty address). */
  readonly consensusAddress: string;
}

/** Range of a protobuf Timestamp gogoproto accepts: [0001-01-01, 10000-01-01). */
const TIMESTAMP_MIN = utcTime(1, 1, 1);
const TIMESTAMP_END = utcTime(10000, 1, 1);

/** `FromABCIEvidence`: the misbehaving validator's address, power, the infraction height and time. */
export function equivocationFromMisbehaviour(m: Misbehaviour): Equivocation {
  return { height: m.height, time: fromTimestamp(m.time), power: m.power, consensusAddress: formatBech32Address(m.validatorAddress, BECH32_PREFIX.consensus) };
}

export function equivocationToProto(e: Equivocation): EquivocationProto {
  return create(EquivocationSchema, { height: e.height, time: create(TimestampSchema, toTimestamp(e.time)), power: e.power, consensusAddress: e.consensusAddress });
}

/**
 * From the proto form, as gogoproto decodes it (an absent time is Go's zero time).
 * @throws RangeError for a time outside the protobuf Timestamp range (gogoproto refuses it)
 */
export function equivocationFromProto(p: EquivocationProto): Equivocation {
  const time = p.time === undefined ? TIMESTAMP_MIN : fromTimestamp(p.time);
  if (p.time !== undefined && (p.time.nanos < 0 || p.time.nanos >= 1e9 || time < TIMESTAMP_MIN || time >= TIMESTAMP_END)) {
    throw new RangeError(`timestamp: seconds ${p.time.seconds} nanos ${p.time.nanos} is outside 0001-01-01 … 9999-12-31`);
  }
  return { height: p.height, time, power: p.power, consensusAddress: p.consensusAddress };
}

/** The proto bytes gogoproto writes (fields in number order, the time always present). */
export const equivocationBytes = (e: Equivocation): Uint8Array => toBinary(EquivocationSchema, equivocationToProto(e));

/** `Hash()`: SHA-256 of the proto bytes. */
export const equivocationHash = (e: Equivocation): Uint8Array => sha256(equivocationBytes(e));

/** `HexBytes.String()`: upper-case hex, as events and errors print a hash. */
export const hashText = (hash: Uint8Array): string => hexOf(hash).toUpperCase();

export function equivocationToAny(e: Equivocation): Any {
  return create(AnySchema, { typeUrl: EQUIVOCATION_TYPE_URL, value: equivocationBytes(e) });
}

/** An evidence Any as the SDK's interface registry unpacks it. @throws Error for any other type, RangeError for a bad time */
export function equivocationFromAny(any: Any): Equivocation {
  if (any.typeUrl !== EQUIVOCATION_TYPE_URL) throw new Error(`no concrete type registered for type URL ${any.typeUrl} against interface *exported.Evidence`);
  return equivocationFromProto(fromBinary(EquivocationSchema, any.value));
}

/** Go `time.Time.String()` of a UTC time: "2006-01-02 15:04:05.999999999 +0000 UTC". */
export function goTimeString(t: UnixNanos): string {
  const whole = formatRfc3339Seconds(t);
  const nanos = ((t % NANOS_PER_SECOND) + NANOS_PER_SECOND) % NANOS_PER_SECOND;
  const frac = nanos === 0n ? "" : `.${nanos.toString().padStart(9, "0").replace(/0+$/, "")}`;
  return `${whole.slice(0, 10)} ${whole.slice(11, 19)}${frac} +0000 UTC`;
}

/** `ValidateBasic`: the first problem (a plain Go error text), or undefined. */
export function equivocationProblem(e: Equivocation): string | undefined {
  // time.Unix() ≤ 0: before 1970-01-01T00:00:01Z.
  const unixSeconds = e.time >= 0n ? e.time / NANOS_PER_SECOND : -((-e.time + NANOS_PER_SECOND - 1n) / NANOS_PER_SECOND);
  if (unixSeconds <= 0n) return `invalid equivocation time: ${goTimeString(e.time)}`;
  if (e.height < 1n) return `invalid equivocation height: ${e.height}`;
  if (e.power < 1n) return `invalid equivocation validator power: ${e.power}`;
  if (e.consensusAddress === "") return `invalid equivocation validator consensus address: ${e.consensusAddress}`;
  return undefined;
}
