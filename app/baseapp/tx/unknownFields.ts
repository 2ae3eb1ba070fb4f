import { type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";
import { ErrTxDecode } from "../errors.js";

/**
 * The SDK's tx decoder refuses protobuf fields it does not know (codec/unknownproto,
 * `RejectUnknownFields`): strictly in TxRaw and AuthInfo, and elsewhere except "non-critical" fields
 * (field number with bit 11 set). A decoder that silently dropped them would accept txs whose signed
 * bytes mean something else to another implementation (e.g. a newer `unordered` flag).
 *
 * The walk reads the generated descriptors of app/codec (protobuf-es), so the layout of every checked
 * message comes from its .proto file in proto/, not from a hand-typed table.
 */

/** How a walk treats the parts a descriptor does not settle. */
export interface UnknownFieldOptions {
  /** Accept unknown fields whose number has bit 11 set (the SDK's non-critical fields). */
  readonly allowNonCritical: boolean;
  /**
   * Resolves the type URL of a nested `google.protobuf.Any` (the SDK's interface registry): its value is
   * then checked against the resolved message, and an unresolvable type URL fails decoding, as in the
   * SDK. Without it an Any is looked at only as {type_url, value}.
   */
  readonly resolveAny?: (typeUrl: string) => DescMessage | undefined;
}

const NON_CRITICAL_BIT = 1024;
const ANY_TYPE_NAME = "google.protobuf.Any";
const WIRE_NAMES = ["varint", "fixed64", "bytes", "start_group", "end_group", "fixed32"];

/** What the walk needs of one field: the wire types it may arrive in and, for messages, their descriptor. */
interface FieldShape {
  readonly wires: readonly number[];
  readonly message?: DescMessage;
}

const shapes = new WeakMap<DescMessage, ReadonlyMap<number, FieldShape>>();

function shapesOf(desc: DescMessage): ReadonlyMap<number, FieldShape> {
  let table = shapes.get(desc);
  if (!table) {
    table = new Map(desc.fields.map((f) => [f.number, shapeOf(f)]));
    shapes.set(desc, table);
  }
  return table;
}

function shapeOf(field: DescField): FieldShape {
  switch (field.fieldKind) {
    case "message":
      return { wires: [2], message: field.message };
    case "map":
      return { wires: [2] };
    case "enum":
      return { wires: [0] };
    case "scalar":
      return { wires: [scalarWire(field.scalar)] };
    case "list": {
      if (field.listKind === "message") return { wires: [2], message: field.message };
      const wire = field.listKind === "enum" ? 0 : scalarWire(field.scalar);
      // Repeated numbers may arrive packed (bytes) or one by one; gogoproto accepts both.
      return { wires: wire === 2 ? [2] : [wire, 2] };
    }
  }
}

function scalarWire(t: ScalarType): number {
  switch (t) {
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return 2;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return 1;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return 5;
    default:
      return 0;
  }
}

/**
 * Throws `ErrTxDecode` on an unknown (critical) field, a wire-type mismatch, malformed bytes or (with
 * `resolveAny`) an Any whose type URL does not resolve. `name` labels errors ("MsgSend", "TxBody").
 */
export function rejectUnknownFields(bytes: Uint8Array, desc: DescMessage, name: string, options: UnknownFieldOptions): void {
  const reader = new WireReader(bytes, name);
  const isAny = desc.typeName === ANY_TYPE_NAME && options.resolveAny !== undefined;
  let typeUrl = "";
  let anyValue: Uint8Array = new Uint8Array(0);
  const table = shapesOf(desc);
  while (!reader.done()) {
    const tag = reader.varint();
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) throw ErrTxDecode.wrap(`${name}: illegal field number 0`);
    const shape = table.get(field);
    if (!shape) {
      if (!(options.allowNonCritical && (field & NON_CRITICAL_BIT) !== 0)) {
        throw ErrTxDecode.wrap(`errUnknownField "${name}": {TagNum: ${field}, WireType:"${wireName(wire)}"}`);
      }
    } else if (!shape.wires.includes(wire)) {
      throw ErrTxDecode.wrap(`${name}: field ${field} has wire type ${wireName(wire)}, expected ${wireName(shape.wires[0]!)}`);
    }
    if (wire !== 2) {
      reader.skip(wire, field);
      continue;
    }
    const payload = reader.bytes(field);
    if (isAny) {
      if (field === 1) typeUrl = new TextDecoder().decode(payload);
      else if (field === 2) anyValue = payload;
    } else if (shape?.message) {
      // The SDK's RejectUnknownFields passes allowUnknownNonCriticals down to nested messages.
      rejectUnknownFields(payload, shape.message, `${name}.${field}`, options);
    }
  }
  if (isAny) {
    const resolved = options.resolveAny!(typeUrl);
    if (!resolved) throw ErrTxDecode.wrap(`unable to resolve type URL ${typeUrl}`);
    rejectUnknownFields(anyValue, resolved, resolved.name, options);
  }
}

function wireName(w: number): string {
  return WIRE_NAMES[w] ?? `wire type ${w}`;
}

/** Just enough of the protobuf wire format to walk fields; every overrun is a decode error. */
class WireReader {
  private pos = 0;

  constructor(
    private readonly buf: Uint8Array,
    private readonly name: string,
  ) {}

  done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): number {
    let result = 0;
    let shift = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw ErrTxDecode.wrap(`${this.name}: truncated varint`);
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * shift;
      if ((b & 0x80) === 0) return result;
      shift *= 128;
    }
    throw ErrTxDecode.wrap(`${this.name}: varint too long`);
  }

  bytes(field: number): Uint8Array {
    const len = this.varint();
    const end = this.pos + len;
    if (end > this.buf.length) throw ErrTxDecode.wrap(`${this.name}: field ${field} overruns the message`);
    const out = this.buf.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  skip(wire: number, field: number): void {
    switch (wire) {
      case 0:
        this.varint();
        return;
      case 1:
        this.advance(8, field);
        return;
      case 5:
        this.advance(4, field);
        return;
      default:
        throw ErrTxDecode.wrap(`${this.name}: unsupported wire type ${wire}`);
    }
  }

  private advance(n: number, field: number): void {
    this.pos += n;
    if (this.pos > this.buf.length) throw ErrTxDecode.wrap(`${this.name}: truncated field ${field}`);
  }
}
