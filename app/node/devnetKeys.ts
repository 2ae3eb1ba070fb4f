/**
 * Keys of the devnet derived from its public, development-only mnemonic (genesis/devnet.mnemonic):
 * account keys (eth_secp256k1, m/44'/606'/0'/0/i) and the genesis validator's operator and, for
 * in-process chains without a CometBFT node, its consensus key. Never use any of them for value.
 *
 * | who | key | path |
 * |---|---|---|
 * | account i | eth_secp256k1 | m/44'/606'/0'/0/i |
 * | the genesis validator's operator (self-delegates in the gentx) | eth_secp256k1 | m/44'/606'/0'/0/90 |
 * | the in-process validator's consensus key (TestApp) | ed25519, seed = BIP-32 key at | m/44'/606'/2'/0/0 |
 *
 * A devnet with a CometBFT node uses that node's own `priv_validator_key.json` as consensus key.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { ed25519PublicKey } from "../crypto/ed25519.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "../crypto/ethSecp256k1.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../crypto/hd.js";

const MNEMONIC_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../genesis/devnet.mnemonic");

/** The public, dev-only mnemonic of the devnet accounts. Never use it for anything of value. */
export function devnetMnemonic(): string {
  return fs.readFileSync(MNEMONIC_FILE, "utf8").trim();
}

export interface DevAccount {
  readonly index: number;
  readonly hdPath: string;
  readonly address: string;
}

/** Account at HD index i: eth_secp256k1 key on m/44'/606'/0'/0/i, address = Keccak-256 of the public key (spec-chain §4, §5). */
export function devnetAccount(index: number, seed: Uint8Array = mnemonicToSeed(devnetMnemonic())): DevAccount & { readonly privateKey: Uint8Array } {
  const hdPath = stratosHdPath(index);
  const privateKey = derivePrivateKey(seed, hdPath);
  const publicKey = ethPublicKeyFromPrivateKey(privateKey);
  return { index, hdPath, address: formatBech32Address(ethAddressFromPubKey(publicKey), BECH32_PREFIX.account), privateKey };
}

/** HD index of the genesis validator's operator account. */
export const DEVNET_VALIDATOR_OPERATOR_INDEX = 90;

let operator: (DevAccount & { readonly privateKey: Uint8Array }) | undefined;

/** The genesis validator's operator: its account self-delegates and signs the gentx. */
export function devnetValidatorOperator(): DevAccount & { readonly privateKey: Uint8Array } {
  operator ??= devnetAccount(DEVNET_VALIDATOR_OPERATOR_INDEX);
  return operator;
}

/** The consensus key of an in-process validator (no CometBFT node): ed25519 seed = BIP-32 key at m/44'/606'/2'/0/0. */
export function devnetConsensusKey(seed: Uint8Array = mnemonicToSeed(devnetMnemonic())): { readonly seed: Uint8Array; readonly publicKey: Uint8Array } {
  const keySeed = derivePrivateKey(seed, stratosHdPath(0, 2));
  return { seed: keySeed, publicKey: ed25519PublicKey(keySeed) };
}
