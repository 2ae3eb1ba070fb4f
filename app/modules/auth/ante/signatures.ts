import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { Context } from "../../../baseapp/context.js";
import {
  ErrInvalidPubKey,
  ErrNotSupported,
  ErrTooManySignatures,
  ErrUnauthorized,
  ErrUnknownAddress,
  ErrWrongSequence,
  type TxError,
} from "../../../baseapp/errors.js";
import { equalBytes } from "../../../store/bytes.js";
import { txAccSeqEvent, txSignatureEvent } from "./events.js";
import { sha256 } from "../../../crypto/hash.js";
import type { AccountKeeper } from "../keeper.js";
import { withPubKey, withSequence, type Account } from "../account.js";
import type { AuthParams } from "../params.js";
import { ethAddressOrEmpty, PUBKEY_TYPE_URL, parsePubKey, pubKeyAddress, signDigest, verifyDigest, type SignerPubKey } from "./pubKeys.js";
import { PubKey as Secp256k1PubKeyProto } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { cosmosAddressFromPubKey } from "../../../crypto/secp256k1.js";
import type { SignatureCache } from "./sigCache.js";
import type { AnteTxView } from "./txView.js";

/** eth_secp256k1 verification gas, hard-coded by the reference (app/ante/ante.go), whatever the params say. */
export const ETH_SECP256K1_VERIFY_GAS = 21_000n;

const SIM_KEY = new Uint8Array(Buffer.from("035ad6810a47f073553ff30d2fcc7e0d3b1c0b74b61a1aaa2582344037151e143a", "hex"));
/** SDK `simSecp256k1Pubkey`: the placeholder key used in simulation when a signer has none. */
const SIM_PUBKEY: SignerPubKey = {
  kind: "secp256k1",
  any: { typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: Secp256k1PubKeyProto.encode({ key: SIM_KEY }).finish() },
  key: SIM_KEY,
};

function signerAccount(ctx: Context, accounts: AccountKeeper, view: AnteTxView, i: number): Account {
  const acc = accounts.getAccount(ctx, view.signers[i]!);
  if (!acc) throw ErrUnknownAddress.wrap(`account ${view.signerStrings[i]} does not exist`);
  return acc;
}

/**
 * SDK `SetPubKeyDecorator`: a signer info's key must control the signer's address; it is stored on
 * accounts that have none; then the `tx{acc_seq}` and `tx{signature}` events.
 */
export function setPubKeys(ctx: Context, view: AnteTxView, simulate: boolean, accounts: AccountKeeper): void {
  if (view.slots.length > view.signers.length) {
    throw ErrUnauthorized.wrap(`invalid number of signer;  expected: ${view.signers.length}, got ${view.slots.length}`);
  }
  view.slots.forEach((slot, i) => {
    let pk = slot.pubKey;
    if (!pk) {
      if (!simulate) return;
      pk = SIM_PUBKEY;
    }
    if (simulate) pk = simulationKey(pk, view.signers[i]!);
    if (!simulate && !equalBytes(pubKeyAddress(pk), view.signers[i]!)) {
      throw ErrInvalidPubKey.wrap(`pubKey does not match signer address ${view.signerStrings[i]} with signer index: ${i}`);
    }
    const acc = signerAccount(ctx, accounts, view, i);
    if (acc.pubKey) return;
    // In simulation the SDK stores even the placeholder (the branch is thrown away): the write and the
    // longer account record that later decorators read are part of the simulated gas.
    accounts.setAccount(ctx, withPubKey(acc, pk.any));
  });
  view.slots.forEach((slot, i) => {
    ctx.emit(txAccSeqEvent({ acc_seq: `${view.signerStrings[i]}/${slot.sequence}` }));
    ctx.emit(txSignatureEvent({ signature: Buffer.from(slot.signature).toString("base64") }));
  });
}

/**
 * CosmJS's `simulate()` announces every key as `/cosmos.crypto.secp256k1.PubKey`, even an
 * eth_secp256k1 wallet's. Charged as secp256k1 (1,000 gas instead of 21,000), the estimate of a new
 * account's first tx would fall short of the real cost. In simulation only (no signature is checked
 * and the state is thrown away), a secp256k1 key whose Keccak address — not its Cosmos address — is
 * the signer is treated as the eth_secp256k1 key it is.
 */
function simulationKey(pk: SignerPubKey, signer: Uint8Array): SignerPubKey {
  if (pk.kind !== "secp256k1" || pk.key.length !== 33) return pk;
  if (equalBytes(cosmosAddressFromPubKey(pk.key), signer) || !equalBytes(ethAddressOrEmpty(pk.key), signer)) return pk;
  return {
    kind: "eth_secp256k1",
    key: pk.key,
    any: { typeUrl: PUBKEY_TYPE_URL.ethSecp256k1, value: Secp256k1PubKeyProto.encode({ key: pk.key }).finish() },
  };
}

/**
 * SDK `ValidateSigCountDecorator`: counts the keys the signer infos carry (`CountSubKeys`: none for a
 * signer info without a key, one per single key; multisig keys never get here, setPubKeys refuses
 * them) and fails as soon as the running count passes `tx_sig_limit`, reporting that count.
 */
export function validateSigCount(view: AnteTxView, params: AuthParams): void {
  let count = 0n;
  for (const slot of view.slots) {
    if (!slot.pubKey) continue;
    count += 1n;
    if (count > params.txSigLimit) throw ErrTooManySignatures.wrap(`signatures: ${count}, limit: ${params.txSigLimit}`);
  }
}

/** The key an account verifies with: its stored key, or (simulation only) the placeholder. */
function accountKey(acc: Account, simulate: boolean): SignerPubKey | undefined {
  if (acc.pubKey) return parsePubKey(acc.pubKey);
  return simulate ? SIM_PUBKEY : undefined;
}

/** SDK `SigGasConsumeDecorator` with the reference's consumer (eth_secp256k1 costs a fixed 21,000). */
export function consumeSigGas(ctx: Context, view: AnteTxView, simulate: boolean, accounts: AccountKeeper, params: AuthParams): void {
  view.slots.forEach((_, i) => {
    const pk = accountKey(signerAccount(ctx, accounts, view, i), simulate);
    if (!pk) throw ErrInvalidPubKey.wrap("unrecognized public key type: <nil>");
    switch (pk.kind) {
      case "eth_secp256k1":
        ctx.gasMeter.consumeGas(ETH_SECP256K1_VERIFY_GAS, "ante verify: eth_secp256k1");
        return;
      case "secp256k1":
        ctx.gasMeter.consumeGas(params.sigVerifyCostSecp256k1, "ante verify: secp256k1");
        return;
      case "ed25519":
        ctx.gasMeter.consumeGas(params.sigVerifyCostEd25519, "ante verify: ed25519");
        throw ErrInvalidPubKey.wrap("ED25519 public keys are unsupported");
      default:
        throw ErrNotSupported.wrap(`${pk.any.typeUrl} signatures are not supported by stratos-ts`);
    }
  });
}

/**
 * SDK `SigVerificationDecorator`: sequence check, then (outside simulation and RECHECK) the
 * SIGN_MODE_DIRECT signature over SignDoc{raw body, raw auth info, chain id, account number}.
 */
export function verifySignatures(
  ctx: Context,
  view: AnteTxView,
  simulate: boolean,
  accounts: AccountKeeper,
  cache: SignatureCache,
): void {
  if (view.slots.length !== view.signers.length) {
    throw ErrUnauthorized.wrap(`invalid number of signer;  expected: ${view.signers.length}, got ${view.slots.length}`);
  }
  view.slots.forEach((slot, i) => {
    const acc = signerAccount(ctx, accounts, view, i);
    const pk = accountKey(acc, simulate);
    if (!pk) throw ErrInvalidPubKey.wrap("pubkey on account is not set");
    if (slot.sequence !== acc.sequence) {
      throw ErrWrongSequence.wrap(`account sequence mismatch, expected ${acc.sequence}, got ${slot.sequence}`);
    }
    if (simulate || ctx.mode === "recheck") return;
    const accountNumber = ctx.blockHeight === 0n ? 0n : acc.accountNumber;
    const failed = (): TxError =>
      ErrUnauthorized.wrap(`signature verification failed; please verify account number (${accountNumber}) and chain-id (${ctx.header.chainId})`);
    if (slot.mode !== SignMode.SIGN_MODE_DIRECT) {
      // Modes the reference's SDK v0.47 tx config enables but stratos-ts does not implement are refused
      // as unsupported (docs/deviations.md); any other mode (UNSPECIFIED, TEXTUAL, unknown numbers) has
      // no sign-mode handler there either, which the SDK reports as a failed verification (code 4).
      if (REFERENCE_ONLY_SIGN_MODES.has(slot.mode)) {
        throw ErrNotSupported.wrap(`sign mode ${signModeName(slot.mode)} is not supported by stratos-ts; sign with SIGN_MODE_DIRECT`);
      }
      throw failed();
    }
    const signBytes = SignDoc.encode({
      bodyBytes: view.tx.bodyBytes,
      authInfoBytes: view.tx.authInfoBytes,
      chainId: ctx.header.chainId,
      accountNumber,
    }).finish();
    // The cache is keyed by SHA-256 of the sign bytes (native, ~1 µs) so a hit in FinalizeBlock also
    // skips the Keccak digest (~17 µs in JS); the key type is part of the key bytes' meaning via `kind`.
    const id = sha256(signBytes);
    if (cache.has(id, pk.key, slot.signature, pk.kind)) return;
    if (!verifyDigest(pk, signDigest(pk.kind, signBytes), slot.signature)) throw failed();
    cache.add(id, pk.key, slot.signature, pk.kind);
  });
}

/** Sign modes of the reference's default tx config (SDK v0.47) other than DIRECT, plus multisig mode info. */
const REFERENCE_ONLY_SIGN_MODES: ReadonlySet<SignMode | "multi" | undefined> = new Set<SignMode | "multi" | undefined>([
  SignMode.SIGN_MODE_LEGACY_AMINO_JSON,
  SignMode.SIGN_MODE_DIRECT_AUX,
  "multi",
]);

function signModeName(mode: SignMode | "multi" | undefined): string {
  if (mode === "multi") return "multi-signature";
  if (mode === undefined) return "<missing mode info>";
  return SignMode[mode] ?? `SignMode(${mode})`;
}

/** SDK `IncrementSequenceDecorator`: every signer's sequence goes up by one, even if a message later fails. */
export function incrementSequences(ctx: Context, view: AnteTxView, accounts: AccountKeeper): void {
  view.signers.forEach((_, i) => {
    const acc = signerAccount(ctx, accounts, view, i);
    accounts.setAccount(ctx, withSequence(acc, acc.sequence + 1n));
  });
}
