import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import type { DecodedTx } from "../../../baseapp/tx/decodedTx.js";
import { ErrInvalidAddress, ErrTxDecode, internalError } from "../../../baseapp/errors.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../../crypto/address.js";
import { parsePubKey, type SignerPubKey } from "./pubKeys.js";

export interface RawCoin {
  readonly denom: string;
  readonly amount: bigint;
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
  if (!fee) throw internalError("missing fee");
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

/** Go `math.Int` text unmarshalling: an optional sign and decimal digits; anything else fails decoding. */
function parseAmount(text: string): bigint {
  if (text === "") return 0n; // Go math.Int unmarshals empty text as zero
  if (!/^-?\d+$/.test(text)) throw ErrTxDecode.wrap(`invalid coin amount: ${JSON.stringify(text)}`);
  return BigInt(text);
}

export function coinsString(coins: readonly RawCoin[]): string {
  return coins.map((c) => `${c.amount}${c.denom}`).join(",");
}
