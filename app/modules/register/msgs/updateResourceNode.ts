/**
 * MsgUpdateResourceNode (spec-register §4.2): the owner replaces the description and node type and
 * may change the beneficiary. No status check, no token moves; the moniker may be cleared (§10 Q17).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventUpdateResourceNodeSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import { type MsgUpdateResourceNode, MsgUpdateResourceNodeResponseSchema, MsgUpdateResourceNodeSchema } from "../../../codec/stratos/register/v1/tx_pb.js";
import { accString, fails, isBlank, parseAcc, parseOr, parseSds } from "../addresses.js";
import { ErrInvalidBeneficiaryAddr, ErrInvalidNetworkAddr, ErrInvalidNodeType, ErrInvalidOwnerAddr, ErrNoResourceNodeFound, ErrUpdateResourceNode } from "../errors.js";
import type { RegisterKeeper } from "../keeper.js";
import { descriptionFromProto } from "../store.js";
import { isValidNodeType } from "../types.js";
import { emptyResponse, ownedBy, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

export function validateUpdateResourceNode(msg: MsgUpdateResourceNode): void {
  if (fails(parseSds, msg.networkAddress)) throw ErrInvalidNetworkAddr;
  if (fails(parseAcc, msg.ownerAddress)) throw ErrInvalidOwnerAddr;
  if (!isValidNodeType(msg.nodeType)) throw ErrInvalidNodeType;
}

export function updateResourceNodeRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<MsgUpdateResourceNode>({
    typeUrl: typeUrlOf(MsgUpdateResourceNodeSchema),
    schema: MsgUpdateResourceNodeSchema,
    decode: (bytes) => fromBinary(MsgUpdateResourceNodeSchema, bytes),
    validateBasic: validateUpdateResourceNode,
    signers: (msg) => [signerBytes(msg.ownerAddress)],
    handle(ctx, msg) {
      const addr = parseOr(parseSds, msg.networkAddress, ErrInvalidNetworkAddr);
      const owner = parseOr(parseAcc, msg.ownerAddress, ErrInvalidOwnerAddr);
      const beneficiary = isBlank(msg.beneficiaryAddress) ? undefined : parseOr(parseAcc, msg.beneficiaryAddress, ErrInvalidBeneficiaryAddr);
      wrapIn(ErrUpdateResourceNode, () => {
        const node = k.getResourceNode(ctx, addr);
        if (node === undefined) throw ErrNoResourceNodeFound;
        if (!ownedBy(node.ownerAddress, owner)) throw ErrInvalidOwnerAddr;
        k.setResourceNode(ctx, addr, {
          ...node,
          beneficiaryAddress: beneficiary === undefined ? node.beneficiaryAddress : accString(beneficiary),
          description: descriptionFromProto(msg.description),
          nodeType: msg.nodeType,
        });
      });
      ctx.emit(typedEvent(EventUpdateResourceNodeSchema, {
        sender: msg.ownerAddress,
        networkAddress: msg.networkAddress,
        beneficiaryAddress: msg.beneficiaryAddress,
      }));
      return emptyResponse(MsgUpdateResourceNodeResponseSchema);
    },
  });
}
