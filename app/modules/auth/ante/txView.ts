import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import type { DecodedTx } from "../../../baseapp/tx/decodedTx.js";
import { ErrInvalidAddress, ErrTxDecode, internalError } from "../../../baseapp/errors.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../../crypto/address.js";
import { bitLength, goParseBigInt } from "../../../math/goBigInt.js";
import { MAX_INT_BITS } from "../../../math/int.js";
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

/**
 * gogoproto's `math.Int` unmarshalling of a fee amount (spec-pot.md §0): "" (absent) leaves a nil Int,
 * which `Tx.ValidateBasic` refuses; any other text is Go `big.Int` text in base 0 ("+5", "0x10",
 * "010" = 8, "1_000") within 256 bits, else the tx does not decode (code 2).
 */
function parseAmount(text: string): bigint | undefined {
  if (text === "") return undefined;
  const value = goParseBigInt(text, 0);
  if (value === undefined) throw ErrTxDecode.wrap(`math/big: cannot unmarshal ${JSON.stringify(text)} into a *big.Int`);
  const bits = bitLength(value);
  if (bits > MAX_INT_BITS) throw ErrTxDecode.wrap(`integer out of range; got: ${bits}, max: ${MAX_INT_BITS}`);
  return value;
}

/** SDK `Coins.String()` of the coins as given; a nil amount prints as Go's "<nil>". */
export function coinsString(coins: readonly RawCoin[]): string {
  return coins.map((c) => `${c.amount === undefined ? "<nil>" : c.amount.toString()}${c.denom}`).join(",");
}
