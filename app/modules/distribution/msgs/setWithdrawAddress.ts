/**
 * MsgSetWithdrawAddress (spec-staking §2.6; SDK v0.47 `keeper.SetWithdrawAddr`): where a delegator's
 * rewards (and an operator's commission) are paid. A module account that may not receive user funds
 * is refused (sdk 4), then a disabled feature (distribution 8).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrUnauthorized } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgSetWithdrawAddress, MsgSetWithdrawAddressResponseSchema, MsgSetWithdrawAddressSchema } from "../../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { accString, handlerAddress, parseAcc, requireAddress, signerOf } from "../addresses.js";
import { ErrSetWithdrawAddrDisabled } from "../errors.js";
import { setWithdrawAddressEvent } from "../events.js";
import type { DistributionKeeper } from "../keeper.js";
import { emptyResponse, typeUrlOf } from "./common.js";

export function setWithdrawAddressRoute(k: DistributionKeeper): MsgRoute {
  return msgRoute<MsgSetWithdrawAddress>({
    typeUrl: typeUrlOf(MsgSetWithdrawAddressSchema),
    schema: MsgSetWithdrawAddressSchema,
    decode: (bytes) => fromBinary(MsgSetWithdrawAddressSchema, bytes),
    validateBasic(msg) {
      requireAddress(parseAcc, msg.delegatorAddress, "delegator");
      requireAddress(parseAcc, msg.withdrawAddress, "withdraw");
    },
    signers: (msg) => [signerOf(parseAcc, msg.delegatorAddress)],
    handle(ctx, msg) {
      const delegator = handlerAddress(parseAcc, msg.delegatorAddress);
      const withdrawAddress = handlerAddress(parseAcc, msg.withdrawAddress);
      if (k.bank.blockedAddr(withdrawAddress)) {
        throw ErrUnauthorized.wrap(`${accString(withdrawAddress)} is not allowed to receive external funds`);
      }
      if (!k.getParams(ctx).withdrawAddrEnabled) throw ErrSetWithdrawAddrDisabled;
      ctx.emit(setWithdrawAddressEvent({ withdraw_address: accString(withdrawAddress) }));
      k.setWithdrawAddr(ctx, delegator, withdrawAddress);
      return emptyResponse(MsgSetWithdrawAddressResponseSchema);
    },
  });
}
