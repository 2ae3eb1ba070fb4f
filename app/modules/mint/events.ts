/** The `mint` block event (SDK v0.47 `x/mint/types/events.go`): attributes in the reference's order. */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { legacyEvent } from "../../baseapp/events.js";

export const mintEvent = (a: { bonded_ratio: string; inflation: string; annual_provisions: string; amount: string }): Event =>
  legacyEvent("mint", { bonded_ratio: a.bonded_ratio, inflation: a.inflation, annual_provisions: a.annual_provisions, amount: a.amount });
