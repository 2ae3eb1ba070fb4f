/**
 * `SubmitProposal` (spec-staking §5.3; SDK v0.47 `x/gov/keeper/proposal.go`): checks every message
 * (ValidateBasic, the gov account as its only signer, a route; a MsgExecLegacyContent is dry-run),
 * stores the proposal in its deposit period and queues it by deposit end time.
 */
import { create } from "@bufbuild/protobuf";
import type { Context } from "../../baseapp/context.js";
import { ErrPanic, TxError } from "../../baseapp/errors.js";
import { EventManager } from "../../baseapp/events.js";
import { type Proposal, ProposalSchema, ProposalStatus, TallyResultSchema } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { equalBytes } from "../../store/bytes.js";
import { accountString } from "./addresses.js";
import {
  ErrInvalidGenesis, ErrInvalidProposalContent, ErrInvalidProposalMsg, ErrInvalidSigner, ErrMetadataTooLong, ErrNoProposalHandlerExists,
  ErrUnroutableProposalMsg,
} from "./errors.js";
import { submitProposalEvent } from "./events.js";
import { MAX_METADATA_LEN, type GovKeeper } from "./keeper.js";
import { parseGovParams } from "./params.js";
import type { ProposalMessage } from "./proposalMessages.js";
import { blockTimeOf, timestampOf } from "./time.js";

export const MSG_EXEC_LEGACY_CONTENT_TYPE_URL = "/cosmos.gov.v1.MsgExecLegacyContent";

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** `assertMetadataLength`: at most 255 bytes (gov 15); also applied to titles and summaries. */
export function assertMetadataLength(text: string): void {
  const n = utf8Length(text);
  if (text !== "" && n > MAX_METADATA_LEN) throw ErrMetadataTooLong.wrap(`got metadata with length ${n}`);
}

export interface NewProposal {
  readonly messages: readonly ProposalMessage[];
  readonly metadata: string;
  readonly title: string;
  readonly summary: string;
  readonly proposer: Uint8Array;
}

export function submitProposal(k: GovKeeper, ctx: Context, p: NewProposal): Proposal {
  assertMetadataLength(p.metadata);
  assertMetadataLength(p.summary);
  assertMetadataLength(p.title);

  let typeUrls = "";
  for (const { any, msg } of p.messages) {
    typeUrls += `,${any.typeUrl}`;
    try {
      msg.validateBasic();
    } catch (e) {
      if (e instanceof TxError && !ErrPanic.is(e)) throw ErrInvalidProposalMsg.wrap(e.message);
      throw e;
    }
    const signers = msg.signers();
    if (signers.length !== 1) throw ErrInvalidSigner;
    if (!equalBytes(signers[0]!, k.governanceAccount(ctx))) throw ErrInvalidSigner.wrap(accountString(signers[0]!));
    if (k.deps.router.get(any.typeUrl) === undefined) throw ErrUnroutableProposalMsg.wrap(any.typeUrl);
    // Only legacy content is tried out at submission; other messages may still fail when executed.
    if (any.typeUrl === MSG_EXEC_LEGACY_CONTENT_TYPE_URL) dryRun(ctx, msg);
  }

  const id = k.getProposalId(ctx);
  if (id === undefined) throw ErrInvalidGenesis.wrap("initial proposal ID hasn't been set");
  const submitTime = blockTimeOf(ctx);
  const depositEnd = submitTime + parseGovParams(k.getParams(ctx)).maxDepositPeriodNanos;
  const proposal = create(ProposalSchema, {
    id,
    messages: p.messages.map(({ any }) => create(AnySchema, { typeUrl: any.typeUrl, value: any.value })),
    metadata: p.metadata,
    status: ProposalStatus.DEPOSIT_PERIOD,
    finalTallyResult: create(TallyResultSchema, { yesCount: "0", abstainCount: "0", noCount: "0", noWithVetoCount: "0" }),
    submitTime: timestampOf(submitTime),
    depositEndTime: timestampOf(depositEnd),
    title: p.title,
    summary: p.summary,
    proposer: accountString(p.proposer),
  });
  k.setProposal(ctx, proposal);
  k.insertIntoQueue(ctx, "inactive", id, depositEnd);
  k.setProposalId(ctx, id + 1n);
  ctx.emit(submitProposalEvent({ proposal_id: id, proposal_messages: typeUrls }));
  return proposal;
}

/**
 * A MsgExecLegacyContent runs once in a throw-away branch (events discarded): a missing route is
 * returned as it is (gov 9), any other failure as gov 5; a panic is not caught.
 */
function dryRun(ctx: Context, msg: ProposalMessage["msg"]): void {
  const branch = ctx.multiStore.branch();
  try {
    msg.validateBasic();
    msg.execute(ctx.withMultiStore(branch, new EventManager()));
  } catch (e) {
    if (!(e instanceof TxError) || ErrPanic.is(e)) throw e;
    if (ErrNoProposalHandlerExists.is(e)) throw e;
    throw ErrInvalidProposalContent.wrap(e.message);
  } finally {
    branch.discard();
  }
}
