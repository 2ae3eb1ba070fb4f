import type { Context } from "./context.js";
import type { DescMessage } from "@bufbuild/protobuf";

/** A message response packed as Any (goes into TxMsgData.msg_responses). */
export interface MsgResponse {
  readonly typeUrl: string;
  readonly value: Uint8Array;
}

/**
 * How a module declares one message type (SDK: the Msg service method + `sdk.Msg` interface).
 * `validateBasic` runs before the ante chain, in CheckTx and FinalizeBlock; `signers` after it.
 * Errors are thrown as registered `TxError`s.
 */
export interface MsgSpec<T> {
  readonly typeUrl: string;
  /**
   * The message's generated descriptor (app/codec). When given, the tx decoder refuses unknown critical
   * fields inside the message, and Any values whose type it cannot resolve, as the SDK's
   * RejectUnknownFields does (code 2); protobuf decoders would silently drop them.
   */
  readonly schema?: DescMessage;
  decode(value: Uint8Array): T;
  validateBasic(msg: T): void;
  /** Account addresses (raw bytes) that must sign, in order; the first is the `message.sender`. */
  signers(msg: T): readonly Uint8Array[];
  handle(ctx: Context, msg: T): MsgResponse;
}

/** A decoded message with its behaviour bound, so routes of different types share one shape. */
export interface DecodedMsg {
  readonly typeUrl: string;
  validateBasic(): void;
  signers(): readonly Uint8Array[];
  execute(ctx: Context): MsgResponse;
}

export interface MsgRoute {
  readonly typeUrl: string;
  /** See `MsgSpec.schema`. */
  readonly schema?: DescMessage;
  decode(value: Uint8Array): DecodedMsg;
}

/** Erases a spec's message type behind closures (keeps handler typing exact without `any`). */
export function msgRoute<T>(spec: MsgSpec<T>): MsgRoute {
  return {
    typeUrl: spec.typeUrl,
    ...(spec.schema ? { schema: spec.schema } : {}),
    decode(value: Uint8Array): DecodedMsg {
      const msg = spec.decode(value);
      return {
        typeUrl: spec.typeUrl,
        validateBasic: () => spec.validateBasic(msg),
        signers: () => spec.signers(msg),
        execute: (ctx) => spec.handle(ctx, msg),
      };
    },
  };
}

/**
 * typeUrl → route. Unknown type URLs are the pipeline's ErrUnknownRequest (code 6). It also knows the
 * types an Any inside a message may name (the SDK's interface registry: public keys, messages).
 */
export class MsgRouter {
  private readonly routes = new Map<string, MsgRoute>();
  private readonly anyTypes = new Map<string, DescMessage>();

  register(route: MsgRoute): void {
    if (this.routes.has(route.typeUrl)) throw new Error(`message route ${route.typeUrl} registered twice`);
    this.routes.set(route.typeUrl, route);
    if (route.schema) this.anyTypes.set(route.typeUrl, route.schema);
  }

  /** Makes `/<full name>` resolvable inside messages' Any fields. */
  registerAnyType(schema: DescMessage): void {
    this.anyTypes.set(`/${schema.typeName}`, schema);
  }

  get(typeUrl: string): MsgRoute | undefined {
    return this.routes.get(typeUrl);
  }

  resolveAny(typeUrl: string): DescMessage | undefined {
    return this.anyTypes.get(typeUrl);
  }
}
