import type { Context } from "../../../baseapp/context.js";
import {
  ErrInsufficientFee,
  ErrInvalidRequest,
  ErrMemoTooLarge,
  ErrNoSignatures,
  ErrTxTimeoutHeight,
  ErrUnauthorized,
  ErrUnknownExtensionOptions,
} from "../../../baseapp/errors.js";
import type { AnteHandler, DecodedTx } from "../../../baseapp/tx/decodedTx.js";
import type { DecCoins } from "../../../math/coins.js";
import type { AccountKeeper } from "../keeper.js";
import type { AuthParams } from "../params.js";
import type { AnteBankKeeper } from "./expected.js";
import { deductFee } from "./fees.js";
import { SignatureCache } from "./sigCache.js";
import { consumeSigGas, incrementSequences, setPubKeys, validateSigCount, verifySignatures } from "./signatures.js";
import { anteTxView, coinsString, type AnteTxView } from "./txView.js";

/** SDK `types/tx.MaxGasWanted`. */
const MAX_GAS_WANTED = (1n << 63n) - 1n;

/** The first extension option that would route a tx to the reference's Ethereum ante chain. */
const ETHEREUM_TX_EXTENSION = "/stratos.evm.v1.ExtensionOptionsEthereumTx";

/**
 * Amino-encoded `StdSignature{PubKey, Signature}` of a single secp256k1-sized key plus 6 bytes:
 * what the SDK charges per missing signature in simulation (`ConsumeTxSizeGasDecorator`).
 * 4-byte amino prefix + length + 33-byte key in field 1 (2 + 38), a 64-byte signature in field 2 (2 + 64).
 */
const SIMULATED_SIGNATURE_BYTES = 40n + 66n + 6n;

export interface AnteOptions {
  readonly accounts: AccountKeeper;
  readonly bank: AnteBankKeeper;
  /** Node-local `minimum-gas-prices`, checked in CheckTx only (spec-chain.md §10). */
  readonly minGasPrices: DecCoins;
  readonly signatureCache?: SignatureCache;
}

/**
 * The reference's ante chain for Cosmos txs (app/ante/handler_options.go `newCosmosAnteHandler`, on
 * SDK v0.47 decorators), in order. The gas meter is set up by baseapp before this runs (SDK
 * SetUpContextDecorator); IBC's redundant-relay check has nothing to do without IBC.
 */
export function createAnteHandler(options: AnteOptions): AnteHandler {
  const cache = options.signatureCache ?? new SignatureCache();
  return (ctx: Context, tx: DecodedTx, simulate: boolean): void => {
    const accounts = options.accounts;
    rejectExtensionOptions(tx);
    const view = anteTxView(tx);
    if (ctx.mode !== "recheck") validateBasic(view);
    checkTimeoutHeight(ctx, tx);
    // Each SDK decorator reads the auth params itself (a metered store read of ~1,042 gas), and the
    // memo decorator only for a non-empty memo: read them at the same points so gas_used matches the
    // reference (spec-chain.md §10).
    validateMemo(ctx, tx, accounts);
    consumeTxSizeGas(ctx, view, simulate, accounts, accounts.getParams(ctx));
    deductFee(ctx, view, simulate, accounts, options.bank, options.minGasPrices);
    setPubKeys(ctx, view, simulate, accounts);
    validateSigCount(view, accounts.getParams(ctx));
    consumeSigGas(ctx, view, simulate, accounts, accounts.getParams(ctx));
    verifySignatures(ctx, view, simulate, accounts, cache);
    incrementSequences(ctx, view, accounts);
  };
}

/** Reference `NewAnteHandler`: any extension option is refused (the Ethereum one needs the EVM, which this chain has not). */
function rejectExtensionOptions(tx: DecodedTx): void {
  const first = tx.body.extensionOptions[0];
  if (!first) return;
  if (first.typeUrl === ETHEREUM_TX_EXTENSION) {
    throw ErrUnknownExtensionOptions.wrap(`rejecting tx with unsupported extension option: ${first.typeUrl} (stratos-ts has no EVM)`);
  }
  throw ErrUnknownExtensionOptions.wrap(`rejecting tx with unsupported extension option: ${first.typeUrl}`);
}

/** SDK `Tx.ValidateBasic` (types/tx/types.go). */
function validateBasic(view: AnteTxView): void {
  if (view.gasLimit > MAX_GAS_WANTED) {
    throw ErrInvalidRequest.wrap(`invalid gas supplied; ${view.gasLimit} > ${MAX_GAS_WANTED}`);
  }
  if (view.fee.some((c) => c.amount === undefined)) throw ErrInsufficientFee.wrap("invalid fee provided: null");
  if (view.fee.some((c) => c.amount !== undefined && c.amount < 0n)) {
    throw ErrInsufficientFee.wrap(`invalid fee provided: ${coinsString(view.fee)}`);
  }
  const sigs = view.tx.signatures.length;
  if (sigs === 0) throw ErrNoSignatures;
  if (sigs !== view.signers.length) {
    throw ErrUnauthorized.wrap(`wrong number of signers; expected ${view.signers.length}, got ${sigs}`);
  }
}

/** SDK `TxTimeoutHeightDecorator`. */
function checkTimeoutHeight(ctx: Context, tx: DecodedTx): void {
  const timeout = tx.body.timeoutHeight;
  if (timeout > 0n && ctx.blockHeight > timeout) {
    throw ErrTxTimeoutHeight.wrap(`block height: ${ctx.blockHeight}, timeout height: ${timeout}`);
  }
}

/**
 * SDK `ValidateMemoDecorator`: the limit counts UTF-8 bytes (Go `len` of a string); the params are
 * read only when there is a memo.
 */
function validateMemo(ctx: Context, tx: DecodedTx, accounts: AccountKeeper): void {
  const length = BigInt(Buffer.byteLength(tx.body.memo, "utf8"));
  if (length === 0n) return;
  const params = accounts.getParams(ctx);
  if (length > params.maxMemoCharacters) {
    throw ErrMemoTooLarge.wrap(`maximum number of characters is ${params.maxMemoCharacters} but received ${length} characters`);
  }
}

/** SDK `ConsumeTxSizeGasDecorator`, including the simulated cost of signatures not yet made. */
function consumeTxSizeGas(ctx: Context, view: AnteTxView, simulate: boolean, accounts: AccountKeeper, params: AuthParams): void {
  ctx.gasMeter.consumeGas(params.txSizeCostPerByte * BigInt(view.tx.bytes.length), "txSize");
  if (!simulate) return;
  view.signers.forEach((signer, i) => {
    const slot = view.slots[i];
    if (slot && slot.mode !== undefined && slot.signature.length > 0) return;
    // A placeholder or an account key costs the same size here: single keys only (no multisig).
    accounts.getAccount(ctx, signer);
    ctx.gasMeter.consumeGas(params.txSizeCostPerByte * SIMULATED_SIGNATURE_BYTES, "txSize");
  });
}
