/**
 * gRPC query methods of `cosmos.mint.v1beta1.Query` (spec-staking §6, §11.1): params, inflation and
 * annual provisions. The two Dec answers are bytes holding the raw-integer text, always present ("0"
 * for zero): CosmJS parses them as atomics and fails on a missing field.
 */
import { create } from "@bufbuild/protobuf";
import { unary } from "../../baseapp/grpcQuery.js";
import type { QueryHandler } from "../../baseapp/queryRouter.js";
import { ParamsSchema } from "../../codec/cosmos/mint/v1beta1/mint_pb.js";
import { Query } from "../../codec/cosmos/mint/v1beta1/query_pb.js";
import type { MintKeeper } from "./keeper.js";
import { paramsToProto } from "./store.js";

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

export function mintQueryHandlers(k: MintKeeper): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.params, (ctx) => {
      const params = k.getParams(ctx);
      return { params: params === undefined ? create(ParamsSchema) : paramsToProto(params) };
    }),
    unary(m.inflation, (ctx) => ({ inflation: ascii(k.getMinter(ctx).inflation.toProtoString()) })),
    unary(m.annualProvisions, (ctx) => ({ annualProvisions: ascii(k.getMinter(ctx).annualProvisions.toProtoString()) })),
  ]);
}
