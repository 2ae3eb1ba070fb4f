/**
 * MsgKickMetaNodeVote (spec-register §4.10): active meta nodes vote to expel one of them; ⌊2n/3⌋+1
 * approvals (n counts the target) unbond it, ⌊n/3⌋ rejections wipe the vote.
 *
 * Security (§10 Q2): in the reference only non-deciding votes need a valid voter, and ⌊n/3⌋ = 0 for
 * n ≤ 2 deletes the pool after every vote (n = 1: anyone kicks the only meta node; n = 2: no kick can
 * pass). By default every voter must be an active meta node owned by the signer (E 67, checked first)
 * and the reject threshold is at least 1; `referenceQuirks` keeps the reference's rules.
 */
import { fromBinary } from "@bufbuild/protobuf";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventKickMetaNodeVoteSchema, EventUnBondingMetaNodeSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import { type MsgKickMetaNodeVote, MsgKickMetaNodeVoteResponseSchema, MsgKickMetaNodeVoteSchema } from "../../../codec/stratos/register/v1/tx_pb.js";
import { fails, parseAcc, parseOr, parseSds, sdsString } from "../addresses.js";
import {
  ErrDuplicateVoting, ErrInvalidTargetNetworkAddr, ErrInvalidVoterNetworkAddr, ErrInvalidVoterOwnerAddr, ErrNoActiveTargetMetaNodeFound,
  ErrNoActiveVoterMetaNodeFound, ErrVoteExpired,
} from "../errors.js";
import { isActive, type RegisterKeeper } from "../keeper.js";
import { BondStatus } from "../logic/bondStatus.js";
import { formatRfc3339Seconds } from "../logic/time.js";
import { isVoteExpired, kickRejectsToDeletePool, kickVotePasses } from "../logic/votes.js";
import { bondStatusName } from "../store.js";
import { unbondMetaNode } from "../unbonding.js";
import { blockOf, emptyResponse, signerBytes, typeUrlOf } from "./common.js";
import { isActiveVoter } from "./metaNodeRegistrationVote.js";

export function validateKickVote(msg: MsgKickMetaNodeVote): void {
  if (fails(parseSds, msg.targetNetworkAddress)) throw ErrInvalidTargetNetworkAddr;
  if (fails(parseSds, msg.voterNetworkAddress)) throw ErrInvalidVoterNetworkAddr;
  if (fails(parseAcc, msg.voterOwnerAddress)) throw ErrInvalidVoterOwnerAddr;
}

export function kickMetaNodeVoteRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<MsgKickMetaNodeVote>({
    typeUrl: typeUrlOf(MsgKickMetaNodeVoteSchema),
    schema: MsgKickMetaNodeVoteSchema,
    decode: (bytes) => fromBinary(MsgKickMetaNodeVoteSchema, bytes),
    validateBasic: validateKickVote,
    signers: (msg) => [signerBytes(msg.voterOwnerAddress)],
    handle(ctx, msg) {
      const target = parseOr(parseSds, msg.targetNetworkAddress, ErrInvalidTargetNetworkAddr);
      const voter = parseOr(parseSds, msg.voterNetworkAddress, ErrInvalidVoterNetworkAddr);
      const voterOwner = parseOr(parseAcc, msg.voterOwnerAddress, ErrInvalidVoterOwnerAddr);
      const quirks = k.deps.referenceQuirks;
      const voterOk = isActiveVoter(k, ctx, voter, voterOwner);
      if (!quirks && !voterOk) throw ErrNoActiveVoterMetaNodeFound;
      const block = blockOf(ctx);
      const node = k.getMetaNode(ctx, target);
      if (node === undefined || !isActive(node)) throw ErrNoActiveTargetMetaNodeFound;
      let pool = k.getKickPool(ctx, target);
      if (pool === undefined) {
        pool = { networkAddress: sdsString(target), approveList: [], rejectList: [], expireTime: block.time + k.getParams(ctx).votingPeriodNanos, isVotePassed: false };
        k.setKickPool(ctx, target, pool);
      }
      // An expired pool blocks kick votes on this target until the EndBlock sweep (§10 Q11: reproduced).
      if (isVoteExpired(pool.expireTime, block.time)) throw ErrVoteExpired;
      const voterText = sdsString(voter);
      if (pool.approveList.includes(voterText) || pool.rejectList.includes(voterText)) throw ErrDuplicateVoting;
      pool = msg.opinion ? { ...pool, approveList: [...pool.approveList, voterText] } : { ...pool, rejectList: [...pool.rejectList, voterText] };
      k.setKickPool(ctx, target, pool);

      const events: Event[] = [];
      let status = node.status;
      if (pool.isVotePassed) {
        if (!voterOk) throw ErrNoActiveVoterMetaNodeFound;
      } else {
        const n = k.activeMetaNodeCount(ctx);
        let unbonded = false;
        if (kickVotePasses(pool.approveList.length, n)) {
          // Errors of the unbonding fail the vote unwrapped (e.g. 17 while Lt cannot absorb the deposit).
          const started = unbondMetaNode(k, ctx, target, node.ownerAddress, block);
          pool = { ...pool, isVotePassed: true };
          k.setKickPool(ctx, target, pool);
          status = BondStatus.Unbonding;
          unbonded = true;
          const change = started.ozoneLimitChange ?? 0n;
          if (change > 0n) {
            events.push(typedEvent(EventUnBondingMetaNodeSchema, {
              sender: msg.voterOwnerAddress,
              metaNode: msg.targetNetworkAddress,
              ozoneLimitChanges: change.toString(),
              depositToRemove: `${started.amount}${k.bondDenom(ctx)}`,
              unbondingMatureTime: formatRfc3339Seconds(started.matureTime),
            }));
          }
        }
        const rejectsNeeded = kickRejectsToDeletePool(n);
        if (pool.rejectList.length >= (quirks ? rejectsNeeded : Math.max(1, rejectsNeeded))) k.deleteKickPool(ctx, target);
        // In the reference the deciding approval succeeds whoever sends it.
        if (!voterOk && !unbonded) throw ErrNoActiveVoterMetaNodeFound;
      }
      ctx.emit(typedEvent(EventKickMetaNodeVoteSchema, {
        sender: "",
        voterNetworkAddress: msg.voterNetworkAddress,
        targetNetworkAddress: msg.targetNetworkAddress,
        targetStatus: bondStatusName(status),
      }));
      for (const e of events) ctx.emit(e);
      return emptyResponse(MsgKickMetaNodeVoteResponseSchema);
    },
  });
}
