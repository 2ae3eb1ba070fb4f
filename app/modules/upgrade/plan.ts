/**
 * Upgrade plans (spec-staking §9; SDK v0.47 `x/upgrade/types/plan.go`): a name, a height and free
 * info. Time-based plans and IBC client states are retired: a plan must leave both unset.
 */
import { create } from "@bufbuild/protobuf";
import { TimestampSchema } from "@bufbuild/protobuf/wkt";
import { ErrInvalidRequest } from "../../baseapp/errors.js";
import { goJsonQuote } from "../../baseapp/protoJson.js";
import { type Plan as PlanProto, PlanSchema } from "../../codec/cosmos/upgrade/v1beta1/upgrade_pb.js";

export interface Plan {
  readonly name: string;
  readonly height: bigint;
  readonly info: string;
  /** False when the wire carried a time other than Go's zero time (refused by validation). */
  readonly timeIsZero: boolean;
  /** True when the wire carried an upgraded client state (refused by validation). */
  readonly hasClientState: boolean;
}

/** Go's zero `time.Time` as a Timestamp: 0001-01-01T00:00:00Z. */
const GO_ZERO_SECONDS = -62135596800n;

export function planFromProto(p: PlanProto | undefined): Plan {
  const t = p?.time;
  return {
    name: p?.name ?? "",
    height: p?.height ?? 0n,
    info: p?.info ?? "",
    // gogoproto reads a missing non-nullable time as the zero time; the Unix epoch is not zero.
    timeIsZero: t === undefined || (t.seconds === GO_ZERO_SECONDS && t.nanos === 0),
    hasClientState: p?.upgradedClientState !== undefined,
  };
}

/** As the reference stores and serves a plan: the (non-nullable) time is always on the wire. */
export function planToProto(p: Plan): PlanProto {
  return create(PlanSchema, { name: p.name, time: create(TimestampSchema, { seconds: GO_ZERO_SECONDS, nanos: 0 }), height: p.height, info: p.info });
}

/** `Plan.ValidateBasic` (sdk 18 for every refusal). */
export function validatePlan(p: Plan): void {
  if (!p.timeIsZero) throw ErrInvalidRequest.wrap("time-based upgrades have been deprecated in the SDK");
  if (p.hasClientState) throw ErrInvalidRequest.wrap("upgrade logic for IBC has been moved to the IBC module");
  if (p.name.length === 0) throw ErrInvalidRequest.wrap("name cannot be empty");
  if (p.height <= 0n) throw ErrInvalidRequest.wrap("height must be greater than 0");
}

/** `BuildUpgradeNeededMsg`: the line a node without the plan's handler logs before it stops. */
export const upgradeNeededMessage = (p: Plan): string => `UPGRADE "${p.name}" NEEDED at height: ${p.height}: ${p.info}`;

/**
 * The `upgrade-info.json` cosmovisor reads (the reference's `DumpUpgradeInfoToDisk`: Go's
 * encoding/json of the Plan with `height` = the halted block's height, empty fields left out except
 * the non-nullable time).
 */
export function upgradeInfoJson(p: Plan, height: bigint): string {
  const fields: string[] = [];
  if (p.name !== "") fields.push(`"name":${goJsonQuote(p.name)}`);
  fields.push(`"time":"0001-01-01T00:00:00Z"`);
  if (height !== 0n) fields.push(`"height":${height}`);
  if (p.info !== "") fields.push(`"info":${goJsonQuote(p.info)}`);
  return `{${fields.join(",")}}`;
}
