/**
 * Events of the bank keeper (SDK v0.47 `x/bank/types/events.go`, `keeper/send.go`): legacy events
 * with the reference's type names, attribute keys and attribute order. Each builder takes its
 * attributes by wire key (`transferEvent({ recipient, sender, amount })`), so two swapped strings no
 * longer compile into a wrong event; the builder, not the caller, fixes the order on the wire.
 * Amounts are `Coins.String()` ("10wei,5stos"; "" for no coins), addresses bech32 `st1…`.
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

/** `coin_spent`: spender, amount. */
export const coinSpentEvent = (a: { spender: string; amount: string }): Event =>
  legacyEvent(EVENT_TYPE.coinSpent, { spender: a.spender, amount: a.amount });

/** `coin_received`: receiver, amount. */
export const coinReceivedEvent = (a: { receiver: string; amount: string }): Event =>
  legacyEvent(EVENT_TYPE.coinReceived, { receiver: a.receiver, amount: a.amount });

/** `SendCoins`' transfer event: recipient, sender, amount. */
export const transferEvent = (a: { recipient: string; sender: string; amount: string }): Event =>
  legacyEvent(EVENT_TYPE.transfer, { recipient: a.recipient, sender: a.sender, amount: a.amount });

/** `InputOutputCoins`' per-output transfer event: recipient and amount only (no sender). */
export const outputTransferEvent = (a: { recipient: string; amount: string }): Event =>
  legacyEvent(EVENT_TYPE.transfer, { recipient: a.recipient, amount: a.amount });

/** The `message` event bank adds with the sender (`SendCoins`, each `InputOutputCoins` input). */
export const messageSenderEvent = (a: { sender: string }): Event => legacyEvent(EVENT_TYPE.message, { sender: a.sender });

/** `MintCoins`: minter (the module account), amount. */
export const coinbaseEvent = (a: { minter: string; amount: string }): Event =>
  legacyEvent(EVENT_TYPE.coinbase, { minter: a.minter, amount: a.amount });

/** `BurnCoins`: burner (the module account), amount. */
export const burnEvent = (a: { burner: string; amount: string }): Event =>
  legacyEvent(EVENT_TYPE.burn, { burner: a.burner, amount: a.amount });
