/**
 * `cosmos.gov.v1.MsgExecLegacyContent` (spec-staking §5.3): runs a v1beta1 Content through the legacy
 * router. Only a proposal can send it (its authority must be the gov account).
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrPanic, TxError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgExecLegacyContent, MsgExecLegacyContentResponseSchema, MsgExecLegacyContentSchema } from "../../../codec/cosmos/gov/v1/tx_pb.js";
import { emptyResponse, typeUrlOf } from "../../register/msgs/common.js";
import { accountProblem, accountString, signerOf } from "../addresses.js";
import { ErrInvalidProposalContent, ErrInvalidSigner, ErrNoProposalHandlerExists } from "../errors.js";
import type { GovKeeper } from "../keeper.js";
import { nilPointerPanic } from "../../bank/logic/msgCoins.js";
import { type DecodedContent, decodeLegacyContent } from "../proposalMessages.js";

interface Decoded {
  readonly msg: MsgExecLegacyContent;
  /** Undefined when the message carries no content (Go: a nil Any; the handler then fails). */
  readonly content: DecodedContent | undefined;
}

export function execLegacyContentRoute(k: GovKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgExecLegacyContentSchema),
    schema: MsgExecLegacyContentSchema,
    decode(bytes) {
      const msg = fromBinary(MsgExecLegacyContentSchema, bytes);
      return { msg, content: msg.content === undefined ? undefined : decodeLegacyContent(k.deps.legacyContents, msg.content) };
    },
    validateBasic({ msg }) {
      // The raw address error, unwrapped, as the reference returns it.
      const problem = accountProblem(msg.authority);
      if (problem !== undefined) throw problem;
    },
    signers: ({ msg }) => [signerOf(msg.authority)],
    handle(ctx, { msg, content }) {
      const gov = accountString(k.governanceAccount(ctx));
      if (gov !== msg.authority) throw ErrInvalidSigner.wrap(`expected ${gov} got ${msg.authority}`);
      // Go reads the cached value of a nil Any: a nil-pointer panic.
      if (content === undefined) throw nilPointerPanic();
      const route = content.type.route;
      if (!k.legacyRoutes.has(route)) throw ErrNoProposalHandlerExists.wrap(route);
      try {
        content.content.handle(ctx);
      } catch (e) {
        if (e instanceof TxError && !ErrPanic.is(e)) throw ErrInvalidProposalContent.wrap(`failed to run legacy handler ${route}, ${e.message}`);
        throw e;
      }
      return emptyResponse(MsgExecLegacyContentResponseSchema);
    },
  });
}
