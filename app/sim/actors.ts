/**
 * The simulator's actors and their keys (spec-sds-clients §8.1), all derived from the public devnet
 * mnemonic so a test or a person can act as any of them:
 *
 * | actor | wallet (eth_secp256k1) | P2P (ed25519) | BLS |
 * |---|---|---|---|
 * | meta node j | the given owner index (the devnet's genesis meta nodes: 10, 11, 12) | m/44'/606'/1'/0/index | PBC type-A key from the P2P seed (§7.2, as tx-client's test derives it) |
 * | resource node i | m/44'/606'/0'/0/(RESOURCE_BASE + i) | m/44'/606'/1'/0/(RESOURCE_BASE + i) | — |
 * | user u | m/44'/606'/0'/0/(USER_BASE + u) | — | — |
 *
 * Resource nodes and users live far from the devnet's own indices (0…4, 10…12, 20…21, 90), so a
 * simulator run never touches an account a person uses on the same devnet.
 */
import { blsKeyFromSecret, blsPublicKey, type BlsSecretKey } from "../crypto/bls/index.js";
import { ethPublicKeyFromPrivateKey } from "../crypto/ethSecp256k1.js";
import { mnemonicToSeed } from "../crypto/hd.js";
import { devnetAccount, devnetMnemonic, devnetNodeKey, type SdsNodeKey } from "../node/devnetGenesis.js";

export const RESOURCE_BASE = 300;
export const USER_BASE = 500;

export interface Wallet {
  readonly address: string;
  readonly privateKey: Uint8Array;
  /** 33-byte compressed secp256k1 public key. */
  readonly publicKey: Uint8Array;
}

export interface MetaNodeKeys {
  readonly index: number;
  readonly owner: Wallet;
  readonly p2p: SdsNodeKey;
  readonly bls: BlsSecretKey;
  readonly blsPublicKey: Uint8Array;
}

export interface ResourceNodeKeys {
  readonly index: number;
  readonly wallet: Wallet;
  readonly p2p: SdsNodeKey;
}

let cachedSeed: Uint8Array | undefined;
function seed(): Uint8Array {
  cachedSeed ??= mnemonicToSeed(devnetMnemonic());
  return cachedSeed;
}

export function walletAt(hdIndex: number): Wallet {
  const a = devnetAccount(hdIndex, seed());
  return { address: a.address, privateKey: a.privateKey, publicKey: ethPublicKeyFromPrivateKey(a.privateKey) };
}

export function metaNodeKeys(ownerIndex: number): MetaNodeKeys {
  const p2p = devnetNodeKey(ownerIndex, seed());
  const bls = blsKeyFromSecret(p2p.seed);
  return { index: ownerIndex, owner: walletAt(ownerIndex), p2p, bls, blsPublicKey: blsPublicKey(bls) };
}

export function resourceNodeKeys(i: number): ResourceNodeKeys {
  return { index: i, wallet: walletAt(RESOURCE_BASE + i), p2p: devnetNodeKey(RESOURCE_BASE + i, seed()) };
}

export function userWallet(u: number): Wallet {
  return walletAt(USER_BASE + u);
}
