/**
 * MsgRemoveResourceNode (spec-register §4.5): the owner starts unbonding the whole available deposit.
 * S and Lt keep the node's effective deposit (QUIRK §10 Q6, consensus: reproduced).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventUnBondingResourceNodeSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import { type MsgRemoveResourceNode, MsgRemoveResourceNodeResponseSchema, MsgRemoveResourceNodeSchema } from "../../../codec/stratos/register/v1/tx_pb.js";
import { accString, fails, parseAcc, parseOr, parseSds } from "../addresses.js";
import { ErrInvalidNetworkAddr, ErrInvalidOwnerAddr, ErrUnbondResourceNode } from "../errors.js";
import type { RegisterKeeper } from "../keeper.js";
import { formatRfc3339Seconds } from "../logic/time.js";
import { unbondResourceNode } from "../unbonding.js";
import { blockOf, emptyResponse, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

export function validateRemoveResourceNode(msg: MsgRemoveResourceNode): void {
  if (fails(parseSds, msg.resourceNodeAddress)) throw ErrInvalidNetworkAddr;
  if (fails(parseAcc, msg.ownerAddress)) throw ErrInvalidOwnerAddr;
}

export function removeResourceNodeRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<MsgRemoveResourceNode>({
    typeUrl: typeUrlOf(MsgRemoveResourceNodeSchema),
    schema: MsgRemoveResourceNodeSchema,
    decode: (bytes) => fromBinary(MsgRemoveResourceNodeSchema, bytes),
    validateBasic: validateRemoveResourceNode,
    signers: (msg) => [signerBytes(msg.ownerAddress)],
    handle(ctx, msg) {
      const addr = parseOr(parseSds, msg.resourceNodeAddress, ErrInvalidNetworkAddr);
      const owner = parseOr(parseAcc, msg.ownerAddress, ErrInvalidOwnerAddr);
      const started = wrapIn(ErrUnbondResourceNode, () => unbondResourceNode(k, ctx, addr, accString(owner), blockOf(ctx)));
      ctx.emit(typedEvent(EventUnBondingResourceNodeSchema, {
        sender: msg.ownerAddress,
        resourceNode: msg.resourceNodeAddress,
        depositToRemove: `${started.amount}${k.bondDenom(ctx)}`,
        unbondingMatureTime: formatRfc3339Seconds(started.matureTime),
      }));
      return emptyResponse(MsgRemoveResourceNodeResponseSchema);
    },
  });
}
