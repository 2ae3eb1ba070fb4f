/** MsgDelegate (spec-staking §1.4): tokens from the delegator's account to a validator, for shares. */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrInvalidRequest } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgDelegate, MsgDelegateResponseSchema, MsgDelegateSchema } from "../../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { delegate } from "../delegation.js";
import { ErrNoValidatorFound } from "../errors.js";
import { delegateEvent } from "../events.js";
import type { StakingKeeper } from "../keeper.js";
import { assertVotingPowerLimit } from "../votingPowerLimit.js";
import { accArg, amountOf, type CoinField, coinField, coinText, emptyResponse, isPositiveCoin, signerOf, typeUrlOf, valArg, validAccAddress, validValAddress } from "./common.js";

interface Decoded {
  readonly msg: MsgDelegate;
  readonly amount: CoinField;
}

export function validateDelegate({ msg, amount }: Decoded): void {
  validAccAddress(msg.delegatorAddress);
  validValAddress(msg.validatorAddress);
  if (!isPositiveCoin(amount)) throw ErrInvalidRequest.wrap("invalid delegation amount");
}

export function delegateRoute(k: StakingKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgDelegateSchema),
    schema: MsgDelegateSchema,
    decode(bytes) {
      const msg = fromBinary(MsgDelegateSchema, bytes);
      return { msg, amount: coinField(msg.amount) };
    },
    validateBasic: validateDelegate,
    signers: ({ msg }) => [signerOf(msg.delegatorAddress)],
    handle(ctx, { msg, amount }) {
      const validator = k.validator(ctx, valArg(msg.validatorAddress));
      if (validator === undefined) throw ErrNoValidatorFound;
      const delegator = accArg(msg.delegatorAddress);
      const bondDenom = k.bondDenom(ctx);
      if (amount.denom !== bondDenom) throw ErrInvalidRequest.wrap(`invalid coin denomination: got ${amount.denom}, expected ${bondDenom}`);
      const shares = delegate(k, ctx, delegator, amountOf(amount), { fromAccount: true }, validator);
      assertVotingPowerLimit(k, ctx);
      ctx.emit(delegateEvent({ validator: msg.validatorAddress, delegator: msg.delegatorAddress, amount: coinText(amount), new_shares: shares.toString() }));
      return emptyResponse(MsgDelegateResponseSchema);
    },
  });
}
