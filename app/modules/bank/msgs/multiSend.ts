/**
 * `cosmos.bank.v1beta1.MsgMultiSend` (SDK v0.47): exactly one input, any number of outputs, sums equal.
 */
import { MsgMultiSend as MsgMultiSendProto } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { ErrInvalidAddress, ErrInvalidCoins, ErrUnauthorized } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { accAddress, accAddressProblem, signerAddress } from "../addresses.js";
import { ErrMultipleSenders, ErrNoInputs, ErrNoOutputs } from "../errors.js";
import type { BankKeeper } from "../keeper.js";
import { MsgMultiSendSchema } from "../../../codec/cosmos/bank/v1beta1/tx_pb.js";
import { type MsgCoin, msgCoinsFromProto, msgCoinsIsAllPositive, msgCoinsIsValid, msgCoinsString, toCoins } from "../logic/msgCoins.js";
import { type InputOutput, validateInputsOutputs } from "../logic/inputsOutputs.js";

export const MSG_MULTI_SEND_TYPE_URL = "/cosmos.bank.v1beta1.MsgMultiSend";
const RESPONSE_TYPE_URL = "/cosmos.bank.v1beta1.MsgMultiSendResponse";

export interface MsgSide {
  readonly address: string;
  readonly coins: readonly MsgCoin[];
}

export interface MsgMultiSend {
  readonly inputs: readonly MsgSide[];
  readonly outputs: readonly MsgSide[];
}

/** @throws Error with the reference's unmarshal text for an amount that is not an Int. */
export function decodeMsgMultiSend(value: Uint8Array): MsgMultiSend {
  const m = MsgMultiSendProto.decode(value);
  return {
    inputs: m.inputs.map((i) => ({ address: i.address, coins: msgCoinsFromProto(i.coins) })),
    outputs: m.outputs.map((o) => ({ address: o.address, coins: msgCoinsFromProto(o.coins) })),
  };
}

/** SDK `Input.ValidateBasic` / `Output.ValidateBasic` on the side as written. */
function validateSide(side: MsgSide, kind: "input" | "output"): InputOutput {
  const problem = accAddressProblem(side.address);
  if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid ${kind} address: ${problem.message}`);
  if (!msgCoinsIsValid(side.coins) || !msgCoinsIsAllPositive(side.coins)) {
    throw ErrInvalidCoins.wrap(msgCoinsString(side.coins));
  }
  return { address: side.address, coins: toCoins(side.coins) };
}

function sides(msg: MsgMultiSend): { inputs: InputOutput[]; outputs: InputOutput[] } {
  const inputs = msg.inputs.map((s) => validateSide(s, "input"));
  const outputs = msg.outputs.map((s) => validateSide(s, "output"));
  return { inputs, outputs };
}

/** SDK `MsgMultiSend.ValidateBasic`. */
export function validateMsgMultiSend(msg: MsgMultiSend): void {
  if (msg.inputs.length === 0) throw ErrNoInputs;
  if (msg.inputs.length !== 1) throw ErrMultipleSenders;
  if (msg.outputs.length === 0) throw ErrNoOutputs;
  const { inputs, outputs } = sides(msg);
  validateInputsOutputs(inputs, outputs);
}

export function multiSendRoute(keeper: BankKeeper): MsgRoute {
  return msgRoute<MsgMultiSend>({
    typeUrl: MSG_MULTI_SEND_TYPE_URL,
    schema: MsgMultiSendSchema,
    decode: decodeMsgMultiSend,
    validateBasic: validateMsgMultiSend,
    signers: (msg) => msg.inputs.map((i) => signerAddress(i.address)),
    handle(ctx, msg) {
      const { inputs, outputs } = sides(msg);
      for (const input of inputs) keeper.isSendEnabledCoins(ctx, input.coins.toArray());
      for (const output of outputs) {
        if (keeper.blockedAddr(accAddress(output.address))) {
          throw ErrUnauthorized.wrap(`${output.address} is not allowed to receive funds`);
        }
      }
      keeper.inputOutputCoins(ctx, inputs, outputs);
      return { typeUrl: RESPONSE_TYPE_URL, value: new Uint8Array() };
    },
  });
}
