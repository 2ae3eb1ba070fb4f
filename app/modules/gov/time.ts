/** Block time as gov stores it: protobuf Timestamps of exact nanosecond times. */
import { create } from "@bufbuild/protobuf";
import { type Timestamp, TimestampSchema } from "@bufbuild/protobuf/wkt";
import { fromTimestamp, toTimestamp, type UnixNanos } from "../register/logic/time.js";

export const timestampOf = (t: UnixNanos): Timestamp => create(TimestampSchema, toTimestamp(t));

export const blockTimeOf = (ctx: { readonly header: { readonly time: { readonly seconds: bigint; readonly nanos: number } } }): UnixNanos =>
  fromTimestamp(ctx.header.time);
