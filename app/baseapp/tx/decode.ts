import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { ErrTxDecode, ErrUnknownRequest, TxError } from "../errors.js";
import type { DecodedMsg, MsgRouter } from "../msgs.js";
import type { DecodedTx } from "./decodedTx.js";
import { checkKnownFields, TX_FIELD_SCHEMA } from "./unknownFields.js";

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
  const msgs: DecodedMsg[] = body.messages.map((any, index) => {
    const route = router.get(any.typeUrl);
    if (!route) {
      throw ErrUnknownRequest.wrap(`unrecognized message type: ${any.typeUrl}; message index: ${index}`);
    }
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
