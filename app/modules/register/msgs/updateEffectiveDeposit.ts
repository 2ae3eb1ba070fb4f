/**
 * MsgUpdateEffectiveDeposit (spec-register §4.4): a meta node's relayd activates or re-weights a
 * resource node; S and Lt follow the change of its effective deposit.
 *
 * Security (§10 Q4): the reference checks the reporter/owner pairs but never uses the result, so any
 * account could set any node's effective deposit and move the whole ozone economy. By default at least
 * one pair must name an active meta node owned by its (signing) reporter owner, else E 62; the
 * reference's behaviour is kept only with `referenceQuirks`.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import type { Context } from "../../../baseapp/context.js";
import { EventUpdateEffectiveDepositSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import {
  type MsgUpdateEffectiveDeposit, MsgUpdateEffectiveDepositResponseSchema, MsgUpdateEffectiveDepositSchema,
} from "../../../codec/stratos/register/v1/tx_pb.js";
import { accString, fails, parseAcc, parseOr, parseSds } from "../addresses.js";
import {
  ErrInsufficientBalance, ErrInvalidAmount, ErrInvalidEffectiveToken, ErrInvalidNetworkAddr, ErrInvalidOwnerAddr,
  ErrNoResourceNodeFound, ErrReporterAddress, ErrReporterAddressOrOwner, ErrUpdateResourceNodeDeposit,
} from "../errors.js";
import { isActive, type RegisterKeeper } from "../keeper.js";
import { InsufficientBalanceError, updateEffectiveDeposit } from "../logic/effectiveDeposit.js";
import { emptyResponse, intField, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

interface Decoded {
  readonly msg: MsgUpdateEffectiveDeposit;
  readonly effectiveTokens: bigint;
}

export function validateUpdateEffectiveDeposit({ msg, effectiveTokens }: Decoded): void {
  if (msg.networkAddress === "") throw ErrInvalidNetworkAddr;
  if (msg.reporters.length === 0) throw ErrReporterAddress;
  if (msg.reporterOwner.length === 0 || msg.reporters.length !== msg.reporterOwner.length) throw ErrInvalidOwnerAddr;
  if (msg.reporters.some((r) => r === "")) throw ErrReporterAddress;
  if (msg.reporterOwner.some((o) => fails(parseAcc, o))) throw ErrInvalidOwnerAddr;
  if (effectiveTokens < 0n) throw ErrInvalidAmount;
}

/** A pair counts when the reporter is an active meta node whose stored owner is the pair's (signing) owner. */
function hasAuthorizedReporter(k: RegisterKeeper, ctx: Context, msg: MsgUpdateEffectiveDeposit): boolean {
  return msg.reporters.some((reporter, i) => {
    if (fails(parseSds, reporter)) return false;
    const node = k.getMetaNode(ctx, parseSds(reporter));
    const owner = msg.reporterOwner[i] ?? "";
    return node !== undefined && isActive(node) && !fails(parseAcc, owner) && node.ownerAddress === accString(parseAcc(owner));
  });
}

export function updateEffectiveDepositRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgUpdateEffectiveDepositSchema),
    schema: MsgUpdateEffectiveDepositSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateEffectiveDepositSchema, bytes);
      return { msg, effectiveTokens: intField(msg.effectiveTokens) };
    },
    validateBasic: validateUpdateEffectiveDeposit,
    signers: ({ msg }) => msg.reporterOwner.map(signerBytes),
    handle(ctx, { msg, effectiveTokens }) {
      if (!k.deps.referenceQuirks && !hasAuthorizedReporter(k, ctx, msg)) throw ErrReporterAddressOrOwner;
      const addr = parseOr(parseSds, msg.networkAddress, ErrInvalidNetworkAddr);
      if (effectiveTokens <= 0n) throw ErrInvalidEffectiveToken;
      const unsuspended = wrapIn(ErrUpdateResourceNodeDeposit, () => {
        const node = k.getResourceNode(ctx, addr);
        if (node === undefined) throw ErrNoResourceNodeFound;
        let update;
        try {
          update = updateEffectiveDeposit(k.ozoneState(ctx), node, k.getUnbondingBalance(ctx, addr), effectiveTokens, k.getDepositNozRate(ctx));
        } catch (e) {
          if (e instanceof InsufficientBalanceError) throw ErrInsufficientBalance;
          throw e;
        }
        k.setResourceNode(ctx, addr, { ...node, effectiveTokens: update.effectiveTokens, suspend: update.suspend });
        // A decrease IsUnbondable refuses changes neither S nor Lt (QUIRK §10 Q7, consensus: reproduced).
        if (update.ozoneAction?.op === "increase") k.increaseOzoneLimit(ctx, update.ozoneAction.amount);
        if (update.ozoneAction?.op === "decrease") k.decreaseOzoneLimit(ctx, update.ozoneAction.amount);
        return update.unsuspended;
      });
      ctx.emit(typedEvent(EventUpdateEffectiveDepositSchema, {
        networkAddress: msg.networkAddress,
        effectiveDepositAfter: effectiveTokens.toString(),
        isUnsuspended: unsuspended ? "true" : "false",
      }));
      return emptyResponse(MsgUpdateEffectiveDepositResponseSchema);
    },
  });
}
