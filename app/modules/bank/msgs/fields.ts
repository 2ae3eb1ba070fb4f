/**
 * Protobuf layouts of the bank messages (cosmos/bank/v1beta1/tx.proto, bank.proto), for the tx
 * decoder's unknown-field check (baseapp/tx/unknownFields.ts): the SDK refuses a message carrying a
 * critical field its proto does not define (code 2), where a protobuf decoder would drop it.
 */
import { COIN_SCHEMA, type FieldSchema } from "../../../baseapp/tx/unknownFields.js";

const STRING = { wire: 2 } as const;
const BOOL = { wire: 0 } as const;
const coins = { wire: 2, nested: () => COIN_SCHEMA } as const;

/** `SendEnabled` {denom = 1, enabled = 2}. */
const SEND_ENABLED: FieldSchema = { 1: STRING, 2: BOOL };
/** `Input` / `Output` {address = 1, coins = 2}. */
const INPUT_OUTPUT: FieldSchema = { 1: STRING, 2: coins };
/** `Params` {send_enabled = 1 (deprecated), default_send_enabled = 2}. */
const PARAMS: FieldSchema = { 1: { wire: 2, nested: () => SEND_ENABLED }, 2: BOOL };

/** `MsgSend` {from_address = 1, to_address = 2, amount = 3}. */
export const MSG_SEND_FIELDS: FieldSchema = { 1: STRING, 2: STRING, 3: coins };
/** `MsgMultiSend` {inputs = 1, outputs = 2}. */
export const MSG_MULTI_SEND_FIELDS: FieldSchema = {
  1: { wire: 2, nested: () => INPUT_OUTPUT },
  2: { wire: 2, nested: () => INPUT_OUTPUT },
};
/** `MsgUpdateParams` {authority = 1, params = 2}. */
export const MSG_UPDATE_PARAMS_FIELDS: FieldSchema = { 1: STRING, 2: { wire: 2, nested: () => PARAMS } };
/** `MsgSetSendEnabled` {authority = 1, send_enabled = 2, use_default_for = 3}. */
export const MSG_SET_SEND_ENABLED_FIELDS: FieldSchema = { 1: STRING, 2: { wire: 2, nested: () => SEND_ENABLED }, 3: STRING };
