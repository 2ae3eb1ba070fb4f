/**
 * `cosmos.bank.v1beta1.MsgSend` (SDK v0.47 `x/bank/types/msgs.go`, `keeper/msg_server.go`).
 */
import { MsgSend as MsgSendProto } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { ErrInvalidAddress, ErrInvalidCoins, ErrUnauthorized } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { accAddress, accAddressProblem, signerAddress } from "../addresses.js";
import type { BankKeeper } from "../keeper.js";
import { MsgSendSchema } from "../../../codec/cosmos/bank/v1beta1/tx_pb.js";
import { type MsgCoin, msgCoinsFromProto, msgCoinsIsAllPositive, msgCoinsIsValid, msgCoinsString, toCoins } from "../logic/msgCoins.js";

export const MSG_SEND_TYPE_URL = "/cosmos.bank.v1beta1.MsgSend";
const RESPONSE_TYPE_URL = "/cosmos.bank.v1beta1.MsgSendResponse";

export interface MsgSend {
  readonly fromAddress: string;
  readonly toAddress: string;
  readonly amount: readonly MsgCoin[];
}

/** @throws Error with the reference's unmarshal text for an amount that is not an Int. */
export function decodeMsgSend(value: Uint8Array): MsgSend {
  const m = MsgSendProto.decode(value);
  return { fromAddress: m.fromAddress, toAddress: m.toAddress, amount: msgCoinsFromProto(m.amount) };
}

/** SDK `MsgSend.ValidateBasic`. */
export function validateMsgSend(msg: MsgSend): void {
  const fromProblem = accAddressProblem(msg.fromAddress);
  if (fromProblem !== undefined) throw ErrInvalidAddress.wrap(`invalid from address: ${fromProblem.message}`);
  const toProblem = accAddressProblem(msg.toAddress);
  if (toProblem !== undefined) throw ErrInvalidAddress.wrap(`invalid to address: ${toProblem.message}`);
  if (!msgCoinsIsValid(msg.amount) || !msgCoinsIsAllPositive(msg.amount)) {
    throw ErrInvalidCoins.wrap(msgCoinsString(msg.amount));
  }
}

export function sendRoute(keeper: BankKeeper): MsgRoute {
  return msgRoute<MsgSend>({
    typeUrl: MSG_SEND_TYPE_URL,
    schema: MsgSendSchema,
    decode: decodeMsgSend,
    validateBasic: validateMsgSend,
    signers: (msg) => [signerAddress(msg.fromAddress)],
    handle(ctx, msg) {
      const amount = toCoins(msg.amount);
      keeper.isSendEnabledCoins(ctx, amount.toArray());
      const from = accAddress(msg.fromAddress);
      const to = accAddress(msg.toAddress);
      if (keeper.blockedAddr(to)) throw ErrUnauthorized.wrap(`${msg.toAddress} is not allowed to receive funds`);
      keeper.sendCoins(ctx, from, to, amount);
      return { typeUrl: RESPONSE_TYPE_URL, value: new Uint8Array() };
    },
  });
}
