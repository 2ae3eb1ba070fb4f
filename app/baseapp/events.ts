import { create, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import type { Event, EventAttribute } from "cosmjs-types/tendermint/abci/types";
import { goJsonStringify, toGoProtoJson } from "./protoJson.js";

/**
 * Events in the SDK's shapes. Every attribute is indexed (the reference runs with `index-events = []`,
 * spec-chain.md §10), and keys are never empty (CosmJS rejects empty keys).
 */

/** A legacy (untyped) event: attribute values are plain strings, in the order given. */
export function legacyEvent(type: string, attributes: ReadonlyArray<readonly [key: string, value: string]>): Event {
  return { type, attributes: attributes.map(([key, value]) => attribute(key, value)) };
}

/**
 * A typed event as the SDK's `EmitTypedEvent` makes it (spec-pot.md §0): type = the message's proto
 * full name, one attribute per field, key = proto field name, value = the field's proto-JSON (strings
 * keep their quotes: `"\"0\""`), keys sorted, empty and zero fields still emitted. The generated
 * event schema (app/codec) fixes the attribute names and types, so a missing or misspelt one does not
 * compile.
 */
export function typedEvent<Desc extends DescMessage>(schema: Desc, fields: EventFields<Desc>): Event {
  const json = toGoProtoJson(schema, Object.assign(create(schema), fields));
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new Error(`typedEvent: ${schema.typeName} is not an object`);
  const keys = Object.keys(json).sort(); // never rely on insertion order
  return { type: schema.typeName, attributes: keys.map((k) => attribute(k, goJsonStringify(json[k]!))) };
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
