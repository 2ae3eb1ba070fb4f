import type { Event } from "cosmjs-types/tendermint/abci/types";

/**
 * The success log of SDK v0.47 (`ABCIMessageLogs.String()`): one entry per message with its events
 * "stringified" — attributes of same-type events merged, types sorted — as amino JSON. Not consensus
 * data (only code, data and gas are hashed), but explorers and scripts of that era read it.
 * Amino JSON omits the fields gogoproto tags `omitempty` when empty — the per-message `log` (always
 * empty here) and an attribute's empty `value` — but keeps `msg_index` (explicit json tag), so a log
 * reads `[{"msg_index":0,"events":[…]}]` as on reference chains.
 */
export function abciMessageLogs(perMsgEvents: readonly (readonly Event[])[]): string {
  const logs = perMsgEvents.map((events, index) => {
    const byType = new Map<string, { key: string; value?: string }[]>();
    for (const e of events) {
      const list = byType.get(e.type) ?? [];
      for (const a of e.attributes) list.push(a.value === "" ? { key: a.key } : { key: a.key, value: a.value });
      byType.set(e.type, list);
    }
    const types = [...byType.keys()].sort(compareStrings);
    return { msg_index: index, events: types.map((type) => ({ type, attributes: byType.get(type)! })) };
  });
  return JSON.stringify(logs);
}

/** Go's string order (bytes), not locale order. */
function compareStrings(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}
