/**
 * The embedded default genesis of the devnet (`npm start`), derived entirely from the public devnet
 * mnemonic (genesis/devnet.mnemonic, development only) so any client — a script, a wallet, a test —
 * can act as any of its accounts or node owners:
 *
 * | who | key | path | genesis |
 * |---|---|---|---|
 * | dev account i (0…4) | eth_secp256k1 | m/44'/606'/0'/0/i | 1,000,000 STOS |
 * | meta node owner j (0…2) | eth_secp256k1 | m/44'/606'/0'/0/(10+j) | 10,000 STOS, 1,000 STOS of it deposited |
 * | resource node owner j (0…1) | eth_secp256k1 | m/44'/606'/0'/0/(20+j) | 1,000 STOS, 10 STOS of it deposited |
 * | the P2P key of the node owned at index n | ed25519 | seed = BIP-32 key at m/44'/606'/1'/0/n | network address `stsds1…` |
 * | the genesis validator's operator | eth_secp256k1 | m/44'/606'/0'/0/90 | 10,000 STOS, 1,000 STOS of it self-delegated by the gentx |
 *
 * The meta nodes are bonded and active and the resource nodes bonded with their whole deposit
 * effective, so S, Lt and the noz price are live from block 1 (a fresh start: InitGenesis moves the
 * deposits from the owners into the register pools). The one validator comes from a gentx signed
 * by the operator with the consensus key of the node that runs the chain (genesisValidator.ts).
 */
import { ed25519PublicKey } from "../crypto/ed25519.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../crypto/hd.js";
import { sdsAddressOfPubKey } from "../crypto/sdsKeys.js";
import { devnetAccount, devnetMnemonic, type DevAccount } from "./devnetKeys.js";
import { buildAppState, type GenesisNode } from "./genesisBuilder.js";

export { devnetAccount, devnetMnemonic, type DevAccount } from "./devnetKeys.js";

export const DEVNET_CHAIN_ID = "stratos-devnet-1";
export const DEVNET_DENOM = "wei";
export const DEVNET_ACCOUNT_COUNT = 5;
const STOS = 10n ** 18n;
/** 1,000,000 STOS per dev account. */
export const DEVNET_ACCOUNT_BALANCE = 1_000_000n * STOS;

/** HD indices (account 0') of the node owners; the P2P key of a node uses the same index under account 1'. */
export const DEVNET_META_OWNER_INDICES = [10, 11, 12] as const;
export const DEVNET_RESOURCE_OWNER_INDICES = [20, 21] as const;
const META_OWNER_BALANCE = 10_000n * STOS;
const META_DEPOSIT = 1_000n * STOS;
const RESOURCE_OWNER_BALANCE = 1_000n * STOS;
const RESOURCE_DEPOSIT = 10n * STOS;

export function devnetAccounts(mnemonic: string = devnetMnemonic(), count = DEVNET_ACCOUNT_COUNT): DevAccount[] {
  const seed = mnemonicToSeed(mnemonic);
  return Array.from({ length: count }, (_, index) => {
    const { hdPath, address } = devnetAccount(index, seed);
    return { index, hdPath, address };
  });
}

export interface SdsNodeKey {
  /** 32-byte ed25519 seed (Go's private key is seed ‖ public key). */
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly networkAddress: string;
}

/** The P2P key of the SDS node owned at HD index `ownerIndex`: ed25519 seed = BIP-32 key at m/44'/606'/1'/0/ownerIndex. */
export function devnetNodeKey(ownerIndex: number, seed: Uint8Array = mnemonicToSeed(devnetMnemonic())): SdsNodeKey {
  const nodeSeed = derivePrivateKey(seed, stratosHdPath(ownerIndex, 1));
  const publicKey = ed25519PublicKey(nodeSeed);
  return { seed: nodeSeed, publicKey, networkAddress: sdsAddressOfPubKey(publicKey) };
}

/** The devnet's registered SDS nodes (see the table above). */
export function devnetNodes(mnemonic: string = devnetMnemonic()): GenesisNode[] {
  const seed = mnemonicToSeed(mnemonic);
  const metas = DEVNET_META_OWNER_INDICES.map((i, j): GenesisNode => ({
    kind: "meta", ownerAddress: devnetAccount(i, seed).address, pubKey: devnetNodeKey(i, seed).publicKey, tokens: META_DEPOSIT, moniker: `devnet-meta-${j}`,
  }));
  const resources = DEVNET_RESOURCE_OWNER_INDICES.map((i, j): GenesisNode => ({
    kind: "resource", ownerAddress: devnetAccount(i, seed).address, pubKey: devnetNodeKey(i, seed).publicKey, tokens: RESOURCE_DEPOSIT, moniker: `devnet-resource-${j}`,
  }));
  return [...metas, ...resources];
}

/**
 * The embedded default genesis `app_state` (spec-chain.md §11 format): the five dev accounts, the node
 * owners and their nodes, mainnet auth params, bank and register defaults. `accounts` replaces the dev
 * accounts (tests and benchmarks pass their own keys); `withNodes: false` leaves register empty;
 * `withValidatorOperator: false` leaves out the genesis validator's operator account (a genesis for
 * auth or bank alone).
 */
export function buildDevnetAppState(
  accounts: readonly DevAccount[] = devnetAccounts(),
  options: { readonly withNodes?: boolean; readonly withValidatorOperator?: boolean } = {},
): Record<string, unknown> {
  const withNodes = options.withNodes ?? true;
  const seed = mnemonicToSeed(devnetMnemonic());
  const owners = withNodes
    ? [
        ...DEVNET_META_OWNER_INDICES.map((i) => ({ address: devnetAccount(i, seed).address, balance: META_OWNER_BALANCE })),
        ...DEVNET_RESOURCE_OWNER_INDICES.map((i) => ({ address: devnetAccount(i, seed).address, balance: RESOURCE_OWNER_BALANCE })),
      ]
    : [];
  return buildAppState({
    accounts: [...accounts.map((a) => ({ address: a.address, balance: DEVNET_ACCOUNT_BALANCE })), ...owners],
    nodes: withNodes ? devnetNodes() : [],
    ...(options.withValidatorOperator === false ? { validatorOperator: null } : {}),
  });
}
