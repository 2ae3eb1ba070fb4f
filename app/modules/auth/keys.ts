/**
 * Store layout of the auth module (SDK v0.47 `x/auth/types/keys.go`), store key `acc`. Changing any of
 * these changes the app hash and breaks raw-store tools and proofs.
 *
 *   0x00                                    → Params (proto)
 *   0x01 ‖ address                          → Any(BaseAccount | ModuleAccount) (proto); no length prefix
 *   "globalAccountNumber"                   → google.protobuf.UInt64Value (the next account number)
 *   "accountNumber" ‖ be64(account number)  → address bytes (reverse index, `AccountAddressByID`)
 *
 * The ASCII keys start with 0x61/0x67, so they never fall inside the 0x00/0x01 prefixes.
 */
export const AUTH_MODULE_NAME = "auth";
export const AUTH_STORE_KEY = "acc";
export const FEE_COLLECTOR_NAME = "fee_collector";

const ascii = new TextEncoder();

export const PARAMS_KEY: Uint8Array = Uint8Array.of(0x00);
export const ADDRESS_STORE_PREFIX: Uint8Array = Uint8Array.of(0x01);
export const GLOBAL_ACCOUNT_NUMBER_KEY: Uint8Array = ascii.encode("globalAccountNumber");
export const ACCOUNT_NUMBER_PREFIX: Uint8Array = ascii.encode("accountNumber");

/** `0x01 ‖ address`. */
export function addressStoreKey(address: Uint8Array): Uint8Array {
  const key = new Uint8Array(1 + address.length);
  key[0] = ADDRESS_STORE_PREFIX[0]!;
  key.set(address, 1);
  return key;
}

/** `"accountNumber" ‖ be64(n)` (SDK `Uint64ToBigEndian`). */
export function accountNumberStoreKey(accountNumber: bigint): Uint8Array {
  const key = new Uint8Array(ACCOUNT_NUMBER_PREFIX.length + 8);
  key.set(ACCOUNT_NUMBER_PREFIX, 0);
  new DataView(key.buffer).setBigUint64(ACCOUNT_NUMBER_PREFIX.length, BigInt.asUintN(64, accountNumber), false);
  return key;
}
