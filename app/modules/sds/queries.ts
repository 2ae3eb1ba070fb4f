/**
 * gRPC query methods of `stratos.sds.v1.Query` (spec-sds §6), keyed by the paths of the generated
 * service descriptor; the REST gateway serves the same handlers from the `google.api.http` options.
 */
import { create } from "@bufbuild/protobuf";
import { ErrPanic } from "../../baseapp/errors.js";
import { unary } from "../../baseapp/grpcQuery.js";
import { type QueryHandler, invalidArgument } from "../../baseapp/queryRouter.js";
import { Query } from "../../codec/stratos/sds/v1/query_pb.js";
import { FileInfoSchema, ParamsSchema } from "../../codec/stratos/sds/v1/sds_pb.js";
import { CoinParseError, InvalidDenomError } from "../../math/coins.js";
import { DivisionByZeroError } from "../../math/dec.js";
import { nozPrice, nozSupply } from "../register/logic/ozone.js";
import { decodeCid } from "./cid.js";
import { ErrNoFileFound } from "./errors.js";
import type { SdsKeeper } from "./keeper.js";
import { simPrepayNoz } from "./logic/prepay.js";

/** A Dec division by zero or an invalid bond denom panics in the reference; the query fails with 111222. */
function panicsAsError<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof DivisionByZeroError || e instanceof InvalidDenomError) throw ErrPanic.wrap(e.message);
    throw e;
  }
}

export function sdsQueryHandlers(k: SdsKeeper): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.fileupload, (ctx, req) => {
      if (req.fileHash === "") throw invalidArgument(" Network address cannot be empty"); // sic
      const hash = new TextEncoder().encode(req.fileHash);
      if (decodeCid(hash) === undefined) throw new Error(`invalid file hash ${req.fileHash}`);
      const info = k.getFileInfo(ctx, hash);
      if (info === undefined) throw ErrNoFileFound;
      return { fileInfo: create(FileInfoSchema, { height: info.height.toString(), reporters: info.reporters, uploader: info.uploader }) };
    }),

    unary(m.simPrepay, (ctx, req) => {
      if (req.amount === "") throw invalidArgument("Amount cannot be empty");
      const denom = k.getParams(ctx).bondDenom;
      try {
        return { noz: panicsAsError(() => simPrepayNoz(k.prepayParams(ctx), req.amount, denom)).toString() };
      } catch (e) {
        if (e instanceof CoinParseError) throw invalidArgument("Amount invalid");
        throw e;
      }
    }),

    unary(m.nozPrice, (ctx) => {
      const { s, pt, lt } = k.prepayParams(ctx);
      return { price: panicsAsError(() => nozPrice(s, pt, lt)).toProtoString() };
    }),

    unary(m.nozSupply, (ctx) => {
      const { s, lt } = k.register.ozoneState(ctx);
      const supply = panicsAsError(() => nozSupply(s, lt, k.register.getDepositNozRate(ctx)));
      return { remaining: supply.remaining.toString(), total: supply.total.toString() };
    }),

    unary(m.params, (ctx) => ({ params: create(ParamsSchema, { bondDenom: k.getParams(ctx).bondDenom }) })),
  ]);
}
