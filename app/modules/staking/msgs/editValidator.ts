/**
 * MsgEditValidator (spec-staking §1.4): description (with `[do-not-modify]`), commission rate (once a
 * day, within the rate rules) and minimum self-delegation (only up, and not above the tokens).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrInvalidRequest, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgEditValidator, MsgEditValidatorResponseSchema, MsgEditValidatorSchema } from "../../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { Dec } from "../../../math/dec.js";
import { fromTimestamp } from "../../register/logic/time.js";
import { ErrMinSelfDelegationDecreased, ErrNoValidatorFound, ErrSelfDelegationBelowMinimum } from "../errors.js";
import { editValidatorEvent } from "../events.js";
import type { StakingKeeper } from "../keeper.js";
import { commissionYaml, validateNewRate } from "../logic/commission.js";
import { descriptionLengthError, isEmptyDescription, mergeDescription } from "../logic/description.js";
import { descriptionFromProto, parseVal } from "../store.js";
import type { Description, Validator } from "../types.js";
import { emptyResponse, optionalInt, signerOf, typeUrlOf, valArg, validValAddress } from "./common.js";

interface Decoded {
  readonly msg: MsgEditValidator;
  readonly description: Description;
  readonly commissionRate: Dec | undefined;
  readonly minSelfDelegation: bigint | undefined;
}

export function validateEditValidator(d: Decoded): void {
  validValAddress(d.msg.validatorAddress);
  if (isEmptyDescription(d.description)) throw ErrInvalidRequest.wrap("empty description");
  if (d.minSelfDelegation !== undefined && d.minSelfDelegation <= 0n) {
    throw ErrInvalidRequest.wrap("minimum self delegation must be a positive integer");
  }
  if (d.commissionRate !== undefined && (d.commissionRate.gt(Dec.ONE) || d.commissionRate.isNegative())) {
    throw ErrInvalidRequest.wrap("commission rate must be between 0 and 1 (inclusive)");
  }
}

export function editValidatorRoute(k: StakingKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgEditValidatorSchema),
    schema: MsgEditValidatorSchema,
    decode(bytes) {
      const msg = fromBinary(MsgEditValidatorSchema, bytes);
      return {
        msg,
        description: descriptionFromProto(msg.description),
        commissionRate: msg.commissionRate === "" ? undefined : Dec.fromProtoString(msg.commissionRate),
        minSelfDelegation: optionalInt(msg.minSelfDelegation),
      };
    },
    validateBasic: validateEditValidator,
    signers: ({ msg }) => [signerOf(msg.validatorAddress, parseVal)],
    handle(ctx, d) {
      const operator = valArg(d.msg.validatorAddress);
      const current = k.validator(ctx, operator);
      if (current === undefined) throw ErrNoValidatorFound;
      const description = mergeDescription(current.description, d.description);
      const tooLong = descriptionLengthError(description);
      if (tooLong !== undefined) throw tooLong;
      let validator: Validator = { ...current, description };

      if (d.commissionRate !== undefined) {
        const blockTime = fromTimestamp(ctx.header.time);
        const bad = validateNewRate(validator.commission, d.commissionRate, blockTime);
        if (bad !== undefined) throw bad;
        const min = k.getParams(ctx).minCommissionRate;
        if (d.commissionRate.lt(min)) throw plainError(`cannot set validator commission to less than minimum rate of ${min.toString()}`);
        k.hooks.beforeValidatorModified(ctx, operator);
        validator = { ...validator, commission: { rates: { ...validator.commission.rates, rate: d.commissionRate }, updateTime: blockTime } };
      }

      if (d.minSelfDelegation !== undefined) {
        if (!(d.minSelfDelegation > validator.minSelfDelegation)) throw ErrMinSelfDelegationDecreased;
        if (d.minSelfDelegation > validator.tokens) throw ErrSelfDelegationBelowMinimum;
        validator = { ...validator, minSelfDelegation: d.minSelfDelegation };
      }

      k.setValidator(ctx, validator);
      ctx.emit(editValidatorEvent({ commission_rate: commissionYaml(validator.commission), min_self_delegation: validator.minSelfDelegation.toString() }));
      return emptyResponse(MsgEditValidatorResponseSchema);
    },
  });
}
