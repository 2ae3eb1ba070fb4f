import type { AuthInfo, TxBody } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { Context } from "../context.js";
import type { DecodedMsg } from "../msgs.js";

/** A transaction decoded once (TxRaw → TxBody, AuthInfo, messages), with the raw bytes kept for signing. */
export interface DecodedTx {
  /** The TxRaw bytes as broadcast; sha256 of them is the tx hash. */
  readonly bytes: Uint8Array;
  /** Raw body and auth-info bytes: the SignDoc is built from these, never from a re-encoding. */
  readonly bodyBytes: Uint8Array;
  readonly authInfoBytes: Uint8Array;
  readonly signatures: readonly Uint8Array[];
  readonly body: TxBody;
  readonly authInfo: AuthInfo;
  readonly msgs: readonly DecodedMsg[];
}

/**
 * The ante chain (fees, signatures, sequences) as baseapp sees it. It lives with the auth module
 * (it needs the account and bank keepers); baseapp only calls it, in the tx branch, before the
 * messages. `simulate` skips signature checks and minimum-fee checks (SDK `simulate` flag).
 */
export type AnteHandler = (ctx: Context, tx: DecodedTx, simulate: boolean) => void;
