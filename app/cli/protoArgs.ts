/**
 * Command-line arguments → a protobuf request, driven by the message descriptor: the verbs of
 * `stchaind query <module> …` are generated from the query services (queryGen.ts), so every field
 * of a request is reachable without hand-written code.
 *
 * Rules: positional arguments fill the request's scalar and enum fields in declaration order (the
 * trailing ones may be left out: they stay zero, as an omitted proto3 field); every field can also be
 * given as `--kebab-name`; repeated scalars take a comma list; a `pagination` field is filled from
 * --limit, --offset, --page-key (base64), --count-total and --reverse.
 */
import { ScalarType, type DescEnum, type DescField, type DescMessage, type JsonObject, type JsonValue } from "@bufbuild/protobuf";
import { CliError } from "./common.js";

/** The fields a positional argument can fill (singular scalars and enums), in declaration order. */
export function positionalFields(message: DescMessage): DescField[] {
  return message.fields.filter((f) => f.fieldKind === "scalar" || f.fieldKind === "enum");
}

/** snake_case / camelCase field name → the flag's kebab-case name. */
export function flagName(field: DescField): string {
  return field.name.replace(/_/g, "-").replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

export const PAGINATION_FLAGS = ["limit", "offset", "page-key", "count-total", "reverse"] as const;

/** Does this request take a cosmos PageRequest? */
export function hasPagination(message: DescMessage): boolean {
  return message.fields.some((f) => f.fieldKind === "message" && f.message.typeName === "cosmos.base.query.v1beta1.PageRequest");
}

/** Flags of a request: one per field (pagination expanded), each a string option of node's parseArgs. */
export function requestFlags(message: DescMessage, reserved: ReadonlySet<string> = new Set()): Record<string, { type: "string" } | { type: "boolean" }> {
  const out: Record<string, { type: "string" } | { type: "boolean" }> = {};
  for (const f of message.fields) {
    if (f.fieldKind === "message" && f.message.typeName === "cosmos.base.query.v1beta1.PageRequest") continue;
    // A field named like a common flag (staking's HistoricalInfo `height`) is positional only.
    if (reserved.has(flagName(f))) continue;
    out[flagName(f)] = { type: "string" };
  }
  if (hasPagination(message)) {
    out["limit"] = { type: "string" };
    out["offset"] = { type: "string" };
    out["page-key"] = { type: "string" };
    out["count-total"] = { type: "boolean" };
    out["reverse"] = { type: "boolean" };
  }
  return out;
}

const INTEGER = /^-?[0-9]+$/;
const UNSIGNED = /^[0-9]+$/;

/** One scalar argument as its proto JSON value (64-bit integers as strings, bytes as base64). */
function scalarJson(field: DescField, type: ScalarType, text: string): JsonValue {
  const bad = (what: string): CliError => new CliError(`invalid ${flagName(field)} "${text}": expected ${what}`, 2);
  switch (type) {
    case ScalarType.STRING:
      return text;
    case ScalarType.BOOL:
      if (text !== "true" && text !== "false") throw bad("true or false");
      return text === "true";
    case ScalarType.BYTES:
      if (/^(0x)?([0-9a-fA-F]{2})*$/.test(text)) return Buffer.from(text.replace(/^0x/, ""), "hex").toString("base64");
      throw bad("hex bytes");
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      if (!UNSIGNED.test(text) || BigInt(text) >= 1n << 64n) throw bad("an unsigned 64-bit integer");
      return text;
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      if (!INTEGER.test(text) || BigInt(text) >= 1n << 63n || BigInt(text) < -(1n << 63n)) throw bad("a 64-bit integer");
      return text;
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      if (!UNSIGNED.test(text) || BigInt(text) >= 1n << 32n) throw bad("an unsigned 32-bit integer");
      return Number(text);
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      if (!INTEGER.test(text) || BigInt(text) >= 1n << 31n || BigInt(text) < -(1n << 31n)) throw bad("a 32-bit integer");
      return Number(text);
    default:
      throw bad("a number");
  }
}

/** An enum value: its full name, the name without the enum's prefix (`passed`), or its number. */
function enumJson(field: DescField, values: DescEnum["values"], text: string): JsonValue {
  const upper = text.toUpperCase();
  const found = values.find((v) => v.name === upper || v.name.endsWith(`_${upper}`) || String(v.number) === text);
  if (found === undefined) throw new CliError(`invalid ${flagName(field)} "${text}": one of ${values.map((v) => v.name).join(", ")}`, 2);
  return found.name;
}

function fieldJson(field: DescField, text: string): JsonValue {
  switch (field.fieldKind) {
    case "scalar":
      return scalarJson(field, field.scalar, text);
    case "enum":
      return enumJson(field, field.enum.values, text);
    case "list":
      if (field.listKind === "scalar") return text === "" ? [] : text.split(",").map((t) => scalarJson(field, field.scalar, t.trim()));
      if (field.listKind === "enum") return text === "" ? [] : text.split(",").map((t) => enumJson(field, field.enum.values, t.trim()));
      return parseJsonArgument(field, text);
    default:
      return parseJsonArgument(field, text);
  }
}

/** A message (or list of messages) field: its proto JSON, inline. */
function parseJsonArgument(field: DescField, text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new CliError(`invalid --${flagName(field)}: expected the field's proto JSON, got ${text}`, 2);
  }
}

/**
 * The request's proto JSON from positionals and flag values (`values` as parseArgs returns them).
 * @throws CliError (exit 2) on too many positionals, a field given twice, or a malformed value.
 */
export function requestJson(
  message: DescMessage,
  positionals: readonly string[],
  values: Readonly<Record<string, string | boolean | undefined>>,
  reserved: ReadonlySet<string> = new Set(),
): JsonObject {
  const slots = positionalFields(message);
  if (positionals.length > slots.length) {
    throw new CliError(`expected at most ${slots.length} argument(s) (${slots.map((f) => `<${f.name}>`).join(" ") || "none"}), got ${positionals.length}`, 2);
  }
  const json: JsonObject = {};
  positionals.forEach((text, i) => {
    const field = slots[i]!;
    json[field.jsonName] = fieldJson(field, text);
  });
  for (const field of message.fields) {
    if (reserved.has(flagName(field))) continue;
    const given = values[flagName(field)];
    if (typeof given !== "string") continue;
    if (field.jsonName in json) throw new CliError(`${field.name} given both as an argument and as --${flagName(field)}`, 2);
    json[field.jsonName] = fieldJson(field, given);
  }
  const page = message.fields.find((f) => f.fieldKind === "message" && f.message.typeName === "cosmos.base.query.v1beta1.PageRequest");
  if (page !== undefined) {
    const pagination: JsonObject = {};
    const limit = values["limit"];
    const offset = values["offset"];
    const key = values["page-key"];
    if (typeof limit === "string") {
      if (!UNSIGNED.test(limit)) throw new CliError(`--limit must be a non-negative integer, got ${limit}`, 2);
      pagination["limit"] = limit;
    }
    if (typeof offset === "string") {
      if (!UNSIGNED.test(offset)) throw new CliError(`--offset must be a non-negative integer, got ${offset}`, 2);
      pagination["offset"] = offset;
    }
    if (typeof key === "string") {
      if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(key)) throw new CliError(`--page-key must be base64 (a next_key of an earlier answer), got ${key}`, 2);
      pagination["key"] = key;
    }
    if (values["count-total"] === true) pagination["countTotal"] = true;
    if (values["reverse"] === true) pagination["reverse"] = true;
    if (Object.keys(pagination).length > 0) json[page.jsonName] = pagination;
  }
  return json;
}
