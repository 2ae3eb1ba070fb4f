/** MsgUpdateMetaNode (spec-register §4.7): the owner replaces the description and may change the beneficiary. */
import { fromBinary } from "@bufbuild/protobuf";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventUpdateMetaNodeSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import { type MsgUpdateMetaNode, MsgUpdateMetaNodeResponseSchema, MsgUpdateMetaNodeSchema } from "../../../codec/stratos/register/v1/tx_pb.js";
import { accString, fails, isBlank, parseAcc, parseOr, parseSds } from "../addresses.js";
import { ErrEmptyMoniker, ErrInvalidBeneficiaryAddr, ErrInvalidNetworkAddr, ErrInvalidOwnerAddr, ErrNoMetaNodeFound, ErrUpdateMetaNode } from "../errors.js";
import type { RegisterKeeper } from "../keeper.js";
import { descriptionFromProto } from "../store.js";
import { emptyResponse, ownedBy, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

export function validateUpdateMetaNode(msg: MsgUpdateMetaNode): void {
  if (fails(parseSds, msg.networkAddress)) throw ErrInvalidNetworkAddr;
  if (fails(parseAcc, msg.ownerAddress)) throw ErrInvalidOwnerAddr;
  if ((msg.description?.moniker ?? "") === "") throw ErrEmptyMoniker;
}

export function updateMetaNodeRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<MsgUpdateMetaNode>({
    typeUrl: typeUrlOf(MsgUpdateMetaNodeSchema),
    schema: MsgUpdateMetaNodeSchema,
    decode: (bytes) => fromBinary(MsgUpdateMetaNodeSchema, bytes),
    validateBasic: validateUpdateMetaNode,
    signers: (msg) => [signerBytes(msg.ownerAddress)],
    handle(ctx, msg) {
      const addr = parseOr(parseSds, msg.networkAddress, ErrInvalidNetworkAddr);
      const owner = parseOr(parseAcc, msg.ownerAddress, ErrInvalidOwnerAddr);
      const beneficiary = isBlank(msg.beneficiaryAddress) ? undefined : parseOr(parseAcc, msg.beneficiaryAddress, ErrInvalidBeneficiaryAddr);
      wrapIn(ErrUpdateMetaNode, () => {
        const node = k.getMetaNode(ctx, addr);
        if (node === undefined) throw ErrNoMetaNodeFound;
        if (!ownedBy(node.ownerAddress, owner)) throw ErrInvalidOwnerAddr;
        k.setMetaNode(ctx, addr, {
          ...node,
          beneficiaryAddress: beneficiary === undefined ? node.beneficiaryAddress : accString(beneficiary),
          description: descriptionFromProto(msg.description),
        });
      });
      ctx.emit(typedEvent(EventUpdateMetaNodeSchema, { sender: msg.ownerAddress, networkAddress: msg.networkAddress }));
      return emptyResponse(MsgUpdateMetaNodeResponseSchema);
    },
  });
}
