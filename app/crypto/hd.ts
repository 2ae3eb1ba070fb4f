/**
 * HD keys as `stchaind keys add` derives them (spec-chain §5; reference `crypto/hd/algorithm.go`):
 * BIP-39 mnemonic → 64-byte seed (PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic"+passphrase) →
 * BIP-32 on secp256k1 → the 32-byte private key at `m/44'/606'/account'/0/index`, used as eth_secp256k1.
 *
 * The reference (`tyler-smith/go-bip39`) takes the mnemonic as single-space-separated lowercase English
 * words with a valid checksum, and feeds the mnemonic and passphrase bytes to PBKDF2 **without** NFKD
 * normalisation. `@scure/bip39` normalises, which only differs for non-ASCII passphrases; so the word
 * check uses @scure/bip39 and the PBKDF2 input is the raw UTF-8, as in Go.
 */
import { HDKey } from "@scure/bip32";
import { generateMnemonic as scureGenerateMnemonic, validateMnemonic } from "@scure/bip39";
import { wordlist as english } from "@scure/bip39/wordlists/english.js";
import { pbkdf2Sync } from "node:crypto";
import { BECH32_PREFIX, formatBech32Address } from "./address.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "./ethSecp256k1.js";
import { InvalidKeyError } from "./keyErrors.js";

/** SLIP-44 coin type of Stratos. */
export const STRATOS_COIN_TYPE = 606;

const HARDENED_LIMIT = 0x80000000;
const MNEMONIC_SHAPE = /^[a-z]+( [a-z]+)*$/;

/** A mnemonic the reference refuses ("Invalid mnenomic" in go-bip39). */
export class InvalidMnemonicError extends Error {
  override readonly name = "InvalidMnemonicError";
}

/** `m/44'/606'/<account>'/0/<index>`, the `keys add --account --index` path. */
export function stratosHdPath(index: number = 0, account: number = 0): string {
  for (const [what, n] of [["index", index], ["account", account]] as const) {
    if (!Number.isSafeInteger(n) || n < 0 || n >= HARDENED_LIMIT) {
      throw new RangeError(`stratosHdPath: ${what} must be an integer in [0, 2^31), got ${n}`);
    }
  }
  return `m/44'/${STRATOS_COIN_TYPE}'/${account}'/0/${index}`;
}

/** A new random English mnemonic (24 words by default, like `keys add`). Tools only: uses the OS RNG. */
export function generateMnemonic(words: 12 | 15 | 18 | 21 | 24 = 24): string {
  return scureGenerateMnemonic(english, (words / 3) * 32);
}

/** True if `mnemonic` is what go-bip39 accepts: single-spaced English words with a valid checksum. */
export function isValidMnemonic(mnemonic: string): boolean {
  return MNEMONIC_SHAPE.test(mnemonic) && validateMnemonic(mnemonic, english);
}

/** BIP-39 seed (64 bytes). @throws InvalidMnemonicError if the mnemonic is not valid. */
export function mnemonicToSeed(mnemonic: string, passphrase: string = ""): Uint8Array {
  if (!isValidMnemonic(mnemonic)) {
    throw new InvalidMnemonicError("mnemonicToSeed: invalid mnemonic (need 12-24 single-spaced English words with a valid checksum)");
  }
  return Uint8Array.from(pbkdf2Sync(mnemonic, `mnemonic${passphrase}`, 2048, 64, "sha512"));
}

/** The BIP-32 private key at `path` (e.g. `m/44'/606'/0'/0/0`) under `seed`. @throws Error on a bad path. */
export function derivePrivateKey(seed: Uint8Array, path: string): Uint8Array {
  if (!/^m(\/\d+'?)*$/.test(path)) throw new RangeError(`derivePrivateKey: malformed path ${JSON.stringify(path)}`);
  const key = HDKey.fromMasterSeed(seed).derive(path).privateKey;
  if (key === null) throw new InvalidKeyError(`derivePrivateKey: no private key at ${path}`);
  return Uint8Array.from(key);
}

/** An eth_secp256k1 account derived from a mnemonic. */
export interface HdAccount {
  readonly path: string;
  readonly privateKey: Uint8Array;
  /** 33-byte compressed public key. */
  readonly publicKey: Uint8Array;
  /** 20-byte address (= the EVM address). */
  readonly address: Uint8Array;
  /** `st1…` form of `address`. */
  readonly bech32: string;
}

/**
 * The eth_secp256k1 account at `m/44'/606'/account'/0/index` of `mnemonic` (or at `options.path`).
 * @throws InvalidMnemonicError, RangeError on a bad index/path.
 */
export function deriveEthSecp256k1Account(
  mnemonic: string,
  index: number = 0,
  options: { passphrase?: string; account?: number; path?: string } = {},
): HdAccount {
  const path = options.path ?? stratosHdPath(index, options.account ?? 0);
  const privateKey = derivePrivateKey(mnemonicToSeed(mnemonic, options.passphrase ?? ""), path);
  const publicKey = ethPublicKeyFromPrivateKey(privateKey);
  const address = ethAddressFromPubKey(publicKey);
  return { path, privateKey, publicKey, address, bech32: formatBech32Address(address, BECH32_PREFIX.account) };
}
