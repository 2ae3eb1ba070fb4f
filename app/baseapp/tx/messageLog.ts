import type { Event } from "cosmjs-types/tendermint/abci/types";
import { goJsonStringify } from "../protoJson.js";

/**
 * The success log of SDK v0.47 (`ABCIMessageLogs`, spec-sds-clients §4.1): one entry per message with
 * its events — the baseapp `message` event, then the handler's (bank events included) — in emission
 * order, same-type events NOT merged (0.47's `StringifyEvents` does not flatten), as amino JSON: fields
 * in declaration order, `omitempty` fields dropped when empty (the per-message `log`, an event's empty
 * `type`, an attribute's empty `key` or `value`), `msg_index` always written, Go's string escaping.
 * Not consensus data (CometBFT's results hash covers code, data and gas only), but explorers and the
 * SDS tools of that era read it (`TxResponse.logs`).
 */
export function abciMessageLogs(perMsgEvents: readonly (readonly Event[])[]): string {
  const logs = perMsgEvents.map((events, index) => ({
    msg_index: index,
    events: events.map((e) => ({
      ...(e.type === "" ? {} : { type: e.type }),
      attributes: e.attributes.map((a) => ({ ...(a.key === "" ? {} : { key: a.key }), ...(a.value === "" ? {} : { value: a.value }) })),
    })),
  }));
  return goJsonStringify(logs);
}
