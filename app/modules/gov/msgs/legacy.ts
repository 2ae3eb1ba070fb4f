/**
 * The v1beta1 messages (spec-staking §5.4): their own ValidateBasic, then converted and handled as
 * v1. A submitted Content becomes one MsgExecLegacyContent (authority: the gov account), its title
 * and description the proposal's title and summary — so the 255-byte limit applies to them too.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { ErrInvalidAddress, ErrInvalidCoins, ErrInvalidRequest } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import {
  type MsgDeposit, MsgDepositResponseSchema, MsgDepositSchema, type MsgSubmitProposal, MsgSubmitProposalResponseSchema, MsgSubmitProposalSchema,
  type MsgVote, MsgVoteResponseSchema, MsgVoteSchema, type MsgVoteWeighted, MsgVoteWeightedResponseSchema, MsgVoteWeightedSchema,
} from "../../../codec/cosmos/gov/v1beta1/tx_pb.js";
import { MsgExecLegacyContentSchema } from "../../../codec/cosmos/gov/v1/tx_pb.js";
import { Dec } from "../../../math/dec.js";
import { emptyResponse, typeUrlOf } from "../../register/msgs/common.js";
import { accountProblem, parseAccount, signerOf } from "../addresses.js";
import { type MsgCoin, msgCoins, msgCoinsIsValid, msgCoinsString } from "../coins.js";
import { ErrInvalidProposalContent, ErrInvalidVote } from "../errors.js";
import type { GovKeeper } from "../keeper.js";
import { type DecodedContent, decodeLegacyContent, decodeProposalMessages } from "../proposalMessages.js";
import { MSG_EXEC_LEGACY_CONTENT_TYPE_URL } from "../proposals.js";
import { isValidVoteOption } from "../logic/voteOptions.js";
import { addVote } from "../votes.js";
import { validateAbstract } from "../legacy/contents.js";
import { handleDeposit } from "./deposit.js";
import { handleSubmit } from "./submit.js";
import { validateVote } from "./vote.js";

function checkCoins(list: readonly MsgCoin[]): void {
  if (!msgCoinsIsValid(list)) throw ErrInvalidCoins.wrap(msgCoinsString(list));
}

interface DecodedSubmit {
  readonly msg: MsgSubmitProposal;
  readonly content: DecodedContent | undefined;
  readonly initialDeposit: readonly MsgCoin[];
}

export function legacySubmitProposalRoute(k: GovKeeper): MsgRoute {
  return msgRoute<DecodedSubmit>({
    typeUrl: typeUrlOf(MsgSubmitProposalSchema),
    schema: MsgSubmitProposalSchema,
    decode(bytes) {
      const msg = fromBinary(MsgSubmitProposalSchema, bytes);
      return {
        msg,
        content: msg.content === undefined ? undefined : decodeLegacyContent(k.deps.legacyContents, msg.content),
        initialDeposit: msgCoins(msg.initialDeposit),
      };
    },
    validateBasic({ msg, content, initialDeposit }) {
      const problem = accountProblem(msg.proposer);
      if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid proposer address: ${problem.message}`);
      checkCoins(initialDeposit);
      if (content === undefined) throw ErrInvalidProposalContent.wrap("missing content");
      // Every content type this chain decodes is a registered proposal type (gov 6 cannot occur).
      content.content.validateBasic(() => validateAbstract(content.content));
    },
    signers: ({ msg }) => [signerOf(msg.proposer)],
    handle(ctx, { msg, content, initialDeposit }) {
      if (content === undefined || msg.content === undefined) throw ErrInvalidProposalContent.wrap("missing content");
      const exec = create(MsgExecLegacyContentSchema, { content: msg.content, authority: k.govAddressString });
      const messages = decodeProposalMessages(k.deps.router, [{ typeUrl: MSG_EXEC_LEGACY_CONTENT_TYPE_URL, value: toBinary(MsgExecLegacyContentSchema, exec) }]);
      const id = handleSubmit(k, ctx, {
        messages, initialDeposit, proposer: msg.proposer, metadata: "", title: content.content.title, summary: content.content.description,
      });
      return { typeUrl: typeUrlOf(MsgSubmitProposalResponseSchema), value: toBinary(MsgSubmitProposalResponseSchema, create(MsgSubmitProposalResponseSchema, { proposalId: id })) };
    },
  });
}

export function legacyVoteRoute(k: GovKeeper): MsgRoute {
  return msgRoute<MsgVote>({
    typeUrl: typeUrlOf(MsgVoteSchema),
    schema: MsgVoteSchema,
    decode: (bytes) => fromBinary(MsgVoteSchema, bytes),
    validateBasic: (msg) => validateVote(msg.voter, msg.option),
    signers: (msg) => [signerOf(msg.voter)],
    handle(ctx, msg) {
      addVote(k, ctx, msg.proposalId, parseAccount(msg.voter), [{ option: msg.option, weight: Dec.ONE.toString() }], "");
      return emptyResponse(MsgVoteResponseSchema);
    },
  });
}

interface DecodedWeighted {
  readonly msg: MsgVoteWeighted;
  /** Weights as Dec (the wire holds the raw scaled integer). */
  readonly options: ReadonlyArray<{ readonly option: number; readonly weight: Dec }>;
}

/** v1beta1 `WeightedVoteOption.String()`: its YAML. */
const optionYaml = (o: { option: number; weight: Dec }): string => `option: ${o.option}\nweight: "${o.weight.toString()}"\n`;

export function legacyVoteWeightedRoute(k: GovKeeper): MsgRoute {
  return msgRoute<DecodedWeighted>({
    typeUrl: typeUrlOf(MsgVoteWeightedSchema),
    schema: MsgVoteWeightedSchema,
    decode(bytes) {
      const msg = fromBinary(MsgVoteWeightedSchema, bytes);
      return { msg, options: msg.options.map((o) => ({ option: o.option, weight: Dec.fromProtoString(o.weight) })) };
    },
    validateBasic({ msg, options }) {
      const problem = accountProblem(msg.voter);
      if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid voter address: ${problem.message}`);
      if (options.length === 0) throw ErrInvalidRequest.wrap("");
      let total = Dec.ZERO;
      const used = new Set<number>();
      for (const o of options) {
        if (!o.weight.isPositive() || o.weight.gt(Dec.ONE) || !isValidVoteOption(o.option)) throw ErrInvalidVote.wrap(optionYaml(o));
        total = total.add(o.weight);
        if (used.has(o.option)) throw ErrInvalidVote.wrap("Duplicated vote option");
        used.add(o.option);
      }
      if (total.gt(Dec.ONE)) throw ErrInvalidVote.wrap("Total weight overflow 1.00");
      if (total.lt(Dec.ONE)) throw ErrInvalidVote.wrap("Total weight lower than 1.00");
    },
    signers: ({ msg }) => [signerOf(msg.voter)],
    handle(ctx, { msg, options }) {
      addVote(k, ctx, msg.proposalId, parseAccount(msg.voter), options.map((o) => ({ option: o.option, weight: o.weight.toString() })), "");
      return emptyResponse(MsgVoteWeightedResponseSchema);
    },
  });
}

interface DecodedDeposit {
  readonly msg: MsgDeposit;
  readonly amount: readonly MsgCoin[];
}

export function legacyDepositRoute(k: GovKeeper): MsgRoute {
  return msgRoute<DecodedDeposit>({
    typeUrl: typeUrlOf(MsgDepositSchema),
    schema: MsgDepositSchema,
    decode(bytes) {
      const msg = fromBinary(MsgDepositSchema, bytes);
      return { msg, amount: msgCoins(msg.amount) };
    },
    validateBasic({ msg, amount }) {
      const problem = accountProblem(msg.depositor);
      if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid depositor address: ${problem.message}`);
      checkCoins(amount);
    },
    signers: ({ msg }) => [signerOf(msg.depositor)],
    handle(ctx, { msg, amount }) {
      handleDeposit(k, ctx, msg.proposalId, msg.depositor, amount);
      return emptyResponse(MsgDepositResponseSchema);
    },
  });
}
