/** The mint store (store key `mint`; SDK v0.47 `x/mint/types/keys.go`). Values are plain protobuf. */
export const MINT_MODULE_NAME = "mint";
export const MINT_STORE_KEY = "mint";
/** Where minted coins go: the fee collector, shared out by distribution in the next BeginBlock. */
export const FEE_COLLECTOR_NAME = "fee_collector";

export const MINTER_KEY = Uint8Array.of(0x00);
export const PARAMS_KEY = Uint8Array.of(0x01);
