/**
 * MsgCreateResourceNode (spec-register §4.1): a storage node registers with a deposit. It is BONDED at
 * once but suspended with no effective deposit: it earns nothing and adds no ozone until a meta node
 * sets its effective deposit (MsgUpdateEffectiveDeposit).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventCreateResourceNodeSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import { type MsgCreateResourceNode, MsgCreateResourceNodeResponseSchema, MsgCreateResourceNodeSchema } from "../../../codec/stratos/register/v1/tx_pb.js";
import { equalBytes } from "../../../store/bytes.js";
import { accString, fails, isBlank, parseAcc, parseOr, parseSds, sdsString } from "../addresses.js";
import { addResourceDeposit } from "../deposits.js";
import {
  ErrBadDenom, ErrEmptyMoniker, ErrInsufficientDeposit, ErrInvalidBeneficiaryAddr, ErrInvalidNetworkAddr, ErrInvalidNodeType,
  ErrInvalidOwnerAddr, ErrMetaNodePubKeyExists, ErrRegisterResourceNode, ErrResourceNodePubKeyExists,
  ErrResourceNodeRegDisabled, ErrValueNegative,
} from "../errors.js";
import type { RegisterKeeper } from "../keeper.js";
import { BondStatus } from "../logic/bondStatus.js";
import { descriptionFromProto } from "../store.js";
import { isValidNodeType } from "../types.js";
import { blockTime, emptyResponse, intField, pubKeyAddress, pubKeyHex, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

interface Decoded {
  readonly msg: MsgCreateResourceNode;
  readonly amount: bigint;
}

export function validateCreateResourceNode({ msg, amount }: Decoded): void {
  if (fails(parseSds, msg.networkAddress)) throw ErrInvalidNetworkAddr;
  if (!equalBytes(pubKeyAddress(msg.pubkey), parseSds(msg.networkAddress))) throw ErrInvalidNetworkAddr;
  if (fails(parseAcc, msg.ownerAddress)) throw ErrInvalidOwnerAddr;
  if (amount <= 0n) throw ErrValueNegative;
  if ((msg.description?.moniker ?? "") === "") throw ErrEmptyMoniker;
  if (!isValidNodeType(msg.nodeType)) throw ErrInvalidNodeType;
}

export function createResourceNodeRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgCreateResourceNodeSchema),
    schema: MsgCreateResourceNodeSchema,
    decode(bytes) {
      const msg = fromBinary(MsgCreateResourceNodeSchema, bytes);
      return { msg, amount: intField(msg.value?.amount ?? "") };
    },
    validateBasic: validateCreateResourceNode,
    signers: ({ msg }) => [signerBytes(msg.ownerAddress)],
    handle(ctx, { msg, amount }) {
      const params = k.getParams(ctx);
      if (!params.resourceNodeRegEnabled) throw ErrResourceNodeRegDisabled;
      const addr = parseOr(parseSds, msg.networkAddress, ErrInvalidNetworkAddr);
      const owner = parseOr(parseAcc, msg.ownerAddress, ErrInvalidOwnerAddr);
      const beneficiary = isBlank(msg.beneficiaryAddress) ? owner : parseOr(parseAcc, msg.beneficiaryAddress, ErrInvalidBeneficiaryAddr);
      const denom = msg.value?.denom ?? "";
      wrapIn(ErrRegisterResourceNode, () => {
        if (k.getResourceNode(ctx, addr) !== undefined) throw ErrResourceNodePubKeyExists;
        if (k.getMetaNode(ctx, addr) !== undefined) throw ErrMetaNodePubKeyExists;
        if (denom !== params.bondDenom) throw ErrBadDenom;
        if (amount < params.resourceNodeMinDeposit.amount) throw ErrInsufficientDeposit;
        const node = {
          networkAddress: sdsString(addr),
          pubKey: msg.pubkey === undefined ? undefined : { typeUrl: msg.pubkey.typeUrl, value: msg.pubkey.value },
          suspend: true,
          status: BondStatus.Unbonded,
          tokens: 0n,
          ownerAddress: accString(owner),
          description: descriptionFromProto(msg.description),
          creationTime: blockTime(ctx),
          nodeType: msg.nodeType,
          effectiveTokens: 0n,
          beneficiaryAddress: accString(beneficiary),
        };
        addResourceDeposit(k, ctx, addr, node, amount);
      });
      ctx.emit(typedEvent(EventCreateResourceNodeSchema, {
        sender: msg.ownerAddress,
        networkAddress: msg.networkAddress,
        pubkey: pubKeyHex(msg.pubkey),
        ozoneLimitChanges: "0",
        initialDeposit: `${amount}${denom}`,
      }));
      return emptyResponse(MsgCreateResourceNodeResponseSchema);
    },
  });
}
