/**
 * The messages a proposal carries, decoded through the app's message router (the SDK unpacks them as
 * `sdk.Msg` when the tx is decoded, and again from the stored proposal at execution), and the legacy
 * Content inside a MsgExecLegacyContent.
 */
import type { DecodedMsg } from "../../baseapp/msgs.js";
import type { LegacyContent, LegacyContentType, MessageRouterForGov } from "./expected.js";

export interface AnyMessage {
  readonly typeUrl: string;
  readonly value: Uint8Array;
}

export interface ProposalMessage {
  readonly any: AnyMessage;
  readonly msg: DecodedMsg;
}

/**
 * @throws Error (a decode failure: the tx is refused with code 2) for a type the router does not know
 * or bytes its route cannot decode, in the reference's words.
 */
export function decodeProposalMessages(router: MessageRouterForGov, anys: readonly AnyMessage[]): ProposalMessage[] {
  return anys.map((any) => {
    const route = router.get(any.typeUrl);
    if (route === undefined) throw new Error(`no concrete type registered for type URL ${any.typeUrl} against interface *types.Msg`);
    return { any, msg: route.decode(any.value) };
  });
}

export interface DecodedContent {
  readonly typeUrl: string;
  readonly type: LegacyContentType;
  readonly content: LegacyContent;
}

/** @throws Error (decode failure) for a type URL that is not a registered Content. */
export function decodeLegacyContent(contents: ReadonlyMap<string, LegacyContentType>, any: AnyMessage): DecodedContent {
  const type = contents.get(any.typeUrl);
  if (type === undefined) throw new Error(`no concrete type registered for type URL ${any.typeUrl} against interface *v1beta1.Content`);
  return { typeUrl: any.typeUrl, type, content: type.decode(any.value) };
}
