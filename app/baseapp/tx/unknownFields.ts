import { ErrTxDecode } from "../errors.js";

/**
 * The SDK's tx decoder refuses protobuf fields it does not know (codec/unknownproto): strictly in
 * TxRaw and AuthInfo, and in TxBody except "non-critical" fields (field number with bit 11 set).
 * A decoder that silently dropped them would accept txs whose signed bytes mean something else to
 * another implementation (e.g. a newer `unordered` flag). This walks the wire format with a schema
 * of the tx envelope; message contents are left to their own decoders.
 */

/** Field number → wire type and, for nested messages, their schema. */
export interface FieldSchema {
  readonly [field: number]: { readonly wire: 0 | 1 | 2 | 5; readonly nested?: () => FieldSchema };
}

const ANY: FieldSchema = { 1: { wire: 2 }, 2: { wire: 2 } };
/** `cosmos.base.v1beta1.Coin` {denom = 1, amount = 2}: for message schemas that carry coins. */
export const COIN_SCHEMA: FieldSchema = { 1: { wire: 2 }, 2: { wire: 2 } };
const COMPACT_BIT_ARRAY: FieldSchema = { 1: { wire: 0 }, 2: { wire: 2 } };
const MODE_INFO_SINGLE: FieldSchema = { 1: { wire: 0 } };
const MODE_INFO_MULTI: FieldSchema = { 1: { wire: 2, nested: () => COMPACT_BIT_ARRAY }, 2: { wire: 2, nested: () => MODE_INFO } };
const MODE_INFO: FieldSchema = { 1: { wire: 2, nested: () => MODE_INFO_SINGLE }, 2: { wire: 2, nested: () => MODE_INFO_MULTI } };
const SIGNER_INFO: FieldSchema = { 1: { wire: 2, nested: () => ANY }, 2: { wire: 2, nested: () => MODE_INFO }, 3: { wire: 0 } };
const FEE: FieldSchema = { 1: { wire: 2, nested: () => COIN_SCHEMA }, 2: { wire: 0 }, 3: { wire: 2 }, 4: { wire: 2 } };
const TIP: FieldSchema = { 1: { wire: 2, nested: () => COIN_SCHEMA }, 2: { wire: 2 } };

export const TX_FIELD_SCHEMA = {
  TxRaw: { 1: { wire: 2 }, 2: { wire: 2 }, 3: { wire: 2 } } as FieldSchema,
  TxBody: {
    1: { wire: 2, nested: () => ANY },
    2: { wire: 2 },
    3: { wire: 0 },
    1023: { wire: 2, nested: () => ANY },
    2047: { wire: 2, nested: () => ANY },
  } as FieldSchema,
  AuthInfo: { 1: { wire: 2, nested: () => SIGNER_INFO }, 2: { wire: 2, nested: () => FEE }, 3: { wire: 2, nested: () => TIP } } as FieldSchema,
} as const;

const NON_CRITICAL_BIT = 1024;

/** Throws `ErrTxDecode` on an unknown (critical) field, a wire-type mismatch or malformed bytes. */
export function checkKnownFields(bytes: Uint8Array, schema: FieldSchema, name: string, allowNonCritical: boolean): void {
  let pos = 0;
  const readVarint = (): number => {
    let result = 0;
    let shift = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= bytes.length) throw ErrTxDecode.wrap(`${name}: truncated varint`);
      const b = bytes[pos++]!;
      result += (b & 0x7f) * shift;
      if ((b & 0x80) === 0) return result;
      shift *= 128;
    }
    throw ErrTxDecode.wrap(`${name}: varint too long`);
  };
  while (pos < bytes.length) {
    const tag = readVarint();
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) throw ErrTxDecode.wrap(`${name}: illegal field number 0`);
    const known = schema[field];
    if (!known) {
      if (!(allowNonCritical && (field & NON_CRITICAL_BIT) !== 0)) {
        throw ErrTxDecode.wrap(`errUnknownField "${name}": {TagNum: ${field}, WireType:"${wireName(wire)}"}`);
      }
    } else if (known.wire !== wire) {
      throw ErrTxDecode.wrap(`${name}: field ${field} has wire type ${wireName(wire)}, expected ${wireName(known.wire)}`);
    }
    switch (wire) {
      case 0:
        readVarint();
        break;
      case 1:
        pos += 8;
        break;
      case 5:
        pos += 4;
        break;
      case 2: {
        const len = readVarint();
        const end = pos + len;
        if (end > bytes.length) throw ErrTxDecode.wrap(`${name}: field ${field} overruns the message`);
        const nested = known?.nested;
        // The SDK's RejectUnknownFields passes allowUnknownNonCriticals down to nested messages.
        if (nested) checkKnownFields(bytes.subarray(pos, end), nested(), `${name}.${field}`, allowNonCritical);
        pos = end;
        break;
      }
      default:
        throw ErrTxDecode.wrap(`${name}: unsupported wire type ${wire}`);
    }
    if (pos > bytes.length) throw ErrTxDecode.wrap(`${name}: truncated field ${field}`);
  }
}

function wireName(w: number): string {
  return ["varint", "fixed64", "bytes", "start_group", "end_group", "fixed32"][w] ?? `wire type ${w}`;
}
