import { describe, expect, it } from "vitest";
import { create } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { PlanSchema } from "../../codec/cosmos/upgrade/v1beta1/upgrade_pb.js";
import { TxError } from "../../baseapp/errors.js";
import { planFromProto, planToProto, upgradeInfoJson, upgradeNeededMessage, validatePlan } from "./plan.js";

const plan = (init: Parameters<typeof create<typeof PlanSchema>>[1]) => planFromProto(create(PlanSchema, init));

describe("upgrade plans (Plan.ValidateBasic)", () => {
  it.each([
    ["a time (even the Unix epoch)", plan({ name: "v2", height: 5n, time: { seconds: 0n, nanos: 0 } }), "time-based upgrades have been deprecated in the SDK: invalid request"],
    ["a client state", plan({ name: "v2", height: 5n, upgradedClientState: create(AnySchema, { typeUrl: "/x" }) }), "upgrade logic for IBC has been moved to the IBC module: invalid request"],
    ["no name", plan({ height: 5n }), "name cannot be empty: invalid request"],
    ["height 0", plan({ name: "v2" }), "height must be greater than 0: invalid request"],
  ])("refuses %s (sdk 18)", (_n, p, log) => {
    let error: unknown;
    try {
      validatePlan(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TxError);
    expect([(error as TxError).codespace, (error as TxError).code, (error as TxError).message]).toEqual(["sdk", 18, log]);
  });

  it("accepts Go's zero time and writes it back", () => {
    const p = plan({ name: "v2", height: 5n, time: { seconds: -62135596800n, nanos: 0 } });
    expect(() => validatePlan(p)).not.toThrow();
    expect(planToProto(p).time).toMatchObject({ seconds: -62135596800n, nanos: 0 });
  });

  it("the halt line and upgrade-info.json", () => {
    const p = plan({ name: "v2", height: 100n, info: '{"a":"<b>"}' });
    expect(upgradeNeededMessage(p)).toBe('UPGRADE "v2" NEEDED at height: 100: {"a":"<b>"}');
    // Go's encoding/json escapes <, > and & (HTML-safe).
    expect(upgradeInfoJson(p, 100n)).toBe('{"name":"v2","time":"0001-01-01T00:00:00Z","height":100,"info":"{\\"a\\":\\"\\u003cb\\u003e\\"}"}');
    expect(upgradeInfoJson(plan({ name: "v3", height: 7n }), 7n)).toBe('{"name":"v3","time":"0001-01-01T00:00:00Z","height":7}');
  });
});
