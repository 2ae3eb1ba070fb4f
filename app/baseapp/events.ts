import type { Event, EventAttribute } from "cosmjs-types/tendermint/abci/types";

/**
 * Events in the SDK's shapes. Every attribute is indexed (the reference runs with `index-events = []`,
 * spec-chain.md §10), and keys are never empty (CosmJS rejects empty keys).
 */

/** A legacy (untyped) event: attribute values are plain strings, in the order given. */
export function legacyEvent(type: string, attributes: ReadonlyArray<readonly [key: string, value: string]>): Event {
  return { type, attributes: attributes.map(([key, value]) => attribute(key, value)) };
}

/**
 * A typed event as `EmitTypedEvent` makes it (spec-pot.md §0): type = proto full name, one attribute
 * per proto-JSON field, value = the field's JSON encoding (strings keep their quotes), keys sorted.
 * `fields` holds already-JSON-encoded values; use `jsonString` for strings.
 */
export function typedEvent(protoFullName: string, fields: Readonly<Record<string, string>>): Event {
  const keys = Object.keys(fields).sort(); // never rely on insertion order
  return { type: protoFullName, attributes: keys.map((k) => attribute(k, fields[k]!)) };
}

/** JSON encoding of a string field value in a typed event ("st1…" → "\"st1…\""). */
export const jsonString = (s: string): string => JSON.stringify(s);

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
