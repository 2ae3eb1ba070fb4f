import { type Account, accountFromAny, GasPrice, SigningStargateClient, defaultRegistryTypes, type SigningStargateClientOptions } from "@cosmjs/stargate";
import { Registry, type GeneratedType, type OfflineSigner } from "@cosmjs/proto-signing";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { SDK_EXTRA_TYPES, STRATOS_TYPES } from "./stratosTypes.js";

/** The reference's default `minimum-gas-prices` (spec-chain.md §10): 1 gwei per gas. */
export const DEFAULT_GAS_PRICE = "1000000000wei";

/**
 * The message types a Stratos client can sign: CosmJS's defaults (bank, staking, distribution, gov, …)
 * plus upgrade's messages and the Stratos modules' messages as they land (`stratosTypes`).
 */
export function stratosRegistry(stratosTypes: ReadonlyArray<readonly [string, GeneratedType]> = STRATOS_TYPES): Registry {
  return new Registry([...defaultRegistryTypes, ...[...SDK_EXTRA_TYPES, ...stratosTypes].map(([url, type]): [string, GeneratedType] => [url, type])]);
}

/** The reference's eth_secp256k1 key type (`stchaind` keys, gentxs); CosmJS knows the same proto as cosmos/evm's. */
const STRATOS_ETH_PUBKEY = "/stratos.crypto.v1.ethsecp256k1.PubKey";
const COSMJS_ETH_PUBKEY = "/cosmos.evm.crypto.v1.ethsecp256k1.PubKey";

/**
 * CosmJS's account parser, also for accounts whose key was set by a Stratos tool (`stchaind`, the SDS
 * nodes, a gentx): their key's type URL is the reference's, which stock CosmJS does not decode. Both
 * messages are `bytes key = 1`, so the key is read under CosmJS's type URL.
 */
export function stratosAccountParser(input: Any): Account {
  if (input.typeUrl === "/cosmos.auth.v1beta1.BaseAccount") {
    const account = BaseAccount.decode(input.value);
    if (account.pubKey?.typeUrl === STRATOS_ETH_PUBKEY) {
      const value = BaseAccount.encode({ ...account, pubKey: { ...account.pubKey, typeUrl: COSMJS_ETH_PUBKEY } }).finish();
      return accountFromAny({ typeUrl: input.typeUrl, value });
    }
  }
  return accountFromAny(input);
}

export interface ConnectOptions extends SigningStargateClientOptions {
  /** Gas price for `fee: "auto"` (default 1 gwei per gas). */
  readonly gasPriceText?: string;
}

/** A SigningStargateClient for a Stratos node (CometBFT RPC URL), ready for `fee: "auto"`. */
export async function connectStratos(rpcUrl: string, signer: OfflineSigner, options: ConnectOptions = {}): Promise<SigningStargateClient> {
  const { gasPriceText, ...rest } = options;
  return SigningStargateClient.connectWithSigner(rpcUrl, signer, {
    registry: stratosRegistry(),
    accountParser: stratosAccountParser,
    gasPrice: GasPrice.fromString(gasPriceText ?? DEFAULT_GAS_PRICE),
    ...rest,
  });
}
