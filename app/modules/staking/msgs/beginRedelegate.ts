/**
 * MsgBeginRedelegate (spec-staking §1.4): shares move from a source to a destination validator at
 * once; the move is remembered (for slashing) until the source's unbonding would complete. The checks
 * run in the reference's order, which decides the error a bad message gets.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { ErrInvalidRequest } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgBeginRedelegate, MsgBeginRedelegateResponseSchema, MsgBeginRedelegateSchema } from "../../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { beginRedelegation, validateUnbondAmount } from "../delegation.js";
import { redelegateEvent } from "../events.js";
import type { StakingKeeper } from "../keeper.js";
import { formatRfc3339Seconds } from "../logic/time.js";
import { timestampOf } from "../store.js";
import { assertVotingPowerLimit } from "../votingPowerLimit.js";
import { accArg, amountOf, type CoinField, coinField, coinText, isPositiveCoin, signerOf, typeUrlOf, valArg, validAccAddress, validValAddress } from "./common.js";

interface Decoded {
  readonly msg: MsgBeginRedelegate;
  readonly amount: CoinField;
}

export function validateBeginRedelegate({ msg, amount }: Decoded): void {
  validAccAddress(msg.delegatorAddress);
  validValAddress(msg.validatorSrcAddress, "source validator");
  validValAddress(msg.validatorDstAddress, "destination validator");
  if (!isPositiveCoin(amount)) throw ErrInvalidRequest.wrap("invalid shares amount");
}

export function beginRedelegateRoute(k: StakingKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgBeginRedelegateSchema),
    schema: MsgBeginRedelegateSchema,
    decode(bytes) {
      const msg = fromBinary(MsgBeginRedelegateSchema, bytes);
      return { msg, amount: coinField(msg.amount) };
    },
    validateBasic: validateBeginRedelegate,
    signers: ({ msg }) => [signerOf(msg.delegatorAddress)],
    handle(ctx, { msg, amount }) {
      const src = valArg(msg.validatorSrcAddress);
      const delegator = accArg(msg.delegatorAddress);
      const shares = validateUnbondAmount(k, ctx, delegator, src, amountOf(amount));
      const bondDenom = k.bondDenom(ctx);
      if (amount.denom !== bondDenom) throw ErrInvalidRequest.wrap(`invalid coin denomination: got ${amount.denom}, expected ${bondDenom}`);
      const dst = valArg(msg.validatorDstAddress);
      const completionTime = beginRedelegation(k, ctx, delegator, src, dst, shares);
      assertVotingPowerLimit(k, ctx);
      ctx.emit(redelegateEvent({
        source_validator: msg.validatorSrcAddress,
        destination_validator: msg.validatorDstAddress,
        amount: coinText(amount),
        completion_time: formatRfc3339Seconds(completionTime),
      }));
      return {
        typeUrl: typeUrlOf(MsgBeginRedelegateResponseSchema),
        value: toBinary(MsgBeginRedelegateResponseSchema, create(MsgBeginRedelegateResponseSchema, { completionTime: timestampOf(completionTime) })),
      };
    },
  });
}
