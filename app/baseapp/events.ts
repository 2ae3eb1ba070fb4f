import { create, type DescMessage, type MessageShape, ScalarType } from "@bufbuild/protobuf";
import type { Event, EventAttribute } from "cosmjs-types/tendermint/abci/types";
import { goJsonQuote, goJsonStringify, toGoProtoJson } from "./protoJson.js";

/**
 * Events in the SDK's shapes. Every attribute is indexed (the reference runs with `index-events = []`,
 * spec-chain.md §10), and keys are never empty (CosmJS rejects empty keys).
 */

/** Keys that `Object.entries` lists before all others, in numeric order. */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * A legacy (untyped) event from named attributes: each key is the wire key, each value a plain string,
 * emitted in the object's insertion order (observable: the reference fixes it). Call it from a typed
 * builder that writes the object literal with its keys in wire order (e.g. app/modules/bank/events.ts),
 * so the key order of a caller's object never leaks through. An `undefined` value leaves its attribute
 * out (the SDK's conditional attributes). Integer-like keys are refused: JavaScript enumerates them
 * first, whatever the literal says.
 */
export function legacyEvent(type: string, attributes: Readonly<Record<string, string | undefined>>): Event {
  const list: EventAttribute[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (ARRAY_INDEX.test(key)) throw new Error(`legacyEvent: attribute key ${JSON.stringify(key)} would lose its order`);
    if (value !== undefined) list.push(attribute(key, value));
  }
  return { type, attributes: list };
}

/**
 * A typed event as the SDK's `EmitTypedEvent` makes it (spec-pot.md §0): type = the message's proto
 * full name, one attribute per field, key = proto field name, value = the field's proto-JSON (strings
 * keep their quotes: `"\"0\""`), keys sorted, empty and zero fields still emitted. The generated
 * event schema (app/codec) fixes the attribute names and types, so a missing or misspelt one does not
 * compile.
 */
export function typedEvent<Desc extends DescMessage>(schema: Desc, fields: EventFields<Desc>): Event {
  // Most events are all strings (every Stratos event): their JSON is the quoted text, no codec needed.
  if (allStringFields(schema)) {
    const values = fields as Readonly<Record<string, unknown>>;
    const attrs = schema.fields.map((f) => [f.name, goJsonQuote(String(values[f.localName] ?? ""))] as const);
    attrs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { type: schema.typeName, attributes: attrs.map(([k, v]) => attribute(k, v)) };
  }
  const json = toGoProtoJson(schema, Object.assign(create(schema), fields));
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new Error(`typedEvent: ${schema.typeName} is not an object`);
  const keys = Object.keys(json).sort(); // never rely on insertion order
  return { type: schema.typeName, attributes: keys.map((k) => attribute(k, goJsonStringify(json[k]!))) };
}

const stringOnly = new WeakMap<DescMessage, boolean>();

function allStringFields(schema: DescMessage): boolean {
  let known = stringOnly.get(schema);
  if (known === undefined) {
    known = schema.fields.every((f) => f.fieldKind === "scalar" && f.scalar === ScalarType.STRING);
    stringOnly.set(schema, known);
  }
  return known;
}

/** Every field of the event message, none optional (scalar fields of a generated message type are required). */
export type EventFields<Desc extends DescMessage> = Omit<MessageShape<Desc>, "$typeName" | "$unknown">;

function attribute(key: string, value: string): EventAttribute {
  if (key === "") throw new Error("event attribute keys must not be empty");
  return { key, value, index: true };
}

/** Collects events in emission order; a branch's events are kept only if the branch is written. */
export class EventManager {
  private readonly list: Event[] = [];

  emit(event: Event): void {
    this.list.push(event);
  }

  emitAll(events: readonly Event[]): void {
    for (const e of events) this.list.push(e);
  }

  get events(): readonly Event[] {
    return this.list;
  }
}
