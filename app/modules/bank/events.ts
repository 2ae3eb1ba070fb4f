/**
 * Events of the bank keeper (SDK v0.47 `x/bank/types/events.go`, `keeper/send.go`): legacy events
 * with the reference's type names, attribute keys and attribute order. Amounts are `Coins.String()`
 * ("10wei,5stos"; "" for no coins), addresses bech32 `st1…`.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { legacyEvent } from "../../baseapp/events.js";

export const EVENT_TYPE = {
  coinSpent: "coin_spent",
  coinReceived: "coin_received",
  transfer: "transfer",
  message: "message",
  coinbase: "coinbase",
  burn: "burn",
} as const;

export const coinSpentEvent = (spender: string, amount: string): Event =>
  legacyEvent(EVENT_TYPE.coinSpent, [["spender", spender], ["amount", amount]]);

export const coinReceivedEvent = (receiver: string, amount: string): Event =>
  legacyEvent(EVENT_TYPE.coinReceived, [["receiver", receiver], ["amount", amount]]);

/** `SendCoins`' transfer event: recipient, sender, amount. */
export const transferEvent = (recipient: string, sender: string, amount: string): Event =>
  legacyEvent(EVENT_TYPE.transfer, [["recipient", recipient], ["sender", sender], ["amount", amount]]);

/** `InputOutputCoins`' per-output transfer event: recipient and amount only (no sender). */
export const outputTransferEvent = (recipient: string, amount: string): Event =>
  legacyEvent(EVENT_TYPE.transfer, [["recipient", recipient], ["amount", amount]]);

/** The `message` event bank adds with the sender (`SendCoins`, each `InputOutputCoins` input). */
export const messageSenderEvent = (sender: string): Event => legacyEvent(EVENT_TYPE.message, [["sender", sender]]);

export const coinbaseEvent = (minter: string, amount: string): Event =>
  legacyEvent(EVENT_TYPE.coinbase, [["minter", minter], ["amount", amount]]);

export const burnEvent = (burner: string, amount: string): Event =>
  legacyEvent(EVENT_TYPE.burn, [["burner", burner], ["amount", amount]]);
