/**
 * `cosmos.bank.v1beta1.MsgUpdateParams` (SDK v0.47): the module authority (gov) replaces bank params.
 * ValidateBasic only validates the params (the reference does not check the authority address there).
 */
import { MsgUpdateParams } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { ErrGovInvalidSigner, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { signerAddress } from "../addresses.js";
import type { BankKeeper } from "../keeper.js";
import { MsgUpdateParamsSchema } from "../../../codec/cosmos/bank/v1beta1/tx_pb.js";
import { type BankParams, validateBankParams } from "../params.js";

export const MSG_UPDATE_PARAMS_TYPE_URL = "/cosmos.bank.v1beta1.MsgUpdateParams";
const RESPONSE_TYPE_URL = "/cosmos.bank.v1beta1.MsgUpdateParamsResponse";

function paramsOf(msg: MsgUpdateParams): BankParams {
  return {
    sendEnabled: msg.params.sendEnabled.map((s) => ({ denom: s.denom, enabled: s.enabled })),
    defaultSendEnabled: msg.params.defaultSendEnabled,
  };
}

export function updateParamsRoute(keeper: BankKeeper): MsgRoute {
  return msgRoute<MsgUpdateParams>({
    typeUrl: MSG_UPDATE_PARAMS_TYPE_URL,
    schema: MsgUpdateParamsSchema,
    decode: (value) => MsgUpdateParams.decode(value),
    validateBasic(msg) {
      const problem = validateBankParams(paramsOf(msg));
      if (problem !== undefined) throw plainError(problem);
    },
    signers: (msg) => [signerAddress(msg.authority)],
    handle(ctx, msg) {
      if (keeper.authority !== msg.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${keeper.authority}, got ${msg.authority}`);
      }
      keeper.setParams(ctx, paramsOf(msg));
      return { typeUrl: RESPONSE_TYPE_URL, value: new Uint8Array() };
    },
  });
}
