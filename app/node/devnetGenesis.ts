import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "../crypto/ethSecp256k1.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../crypto/hd.js";

export const DEVNET_CHAIN_ID = "stratos-devnet-1";
export const DEVNET_DENOM = "wei";
export const DEVNET_ACCOUNT_COUNT = 5;
/** 1,000,000 STOS per dev account. */
export const DEVNET_ACCOUNT_BALANCE = 10n ** 24n;

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

/** Dev account i: eth_secp256k1 key on m/44'/606'/0'/0/i, address = Keccak-256 of the public key (spec-chain §4, §5). */
export function devnetAccounts(mnemonic: string = devnetMnemonic(), count = DEVNET_ACCOUNT_COUNT): DevAccount[] {
  const seed = mnemonicToSeed(mnemonic);
  return Array.from({ length: count }, (_, index) => {
    const hdPath = stratosHdPath(index);
    const publicKey = ethPublicKeyFromPrivateKey(derivePrivateKey(seed, hdPath));
    return { index, hdPath, address: formatBech32Address(ethAddressFromPubKey(publicKey), BECH32_PREFIX.account) };
  });
}

/**
 * The embedded default genesis `app_state` of the devnet, in the reference's JSON format
 * (spec-chain.md §11): five funded BaseAccounts, mainnet auth params, bank defaults.
 */
export function buildDevnetAppState(accounts: readonly DevAccount[] = devnetAccounts()): Record<string, unknown> {
  const supply = DEVNET_ACCOUNT_BALANCE * BigInt(accounts.length);
  return {
    auth: {
      params: {
        max_memo_characters: "256",
        tx_sig_limit: "7",
        tx_size_cost_per_byte: "10",
        sig_verify_cost_ed25519: "590",
        sig_verify_cost_secp256k1: "1000",
      },
      accounts: accounts.map((a) => ({
        "@type": "/cosmos.auth.v1beta1.BaseAccount",
        address: a.address,
        pub_key: null,
        account_number: String(a.index),
        sequence: "0",
      })),
    },
    bank: {
      params: { send_enabled: [], default_send_enabled: true },
      // Sorted by address, as the SDK's genesis validation wants.
      balances: [...accounts]
        .sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0))
        .map((a) => ({ address: a.address, coins: [{ denom: DEVNET_DENOM, amount: DEVNET_ACCOUNT_BALANCE.toString() }] })),
      supply: [{ denom: DEVNET_DENOM, amount: supply.toString() }],
      denom_metadata: [],
      send_enabled: [],
    },
  };
}
