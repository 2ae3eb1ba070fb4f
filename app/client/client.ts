import { GasPrice, SigningStargateClient, defaultRegistryTypes, type SigningStargateClientOptions } from "@cosmjs/stargate";
import { Registry, type GeneratedType, type OfflineSigner } from "@cosmjs/proto-signing";
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

export interface ConnectOptions extends SigningStargateClientOptions {
  /** Gas price for `fee: "auto"` (default 1 gwei per gas). */
  readonly gasPriceText?: string;
}

/** A SigningStargateClient for a Stratos node (CometBFT RPC URL), ready for `fee: "auto"`. */
export async function connectStratos(rpcUrl: string, signer: OfflineSigner, options: ConnectOptions = {}): Promise<SigningStargateClient> {
  const { gasPriceText, ...rest } = options;
  return SigningStargateClient.connectWithSigner(rpcUrl, signer, {
    registry: stratosRegistry(),
    gasPrice: GasPrice.fromString(gasPriceText ?? DEFAULT_GAS_PRICE),
    ...rest,
  });
}
