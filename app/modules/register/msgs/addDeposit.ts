/**
 * The two "owner adds deposit" messages, which differ only in the node kind:
 *  - MsgUpdateResourceNodeDeposit (spec-register §4.3): S, Lt and the effective deposit do not move; a
 *    meta node has to raise the effective deposit for it to count;
 *  - MsgUpdateMetaNodeDeposit (§4.8): for an active meta node the deposit enters the ozone economy at
 *    once (S and Lt grow).
 * Same checks in the same order, same event fields; the kind supplies the lookup, the deposit procedure
 * (deposits.ts), the wrapping error and the generated types.
 */
import { fromBinary } from "@bufbuild/protobuf";
import type { TxError } from "../../../baseapp/errors.js";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventUpdateMetaNodeDepositSchema, EventUpdateResourceNodeDepositSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import {
  MsgUpdateMetaNodeDepositResponseSchema, MsgUpdateMetaNodeDepositSchema, MsgUpdateResourceNodeDepositResponseSchema,
  MsgUpdateResourceNodeDepositSchema,
} from "../../../codec/stratos/register/v1/tx_pb.js";
import { formatRfc3339Seconds } from "../logic/time.js";
import { fails, parseAcc, parseOr, parseSds } from "../addresses.js";
import { addMetaDeposit, addResourceDeposit, type DepositOutcome } from "../deposits.js";
import {
  ErrBadDenom, ErrInvalidDepositChange, ErrInvalidNetworkAddr, ErrInvalidOwnerAddr, ErrNoMetaNodeFound, ErrNoResourceNodeFound,
  ErrUpdateMetaNodeDeposit, ErrUpdateResourceNodeDeposit,
} from "../errors.js";
import type { WriteContext } from "../expected.js";
import type { RegisterKeeper } from "../keeper.js";
import type { MetaNode, ResourceNode } from "../types.js";
import { blockTime, emptyResponse, intField, ownedBy, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

/** The fields both messages share. */
interface DepositChangeMsg {
  readonly networkAddress: string;
  readonly ownerAddress: string;
  readonly depositDelta?: { readonly denom: string; readonly amount: string };
}

interface Decoded {
  readonly msg: DepositChangeMsg;
  readonly amount: bigint;
}

export function validateDepositChange({ msg, amount }: Decoded): void {
  if (fails(parseSds, msg.networkAddress)) throw ErrInvalidNetworkAddr;
  if (fails(parseAcc, msg.ownerAddress)) throw ErrInvalidOwnerAddr;
  if (amount <= 0n) throw ErrInvalidDepositChange;
}

interface NodeKind<Node extends { readonly ownerAddress: string; readonly tokens: bigint }> {
  readonly schema: typeof MsgUpdateResourceNodeDepositSchema | typeof MsgUpdateMetaNodeDepositSchema;
  readonly response: typeof MsgUpdateResourceNodeDepositResponseSchema | typeof MsgUpdateMetaNodeDepositResponseSchema;
  /** Both events have the same fields. */
  readonly event: typeof EventUpdateResourceNodeDepositSchema | typeof EventUpdateMetaNodeDepositSchema;
  /** The handler's outer error (§0 "W ⊃ E"). */
  readonly failure: TxError;
  readonly notFound: TxError;
  get(k: RegisterKeeper, ctx: WriteContext, addr: Uint8Array): Node | undefined;
  add(k: RegisterKeeper, ctx: WriteContext, addr: Uint8Array, node: Node, amount: bigint): DepositOutcome;
}

function addDepositRoute<Node extends { readonly ownerAddress: string; readonly tokens: bigint }>(k: RegisterKeeper, kind: NodeKind<Node>): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(kind.schema),
    schema: kind.schema,
    decode(bytes) {
      const msg: DepositChangeMsg = fromBinary(kind.schema, bytes);
      return { msg, amount: intField(msg.depositDelta?.amount ?? "") };
    },
    validateBasic: validateDepositChange,
    signers: ({ msg }) => [signerBytes(msg.ownerAddress)],
    handle(ctx, { msg, amount }) {
      const addr = parseOr(parseSds, msg.networkAddress, ErrInvalidNetworkAddr);
      const owner = parseOr(parseAcc, msg.ownerAddress, ErrInvalidOwnerAddr);
      const denom = msg.depositDelta?.denom ?? "";
      const { tokensBefore, outcome, bondDenom } = wrapIn(kind.failure, () => {
        const bondDenom = k.bondDenom(ctx);
        if (denom !== bondDenom) throw ErrBadDenom;
        const node = kind.get(k, ctx, addr);
        if (node === undefined) throw kind.notFound;
        if (!ownedBy(node.ownerAddress, owner)) throw ErrInvalidOwnerAddr;
        return { tokensBefore: node.tokens, outcome: kind.add(k, ctx, addr, node, amount), bondDenom };
      });
      ctx.emit(typedEvent(kind.event, {
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
      return emptyResponse(kind.response);
    },
  });
}

export function updateResourceNodeDepositRoute(k: RegisterKeeper): MsgRoute {
  return addDepositRoute<ResourceNode>(k, {
    schema: MsgUpdateResourceNodeDepositSchema,
    response: MsgUpdateResourceNodeDepositResponseSchema,
    event: EventUpdateResourceNodeDepositSchema,
    failure: ErrUpdateResourceNodeDeposit,
    notFound: ErrNoResourceNodeFound,
    get: (keeper, ctx, addr) => keeper.getResourceNode(ctx, addr),
    add: addResourceDeposit,
  });
}

export function updateMetaNodeDepositRoute(k: RegisterKeeper): MsgRoute {
  return addDepositRoute<MetaNode>(k, {
    schema: MsgUpdateMetaNodeDepositSchema,
    response: MsgUpdateMetaNodeDepositResponseSchema,
    event: EventUpdateMetaNodeDepositSchema,
    failure: ErrUpdateMetaNodeDeposit,
    notFound: ErrNoMetaNodeFound,
    get: (keeper, ctx, addr) => keeper.getMetaNode(ctx, addr),
    add: addMetaDeposit,
  });
}
