/**
 * MsgUndelegate (spec-staking §1.4): shares worth `amount` leave the validator; the tokens wait
 * unbonding_time in an unbonding entry. The event carries the requested amount; the entry holds the
 * tokens the shares actually returned.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { ErrInvalidRequest } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgUndelegate, MsgUndelegateResponseSchema, MsgUndelegateSchema } from "../../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { undelegate, validateUnbondAmount } from "../delegation.js";
import { unbondEvent } from "../events.js";
import type { StakingKeeper } from "../keeper.js";
import { formatRfc3339Seconds } from "../logic/time.js";
import { timestampOf } from "../store.js";
import { accArg, amountOf, type CoinField, coinField, coinText, isPositiveCoin, signerOf, typeUrlOf, valArg, validAccAddress, validValAddress } from "./common.js";

interface Decoded {
  readonly msg: MsgUndelegate;
  readonly amount: CoinField;
}

export function validateUndelegate({ msg, amount }: Decoded): void {
  validAccAddress(msg.delegatorAddress);
  validValAddress(msg.validatorAddress);
  if (!isPositiveCoin(amount)) throw ErrInvalidRequest.wrap("invalid shares amount");
}

export function undelegateRoute(k: StakingKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgUndelegateSchema),
    schema: MsgUndelegateSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUndelegateSchema, bytes);
      return { msg, amount: coinField(msg.amount) };
    },
    validateBasic: validateUndelegate,
    signers: ({ msg }) => [signerOf(msg.delegatorAddress)],
    handle(ctx, { msg, amount }) {
      const operator = valArg(msg.validatorAddress);
      const delegator = accArg(msg.delegatorAddress);
      const shares = validateUnbondAmount(k, ctx, delegator, operator, amountOf(amount));
      const bondDenom = k.bondDenom(ctx);
      if (amount.denom !== bondDenom) throw ErrInvalidRequest.wrap(`invalid coin denomination: got ${amount.denom}, expected ${bondDenom}`);
      const completionTime = undelegate(k, ctx, delegator, operator, shares);
      ctx.emit(unbondEvent({
        validator: msg.validatorAddress, amount: coinText(amount), delegator: msg.delegatorAddress, completion_time: formatRfc3339Seconds(completionTime),
      }));
      return {
        typeUrl: typeUrlOf(MsgUndelegateResponseSchema),
        value: toBinary(MsgUndelegateResponseSchema, create(MsgUndelegateResponseSchema, { completionTime: timestampOf(completionTime) })),
      };
    },
  });
}
