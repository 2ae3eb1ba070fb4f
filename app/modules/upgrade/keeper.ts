/**
 * The upgrade keeper (SDK v0.47 `x/upgrade/keeper/keeper.go`): the scheduled plan, completed upgrades,
 * the module version map and the protocol version, plus this binary's upgrade handlers (name → the
 * migration a binary that knows the plan runs at its height).
 */
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import type { Context, ReadContext } from "../../baseapp/context.js";
import { ErrInvalidRequest } from "../../baseapp/errors.js";
import { PlanSchema } from "../../codec/cosmos/upgrade/v1beta1/upgrade_pb.js";
import type { KVStore, StoreName } from "../../store/types.js";
import { prefixEnd } from "../../store/bytes.js";
import {
  DONE_PREFIX, PLAN_KEY, PROTOCOL_VERSION_KEY, UPGRADE_STORE_KEY, VERSION_MAP_PREFIX, doneKey, parseDoneKey, uint64Bytes, uint64Of, versionKey,
} from "./keys.js";
import { type Plan, planFromProto, planToProto, validatePlan } from "./plan.js";

export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
}

/** Module name → consensus version (the SDK's `module.VersionMap`). */
export type VersionMap = ReadonlyMap<string, bigint>;

/**
 * A named migration (the SDK's `UpgradeHandler`): runs in the BeginBlock of the plan's height, on the
 * block's state, and returns the version map to store.
 */
export type UpgradeHandler = (ctx: Context, plan: Plan, fromVersions: VersionMap) => VersionMap;

export class UpgradeKeeper {
  /** Set after the first BeginBlock's downgrade check (per process, as in the reference). */
  downgradeVerified = false;

  constructor(
    /** Bech32 authority of MsgSoftwareUpgrade / MsgCancelUpgrade (the gov module account). */
    readonly authority: string,
    readonly handlers: ReadonlyMap<string, UpgradeHandler>,
  ) {}

  hasHandler(name: string): boolean {
    return this.handlers.has(name);
  }

  getPlan(ctx: ReadContext): Plan | undefined {
    const bytes = ctx.kv(UPGRADE_STORE_KEY).get(PLAN_KEY);
    return bytes === undefined ? undefined : planFromProto(fromBinary(PlanSchema, bytes));
  }

  /**
   * `ScheduleUpgrade`: replaces any scheduled plan. Refused (sdk 18) when invalid, in the past (a plan
   * for the current height is allowed) or already completed.
   */
  scheduleUpgrade(ctx: Context, plan: Plan): void {
    validatePlan(plan);
    if (plan.height < ctx.header.height) throw ErrInvalidRequest.wrap("upgrade cannot be scheduled in the past");
    if (this.getDoneHeight(ctx, plan.name) !== 0n) throw ErrInvalidRequest.wrap(`upgrade with name ${plan.name} has already been completed`);
    ctx.kv(UPGRADE_STORE_KEY).set(PLAN_KEY, toBinary(PlanSchema, planToProto(plan)));
  }

  clearPlan(ctx: WriteContext): void {
    ctx.kv(UPGRADE_STORE_KEY).delete(PLAN_KEY);
  }

  /** The height a plan of this name was applied at, 0 if never. */
  getDoneHeight(ctx: ReadContext, name: string): bigint {
    for (const { key } of ctx.kv(UPGRADE_STORE_KEY).iterator(DONE_PREFIX, prefixEnd(DONE_PREFIX))) {
      const done = parseDoneKey(key);
      if (done.name === name) return done.height;
    }
    return 0n;
  }

  /** The last applied upgrade (highest height), if any. */
  lastCompleted(ctx: ReadContext): { name: string; height: bigint } | undefined {
    for (const { key } of ctx.kv(UPGRADE_STORE_KEY).reverseIterator(DONE_PREFIX, prefixEnd(DONE_PREFIX))) return parseDoneKey(key);
    return undefined;
  }

  setDone(ctx: WriteContext, name: string, height: bigint): void {
    ctx.kv(UPGRADE_STORE_KEY).set(doneKey(name, height), Uint8Array.of(1));
  }

  getVersionMap(ctx: ReadContext): Map<string, bigint> {
    const out = new Map<string, bigint>();
    for (const { key, value } of ctx.kv(UPGRADE_STORE_KEY).iterator(VERSION_MAP_PREFIX, prefixEnd(VERSION_MAP_PREFIX))) {
      out.set(new TextDecoder().decode(key.subarray(1)), uint64Of(value));
    }
    return out;
  }

  /** Written in module-name order (the reference sorts too). */
  setVersionMap(ctx: WriteContext, vm: VersionMap): void {
    const store = ctx.kv(UPGRADE_STORE_KEY);
    for (const name of [...vm.keys()].sort()) store.set(versionKey(name), uint64Bytes(vm.get(name)!));
  }

  getProtocolVersion(ctx: ReadContext): bigint {
    const bytes = ctx.kv(UPGRADE_STORE_KEY).get(PROTOCOL_VERSION_KEY);
    return bytes === undefined ? 0n : uint64Of(bytes);
  }

  /** `ApplyUpgrade`: the handler's migration, its version map, protocol version + 1, the plan marked done. */
  applyUpgrade(ctx: Context, plan: Plan): void {
    const handler = this.handlers.get(plan.name);
    if (handler === undefined) throw new Error("ApplyUpgrade should never be called without first checking HasHandler");
    const updated = handler(ctx, plan, this.getVersionMap(ctx));
    this.setVersionMap(ctx, updated);
    ctx.kv(UPGRADE_STORE_KEY).set(PROTOCOL_VERSION_KEY, uint64Bytes(this.getProtocolVersion(ctx) + 1n));
    this.clearPlan(ctx);
    this.setDone(ctx, plan.name, ctx.header.height);
  }
}
