import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { EmptySchema } from "@bufbuild/protobuf/wkt";
import { unmarshalIntText } from "../../math/int.js";
import { ErrTxDecode, ErrUnknownRequest, TxError } from "../errors.js";
import type { DecodedMsg, MsgRouter } from "../msgs.js";
import type { DecodedTx } from "./decodedTx.js";
import { AuthInfoSchema, TxBodySchema, TxRawSchema } from "../../codec/cosmos/tx/v1beta1/tx_pb.js";
import { rejectUnknownFields } from "./unknownFields.js";

/**
 * Decodes a broadcast tx once: TxRaw → TxBody, AuthInfo and every message through the router.
 * Garbage is `ErrTxDecode` (code 2) with the reason, as the SDK's default tx decoder; unknown
 * critical protobuf fields are rejected like its `RejectUnknownFields`; a message type this chain
 * does not route is `ErrUnknownRequest` (code 6).
 */
export function decodeTx(bytes: Uint8Array, router: MsgRouter): DecodedTx {
  if (bytes.length === 0) throw ErrTxDecode.wrap("tx bytes are empty");
  let raw: TxRaw;
  let body: TxBody;
  let authInfo: AuthInfo;
  try {
    rejectUnknownFields(bytes, TxRawSchema, "TxRaw", STRICT);
    raw = TxRaw.decode(bytes);
    rejectUnknownFields(raw.bodyBytes, TxBodySchema, "TxBody", NON_CRITICAL_ALLOWED);
    body = TxBody.decode(raw.bodyBytes);
    rejectUnknownFields(raw.authInfoBytes, AuthInfoSchema, "AuthInfo", STRICT);
    authInfo = AuthInfo.decode(raw.authInfoBytes);
  } catch (e) {
    if (e instanceof TxError) throw e;
    throw ErrTxDecode.wrap(e instanceof Error ? e.message : String(e));
  }
  for (const c of authInfo.fee?.amount ?? []) checkIntText(c.amount);
  checkExtensionOptions(body, router);
  const msgs: DecodedMsg[] = body.messages.map((any, index) => {
    const route = router.get(any.typeUrl);
    if (!route) {
      throw ErrUnknownRequest.wrap(`unrecognized message type: ${any.typeUrl}; message index: ${index}`);
    }
    if (route.schema) rejectUnknownFields(any.value, route.schema, messageName(any.typeUrl), messageOptions(router));
    try {
      return route.decode(any.value);
    } catch (e) {
      throw ErrTxDecode.wrap(`failed to decode message ${any.typeUrl} at index ${index}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return {
    bytes,
    bodyBytes: raw.bodyBytes,
    authInfoBytes: raw.authInfoBytes,
    signatures: raw.signatures,
    body,
    authInfo,
    msgs,
  };
}

/** The envelope's Anys (messages, extension options) are resolved below, each by its own rule. */
const STRICT = { allowNonCritical: false } as const;
const NON_CRITICAL_ALLOWED = { allowNonCritical: true } as const;

/** Inside a message every Any must name a type the chain knows (the SDK's interface registry). */
function messageOptions(router: MsgRouter) {
  return { allowNonCritical: true, resolveAny: (typeUrl: string) => router.resolveAny(typeUrl) };
}

/** `/cosmos.bank.v1beta1.MsgSend` → "MsgSend" (the name the SDK's unknown-field error shows). */
function messageName(typeUrl: string): string {
  return typeUrl.slice(typeUrl.lastIndexOf(".") + 1);
}

/** The reference registers these two as `TxExtensionOptionI` (x/evm/types/codec.go). */
const EVM_EXTENSION_OPTION = "/stratos.evm.v1.ExtensionOptionsEthereumTx";
const EVM_MSG_ETHEREUM_TX = "/stratos.evm.v1.MsgEthereumTx";

/**
 * The SDK's tx decoder resolves the type URL of every Any in the body (RejectUnknownFields), critical
 * and non-critical extension options included: a type its interface registry does not know fails
 * decoding with code 2 "unable to resolve type URL …", before the ante chain. Known types are left to
 * the ante chain (critical ones are refused there with code 31) or ignored (non-critical ones).
 * "Known" here is what this chain can name: its routed messages and the two EVM types the reference
 * registers as extension options (docs/deviations.md). Contents are checked like messages'.
 */
function checkExtensionOptions(body: TxBody, router: MsgRouter): void {
  for (const any of [...body.extensionOptions, ...body.nonCriticalExtensionOptions]) {
    if (any.typeUrl === EVM_EXTENSION_OPTION) {
      // `stratos.evm.v1.ExtensionOptionsEthereumTx` has no fields.
      rejectUnknownFields(any.value, EmptySchema, "ExtensionOptionsEthereumTx", NON_CRITICAL_ALLOWED);
      continue;
    }
    if (any.typeUrl === EVM_MSG_ETHEREUM_TX) continue;
    const route = router.get(any.typeUrl);
    if (!route) throw ErrTxDecode.wrap(`unable to resolve type URL ${any.typeUrl}`);
    if (route.schema) rejectUnknownFields(any.value, route.schema, messageName(any.typeUrl), messageOptions(router));
  }
}

/**
 * gogoproto's `math.Int` unmarshalling of a fee amount, part of the SDK's decoding (spec-pot.md §0):
 * "" leaves a nil Int (refused later by `Tx.ValidateBasic`); other text must be Go `big.Int` text in
 * base 0 within 256 bits, else the tx does not decode (code 2, no gas).
 */
function checkIntText(text: string): void {
  try {
    unmarshalIntText(text);
  } catch (e) {
    throw ErrTxDecode.wrap(e instanceof Error ? e.message : String(e));
  }
}
