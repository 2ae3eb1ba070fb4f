/**
 * MsgUpdateParams (spec-pot §4.5): the gov module account replaces the pot params, validated with the
 * R: rules of §3. Beyond the reference (§4.5 QUIRK R:): `mature_epoch` cannot decrease — a smaller
 * value could make a new reward record overwrite an older one that is still counted as immature.
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { ErrGovInvalidSigner, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { ParamsSchema } from "../../../codec/stratos/pot/v1/pot_pb.js";
import { type MsgUpdateParams, MsgUpdateParamsResponseSchema, MsgUpdateParamsSchema } from "../../../codec/stratos/pot/v1/tx_pb.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import { ErrMatureEpoch } from "../errors.js";
import type { PotKeeper } from "../keeper.js";
import { type PotParams, potParamsFromProto, validatePotParams } from "../params.js";
import { BECH32_PREFIX } from "./addresses.js";
import { AddressError, parseBech32Address } from "../../../crypto/address.js";

interface Decoded {
  readonly msg: MsgUpdateParams;
  readonly params: PotParams;
}

export function validateUpdateParams({ msg, params }: Decoded): void {
  try {
    parseBech32Address(msg.authority, BECH32_PREFIX.account);
  } catch (e) {
    // The raw bech32 error, unregistered (undefined/1), as the reference returns it.
    if (e instanceof AddressError) throw plainError(e.message);
    throw e;
  }
  const problem = validatePotParams(params);
  if (problem !== undefined) throw problem;
}

export function updateParamsRoute(k: PotKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgUpdateParamsSchema),
    schema: MsgUpdateParamsSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateParamsSchema, bytes);
      return { msg, params: potParamsFromProto(msg.params ?? create(ParamsSchema)) };
    },
    validateBasic: validateUpdateParams,
    signers: ({ msg }) => [signerBytes(msg.authority)],
    handle(ctx, { msg, params }) {
      if (msg.authority !== k.deps.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${k.deps.authority}, got ${msg.authority}`);
      }
      const current = k.getParams(ctx).matureEpoch;
      if (params.matureEpoch < current) throw ErrMatureEpoch.wrap(`mature epoch cannot decrease (from ${current} to ${params.matureEpoch})`);
      k.setParams(ctx, params);
      return emptyResponse(MsgUpdateParamsResponseSchema);
    },
  });
}
