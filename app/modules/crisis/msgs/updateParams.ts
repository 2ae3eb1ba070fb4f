/**
 * `cosmos.crisis.v1beta1.MsgUpdateParams` (SDK v0.47): the gov module account replaces the constant fee.
 * ValidateBasic checks the authority's address and the fee (its texts keep the reference's "costant").
 */
import { fromBinary } from "@bufbuild/protobuf";
import { validateAuthorityAddress } from "../../../baseapp/addressErrors.js";
import { ErrGovInvalidSigner, ErrInvalidCoins } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgUpdateParams, MsgUpdateParamsResponseSchema, MsgUpdateParamsSchema } from "../../../codec/cosmos/crisis/v1beta1/tx_pb.js";
import { isValidDenom } from "../../../math/coins.js";
import { unmarshalIntText } from "../../../math/int.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import type { CrisisKeeper } from "../keeper.js";

export const MSG_UPDATE_PARAMS_TYPE_URL = typeUrlOf(MsgUpdateParamsSchema);

interface Decoded {
  readonly msg: MsgUpdateParams;
  /** The fee; `amount` undefined is Go's nil Int (an absent amount). */
  readonly fee: { readonly denom: string; readonly amount: bigint | undefined };
}

export function updateParamsRoute(k: CrisisKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: MSG_UPDATE_PARAMS_TYPE_URL,
    schema: MsgUpdateParamsSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateParamsSchema, bytes);
      return { msg, fee: { denom: msg.constantFee?.denom ?? "", amount: unmarshalIntText(msg.constantFee?.amount ?? "") } };
    },
    validateBasic({ msg, fee }) {
      validateAuthorityAddress(msg.authority);
      // Coin.IsValid: a valid denom and a non-nil, non-negative amount (so "negative costant fee" is never reached).
      if (!isValidDenom(fee.denom) || fee.amount === undefined || fee.amount < 0n) throw ErrInvalidCoins.wrap("invalid costant fee");
    },
    signers: ({ msg }) => [signerBytes(msg.authority)],
    handle(ctx, { msg, fee }) {
      if (msg.authority !== k.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${k.authority}, got ${msg.authority}`);
      }
      // ValidateBasic refused a nil amount already; SetConstantFee would print it as "<nil>".
      if (fee.amount === undefined) throw ErrInvalidCoins.wrap(`negative or invalid constant fee: <nil>${fee.denom}`);
      k.setConstantFee(ctx, { denom: fee.denom, amount: fee.amount });
      return emptyResponse(MsgUpdateParamsResponseSchema);
    },
  });
}
