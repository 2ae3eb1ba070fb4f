/**
 * `cosmos.bank.v1beta1.MsgSetSendEnabled` (SDK v0.47): the module authority (gov) sets per-denom send
 * flags (`send_enabled`) and removes others (`use_default_for`).
 */
import { MsgSetSendEnabled } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { ErrGovInvalidSigner, ErrInvalidAddress, ErrInvalidRequest } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { isValidDenom } from "../../../math/coins.js";
import { accAddressProblem, signerAddress } from "../addresses.js";
import type { BankKeeper } from "../keeper.js";
import { goQuote } from "../logic/goQuote.js";
import { validateSendEnabled } from "../params.js";
import { MsgSetSendEnabledSchema } from "../../../codec/cosmos/bank/v1beta1/tx_pb.js";

export const MSG_SET_SEND_ENABLED_TYPE_URL = "/cosmos.bank.v1beta1.MsgSetSendEnabled";
const RESPONSE_TYPE_URL = "/cosmos.bank.v1beta1.MsgSetSendEnabledResponse";

/** SDK `MsgSetSendEnabled.ValidateBasic`. */
export function validateMsgSetSendEnabled(msg: MsgSetSendEnabled): void {
  if (msg.authority.length > 0) {
    const problem = accAddressProblem(msg.authority);
    if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid authority address: ${problem.message}`);
  }
  const seen = new Set<string>();
  for (const se of msg.sendEnabled) {
    if (seen.has(se.denom)) throw ErrInvalidRequest.wrap(`duplicate denom entries found for ${goQuote(se.denom)}`);
    seen.add(se.denom);
    const problem = validateSendEnabled(se);
    if (problem !== undefined) throw ErrInvalidRequest.wrap(`invalid SendEnabled denom ${goQuote(se.denom)}: ${problem}`);
  }
  for (const denom of msg.useDefaultFor) {
    if (!isValidDenom(denom)) {
      throw ErrInvalidRequest.wrap(`invalid UseDefaultFor denom ${goQuote(denom)}: invalid denom: ${denom}`);
    }
  }
}

export function setSendEnabledRoute(keeper: BankKeeper): MsgRoute {
  return msgRoute<MsgSetSendEnabled>({
    typeUrl: MSG_SET_SEND_ENABLED_TYPE_URL,
    schema: MsgSetSendEnabledSchema,
    decode: (value) => MsgSetSendEnabled.decode(value),
    validateBasic: validateMsgSetSendEnabled,
    signers: (msg) => [signerAddress(msg.authority)],
    handle(ctx, msg) {
      if (keeper.authority !== msg.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${keeper.authority}, got ${msg.authority}`);
      }
      if (msg.sendEnabled.length > 0) keeper.setAllSendEnabled(ctx, msg.sendEnabled);
      if (msg.useDefaultFor.length > 0) keeper.deleteSendEnabled(ctx, msg.useDefaultFor);
      return { typeUrl: RESPONSE_TYPE_URL, value: new Uint8Array() };
    },
  });
}
