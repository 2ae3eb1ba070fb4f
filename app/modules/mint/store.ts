/** Store and wire encodings of the mint records (`cosmos.mint.v1beta1`, Dec as raw-integer text). */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { MinterSchema, type Params as ParamsProto, ParamsSchema } from "../../codec/cosmos/mint/v1beta1/mint_pb.js";
import { Dec } from "../../math/dec.js";
import type { Minter, MintParams, MintParamsInput } from "./types.js";

export const encodeMinter = (m: Minter): Uint8Array =>
  toBinary(MinterSchema, create(MinterSchema, { inflation: m.inflation.toProtoString(), annualProvisions: m.annualProvisions.toProtoString() }));

export function decodeMinter(bytes: Uint8Array): Minter {
  const m = fromBinary(MinterSchema, bytes);
  return { inflation: Dec.fromProtoString(m.inflation), annualProvisions: Dec.fromProtoString(m.annualProvisions) };
}

export function paramsToProto(p: MintParams): ParamsProto {
  return create(ParamsSchema, {
    mintDenom: p.mintDenom,
    inflationRateChange: p.inflationRateChange.toProtoString(),
    inflationMax: p.inflationMax.toProtoString(),
    inflationMin: p.inflationMin.toProtoString(),
    goalBonded: p.goalBonded.toProtoString(),
    blocksPerYear: p.blocksPerYear,
  });
}

/** Wire params to validation input: an empty Dec field is Go's nil Dec. */
export function paramsInputFromProto(p: ParamsProto): MintParamsInput {
  const dec = (text: string): Dec | undefined => (text === "" ? undefined : Dec.fromProtoString(text));
  return {
    mintDenom: p.mintDenom,
    inflationRateChange: dec(p.inflationRateChange),
    inflationMax: dec(p.inflationMax),
    inflationMin: dec(p.inflationMin),
    goalBonded: dec(p.goalBonded),
    blocksPerYear: p.blocksPerYear,
  };
}

export const encodeParams = (p: MintParams): Uint8Array => toBinary(ParamsSchema, paramsToProto(p));

/** Stored params were validated when written. */
export function decodeParams(bytes: Uint8Array): MintParams {
  const p = fromBinary(ParamsSchema, bytes);
  return {
    mintDenom: p.mintDenom,
    inflationRateChange: Dec.fromProtoString(p.inflationRateChange),
    inflationMax: Dec.fromProtoString(p.inflationMax),
    inflationMin: Dec.fromProtoString(p.inflationMin),
    goalBonded: Dec.fromProtoString(p.goalBonded),
    blocksPerYear: p.blocksPerYear,
  };
}
