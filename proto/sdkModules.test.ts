/**
 * The hand-written cosmos.slashing, cosmos.evidence and cosmos.crisis protos against an independent
 * encoding of the same SDK v0.47 messages (cosmjs-types, generated from the SDK's own .proto files):
 * the same bytes both ways for every field, so field numbers, types and the gRPC method paths match.
 * (cosmjs-types always writes nested messages such as Params.downtime_jail_duration, as gogoproto does
 * for non-nullable fields; our encoders set them too.)
 */
import { describe, expect, it } from "vitest";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import * as cjSlashing from "cosmjs-types/cosmos/slashing/v1beta1/slashing";
import * as cjSlashingTx from "cosmjs-types/cosmos/slashing/v1beta1/tx";
import * as cjSlashingQuery from "cosmjs-types/cosmos/slashing/v1beta1/query";
import * as cjSlashingGenesis from "cosmjs-types/cosmos/slashing/v1beta1/genesis";
import * as cjEvidence from "cosmjs-types/cosmos/evidence/v1beta1/evidence";
import * as cjEvidenceTx from "cosmjs-types/cosmos/evidence/v1beta1/tx";
import * as cjEvidenceQuery from "cosmjs-types/cosmos/evidence/v1beta1/query";
import * as cjEvidenceGenesis from "cosmjs-types/cosmos/evidence/v1beta1/genesis";
import * as cjCrisisTx from "cosmjs-types/cosmos/crisis/v1beta1/tx";
import * as cjCrisisGenesis from "cosmjs-types/cosmos/crisis/v1beta1/genesis";
import { ParamsSchema, ValidatorSigningInfoSchema } from "../app/codec/cosmos/slashing/v1beta1/slashing_pb.js";
import { MsgUnjailSchema, MsgUpdateParamsSchema as SlashingUpdateParamsSchema, Msg as SlashingMsg } from "../app/codec/cosmos/slashing/v1beta1/tx_pb.js";
import { Query as SlashingQuery, QuerySigningInfoRequestSchema, QuerySigningInfosResponseSchema } from "../app/codec/cosmos/slashing/v1beta1/query_pb.js";
import { GenesisStateSchema as SlashingGenesisSchema } from "../app/codec/cosmos/slashing/v1beta1/genesis_pb.js";
import { EquivocationSchema } from "../app/codec/cosmos/evidence/v1beta1/evidence_pb.js";
import { MsgSubmitEvidenceResponseSchema, MsgSubmitEvidenceSchema, Msg as EvidenceMsg } from "../app/codec/cosmos/evidence/v1beta1/tx_pb.js";
import { Query as EvidenceQuery, QueryEvidenceRequestSchema, QueryAllEvidenceResponseSchema } from "../app/codec/cosmos/evidence/v1beta1/query_pb.js";
import { GenesisStateSchema as EvidenceGenesisSchema } from "../app/codec/cosmos/evidence/v1beta1/genesis_pb.js";
import { MsgUpdateParamsSchema as CrisisUpdateParamsSchema, MsgVerifyInvariantSchema, Msg as CrisisMsg } from "../app/codec/cosmos/crisis/v1beta1/tx_pb.js";
import { GenesisStateSchema as CrisisGenesisSchema } from "../app/codec/cosmos/crisis/v1beta1/genesis_pb.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const time = { seconds: 1_700_000_123n, nanos: 456 };
const any = { typeUrl: "/cosmos.evidence.v1beta1.Equivocation", value: Uint8Array.of(8, 5) };

describe("the same bytes as the SDK's protos (via cosmjs-types)", () => {
  it.each([
    ["slashing ValidatorSigningInfo", toBinary(ValidatorSigningInfoSchema, create(ValidatorSigningInfoSchema, { address: "a", startHeight: 1n, indexOffset: 2n, jailedUntil: time, tombstoned: true, missedBlocksCounter: 3n })),
      cjSlashing.ValidatorSigningInfo.encode({ address: "a", startHeight: 1n, indexOffset: 2n, jailedUntil: time, tombstoned: true, missedBlocksCounter: 3n }).finish()],
    ["slashing Params", toBinary(ParamsSchema, create(ParamsSchema, { signedBlocksWindow: 10_000n, minSignedPerWindow: "50000000000000000", downtimeJailDuration: { seconds: 21_600n, nanos: 0 }, slashFractionDoubleSign: "5", slashFractionDowntime: "2" })),
      cjSlashing.Params.encode({ signedBlocksWindow: 10_000n, minSignedPerWindow: new TextEncoder().encode("50000000000000000"), downtimeJailDuration: { seconds: 21_600n, nanos: 0 }, slashFractionDoubleSign: new TextEncoder().encode("5"), slashFractionDowntime: new TextEncoder().encode("2") }).finish()],
    ["slashing MsgUnjail", toBinary(MsgUnjailSchema, create(MsgUnjailSchema, { validatorAddr: "stvaloper1x" })), cjSlashingTx.MsgUnjail.encode({ validatorAddr: "stvaloper1x" }).finish()],
    ["slashing MsgUpdateParams", toBinary(SlashingUpdateParamsSchema, create(SlashingUpdateParamsSchema, { authority: "g", params: { signedBlocksWindow: 7n, downtimeJailDuration: {} } })),
      cjSlashingTx.MsgUpdateParams.encode({ authority: "g", params: cjSlashing.Params.fromPartial({ signedBlocksWindow: 7n }) }).finish()],
    ["slashing QuerySigningInfoRequest", toBinary(QuerySigningInfoRequestSchema, create(QuerySigningInfoRequestSchema, { consAddress: "c" })), cjSlashingQuery.QuerySigningInfoRequest.encode({ consAddress: "c" }).finish()],
    ["slashing QuerySigningInfosResponse", toBinary(QuerySigningInfosResponseSchema, create(QuerySigningInfosResponseSchema, { info: [{ address: "a", jailedUntil: {} }], pagination: { nextKey: Uint8Array.of(1), total: 2n } })),
      cjSlashingQuery.QuerySigningInfosResponse.encode({ info: [cjSlashing.ValidatorSigningInfo.fromPartial({ address: "a" })], pagination: { nextKey: Uint8Array.of(1), total: 2n } }).finish()],
    ["slashing GenesisState", toBinary(SlashingGenesisSchema, create(SlashingGenesisSchema, { params: { downtimeJailDuration: {} }, signingInfos: [{ address: "a", validatorSigningInfo: { address: "a", jailedUntil: {} } }], missedBlocks: [{ address: "a", missedBlocks: [{ index: 4n, missed: true }] }] })),
      cjSlashingGenesis.GenesisState.encode(cjSlashingGenesis.GenesisState.fromPartial({ signingInfos: [{ address: "a", validatorSigningInfo: { address: "a" } }], missedBlocks: [{ address: "a", missedBlocks: [{ index: 4n, missed: true }] }] })).finish()],
    ["evidence Equivocation", toBinary(EquivocationSchema, create(EquivocationSchema, { height: 5n, time, power: 9n, consensusAddress: "c" })), cjEvidence.Equivocation.encode({ height: 5n, time, power: 9n, consensusAddress: "c" }).finish()],
    ["evidence MsgSubmitEvidence", toBinary(MsgSubmitEvidenceSchema, create(MsgSubmitEvidenceSchema, { submitter: "s", evidence: any })), cjEvidenceTx.MsgSubmitEvidence.encode({ submitter: "s", evidence: any }).finish()],
    ["evidence MsgSubmitEvidenceResponse (hash is field 4)", toBinary(MsgSubmitEvidenceResponseSchema, create(MsgSubmitEvidenceResponseSchema, { hash: Uint8Array.of(1, 2) })), cjEvidenceTx.MsgSubmitEvidenceResponse.encode({ hash: Uint8Array.of(1, 2) }).finish()],
    ["evidence QueryEvidenceRequest", toBinary(QueryEvidenceRequestSchema, create(QueryEvidenceRequestSchema, { evidenceHash: Uint8Array.of(9), hash: "09" })), cjEvidenceQuery.QueryEvidenceRequest.encode({ evidenceHash: Uint8Array.of(9), hash: "09" }).finish()],
    ["evidence QueryAllEvidenceResponse", toBinary(QueryAllEvidenceResponseSchema, create(QueryAllEvidenceResponseSchema, { evidence: [any], pagination: { total: 1n } })), cjEvidenceQuery.QueryAllEvidenceResponse.encode({ evidence: [any], pagination: { nextKey: new Uint8Array(), total: 1n } }).finish()],
    ["evidence GenesisState", toBinary(EvidenceGenesisSchema, create(EvidenceGenesisSchema, { evidence: [any] })), cjEvidenceGenesis.GenesisState.encode({ evidence: [any] }).finish()],
    ["crisis MsgVerifyInvariant", toBinary(MsgVerifyInvariantSchema, create(MsgVerifyInvariantSchema, { sender: "s", invariantModuleName: "bank", invariantRoute: "total-supply" })),
      cjCrisisTx.MsgVerifyInvariant.encode({ sender: "s", invariantModuleName: "bank", invariantRoute: "total-supply" }).finish()],
    ["crisis MsgUpdateParams", toBinary(CrisisUpdateParamsSchema, create(CrisisUpdateParamsSchema, { authority: "g", constantFee: { denom: "wei", amount: "606" } })),
      cjCrisisTx.MsgUpdateParams.encode({ authority: "g", constantFee: { denom: "wei", amount: "606" } }).finish()],
    ["crisis GenesisState (constant_fee is field 3)", toBinary(CrisisGenesisSchema, create(CrisisGenesisSchema, { constantFee: { denom: "wei", amount: "606" } })),
      cjCrisisGenesis.GenesisState.encode({ constantFee: { denom: "wei", amount: "606" } }).finish()],
  ])("%s", (_name, ours, theirs) => {
    expect(hex(ours)).toBe(hex(theirs));
  });

  it("decodes the SDK's bytes back", () => {
    const bytes = cjSlashing.ValidatorSigningInfo.encode({ address: "a", startHeight: 1n, indexOffset: 2n, jailedUntil: time, tombstoned: true, missedBlocksCounter: 3n }).finish();
    expect(fromBinary(ValidatorSigningInfoSchema, bytes)).toMatchObject({ address: "a", startHeight: 1n, indexOffset: 2n, tombstoned: true, missedBlocksCounter: 3n });
  });
});

describe("service method paths", () => {
  const paths = (s: { typeName: string; methods: ReadonlyArray<{ name: string }> }) => s.methods.map((m) => `/${s.typeName}/${m.name}`);
  it("are the SDK's", () => {
    expect(paths(SlashingMsg)).toEqual(["/cosmos.slashing.v1beta1.Msg/Unjail", "/cosmos.slashing.v1beta1.Msg/UpdateParams"]);
    expect(paths(SlashingQuery)).toEqual(["/cosmos.slashing.v1beta1.Query/Params", "/cosmos.slashing.v1beta1.Query/SigningInfo", "/cosmos.slashing.v1beta1.Query/SigningInfos"]);
    expect(paths(EvidenceMsg)).toEqual(["/cosmos.evidence.v1beta1.Msg/SubmitEvidence"]);
    expect(paths(EvidenceQuery)).toEqual(["/cosmos.evidence.v1beta1.Query/Evidence", "/cosmos.evidence.v1beta1.Query/AllEvidence"]);
    expect(paths(CrisisMsg)).toEqual(["/cosmos.crisis.v1beta1.Msg/VerifyInvariant", "/cosmos.crisis.v1beta1.Msg/UpdateParams"]);
  });
});
