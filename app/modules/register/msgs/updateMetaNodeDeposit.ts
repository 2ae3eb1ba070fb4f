/**
 * MsgUpdateMetaNodeDeposit (spec-register §4.8): the owner adds deposit; for an active meta node it
 * enters the ozone economy at once (S and Lt grow).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventUpdateMetaNodeDepositSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import {
  type MsgUpdateMetaNodeDeposit, MsgUpdateMetaNodeDepositResponseSchema, MsgUpdateMetaNodeDepositSchema,
} from "../../../codec/stratos/register/v1/tx_pb.js";
import { parseAcc, parseOr, parseSds } from "../addresses.js";
import { addMetaDeposit } from "../deposits.js";
import { ErrBadDenom, ErrInvalidNetworkAddr, ErrInvalidOwnerAddr, ErrNoMetaNodeFound, ErrUpdateMetaNodeDeposit } from "../errors.js";
import type { RegisterKeeper } from "../keeper.js";
import { formatRfc3339Seconds } from "../logic/time.js";
import { blockTime, emptyResponse, intField, ownedBy, signerBytes, typeUrlOf } from "./common.js";
import { validateDepositChange } from "./updateResourceNodeDeposit.js";
import { wrapIn } from "./wrap.js";

interface Decoded {
  readonly msg: MsgUpdateMetaNodeDeposit;
  readonly amount: bigint;
}

export function updateMetaNodeDepositRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgUpdateMetaNodeDepositSchema),
    schema: MsgUpdateMetaNodeDepositSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateMetaNodeDepositSchema, bytes);
      return { msg, amount: intField(msg.depositDelta?.amount ?? "") };
    },
    validateBasic: validateDepositChange,
    signers: ({ msg }) => [signerBytes(msg.ownerAddress)],
    handle(ctx, { msg, amount }) {
      const addr = parseOr(parseSds, msg.networkAddress, ErrInvalidNetworkAddr);
      const owner = parseOr(parseAcc, msg.ownerAddress, ErrInvalidOwnerAddr);
      const denom = msg.depositDelta?.denom ?? "";
      const { tokensBefore, outcome, bondDenom } = wrapIn(ErrUpdateMetaNodeDeposit, () => {
        const bondDenom = k.bondDenom(ctx);
        if (denom !== bondDenom) throw ErrBadDenom;
        const node = k.getMetaNode(ctx, addr);
        if (node === undefined) throw ErrNoMetaNodeFound;
        if (!ownedBy(node.ownerAddress, owner)) throw ErrInvalidOwnerAddr;
        return { tokensBefore: node.tokens, outcome: addMetaDeposit(k, ctx, addr, node, amount), bondDenom };
      });
      ctx.emit(typedEvent(EventUpdateMetaNodeDepositSchema, {
        sender: msg.ownerAddress,
        networkAddress: msg.networkAddress,
        depositDelta: `${amount}${denom}`,
        // The deposit before this one (QUIRK §10 Q10, the relayd contract: reproduced).
        currentDeposit: `${tokensBefore}${bondDenom}`,
        availableTokenBefore: `${outcome.availableBefore}${bondDenom}`,
        availableTokenAfter: `${outcome.availableAfter}${bondDenom}`,
        ozoneLimitChanges: outcome.ozoneLimitChange.toString(),
        unbondingMatureTime: formatRfc3339Seconds(blockTime(ctx)),
      }));
      return emptyResponse(MsgUpdateMetaNodeDepositResponseSchema);
    },
  });
}
