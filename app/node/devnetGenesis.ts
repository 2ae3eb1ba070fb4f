import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HDKey } from "@scure/bip32";
import { mnemonicToSeedSync } from "@scure/bip39";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bech32 } from "@scure/base";

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
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
  return Array.from({ length: count }, (_, index) => {
    const hdPath = `m/44'/606'/0'/0/${index}`;
    const key = root.derive(hdPath);
    const uncompressed = secp256k1.getPublicKey(key.privateKey!, false);
    const address = keccak_256(uncompressed.subarray(1)).subarray(12);
    return { index, hdPath, address: bech32.encode("st", bech32.toWords(address)) };
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
