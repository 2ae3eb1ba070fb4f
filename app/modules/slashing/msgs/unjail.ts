/**
 * MsgUnjail (spec-staking §3.3; SDK v0.47 `Keeper.Unjail`): the operator takes its validator out of
 * jail. Checks in the reference's order — the self-delegation comes before "not jailed" — and no
 * module event (baseapp's `message` only).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { addressTxError } from "../../../baseapp/addressErrors.js";
import type { Context } from "../../../baseapp/context.js";
import { ErrInvalidAddress } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgUnjail, MsgUnjailResponseSchema, MsgUnjailSchema } from "../../../codec/cosmos/slashing/v1beta1/tx_pb.js";
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../../../crypto/address.js";
import { fromTimestamp } from "../../register/logic/time.js";
import { emptyResponse, typeUrlOf } from "../../register/msgs/common.js";
import { tokensFromShares } from "../../staking/logic/shares.js";
import {
  ErrMissingSelfDelegation, ErrNoValidatorForAddress, ErrSelfDelegationTooLowToUnjail, ErrValidatorJailed, ErrValidatorNotJailed,
} from "../errors.js";
import type { SlashingKeeper } from "../keeper.js";

export const MSG_UNJAIL_TYPE_URL = typeUrlOf(MsgUnjailSchema);

/** `GetSigners`: the operator's account (same bytes as the stvaloper address), or Go's nil when it does not parse. */
function operatorBytes(text: string): Uint8Array {
  try {
    return parseBech32Address(text, BECH32_PREFIX.validator);
  } catch (e) {
    if (e instanceof AddressError) return new Uint8Array();
    throw e;
  }
}

/** `ValidateBasic`: sdk 7 "validator input address: <err>: invalid address". */
export function validateUnjail(msg: MsgUnjail): void {
  try {
    parseBech32Address(msg.validatorAddr, BECH32_PREFIX.validator);
  } catch (e) {
    if (e instanceof AddressError) throw ErrInvalidAddress.wrap(`validator input address: ${e.message}`);
    throw e;
  }
}

/** `Keeper.Unjail`: every refusal is a registered slashing error; state changes only on success. */
export function unjail(k: SlashingKeeper, ctx: Context, operator: Uint8Array): void {
  const validator = k.staking.validator(ctx, operator);
  if (validator === undefined) throw ErrNoValidatorForAddress;

  // The operator's account and its validator share their address bytes.
  const selfDelegation = k.staking.delegation(ctx, operator, operator);
  if (selfDelegation === undefined) throw ErrMissingSelfDelegation;
  const tokens = tokensFromShares(validator, selfDelegation.shares).truncateInt();
  if (tokens < validator.minSelfDelegation) {
    throw ErrSelfDelegationTooLowToUnjail.wrap(`${tokens} less than ${validator.minSelfDelegation}`);
  }

  if (!validator.jailed) throw ErrValidatorNotJailed;

  // Without a signing info the validator was never bonded: it was jailed for its self-delegation alone
  // and may leave as soon as that is restored.
  const info = k.getSigningInfo(ctx, validator.consensusAddress);
  if (info !== undefined) {
    if (info.tombstoned) throw ErrValidatorJailed;
    if (fromTimestamp(ctx.header.time) < info.jailedUntil) throw ErrValidatorJailed;
  }
  k.staking.unjail(ctx, validator.consensusAddress);
}

export function unjailRoute(k: SlashingKeeper): MsgRoute {
  return msgRoute<MsgUnjail>({
    typeUrl: MSG_UNJAIL_TYPE_URL,
    schema: MsgUnjailSchema,
    decode: (bytes) => fromBinary(MsgUnjailSchema, bytes),
    validateBasic: validateUnjail,
    signers: (msg) => [operatorBytes(msg.validatorAddr)],
    handle(ctx, msg) {
      let operator: Uint8Array;
      try {
        operator = parseBech32Address(msg.validatorAddr, BECH32_PREFIX.validator);
      } catch (e) {
        throw addressTxError(e);
      }
      unjail(k, ctx, operator);
      return emptyResponse(MsgUnjailResponseSchema);
    },
  });
}
