/**
 * `cosmos.slashing.v1beta1.MsgUpdateParams` (SDK v0.47): the gov module account replaces the slashing
 * params. ValidateBasic checks the authority's address and the params (plain Go errors, code 1).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { validateAuthorityAddress } from "../../../baseapp/addressErrors.js";
import { ErrGovInvalidSigner, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgUpdateParams, MsgUpdateParamsResponseSchema, MsgUpdateParamsSchema } from "../../../codec/cosmos/slashing/v1beta1/tx_pb.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import type { SlashingKeeper } from "../keeper.js";
import { type RawSlashingParams, type SlashingParams, slashingParamsFromProto, validateSlashingParams } from "../params.js";

export const MSG_UPDATE_PARAMS_TYPE_URL = typeUrlOf(MsgUpdateParamsSchema);

interface Decoded {
  readonly msg: MsgUpdateParams;
  readonly params: RawSlashingParams;
}

function validParams(params: RawSlashingParams): SlashingParams {
  const valid = validateSlashingParams(params);
  if (typeof valid === "string") throw plainError(valid);
  return valid;
}

export function updateParamsRoute(k: SlashingKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: MSG_UPDATE_PARAMS_TYPE_URL,
    schema: MsgUpdateParamsSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateParamsSchema, bytes);
      return { msg, params: slashingParamsFromProto(msg.params) };
    },
    validateBasic({ msg, params }) {
      validateAuthorityAddress(msg.authority);
      validParams(params);
    },
    signers: ({ msg }) => [signerBytes(msg.authority)],
    handle(ctx, { msg, params }) {
      if (msg.authority !== k.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${k.authority}, got ${msg.authority}`);
      }
      k.setParams(ctx, validParams(params));
      return emptyResponse(MsgUpdateParamsResponseSchema);
    },
  });
}
