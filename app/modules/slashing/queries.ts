/**
 * gRPC query methods of `cosmos.slashing.v1beta1.Query` (spec-staking §3.5; SDK v0.47
 * `keeper/grpc_query.go`), keyed by the generated service's paths; the REST gateway serves the same
 * handlers from the `google.api.http` options. Signing infos page in consensus-address byte order.
 */
import { create } from "@bufbuild/protobuf";
import { queryAddress, unary } from "../../baseapp/grpcQuery.js";
import { pageQueryFrom, paginate } from "../../baseapp/pagination.js";
import { type QueryHandler, invalidArgument, notFound } from "../../baseapp/queryRouter.js";
import { PageResponseSchema } from "../../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import { Query } from "../../codec/cosmos/slashing/v1beta1/query_pb.js";
import type { ValidatorSigningInfo as ValidatorSigningInfoProto } from "../../codec/cosmos/slashing/v1beta1/slashing_pb.js";
import { BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import type { SlashingKeeper } from "./keeper.js";
import { SIGNING_INFO_PREFIX, SLASHING_STORE_KEY } from "./keys.js";
import { slashingParamsToProto } from "./params.js";
import { decodeSigningInfo, signingInfoToProto } from "./types.js";

const parseCons = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.consensus);

export function slashingQueryHandlers(k: SlashingKeeper): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.params, (ctx) => ({ params: slashingParamsToProto(k.getParams(ctx)) })),

    unary(m.signingInfo, (ctx, req) => {
      if (req.consAddress === "") throw invalidArgument("invalid request");
      const consAddr = queryAddress(parseCons, req.consAddress);
      const info = k.getSigningInfo(ctx, consAddr);
      if (info === undefined) throw notFound(`SigningInfo not found for validator ${req.consAddress}`);
      return { valSigningInfo: signingInfoToProto(info) };
    }),

    unary(m.signingInfos, (ctx, req, bytes) => {
      const info: ValidatorSigningInfoProto[] = [];
      // A paginator error is a plain Go error in the reference (sdk 18 at the ABCI edge).
      const page = paginate(ctx.kv(SLASHING_STORE_KEY), SIGNING_INFO_PREFIX, pageQueryFrom(bytes, 1, req.pagination), (_key, value) => {
        info.push(signingInfoToProto(decodeSigningInfo(value)));
      });
      return { info, pagination: create(PageResponseSchema, { nextKey: page.nextKey, total: page.total }) };
    }),
  ]);
}
