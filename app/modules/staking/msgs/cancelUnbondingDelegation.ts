/**
 * MsgCancelUnbondingDelegation (spec-staking §1.4): delegates back (part of) the unbonding entry
 * created at `creation_height`. Its queue item stays; EndBlock skips a record that is gone.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrInvalidRequest, ErrNotFound, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import {
  type MsgCancelUnbondingDelegation, MsgCancelUnbondingDelegationResponseSchema, MsgCancelUnbondingDelegationSchema,
} from "../../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { fromTimestamp } from "../../register/logic/time.js";
import { delegate, invalidExRate } from "../delegation.js";
import { ErrDelegatorShareExRateInvalid, ErrNoValidatorFound, ErrValidatorJailed } from "../errors.js";
import { cancelUnbondingDelegationEvent } from "../events.js";
import type { StakingKeeper } from "../keeper.js";
import { BondStatus } from "../types.js";
import { assertVotingPowerLimit } from "../votingPowerLimit.js";
import { accArg, amountOf, type CoinField, coinField, coinText, emptyResponse, isPositiveCoin, signerOf, typeUrlOf, valArg, validAccAddress, validValAddress } from "./common.js";

interface Decoded {
  readonly msg: MsgCancelUnbondingDelegation;
  readonly amount: CoinField;
}

export function validateCancelUnbondingDelegation({ msg, amount }: Decoded): void {
  validAccAddress(msg.delegatorAddress);
  validValAddress(msg.validatorAddress);
  if (!isPositiveCoin(amount)) throw ErrInvalidRequest.wrap("invalid amount");
  if (msg.creationHeight <= 0n) throw ErrInvalidRequest.wrap("invalid height");
}

export function cancelUnbondingDelegationRoute(k: StakingKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgCancelUnbondingDelegationSchema),
    schema: MsgCancelUnbondingDelegationSchema,
    decode(bytes) {
      const msg = fromBinary(MsgCancelUnbondingDelegationSchema, bytes);
      return { msg, amount: coinField(msg.amount) };
    },
    validateBasic: validateCancelUnbondingDelegation,
    signers: ({ msg }) => [signerOf(msg.delegatorAddress)],
    handle(ctx, { msg, amount }) {
      const operator = valArg(msg.validatorAddress);
      const delegator = accArg(msg.delegatorAddress);
      const bondDenom = k.bondDenom(ctx);
      if (amount.denom !== bondDenom) throw ErrInvalidRequest.wrap(`invalid coin denomination: got ${amount.denom}, expected ${bondDenom}`);
      const validator = k.validator(ctx, operator);
      if (validator === undefined) throw ErrNoValidatorFound;
      if (invalidExRate(validator)) throw ErrDelegatorShareExRateInvalid;
      if (validator.jailed) throw ErrValidatorJailed;
      const ubd = k.unbondingDelegation(ctx, delegator, operator);
      if (ubd === undefined) {
        // QUIRK (spec-staking §1.4): a gRPC NotFound status from a tx handler is an unregistered error (code 1).
        throw plainError(`rpc error: code = NotFound desc = unbonding delegation with delegator ${msg.delegatorAddress} not found for validator ${msg.validatorAddress}`);
      }
      const index = ubd.entries.findIndex((e) => e.creationHeight === msg.creationHeight);
      if (index < 0) throw ErrNotFound.wrap(`unbonding delegation entry is not found at block height ${msg.creationHeight}`);
      const entry = ubd.entries[index]!;
      const cancel = amountOf(amount);
      if (entry.balance < cancel) throw ErrInvalidRequest.wrap("amount is greater than the unbonding delegation entry balance");
      if (entry.completionTime < fromTimestamp(ctx.header.time)) throw ErrInvalidRequest.wrap("unbonding delegation is already processed");

      delegate(k, ctx, delegator, cancel, { fromAccount: false, source: BondStatus.Unbonding }, validator);

      const left = entry.balance - cancel;
      const entries = left === 0n
        ? ubd.entries.filter((_, i) => i !== index)
        : ubd.entries.map((e, i) => (i === index ? { ...e, balance: left, initialBalance: e.initialBalance - cancel } : e));
      if (entries.length === 0) k.removeUnbondingDelegation(ctx, ubd);
      else k.setUnbondingDelegation(ctx, { ...ubd, entries });
      assertVotingPowerLimit(k, ctx);

      ctx.emit(cancelUnbondingDelegationEvent({
        amount: coinText(amount), validator: msg.validatorAddress, delegator: msg.delegatorAddress, creation_height: msg.creationHeight.toString(),
      }));
      return emptyResponse(MsgCancelUnbondingDelegationResponseSchema);
    },
  });
}
