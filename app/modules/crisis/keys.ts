/**
 * The crisis store (`crisis`), as SDK v0.47 lays it out (`types/keys.go`):
 *   0x01 → Coin: the constant fee of MsgVerifyInvariant
 */
export const CRISIS_MODULE_NAME = "crisis";
export const CRISIS_STORE_KEY = "crisis";
export const CONSTANT_FEE_KEY = Uint8Array.of(0x01);
/** Where the constant fee goes (shared by the validators at the next block's allocation). */
export const FEE_COLLECTOR = "fee_collector";
