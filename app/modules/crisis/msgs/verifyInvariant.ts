/**
 * MsgVerifyInvariant (spec-staking §7; SDK v0.47 `Keeper.VerifyInvariant`): the sender pays the constant
 * fee to the fee collector, then one registered invariant runs on the message's state (read-only; its
 * reads are charged to the tx's gas, as in the reference's cache context). A broken invariant makes the
 * reference's handler panic: the tx fails with code 111222 and the message's writes, the fee included,
 * are dropped — the chain does not halt (§13 item 15). An intact one emits `invariant{route}`.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { addressTxError } from "../../../baseapp/addressErrors.js";
import { ErrInvalidAddress, ErrPanic } from "../../../baseapp/errors.js";
import { legacyEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgVerifyInvariant, MsgVerifyInvariantResponseSchema, MsgVerifyInvariantSchema } from "../../../codec/cosmos/crisis/v1beta1/tx_pb.js";
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../../../crypto/address.js";
import { coin, Coins } from "../../../math/coins.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import { ErrUnknownInvariant } from "../errors.js";
import { type CrisisKeeper, fullRoute } from "../keeper.js";
import { FEE_COLLECTOR } from "../keys.js";

export const MSG_VERIFY_INVARIANT_TYPE_URL = typeUrlOf(MsgVerifyInvariantSchema);

/** `ValidateBasic`: sdk 7 "invalid sender address: <err>: invalid address". */
export function validateVerifyInvariant(msg: MsgVerifyInvariant): void {
  try {
    parseBech32Address(msg.sender, BECH32_PREFIX.account);
  } catch (e) {
    if (e instanceof AddressError) throw ErrInvalidAddress.wrap(`invalid sender address: ${e.message}`);
    throw e;
  }
}

export function verifyInvariantRoute(k: CrisisKeeper): MsgRoute {
  return msgRoute<MsgVerifyInvariant>({
    typeUrl: MSG_VERIFY_INVARIANT_TYPE_URL,
    schema: MsgVerifyInvariantSchema,
    decode: (bytes) => fromBinary(MsgVerifyInvariantSchema, bytes),
    validateBasic: validateVerifyInvariant,
    signers: (msg) => [signerBytes(msg.sender)],
    handle(ctx, msg) {
      const fee = k.getConstantFee(ctx);
      let sender: Uint8Array;
      try {
        sender = parseBech32Address(msg.sender, BECH32_PREFIX.account);
      } catch (e) {
        throw addressTxError(e);
      }
      // sdk.NewCoins drops a zero fee.
      k.bank.sendCoinsFromAccountToModule(ctx, sender, FEE_COLLECTOR, Coins.of(coin(fee.denom, fee.amount)));

      const wanted = fullRoute({ moduleName: msg.invariantModuleName, route: msg.invariantRoute });
      const route = k.routes().find((r) => fullRoute(r) === wanted);
      if (route === undefined) throw ErrUnknownInvariant;
      const problem = route.invariant(ctx);
      if (problem !== undefined) throw ErrPanic.wrap(`invariant broken: ${wanted}: ${problem}`);

      ctx.emit(legacyEvent("invariant", { route: msg.invariantRoute }));
      return emptyResponse(MsgVerifyInvariantResponseSchema);
    },
  });
}
