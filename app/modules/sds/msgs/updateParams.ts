/**
 * MsgUpdateParams (spec-sds §4.3): the gov module account replaces the sds params. Beyond the reference
 * (§3 QUIRK, §10 item 11 R:): the bond denom must equal register's, or prepaid tokens would stop
 * counting as Pt.
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { ErrGovInvalidSigner, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { ParamsSchema } from "../../../codec/stratos/sds/v1/sds_pb.js";
import { type MsgUpdateParams, MsgUpdateParamsResponseSchema, MsgUpdateParamsSchema } from "../../../codec/stratos/sds/v1/tx_pb.js";
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../../../crypto/address.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import { ErrInvalidDenom } from "../errors.js";
import type { SdsKeeper } from "../keeper.js";
import { validateSdsParams } from "../params.js";

export function validateUpdateParams(msg: MsgUpdateParams): void {
  try {
    parseBech32Address(msg.authority, BECH32_PREFIX.account);
  } catch (e) {
    if (e instanceof AddressError) throw plainError(e.message);
    throw e;
  }
  const problem = validateSdsParams({ bondDenom: (msg.params ?? create(ParamsSchema)).bondDenom });
  if (problem !== undefined) throw ErrInvalidDenom.wrap(problem);
}

export function updateParamsRoute(k: SdsKeeper): MsgRoute {
  return msgRoute<MsgUpdateParams>({
    typeUrl: typeUrlOf(MsgUpdateParamsSchema),
    schema: MsgUpdateParamsSchema,
    decode: (bytes) => fromBinary(MsgUpdateParamsSchema, bytes),
    validateBasic: validateUpdateParams,
    signers: (msg) => [signerBytes(msg.authority)],
    handle(ctx, msg) {
      if (msg.authority !== k.deps.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${k.deps.authority}, got ${msg.authority}`);
      }
      const bondDenom = (msg.params ?? create(ParamsSchema)).bondDenom;
      const registerDenom = k.register.bondDenom(ctx);
      if (bondDenom !== registerDenom) {
        throw ErrInvalidDenom.wrap(`sds bond denom ${bondDenom} must equal register's ${registerDenom}`);
      }
      k.setParams(ctx, { bondDenom });
      return emptyResponse(MsgUpdateParamsResponseSchema);
    },
  });
}
