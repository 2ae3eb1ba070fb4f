/**
 * MsgCreateMetaNode (spec-register §4.6): a meta-node candidate registers with a deposit and opens a
 * registration vote; it stays UNBONDED and suspended until enough active meta nodes approve it.
 * There is no minimum deposit (§10 Q17).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventCreateMetaNodeSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import { type MsgCreateMetaNode, MsgCreateMetaNodeResponseSchema, MsgCreateMetaNodeSchema } from "../../../codec/stratos/register/v1/tx_pb.js";
import { equalBytes } from "../../../store/bytes.js";
import { accString, fails, isBlank, parseAcc, parseOr, parseSds, sdsString } from "../addresses.js";
import { addMetaDeposit } from "../deposits.js";
import {
  ErrBadDenom, ErrEmptyMoniker, ErrInvalidBeneficiaryAddr, ErrInvalidNetworkAddr, ErrInvalidOwnerAddr, ErrMetaNodePubKeyExists,
  ErrRegisterMetaNode, ErrResourceNodePubKeyExists, ErrValueNegative,
} from "../errors.js";
import type { RegisterKeeper } from "../keeper.js";
import { BondStatus } from "../logic/bondStatus.js";
import { descriptionFromProto } from "../store.js";
import { blockTime, emptyResponse, intField, pubKeyAddress, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

interface Decoded {
  readonly msg: MsgCreateMetaNode;
  readonly amount: bigint;
}

export function validateCreateMetaNode({ msg, amount }: Decoded): void {
  if (fails(parseSds, msg.networkAddress)) throw ErrInvalidNetworkAddr;
  if (!equalBytes(pubKeyAddress(msg.pubkey), parseSds(msg.networkAddress))) throw ErrInvalidNetworkAddr;
  if (fails(parseAcc, msg.ownerAddress)) throw ErrInvalidOwnerAddr;
  // Required here, unlike for resource nodes (§10 Q17).
  if (fails(parseAcc, msg.beneficiaryAddress)) throw ErrInvalidBeneficiaryAddr;
  if (amount <= 0n) throw ErrValueNegative;
  if ((msg.description?.moniker ?? "") === "") throw ErrEmptyMoniker;
}

export function createMetaNodeRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgCreateMetaNodeSchema),
    schema: MsgCreateMetaNodeSchema,
    decode(bytes) {
      const msg = fromBinary(MsgCreateMetaNodeSchema, bytes);
      return { msg, amount: intField(msg.value?.amount ?? "") };
    },
    validateBasic: validateCreateMetaNode,
    signers: ({ msg }) => [signerBytes(msg.ownerAddress)],
    handle(ctx, { msg, amount }) {
      const addr = parseOr(parseSds, msg.networkAddress, ErrInvalidNetworkAddr);
      const owner = parseOr(parseAcc, msg.ownerAddress, ErrInvalidOwnerAddr);
      const beneficiary = isBlank(msg.beneficiaryAddress) ? owner : parseOr(parseAcc, msg.beneficiaryAddress, ErrInvalidBeneficiaryAddr);
      wrapIn(ErrRegisterMetaNode, () => {
        if (k.getMetaNode(ctx, addr) !== undefined) throw ErrMetaNodePubKeyExists;
        if (k.getResourceNode(ctx, addr) !== undefined) throw ErrResourceNodePubKeyExists;
        const params = k.getParams(ctx);
        if ((msg.value?.denom ?? "") !== params.bondDenom) throw ErrBadDenom;
        const now = blockTime(ctx);
        const node = {
          networkAddress: sdsString(addr),
          pubKey: msg.pubkey === undefined ? undefined : { typeUrl: msg.pubkey.typeUrl, value: msg.pubkey.value },
          suspend: true,
          status: BondStatus.Unbonded,
          tokens: 0n,
          ownerAddress: accString(owner),
          description: descriptionFromProto(msg.description),
          creationTime: now,
          beneficiaryAddress: accString(beneficiary),
        };
        addMetaDeposit(k, ctx, addr, node, amount);
        k.setRegistrationPool(ctx, addr, {
          networkAddress: sdsString(addr),
          approveList: [],
          rejectList: [],
          expireTime: now + params.votingPeriodNanos,
          isVotePassed: false,
        });
      });
      ctx.emit(typedEvent(EventCreateMetaNodeSchema, { sender: msg.ownerAddress, networkAddress: msg.networkAddress }));
      return emptyResponse(MsgCreateMetaNodeResponseSchema);
    },
  });
}
