/**
 * The `tx` events of the ante chain (SDK v0.47 `x/auth/ante`): legacy events built from named
 * attributes whose keys are the wire keys, written here in the reference's attribute order.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { legacyEvent } from "../../../baseapp/events.js";

const TX = "tx";

/** `DeductFeeDecorator`: the fee (`Coins.String()`) and the payer's bech32 address. */
export const txFeeEvent = (a: { fee: string; fee_payer: string }): Event =>
  legacyEvent(TX, { fee: a.fee, fee_payer: a.fee_payer });

/** `SetPubKeyDecorator`, per signer: `<signer bech32>/<sequence>`. */
export const txAccSeqEvent = (a: { acc_seq: string }): Event => legacyEvent(TX, { acc_seq: a.acc_seq });

/** `SetPubKeyDecorator`, per signer after its `acc_seq` event: the signature, base64. */
export const txSignatureEvent = (a: { signature: string }): Event => legacyEvent(TX, { signature: a.signature });
