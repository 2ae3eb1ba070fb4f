/**
 * Length-prefixed protobuf store values (the SDK codec's `MarshalLengthPrefixed`, used by the Stratos
 * modules for most records): `uvarint(len) ‖ bytes`.
 */
import { type DescMessage, fromBinary, type MessageShape, toBinary } from "@bufbuild/protobuf";

export function encodeLengthPrefixed<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>): Uint8Array {
  const body = toBinary(schema, message);
  const prefix = uvarint(body.length);
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}

/** @throws RangeError when the prefix does not match the value's length. */
export function decodeLengthPrefixed<Desc extends DescMessage>(schema: Desc, bytes: Uint8Array): MessageShape<Desc> {
  let len = 0;
  let shift = 1;
  let pos = 0;
  for (;;) {
    if (pos >= bytes.length || pos > 9) throw new RangeError(`${schema.typeName}: bad length prefix`);
    const b = bytes[pos++]!;
    len += (b & 0x7f) * shift;
    if ((b & 0x80) === 0) break;
    shift *= 128;
  }
  if (pos + len !== bytes.length) {
    throw new RangeError(`${schema.typeName}: length prefix ${len} does not match the ${bytes.length - pos} bytes that follow`);
  }
  return fromBinary(schema, bytes.subarray(pos));
}

function uvarint(n: number): Uint8Array {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Uint8Array.from(out);
}
