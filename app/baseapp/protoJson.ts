/**
 * Proto-JSON as the reference's Go code writes it (gogoproto `jsonpb.Marshaler{OrigName: true,
 * EmitDefaults: true}`, used by `EmitTypedEvent`, the gRPC gateway and genesis export): proto field
 * names, every field emitted (an unset message as `null`), enums by name, 64-bit integers and
 * Int/Dec as strings, bytes as base64, Any with `@type`. Strings are escaped as Go's encoding/json
 * does (`<`, `>`, `&`, U+2028, U+2029 as \uXXXX), so text compares byte for byte.
 */
import { type DescMessage, type JsonValue, type MessageShape, type Registry, toJson } from "@bufbuild/protobuf";

/** One message as Go's jsonpb renders it, as a JSON value (not yet text). */
export function toGoProtoJson<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>, registry?: Registry): JsonValue {
  const json = toJson(schema, message, { useProtoFieldName: true, alwaysEmitImplicit: true, registry });
  return withNullMessages(schema, json);
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
