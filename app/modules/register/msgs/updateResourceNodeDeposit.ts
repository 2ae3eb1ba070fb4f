/**
 * MsgUpdateResourceNodeDeposit (spec-register §4.3): the owner adds deposit. S, Lt and the effective
 * deposit do not move; a meta node has to raise the effective deposit for it to count.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventUpdateResourceNodeDepositSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import {
  type MsgUpdateResourceNodeDeposit, MsgUpdateResourceNodeDepositResponseSchema, MsgUpdateResourceNodeDepositSchema,
} from "../../../codec/stratos/register/v1/tx_pb.js";
import { formatRfc3339Seconds } from "../logic/time.js";
import { fails, parseAcc, parseOr, parseSds } from "../addresses.js";
import { addResourceDeposit } from "../deposits.js";
import {
  ErrBadDenom, ErrInvalidDepositChange, ErrInvalidNetworkAddr, ErrInvalidOwnerAddr, ErrNoResourceNodeFound, ErrUpdateResourceNodeDeposit,
} from "../errors.js";
import type { RegisterKeeper } from "../keeper.js";
import { blockTime, emptyResponse, intField, ownedBy, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

interface Decoded {
  readonly msg: MsgUpdateResourceNodeDeposit;
  readonly amount: bigint;
}

export function validateDepositChange({ msg, amount }: { msg: { networkAddress: string; ownerAddress: string }; amount: bigint }): void {
  if (fails(parseSds, msg.networkAddress)) throw ErrInvalidNetworkAddr;
  if (fails(parseAcc, msg.ownerAddress)) throw ErrInvalidOwnerAddr;
  if (amount <= 0n) throw ErrInvalidDepositChange;
}

export function updateResourceNodeDepositRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgUpdateResourceNodeDepositSchema),
    schema: MsgUpdateResourceNodeDepositSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateResourceNodeDepositSchema, bytes);
      return { msg, amount: intField(msg.depositDelta?.amount ?? "") };
    },
    validateBasic: validateDepositChange,
    signers: ({ msg }) => [signerBytes(msg.ownerAddress)],
    handle(ctx, { msg, amount }) {
      const addr = parseOr(parseSds, msg.networkAddress, ErrInvalidNetworkAddr);
      const owner = parseOr(parseAcc, msg.ownerAddress, ErrInvalidOwnerAddr);
      const denom = msg.depositDelta?.denom ?? "";
      const { tokensBefore, outcome, bondDenom } = wrapIn(ErrUpdateResourceNodeDeposit, () => {
        const bondDenom = k.bondDenom(ctx);
        if (denom !== bondDenom) throw ErrBadDenom;
        const node = k.getResourceNode(ctx, addr);
        if (node === undefined) throw ErrNoResourceNodeFound;
        if (!ownedBy(node.ownerAddress, owner)) throw ErrInvalidOwnerAddr;
        return { tokensBefore: node.tokens, outcome: addResourceDeposit(k, ctx, addr, node, amount), bondDenom };
      });
      ctx.emit(typedEvent(EventUpdateResourceNodeDepositSchema, {
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
      return emptyResponse(MsgUpdateResourceNodeDepositResponseSchema);
    },
  });
}
