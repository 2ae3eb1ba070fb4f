import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { unmarshalIntText } from "../../math/int.js";
import { ErrTxDecode, ErrUnknownRequest, TxError } from "../errors.js";
import type { DecodedMsg, MsgRouter } from "../msgs.js";
import type { DecodedTx } from "./decodedTx.js";
import { checkKnownFields, type FieldSchema, TX_FIELD_SCHEMA } from "./unknownFields.js";

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
    checkKnownFields(bytes, TX_FIELD_SCHEMA.TxRaw, "TxRaw", false);
    raw = TxRaw.decode(bytes);
    checkKnownFields(raw.bodyBytes, TX_FIELD_SCHEMA.TxBody, "TxBody", true);
    body = TxBody.decode(raw.bodyBytes);
    checkKnownFields(raw.authInfoBytes, TX_FIELD_SCHEMA.AuthInfo, "AuthInfo", false);
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
    if (route.fields) checkKnownFields(any.value, route.fields, messageName(any.typeUrl), true);
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

/** `/cosmos.bank.v1beta1.MsgSend` → "MsgSend" (the name the SDK's unknown-field error shows). */
function messageName(typeUrl: string): string {
  return typeUrl.slice(typeUrl.lastIndexOf(".") + 1);
}

/** The reference registers these two as `TxExtensionOptionI` (x/evm/types/codec.go). */
const EVM_EXTENSION_OPTION = "/stratos.evm.v1.ExtensionOptionsEthereumTx";
const EVM_MSG_ETHEREUM_TX = "/stratos.evm.v1.MsgEthereumTx";
/** `stratos.evm.v1.ExtensionOptionsEthereumTx` has no fields. */
const EMPTY_SCHEMA: FieldSchema = {};

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
      checkKnownFields(any.value, EMPTY_SCHEMA, "ExtensionOptionsEthereumTx", true);
      continue;
    }
    if (any.typeUrl === EVM_MSG_ETHEREUM_TX) continue;
    const route = router.get(any.typeUrl);
    if (!route) throw ErrTxDecode.wrap(`unable to resolve type URL ${any.typeUrl}`);
    if (route.fields) checkKnownFields(any.value, route.fields, messageName(any.typeUrl), true);
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
