import { describe, expect, it } from "vitest";
import { legacyEvent } from "./events.js";

// legacyEvent (events.ts). Attribute order is observable: ABCI events, tx logs.
const pairs = (e: { type: string; attributes: Array<{ key: string; value: string; index: boolean }> }) => [
  e.type,
  e.attributes.map((a) => [a.key, a.value, a.index]),
];

describe("legacyEvent", () => {
  it("omits undefined attributes and keeps the rest in insertion order", () => {
    expect(pairs(legacyEvent("message", { action: "/x.y.Msg", sender: undefined, module: "y" }))).toEqual([
      "message",
      [["action", "/x.y.Msg", true], ["module", "y", true]],
    ]);
  });

  it("refuses integer-like keys, which JavaScript would enumerate first", () => {
    expect(() => legacyEvent("t", { a: "1", "0": "2" })).toThrow(/legacyEvent/);
  });

  it("refuses an empty key", () => {
    expect(() => legacyEvent("t", { "": "x" })).toThrow(/must not be empty/);
  });
});
