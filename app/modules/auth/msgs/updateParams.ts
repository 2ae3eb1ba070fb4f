/**
 * `cosmos.auth.v1beta1.MsgUpdateParams` (SDK v0.47 `x/auth/types/msgs.go`, `keeper/msg_server.go`):
 * the module authority (gov) replaces all auth params.
 */
import { MsgUpdateParams } from "cosmjs-types/cosmos/auth/v1beta1/tx";
import { addressTxError } from "../../../baseapp/addressErrors.js";
import { ErrGovInvalidSigner, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { MsgUpdateParamsSchema } from "../../../codec/cosmos/auth/v1beta1/tx_pb.js";
import { BECH32_PREFIX, parseBech32Address } from "../../../crypto/address.js";
import type { AccountKeeper } from "../keeper.js";
import { type AuthParams, authParamsFromProto, validateAuthParams } from "../params.js";

export const MSG_UPDATE_PARAMS_TYPE_URL = "/cosmos.auth.v1beta1.MsgUpdateParams";
const RESPONSE_TYPE_URL = "/cosmos.auth.v1beta1.MsgUpdateParamsResponse";


function paramsOf(msg: MsgUpdateParams): AuthParams {
  return authParamsFromProto(msg.params);
}

export function updateParamsRoute(keeper: AccountKeeper): MsgRoute {
  return msgRoute<MsgUpdateParams>({
    typeUrl: MSG_UPDATE_PARAMS_TYPE_URL,
    schema: MsgUpdateParamsSchema,
    decode: (value) => MsgUpdateParams.decode(value),
    validateBasic(msg) {
      try {
        parseBech32Address(msg.authority, BECH32_PREFIX.account);
      } catch (e) {
        throw addressTxError(e).wrap("invalid authority address");
      }
      const problem = validateAuthParams(paramsOf(msg));
      if (problem !== undefined) throw plainError(problem);
    },
    signers(msg) {
      try {
        return [parseBech32Address(msg.authority, BECH32_PREFIX.account)];
      } catch {
        return [new Uint8Array()]; // Go: a nil signer (ValidateBasic has already refused the message)
      }
    },
    handle(ctx, msg) {
      if (keeper.authority !== msg.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${keeper.authority}, got ${msg.authority}`);
      }
      keeper.setParams(ctx, paramsOf(msg));
      return { typeUrl: RESPONSE_TYPE_URL, value: new Uint8Array() };
    },
  });
}
