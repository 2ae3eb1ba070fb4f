/**
 * Proto-JSON as the reference's Go code writes it (gogoproto `jsonpb.Marshaler{OrigName: true,
 * EmitDefaults: true}`, used by `EmitTypedEvent`, the gRPC gateway and genesis export): proto field
 * names, every field emitted (an unset message as `null`), enums by name, 64-bit integers and
 * Int/Dec as strings, bytes as base64, Any with `@type`. Strings are escaped as Go's encoding/json
 * does (`<`, `>`, `&`, U+2028, U+2029 as \uXXXX), so text compares byte for byte.
 */
import { type DescField, type DescMessage, getOption, type JsonValue, type MessageShape, type Registry, ScalarType, toJson } from "@bufbuild/protobuf";
import { customtype } from "../codec/gogoproto/gogo_pb.js";
import { Dec } from "../math/dec.js";

/** One message as Go's jsonpb renders it, as a JSON value (not yet text). */
export function toGoProtoJson<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>, registry?: Registry): JsonValue {
  const json = toJson(schema, message, { useProtoFieldName: true, alwaysEmitImplicit: true, registry });
  return withNullMessages(schema, json);
}

/** The gogoproto custom type of the SDK's LegacyDec. */
const LEGACY_DEC = "github.com/cosmos/cosmos-sdk/types.Dec";

/** The scalar type of a LegacyDec custom-type field (string or bytes, single or repeated), else undefined. */
function legacyDecScalar(field: DescField): ScalarType | undefined {
  const scalar = field.fieldKind === "scalar" ? field.scalar : field.fieldKind === "list" && field.listKind === "scalar" ? field.scalar : undefined;
  return scalar !== undefined && getOption(field, customtype) === LEGACY_DEC ? scalar : undefined;
}

/**
 * The gRPC gateway's JSON of LegacyDec fields: in binary (and in `toGoProtoJson`) such a field holds the
 * raw scaled integer as text ("100000000000000000", bytes fields the same text base64-encoded); the
 * reference's gateway writes the field through `LegacyDec.MarshalJSON`, the human decimal
 * ("0.100000000000000000"). `json` is `toGoProtoJson`'s output for `schema`; Any values are followed
 * through `registry`. A value that is not a raw integer is left as it is.
 */
export function withLegacyDecimals(schema: DescMessage, json: JsonValue, registry?: Registry): JsonValue {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return json;
  if (schema.typeName === "google.protobuf.Any") {
    const typeUrl = json["@type"];
    if (typeof typeUrl !== "string" || registry === undefined) return json;
    const packed = registry.getMessage(typeUrl.slice(typeUrl.lastIndexOf("/") + 1));
    if (packed === undefined || packed.typeName.startsWith("google.protobuf.")) return json;
    return withLegacyDecimals(packed, json, registry);
  }
  if (schema.typeName.startsWith("google.protobuf.")) return json;
  const out: { [k: string]: JsonValue } = { ...json };
  for (const field of schema.fields) {
    const value = json[field.name];
    if (value === undefined || value === null) continue;
    const decScalar = legacyDecScalar(field);
    if (decScalar !== undefined) {
      const bytes = decScalar === ScalarType.BYTES;
      const one = (v: JsonValue): JsonValue => (typeof v === "string" ? legacyDecText(bytes ? Buffer.from(v, "base64").toString("latin1") : v) ?? v : v);
      out[field.name] = Array.isArray(value) ? value.map(one) : one(value);
    } else if (field.fieldKind === "message") {
      out[field.name] = withLegacyDecimals(field.message, value, registry);
    } else if (field.fieldKind === "list" && field.listKind === "message" && Array.isArray(value)) {
      out[field.name] = value.map((v) => withLegacyDecimals(field.message, v, registry));
    } else if (field.fieldKind === "map" && field.mapKind === "message" && typeof value === "object" && !Array.isArray(value)) {
      out[field.name] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLegacyDecimals(field.message, v, registry)]));
    }
  }
  return out;
}

/** Raw scaled-integer text → LegacyDec.String(); "" is the zero Dec (an unset custom type marshals as 0). */
function legacyDecText(raw: string): string | undefined {
  if (raw === "") return Dec.ZERO.toString();
  if (!/^-?[0-9]+$/.test(raw)) return undefined;
  try {
    return Dec.fromRaw(BigInt(raw)).toString();
  } catch {
    return undefined; // beyond the Dec range: shown as stored
  }
}

/** gogoproto emits an unset singular message field as `null`; protobuf-es leaves it out. */
function withNullMessages(schema: DescMessage, json: JsonValue): JsonValue {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return json;
  // Go's jsonpb writes an Any's "@type" first; protobuf-es after the packed message's fields.
  if (schema.typeName === "google.protobuf.Any") {
    const { ["@type"]: typeUrl, ...fields } = json;
    return typeUrl === undefined ? json : { "@type": typeUrl, ...fields };
  }
  // Other well-known types have their own JSON forms (Timestamp and Duration are strings).
  if (schema.typeName.startsWith("google.protobuf.")) return json;
  const out: { [k: string]: JsonValue } = {};
  for (const field of schema.fields) {
    const key = field.name;
    const value = json[key];
    if (field.fieldKind === "message") {
      out[key] = value === undefined ? null : withNullMessages(field.message, value);
    } else if (field.fieldKind === "list" && field.listKind === "message" && Array.isArray(value)) {
      out[key] = value.map((v) => withNullMessages(field.message, v));
    } else if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}

/** JSON text of a value with Go's encoding/json string escaping, compact, keys in the given order. */
export function goJsonStringify(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return goJsonQuote(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJsonStringify).join(",")}]`;
  return `{${Object.entries(value).map(([k, v]) => `${goJsonQuote(k)}:${goJsonStringify(v)}`).join(",")}}`;
}

const HEX = "0123456789abcdef";

/** Any character Go escapes or replaces; surrogates send valid pairs to the slow path too. */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;

/** Go `encoding/json` string encoding (HTML-safe, as json.Marshal). */
export function goJsonQuote(s: string): string {
  // Event values are almost always plain ASCII (addresses, amounts, hashes): quote them as they are.
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) {
      out += `\\u${HEX[(c >> 12) & 15]}${HEX[(c >> 8) & 15]}${HEX[(c >> 4) & 15]}${HEX[c & 15]}`;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += "\\ufffd"; // a lone surrogate is invalid UTF-8 to Go: replaced
    } else out += ch;
  }
  return out + '"';
}
