/**
 * MsgWithdrawValidatorCommission (spec-staking §2.6): the operator account collects the whole coins of
 * its validator's commission; the fractions stay. No commission → distribution 7. Like the reference,
 * it does not check that the validator still exists (a removed validator has no commission left).
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import {
  type MsgWithdrawValidatorCommission, MsgWithdrawValidatorCommissionResponseSchema, MsgWithdrawValidatorCommissionSchema,
} from "../../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { handlerAddress, parseValoper, requireAddress, signerOf } from "../addresses.js";
import type { DistributionKeeper } from "../keeper.js";
import { withdrawValidatorCommission } from "../rewards.js";
import { typeUrlOf } from "./common.js";

export function withdrawValidatorCommissionRoute(k: DistributionKeeper): MsgRoute {
  return msgRoute<MsgWithdrawValidatorCommission>({
    typeUrl: typeUrlOf(MsgWithdrawValidatorCommissionSchema),
    schema: MsgWithdrawValidatorCommissionSchema,
    decode: (bytes) => fromBinary(MsgWithdrawValidatorCommissionSchema, bytes),
    validateBasic(msg) {
      requireAddress(parseValoper, msg.validatorAddress, "validator");
    },
    // The operator's account: the same bytes as the stvaloper address.
    signers: (msg) => [signerOf(parseValoper, msg.validatorAddress)],
    handle(ctx, msg) {
      const amount = withdrawValidatorCommission(k, ctx, handlerAddress(parseValoper, msg.validatorAddress));
      return {
        typeUrl: typeUrlOf(MsgWithdrawValidatorCommissionResponseSchema),
        value: toBinary(MsgWithdrawValidatorCommissionResponseSchema, create(MsgWithdrawValidatorCommissionResponseSchema, {
          amount: amount.map((c) => ({ denom: c.denom, amount: c.amount.toString() })),
        })),
      };
    },
  });
}
