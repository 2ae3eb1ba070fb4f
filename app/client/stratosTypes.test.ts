import { describe, expect, it } from "vitest";
import { fromBinary } from "@bufbuild/protobuf";
import { MsgCreateResourceNodeSchema } from "../codec/stratos/register/v1/tx_pb.js";
import { stratosRegistry } from "./client.js";
import { STRATOS_TYPES } from "./stratosTypes.js";

describe("the Stratos message types in CosmJS's Registry", () => {
  it("lists every register message and no response type", () => {
    const urls = STRATOS_TYPES.map(([url]) => url);
    expect(urls).toContain("/stratos.register.v1.MsgCreateResourceNode");
    expect(urls).toContain("/stratos.register.v1.MsgKickMetaNodeVote");
    expect(urls.filter((u) => u.startsWith("/stratos.register.v1."))).toHaveLength(12);
    expect(urls.some((u) => u.endsWith("Response"))).toBe(false);
  });

  it("adds the SDK messages CosmJS does not register (slashing, evidence, crisis)", () => {
    const urls = STRATOS_TYPES.map(([url]) => url);
    for (const url of [
      "/cosmos.slashing.v1beta1.MsgUnjail", "/cosmos.slashing.v1beta1.MsgUpdateParams", "/cosmos.evidence.v1beta1.MsgSubmitEvidence",
      "/cosmos.crisis.v1beta1.MsgVerifyInvariant", "/cosmos.crisis.v1beta1.MsgUpdateParams",
    ]) expect(urls).toContain(url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(stratosRegistry().lookupType("/cosmos.slashing.v1beta1.MsgUnjail")).toBeDefined();
  });

  it("encodes camelCase values like CosmJS's own types, and decodes them back", () => {
    const registry = stratosRegistry();
    const value = {
      networkAddress: "stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa",
      value: { denom: "wei", amount: "2000000000000000000" },
      ownerAddress: "st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp",
      description: { moniker: "res6" },
      nodeType: 4,
    };
    const bytes = registry.encode({ typeUrl: "/stratos.register.v1.MsgCreateResourceNode", value });
    const decoded = fromBinary(MsgCreateResourceNodeSchema, bytes);
    expect(decoded.networkAddress).toBe(value.networkAddress);
    expect(decoded.value?.amount).toBe("2000000000000000000");
    expect(decoded.nodeType).toBe(4);
    const back = registry.decode({ typeUrl: "/stratos.register.v1.MsgCreateResourceNode", value: bytes }) as { ownerAddress: string };
    expect(back.ownerAddress).toBe(value.ownerAddress);
  });
});
