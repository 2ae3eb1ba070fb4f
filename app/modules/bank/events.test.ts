import { describe, expect, it } from "vitest";
import { burnEvent, coinReceivedEvent, coinSpentEvent, coinbaseEvent, messageSenderEvent, outputTransferEvent, transferEvent } from "./events.js";

const pairs = (e: { type: string; attributes: Array<{ key: string; value: string; index: boolean }> }) => [
  e.type,
  e.attributes.map((a) => [a.key, a.value, a.index]),
];

// Wire order from SDK v0.47 x/bank/keeper/send.go and keeper.go (sdk.NewEvent argument order).
const VECTORS = [
  { name: "coin_spent", event: coinSpentEvent({ amount: "5wei", spender: "st1a" }), want: ["coin_spent", [["spender", "st1a", true], ["amount", "5wei", true]]] },
  { name: "coin_received", event: coinReceivedEvent({ amount: "5wei", receiver: "st1b" }), want: ["coin_received", [["receiver", "st1b", true], ["amount", "5wei", true]]] },
  {
    name: "transfer (SendCoins)",
    event: transferEvent({ amount: "5wei", sender: "st1a", recipient: "st1b" }),
    want: ["transfer", [["recipient", "st1b", true], ["sender", "st1a", true], ["amount", "5wei", true]]],
  },
  { name: "transfer (output)", event: outputTransferEvent({ amount: "", recipient: "st1b" }), want: ["transfer", [["recipient", "st1b", true], ["amount", "", true]]] },
  { name: "message", event: messageSenderEvent({ sender: "st1a" }), want: ["message", [["sender", "st1a", true]]] },
  { name: "coinbase", event: coinbaseEvent({ amount: "1stos", minter: "st1m" }), want: ["coinbase", [["minter", "st1m", true], ["amount", "1stos", true]]] },
  { name: "burn", event: burnEvent({ amount: "1stos", burner: "st1m" }), want: ["burn", [["burner", "st1m", true], ["amount", "1stos", true]]] },
] as const;

describe("bank event builders", () => {
  it.each(VECTORS)("$name: attributes in the reference's order, whatever the caller's key order", ({ event, want }) => {
    expect(pairs(event)).toEqual(want);
  });
});
