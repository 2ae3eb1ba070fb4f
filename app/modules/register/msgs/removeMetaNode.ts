/**
 * MsgRemoveMetaNode (spec-register §4.11): the owner starts unbonding a meta node. A BONDED node's
 * deposit leaves the ozone economy; the event reports the change negated ("-1000000000000").
 *
 * A pending candidate (UNBONDED, vote not passed) can withdraw here: the reference panics while
 * building this event (§10 Q3), locking the deposit forever when the vote expires. By default the
 * withdrawal succeeds with `ozone_limit_changes "0"`; `referenceQuirks` reproduces the failure (111222).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrPanic } from "../../../baseapp/errors.js";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventUnBondingMetaNodeSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import { type MsgRemoveMetaNode, MsgRemoveMetaNodeResponseSchema, MsgRemoveMetaNodeSchema } from "../../../codec/stratos/register/v1/tx_pb.js";
import { accString, fails, parseAcc, parseOr, parseSds } from "../addresses.js";
import { ErrInvalidNetworkAddr, ErrInvalidOwnerAddr, ErrUnbondMetaNode } from "../errors.js";
import type { RegisterKeeper } from "../keeper.js";
import { formatRfc3339Seconds } from "../logic/time.js";
import { unbondMetaNode } from "../unbonding.js";
import { blockOf, emptyResponse, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

export function validateRemoveMetaNode(msg: MsgRemoveMetaNode): void {
  if (fails(parseSds, msg.metaNodeAddress)) throw ErrInvalidNetworkAddr;
  if (fails(parseAcc, msg.ownerAddress)) throw ErrInvalidOwnerAddr;
}

export function removeMetaNodeRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<MsgRemoveMetaNode>({
    typeUrl: typeUrlOf(MsgRemoveMetaNodeSchema),
    schema: MsgRemoveMetaNodeSchema,
    decode: (bytes) => fromBinary(MsgRemoveMetaNodeSchema, bytes),
    validateBasic: validateRemoveMetaNode,
    signers: (msg) => [signerBytes(msg.ownerAddress)],
    handle(ctx, msg) {
      const addr = parseOr(parseSds, msg.metaNodeAddress, ErrInvalidNetworkAddr);
      const owner = parseOr(parseAcc, msg.ownerAddress, ErrInvalidOwnerAddr);
      const started = wrapIn(ErrUnbondMetaNode, () => unbondMetaNode(k, ctx, addr, accString(owner), blockOf(ctx)));
      if (started.ozoneLimitChange === undefined && k.deps.referenceQuirks) {
        throw ErrPanic.wrap("runtime error: invalid memory address or nil pointer dereference (Neg of an unset Int)");
      }
      ctx.emit(typedEvent(EventUnBondingMetaNodeSchema, {
        sender: msg.ownerAddress,
        metaNode: msg.metaNodeAddress,
        ozoneLimitChanges: (-(started.ozoneLimitChange ?? 0n)).toString(),
        depositToRemove: `${started.amount}${k.bondDenom(ctx)}`,
        unbondingMatureTime: formatRfc3339Seconds(started.matureTime),
      }));
      return emptyResponse(MsgRemoveMetaNodeResponseSchema);
    },
  });
}
