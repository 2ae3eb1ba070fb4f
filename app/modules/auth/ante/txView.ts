import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import type { DecodedTx } from "../../../baseapp/tx/decodedTx.js";
import { ErrInvalidAddress, ErrTxDecode, plainError } from "../../../baseapp/errors.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../../crypto/address.js";
import { unmarshalIntText } from "../../../math/int.js";
import { parsePubKey, type SignerPubKey } from "./pubKeys.js";

export interface RawCoin {
  readonly denom: string;
  /** Undefined where Go holds a nil `math.Int` (amount absent or empty on the wire). */
  readonly amount: bigint | undefined;
}

export interface SignatureSlot {
  /** Undefined when the signer info has no mode info (simulation placeholders). */
  readonly mode: SignMode | "multi" | undefined;
  readonly sequence: bigint;
  readonly pubKey: SignerPubKey | undefined;
  readonly signature: Uint8Array;
}

/**
 * What the ante chain reads of a tx, computed once: the SDK's `GetSigners` (unique message signers in
 * order, then the fee payer if it is not one of them), the fee, and one slot per signer info.
 */
export interface AnteTxView {
  readonly tx: DecodedTx;
  readonly signers: readonly Uint8Array[];
  readonly signerStrings: readonly string[];
  readonly fee: readonly RawCoin[];
  readonly gasLimit: bigint;
  /** Explicit payer, if any (else the first signer pays). */
  readonly payer: Uint8Array | undefined;
  readonly granter: string;
  readonly slots: readonly SignatureSlot[];
}

export function anteTxView(tx: DecodedTx): AnteTxView {
  const fee = tx.authInfo.fee;
  if (!fee) throw plainError("missing fee");
  const seen = new Set<string>();
  const signers: Uint8Array[] = [];
  const signerStrings: string[] = [];
  const add = (addr: Uint8Array): void => {
    const text = formatBech32Address(addr, BECH32_PREFIX.account);
    if (seen.has(text)) return;
    seen.add(text);
    signers.push(addr);
    signerStrings.push(text);
  };
  for (const msg of tx.msgs) for (const s of msg.signers()) add(s);
  let payer: Uint8Array | undefined;
  if (fee.payer !== "") {
    try {
      payer = parseBech32Address(fee.payer, BECH32_PREFIX.account);
    } catch (e) {
      throw ErrInvalidAddress.wrap(`Invalid fee payer address (${(e as Error).message})`);
    }
    add(payer);
  }
  const slots = tx.authInfo.signerInfos.map((info, i): SignatureSlot => {
    const single = info.modeInfo?.single;
    const mode = info.modeInfo === undefined ? undefined : single ? single.mode : "multi";
    return {
      mode,
      sequence: info.sequence,
      pubKey: info.publicKey ? parsePubKey(info.publicKey) : undefined,
      signature: tx.signatures[i] ?? new Uint8Array(),
    };
  });
  return {
    tx,
    signers,
    signerStrings,
    fee: fee.amount.map((c) => ({ denom: c.denom, amount: parseAmount(c.amount) })),
    gasLimit: fee.gasLimit,
    payer,
    granter: fee.granter,
    slots,
  };
}

/**
 * A fee amount as gogoproto unmarshals it (spec-pot.md §0): undefined for a nil Int (absent text).
 * `decodeTx` has already refused text that does not unmarshal (code 2), so this does not throw there.
 */
function parseAmount(text: string): bigint | undefined {
  try {
    return unmarshalIntText(text);
  } catch (e) {
    throw ErrTxDecode.wrap(e instanceof Error ? e.message : String(e));
  }
}

/** SDK `Coins.String()` of the coins as given; a nil amount prints as Go's "<nil>". */
export function coinsString(coins: readonly RawCoin[]): string {
  return coins.map((c) => `${c.amount === undefined ? "<nil>" : c.amount.toString()}${c.denom}`).join(",");
}
