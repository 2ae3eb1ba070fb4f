/** The distribution store (SDK v0.47 `x/distribution/types/keys.go`). Only the fee pool is used so far. */
export const DISTRIBUTION_MODULE_NAME = "distribution";
export const DISTRIBUTION_STORE_KEY = "distribution";

/** `FeePoolKey`: the global fee pool (community pool), plain protobuf `FeePool`. */
export const FEE_POOL_KEY = Uint8Array.of(0x00);
