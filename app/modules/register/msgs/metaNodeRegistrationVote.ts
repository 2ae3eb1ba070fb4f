/**
 * MsgMetaNodeRegistrationVote (spec-register §4.9): active meta nodes approve or reject a candidate;
 * ⌊2n/3⌋+1 approvals (n = active meta nodes) bond it and its deposit enters the ozone economy.
 *
 * Security (§10 Q1): the reference computes the voter check and discards it, so any account can vote
 * under any address and every invented address counts as an approval. By default the voter must be an
 * active meta node owned by the signer (E 67); `referenceQuirks` keeps the reference's behaviour. The
 * one exception is a network without any active meta node (n = 0): nobody could vote, so the first
 * candidate is approved by any single vote, as in the reference (§11 R10).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { coin, Coins } from "../../../math/coins.js";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventMetaNodeRegistrationVoteSchema } from "../../../codec/stratos/register/v1/event_pb.js";
import {
  type MsgMetaNodeRegistrationVote, MsgMetaNodeRegistrationVoteResponseSchema, MsgMetaNodeRegistrationVoteSchema,
} from "../../../codec/stratos/register/v1/tx_pb.js";
import { equalBytes } from "../../../store/bytes.js";
import { accString, fails, parseAcc, parseOr, parseSds, sdsString } from "../addresses.js";
import {
  ErrDuplicateVoting, ErrInvalidCandidateNetworkAddr, ErrInvalidCandidateOwnerAddr, ErrInvalidVoterNetworkAddr,
  ErrInvalidVoterOwnerAddr, ErrNoActiveVoterMetaNodeFound, ErrNoCandidateMetaNodeFound, ErrNoRegistrationVotePoolFound, ErrSameAddr,
  ErrVoteExpired, ErrVoteMetaNode,
} from "../errors.js";
import { isActive, POOL, type RegisterKeeper } from "../keeper.js";
import { BondStatus } from "../logic/bondStatus.js";
import { isVoteExpired, registrationVotePasses } from "../logic/votes.js";
import { bondStatusName } from "../store.js";
import type { Context } from "../../../baseapp/context.js";
import { blockTime, emptyResponse, signerBytes, typeUrlOf } from "./common.js";
import { wrapIn } from "./wrap.js";

export function validateRegistrationVote(msg: MsgMetaNodeRegistrationVote): void {
  if (fails(parseSds, msg.candidateNetworkAddress)) throw ErrInvalidCandidateNetworkAddr;
  if (fails(parseSds, msg.voterNetworkAddress)) throw ErrInvalidVoterNetworkAddr;
  if (fails(parseAcc, msg.candidateOwnerAddress)) throw ErrInvalidCandidateOwnerAddr;
  if (fails(parseAcc, msg.voterOwnerAddress)) throw ErrInvalidVoterOwnerAddr;
  if (equalBytes(parseSds(msg.candidateNetworkAddress), parseSds(msg.voterNetworkAddress))) throw ErrSameAddr;
}

/** `OwnActivateMetaNode`: the voter is an active meta node whose stored owner is the signer. */
export function isActiveVoter(k: RegisterKeeper, ctx: Context, voter: Uint8Array, voterOwner: Uint8Array): boolean {
  const node = k.getMetaNode(ctx, voter);
  return node !== undefined && isActive(node) && node.ownerAddress === accString(voterOwner);
}

export function metaNodeRegistrationVoteRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<MsgMetaNodeRegistrationVote>({
    typeUrl: typeUrlOf(MsgMetaNodeRegistrationVoteSchema),
    schema: MsgMetaNodeRegistrationVoteSchema,
    decode: (bytes) => fromBinary(MsgMetaNodeRegistrationVoteSchema, bytes),
    validateBasic: validateRegistrationVote,
    signers: (msg) => [signerBytes(msg.voterOwnerAddress)],
    handle(ctx, msg) {
      const candidate = parseOr(parseSds, msg.candidateNetworkAddress, ErrInvalidCandidateNetworkAddr);
      if (fails(parseAcc, msg.candidateOwnerAddress)) throw ErrInvalidCandidateOwnerAddr;
      const candidateOwner = parseAcc(msg.candidateOwnerAddress);
      const voter = parseOr(parseSds, msg.voterNetworkAddress, ErrInvalidVoterNetworkAddr);
      const voterOwner = parseOr(parseAcc, msg.voterOwnerAddress, ErrInvalidVoterOwnerAddr);
      if (!k.deps.referenceQuirks && !isActiveVoter(k, ctx, voter, voterOwner) && k.activeMetaNodeCount(ctx) > 0) {
        throw ErrNoActiveVoterMetaNodeFound;
      }
      const { status, ozoneLimitChange } = wrapIn(ErrVoteMetaNode, () => {
        let node = k.getMetaNode(ctx, candidate);
        if (node === undefined) throw ErrNoCandidateMetaNodeFound;
        if (node.ownerAddress !== accString(candidateOwner)) throw ErrInvalidCandidateOwnerAddr;
        let pool = k.getRegistrationPool(ctx, candidate);
        if (pool === undefined) throw ErrNoRegistrationVotePoolFound;
        if (isVoteExpired(pool.expireTime, blockTime(ctx))) throw ErrVoteExpired;
        const voterText = sdsString(voter);
        if (pool.approveList.includes(voterText) || pool.rejectList.includes(voterText)) throw ErrDuplicateVoting;
        pool = msg.opinion
          ? { ...pool, approveList: [...pool.approveList, voterText] }
          : { ...pool, rejectList: [...pool.rejectList, voterText] };
        k.setRegistrationPool(ctx, candidate, pool);
        // Rejections are only recorded: they never end or block a registration.
        if (pool.isVotePassed || !registrationVotePasses(pool.approveList.length, k.activeMetaNodeCount(ctx))) {
          return { status: node.status, ozoneLimitChange: 0n };
        }
        node = { ...node, status: BondStatus.Bonded, suspend: false };
        k.setMetaNode(ctx, candidate, node);
        const change = k.increaseOzoneLimit(ctx, node.tokens);
        k.setBondedMetaNodeCount(ctx, k.getBondedMetaNodeCount(ctx) + 1n);
        k.bank.sendCoinsFromModuleToModule(ctx, POOL.metaNotBonded, POOL.metaBonded, Coins.of(coin(k.bondDenom(ctx), node.tokens)));
        k.setRegistrationPool(ctx, candidate, { ...pool, isVotePassed: true });
        return { status: node.status, ozoneLimitChange: change };
      });
      ctx.emit(typedEvent(EventMetaNodeRegistrationVoteSchema, {
        sender: msg.voterOwnerAddress,
        voterNetworkAddress: msg.voterNetworkAddress,
        candidateNetworkAddress: msg.candidateNetworkAddress,
        candidateStatus: bondStatusName(status),
        ozoneLimitChanges: ozoneLimitChange.toString(),
      }));
      return emptyResponse(MsgMetaNodeRegistrationVoteResponseSchema);
    },
  });
}
