/**
 * The slashing records in domain form (spec-staking §3.1) and their protobuf encodings. Times are Unix
 * nanoseconds; the signing info keeps its `address` text as stored (genesis may give any string).
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { TimestampSchema } from "@bufbuild/protobuf/wkt";
import { type ValidatorSigningInfo as ValidatorSigningInfoProto, ValidatorSigningInfoSchema } from "../../codec/cosmos/slashing/v1beta1/slashing_pb.js";
import { fromTimestamp, toTimestamp, type UnixNanos, utcTime } from "../register/logic/time.js";

export type { UnixNanos };

export interface ValidatorSigningInfo {
  /** stvalcons… text. */
  readonly address: string;
  readonly startHeight: bigint;
  readonly indexOffset: bigint;
  readonly jailedUntil: UnixNanos;
  readonly tombstoned: boolean;
  readonly missedBlocksCounter: bigint;
}

/** The Unix epoch: `jailed_until` of a validator never jailed (`time.Unix(0, 0)`). */
export const UNIX_EPOCH: UnixNanos = 0n;

/** Go's zero `time.Time` (0001-01-01T00:00:00Z): what an absent non-nullable timestamp decodes to. */
export const GO_ZERO_TIME: UnixNanos = utcTime(1, 1, 1);

export function signingInfoToProto(i: ValidatorSigningInfo): ValidatorSigningInfoProto {
  return create(ValidatorSigningInfoSchema, {
    address: i.address,
    startHeight: i.startHeight,
    indexOffset: i.indexOffset,
    jailedUntil: create(TimestampSchema, toTimestamp(i.jailedUntil)),
    tombstoned: i.tombstoned,
    missedBlocksCounter: i.missedBlocksCounter,
  });
}

export function signingInfoFromProto(p: ValidatorSigningInfoProto): ValidatorSigningInfo {
  return {
    address: p.address,
    startHeight: p.startHeight,
    indexOffset: p.indexOffset,
    jailedUntil: p.jailedUntil === undefined ? GO_ZERO_TIME : fromTimestamp(p.jailedUntil),
    tombstoned: p.tombstoned,
    missedBlocksCounter: p.missedBlocksCounter,
  };
}

export const encodeSigningInfo = (i: ValidatorSigningInfo): Uint8Array => toBinary(ValidatorSigningInfoSchema, signingInfoToProto(i));
export const decodeSigningInfo = (bytes: Uint8Array): ValidatorSigningInfo => signingInfoFromProto(fromBinary(ValidatorSigningInfoSchema, bytes));
