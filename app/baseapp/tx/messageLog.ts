import type { Event } from "cosmjs-types/tendermint/abci/types";
import { goJsonQuote } from "../protoJson.js";

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
  // Written straight into one string (relayd's 250-message txs carry ~2,000 attributes): the generic
  // goJsonStringify over an object tree cost a tenth of FinalizeBlock and most of its garbage.
  const parts: string[] = [];
  perMsgEvents.forEach((events, index) => {
    parts.push(index === 0 ? `[{"msg_index":${index},"events":[` : `,{"msg_index":${index},"events":[`);
    events.forEach((e, i) => {
      if (i > 0) parts.push(",");
      parts.push(e.type === "" ? `{"attributes":[` : `{"type":${goJsonQuote(e.type)},"attributes":[`);
      e.attributes.forEach((a, j) => {
        const key = a.key === "" ? "" : `"key":${goJsonQuote(a.key)}`;
        const value = a.value === "" ? "" : `"value":${goJsonQuote(a.value)}`;
        parts.push(`${j > 0 ? "," : ""}{${key}${key !== "" && value !== "" ? "," : ""}${value}}`);
      });
      parts.push("]}");
    });
    parts.push("]}");
  });
  return parts.length === 0 ? "[]" : parts.join("") + "]";
}
