/** `cosmos.gov.v1.MsgSubmitProposal` (spec-staking §5.3). */
import { fromBinary, create, toBinary } from "@bufbuild/protobuf";
import { ErrInvalidAddress, ErrInvalidRequest, ErrPanic, TxError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgSubmitProposal, MsgSubmitProposalResponseSchema, MsgSubmitProposalSchema } from "../../../codec/cosmos/gov/v1/tx_pb.js";
import { typeUrlOf } from "../../register/msgs/common.js";
import { accountProblem, signerOf } from "../addresses.js";
import { type MsgCoin, msgCoins, newCoinsGo } from "../coins.js";
import { ErrInvalidProposalMsg, ErrNoProposalMsgs } from "../errors.js";
import type { GovKeeper } from "../keeper.js";
import { type ProposalMessage, decodeProposalMessages } from "../proposalMessages.js";
import { handleSubmit } from "./submit.js";

interface Decoded {
  readonly msg: MsgSubmitProposal;
  readonly messages: readonly ProposalMessage[];
  readonly initialDeposit: readonly MsgCoin[];
}

/** `MsgSubmitProposal.ValidateBasic` (v1). */
export function validateSubmitProposal({ msg, messages, initialDeposit }: Decoded): void {
  if (msg.title === "") throw ErrInvalidRequest.wrap("proposal title cannot be empty");
  if (msg.summary === "") throw ErrInvalidRequest.wrap("proposal summary cannot be empty");
  const problem = accountProblem(msg.proposer);
  if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid proposer address: ${problem.message}`);
  // NewCoins panics on an invalid set; what it returns is valid and non-negative.
  newCoinsGo(initialDeposit);
  if (msg.messages.length === 0 && msg.metadata.length === 0) throw ErrNoProposalMsgs.wrap("either metadata or Msgs length must be non-nil");
  messages.forEach(({ msg: inner }, idx) => {
    try {
      inner.validateBasic();
    } catch (e) {
      if (e instanceof TxError && !ErrPanic.is(e)) throw ErrInvalidProposalMsg.wrap(`msg: ${idx}, err: ${e.message}`);
      throw e;
    }
  });
}

export function submitProposalRoute(k: GovKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgSubmitProposalSchema),
    schema: MsgSubmitProposalSchema,
    decode(bytes) {
      const msg = fromBinary(MsgSubmitProposalSchema, bytes);
      return { msg, messages: decodeProposalMessages(k.deps.router, msg.messages), initialDeposit: msgCoins(msg.initialDeposit) };
    },
    validateBasic: validateSubmitProposal,
    signers: ({ msg }) => [signerOf(msg.proposer)],
    handle(ctx, { msg, messages, initialDeposit }) {
      const id = handleSubmit(k, ctx, {
        messages, initialDeposit, proposer: msg.proposer, metadata: msg.metadata, title: msg.title, summary: msg.summary,
      });
      return { typeUrl: typeUrlOf(MsgSubmitProposalResponseSchema), value: toBinary(MsgSubmitProposalResponseSchema, create(MsgSubmitProposalResponseSchema, { proposalId: id })) };
    },
  });
}
