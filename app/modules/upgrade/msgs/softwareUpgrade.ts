/** `cosmos.upgrade.v1beta1.MsgSoftwareUpgrade` and `MsgCancelUpgrade`: only the gov account (a passed proposal) sends them. */
import { fromBinary } from "@bufbuild/protobuf";
import { addressTxError } from "../../../baseapp/addressErrors.js";
import { ErrGovInvalidSigner, TxError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import {
  type MsgCancelUpgrade, MsgCancelUpgradeResponseSchema, MsgCancelUpgradeSchema, type MsgSoftwareUpgrade, MsgSoftwareUpgradeResponseSchema,
  MsgSoftwareUpgradeSchema,
} from "../../../codec/cosmos/upgrade/v1beta1/tx_pb.js";
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../../../crypto/address.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import type { UpgradeKeeper } from "../keeper.js";
import { planFromProto, validatePlan } from "../plan.js";

/** `sdkerrors.Wrap(err, "authority")`: the address error keeps its code. */
function checkAuthority(text: string): void {
  try {
    parseBech32Address(text, BECH32_PREFIX.account);
  } catch (e) {
    if (e instanceof AddressError) throw addressTxError(e).wrap("authority");
    throw e;
  }
}

function requireAuthority(k: UpgradeKeeper, authority: string): void {
  if (authority !== k.authority) throw ErrGovInvalidSigner.wrap(`expected ${k.authority} got ${authority}`);
}

export function softwareUpgradeRoute(k: UpgradeKeeper): MsgRoute {
  return msgRoute<MsgSoftwareUpgrade>({
    typeUrl: typeUrlOf(MsgSoftwareUpgradeSchema),
    schema: MsgSoftwareUpgradeSchema,
    decode: (bytes) => fromBinary(MsgSoftwareUpgradeSchema, bytes),
    validateBasic(msg) {
      checkAuthority(msg.authority);
      try {
        validatePlan(planFromProto(msg.plan));
      } catch (e) {
        if (e instanceof TxError) throw e.wrap("plan");
        throw e;
      }
    },
    signers: (msg) => [signerBytes(msg.authority)],
    handle(ctx, msg) {
      requireAuthority(k, msg.authority);
      k.scheduleUpgrade(ctx, planFromProto(msg.plan));
      return emptyResponse(MsgSoftwareUpgradeResponseSchema);
    },
  });
}

export function cancelUpgradeRoute(k: UpgradeKeeper): MsgRoute {
  return msgRoute<MsgCancelUpgrade>({
    typeUrl: typeUrlOf(MsgCancelUpgradeSchema),
    schema: MsgCancelUpgradeSchema,
    decode: (bytes) => fromBinary(MsgCancelUpgradeSchema, bytes),
    validateBasic: (msg) => checkAuthority(msg.authority),
    signers: (msg) => [signerBytes(msg.authority)],
    handle(ctx, msg) {
      requireAuthority(k, msg.authority);
      k.clearPlan(ctx);
      return emptyResponse(MsgCancelUpgradeResponseSchema);
    },
  });
}
