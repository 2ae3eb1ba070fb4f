/**
 * Module account addresses: SHA-256(module name)[0:20] (SDK `authtypes.NewModuleAddress`, i.e.
 * `address.Module(name)` without derivation keys). Table of names and addresses: spec-chain §9.
 */
import { sha256 } from "./hash.js";

const utf8 = new TextEncoder();

/** The 20-byte address of module account `name` (e.g. `fee_collector`, `pot`). */
export function moduleAddress(name: string): Uint8Array {
  if (name.length === 0) throw new RangeError("moduleAddress: module name must not be empty");
  return sha256(utf8.encode(name)).slice(0, 20);
}
