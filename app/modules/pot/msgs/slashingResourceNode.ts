/**
 * MsgSlashingResourceNode (spec-pot §4.4): meta-node owners record a slashing debt (in noz, priced like
 * traffic) against a wallet and may suspend the resource node — removing its effective deposit from
 * S and Lt — or clear the suspend flag (restoring S/Lt is MsgUpdateEffectiveDeposit's job).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrPanic, TxError } from "../../../baseapp/errors.js";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventSlashingSchema } from "../../../codec/stratos/pot/v1/event_pb.js";
import {
  type MsgSlashingResourceNode, MsgSlashingResourceNodeResponseSchema, MsgSlashingResourceNodeSchema,
} from "../../../codec/stratos/pot/v1/tx_pb.js";
import { unmarshalIntText } from "../../../math/int.js";
import { ErrNoResourceNodeFound } from "../../register/errors.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import { nodeTypeName } from "../../register/types.js";
import {
  ErrInvalidAddress, ErrInvalidAmount, ErrMissingTargetAddress, ErrMissingWalletAddress, ErrReporterAddress, ErrReporterAddressOrOwner,
  ErrReporterOwnerAddr, ErrSlashingResourceNodeFailure, fromLogicError,
} from "../errors.js";
import type { PotKeeper } from "../keeper.js";
import { PotLogicError } from "../logic/errors.js";
import { slashingTokenAmount } from "../logic/slashing.js";
import { accText, BECH32_PREFIX, parseOr, parses } from "./addresses.js";

interface Decoded {
  readonly msg: MsgSlashingResourceNode;
  readonly slashing: bigint;
}

export function validateSlashingResourceNode({ msg, slashing }: Decoded): void {
  if (msg.networkAddress === "") throw ErrMissingTargetAddress;
  if (msg.walletAddress === "") throw ErrMissingWalletAddress;
  if (msg.reporters.some((r) => r === "")) throw ErrReporterAddress;
  if (msg.reporterOwner.some((o) => !parses(o, BECH32_PREFIX.account))) throw ErrInvalidAddress;
  if (slashing < 0n) throw ErrInvalidAmount;
}

export function slashingResourceNodeRoute(k: PotKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgSlashingResourceNodeSchema),
    schema: MsgSlashingResourceNodeSchema,
    decode(bytes) {
      const msg = fromBinary(MsgSlashingResourceNodeSchema, bytes);
      return { msg, slashing: unmarshalIntText(msg.slashing) ?? 0n };
    },
    validateBasic: validateSlashingResourceNode,
    signers: ({ msg }) => msg.reporterOwner.map(signerBytes),
    handle(ctx, { msg, slashing }) {
      if (msg.reporters.length === 0 || msg.reporterOwner.length === 0) throw ErrReporterAddressOrOwner;
      // One valid reporter/owner pair suffices, as in the reference (no threshold).
      msg.reporters.forEach((text, i) => {
        const reporter = parseOr(text, BECH32_PREFIX.sds, ErrReporterAddress);
        const ownerText = msg.reporterOwner[i];
        // A shorter owner list indexes out of range in the reference: a panic.
        if (ownerText === undefined) throw ErrPanic.wrap(`runtime error: index out of range [${i}] with length ${msg.reporterOwner.length}`);
        const owner = parseOr(ownerText, BECH32_PREFIX.account, ErrReporterOwnerAddr);
        if (k.register.getMetaNode(ctx, reporter)?.ownerAddress !== accText(owner)) throw ErrReporterAddressOrOwner;
      });
      const nodeAddr = parseOr(msg.networkAddress, BECH32_PREFIX.sds, ErrInvalidAddress);
      const wallet = parseOr(msg.walletAddress, BECH32_PREFIX.account, ErrInvalidAddress);
      const node = k.register.getResourceNode(ctx, nodeAddr);
      if (node === undefined) throw ErrSlashingResourceNodeFailure.wrap(ErrNoResourceNodeFound.message);
      const toBeSuspended = !node.suspend && msg.suspend;
      let amount: bigint;
      try {
        const { s, lt } = k.register.ozoneState(ctx);
        amount = slashingTokenAmount(s, k.register.getTotalUnissuedPrepay(ctx), lt, slashing);
        k.register.setSlashing(ctx, wallet, k.register.getSlashing(ctx, wallet) + amount);
        // The reference subtracts |effective_tokens|; negative values only come from a genesis file.
        const eff = node.effectiveTokens < 0n ? -node.effectiveTokens : node.effectiveTokens;
        if (toBeSuspended) k.register.decreaseOzoneLimit(ctx, eff);
        k.register.setResourceNodeSuspension(ctx, nodeAddr, msg.suspend, toBeSuspended ? 0n : node.effectiveTokens);
      } catch (e) {
        if (e instanceof PotLogicError) throw fromLogicError(e);
        if (e instanceof TxError) throw e;
        // A division by zero in register's Decrease (rate 0) is a reference panic.
        throw ErrPanic.wrap(e instanceof Error ? e.message : String(e));
      }
      ctx.emit(typedEvent(EventSlashingSchema, {
        walletAddress: msg.walletAddress,
        networkAddress: msg.networkAddress,
        amount: amount.toString(),
        slashingType: nodeTypeName(node.nodeType),
        suspend: msg.suspend ? "true" : "false",
      }));
      return emptyResponse(MsgSlashingResourceNodeResponseSchema);
    },
  });
}
