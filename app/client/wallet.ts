import { DirectEthSecp256k1HdWallet, DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { stringToPath, type HdPath } from "@cosmjs/crypto";

/** Account address prefix of Stratos (spec-chain.md §2). */
export const STRATOS_PREFIX = "st";

/** BIP-44 path of Stratos accounts: m/44'/606'/0'/0/index (spec-chain.md §5). */
export function stratosHdPath(index = 0, account = 0): HdPath {
  return stringToPath(`m/44'/606'/${account}'/0/${index}`);
}

export type StratosKeyType = "eth_secp256k1" | "secp256k1";

export interface StratosWalletOptions {
  /** Which HD indexes to derive (default [0]). */
  readonly indexes?: readonly number[];
  /**
   * `eth_secp256k1` (default): the key type of `stchaind keys add`, the SDS tools and mainnet —
   * Keccak-256 address and signing. `secp256k1`: the Cosmos key type (a different address).
   */
  readonly keyType?: StratosKeyType;
  readonly bip39Password?: string;
}

/**
 * A stock CosmJS wallet for Stratos: prefix `st`, coin type 606. With eth_secp256k1 it derives the
 * same address as `stchaind` (spec-chain.md §4 vector 2) and signs SIGN_MODE_DIRECT with Keccak-256.
 */
export async function stratosWallet(
  mnemonic: string,
  options: StratosWalletOptions = {},
): Promise<DirectEthSecp256k1HdWallet | DirectSecp256k1HdWallet> {
  const hdPaths = (options.indexes ?? [0]).map((i) => stratosHdPath(i));
  const common = { prefix: STRATOS_PREFIX, hdPaths, bip39Password: options.bip39Password ?? "" };
  return (options.keyType ?? "eth_secp256k1") === "eth_secp256k1"
    ? DirectEthSecp256k1HdWallet.fromMnemonic(mnemonic, common)
    : DirectSecp256k1HdWallet.fromMnemonic(mnemonic, common);
}
