/**
 * SDK 0.47's ABCIMessageLogs JSON: the hand-written writer against a literal expectation and against
 * the generic Go-JSON encoder over the same tree (amino field order, omitempty on type/key/value).
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "@bufbuild/protobuf";
import { goJsonStringify } from "../protoJson.js";
import { abciMessageLogs } from "./messageLog.js";

const ev = (type: string, attrs: Array<[string, string]>): Event => ({ type, attributes: attrs.map(([key, value]) => ({ key, value, index: true })) });

/** The same log through the generic encoder: the shape SDK 0.47 marshals. */
function viaTree(perMsg: readonly (readonly Event[])[]): string {
  const tree: JsonValue = perMsg.map((events, index) => ({
    msg_index: index,
    events: events.map((e) => ({
      ...(e.type === "" ? {} : { type: e.type }),
      attributes: e.attributes.map((a) => ({ ...(a.key === "" ? {} : { key: a.key }), ...(a.value === "" ? {} : { value: a.value }) })),
    })),
  }));
  return goJsonStringify(tree);
}

describe("abciMessageLogs", () => {
  it("one message: the message event, then the handler's, not merged, in emission order", () => {
    const log = abciMessageLogs([[
      ev("message", [["action", "/stratos.sds.v1.MsgFileUpload"], ["sender", "st1x"], ["module", "sds"]]),
      ev("stratos.sds.v1.EventFileUpload", [["file_hash", '"v05"'], ["reporter", '"stsds1y"']]),
    ]]);
    expect(log).toBe(
      '[{"msg_index":0,"events":[{"type":"message","attributes":[{"key":"action","value":"/stratos.sds.v1.MsgFileUpload"},' +
        '{"key":"sender","value":"st1x"},{"key":"module","value":"sds"}]},{"type":"stratos.sds.v1.EventFileUpload","attributes":' +
        '[{"key":"file_hash","value":"\\"v05\\""},{"key":"reporter","value":"\\"stsds1y\\""}]}]}]',
    );
  });

  it("empty cases: no messages, a message without events, an event without attributes, empty type/key/value dropped", () => {
    expect(abciMessageLogs([])).toBe("[]");
    expect(abciMessageLogs([[], [ev("", []), ev("t", [["", ""], ["k", ""], ["", "v"]])]])).toBe(
      '[{"msg_index":0,"events":[]},{"msg_index":1,"events":[{"attributes":[]},{"type":"t","attributes":[{},{"key":"k"},{"value":"v"}]}]}]',
    );
  });

  it("equals the generic encoder on random logs (Go escaping included)", () => {
    const text = fc.oneof(fc.constant(""), fc.string({ maxLength: 6 }), fc.constantFrom("<&>", "a\u2028", "\ud800", 'q"\\'));
    const event = fc.record({ type: text, attributes: fc.array(fc.tuple(text, text), { maxLength: 4 }) }).map((e) => ev(e.type, e.attributes));
    fc.assert(
      fc.property(fc.array(fc.array(event, { maxLength: 4 }), { maxLength: 5 }), (perMsg) => {
        expect(abciMessageLogs(perMsg)).toBe(viaTree(perMsg));
      }),
      { numRuns: 300 },
    );
  });
});
