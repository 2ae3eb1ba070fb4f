/**
 * MsgWithdrawDelegatorReward (spec-staking §2.4, §2.6): pays a delegation's rewards to the delegator's
 * withdraw address and restarts its accounting. Unknown validator → distribution 6, no delegation → 5.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import {
  type MsgWithdrawDelegatorReward, MsgWithdrawDelegatorRewardResponseSchema, MsgWithdrawDelegatorRewardSchema,
} from "../../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { handlerAddress, parseAcc, parseValoper, requireAddress, signerOf } from "../addresses.js";
import type { DistributionKeeper } from "../keeper.js";
import { withdrawDelegationRewardsFor } from "../rewards.js";
import { typeUrlOf } from "./common.js";

export function withdrawDelegatorRewardRoute(k: DistributionKeeper): MsgRoute {
  return msgRoute<MsgWithdrawDelegatorReward>({
    typeUrl: typeUrlOf(MsgWithdrawDelegatorRewardSchema),
    schema: MsgWithdrawDelegatorRewardSchema,
    decode: (bytes) => fromBinary(MsgWithdrawDelegatorRewardSchema, bytes),
    validateBasic(msg) {
      requireAddress(parseAcc, msg.delegatorAddress, "delegator");
      requireAddress(parseValoper, msg.validatorAddress, "validator");
    },
    signers: (msg) => [signerOf(parseAcc, msg.delegatorAddress)],
    handle(ctx, msg) {
      const validator = handlerAddress(parseValoper, msg.validatorAddress);
      const delegator = handlerAddress(parseAcc, msg.delegatorAddress);
      const amount = withdrawDelegationRewardsFor(k, ctx, delegator, validator);
      return {
        typeUrl: typeUrlOf(MsgWithdrawDelegatorRewardResponseSchema),
        value: toBinary(MsgWithdrawDelegatorRewardResponseSchema, create(MsgWithdrawDelegatorRewardResponseSchema, {
          amount: amount.map((c) => ({ denom: c.denom, amount: c.amount.toString() })),
        })),
      };
    },
  });
}
