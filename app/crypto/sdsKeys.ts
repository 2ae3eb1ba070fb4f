/**
 * SDS node (resource / meta node) P2P keys and consensus keys as bech32 strings (spec-chain §2):
 * `stsds` / `stvalcons` = bech32 of SHA-256(ed25519 key)[0:20]; `stsdspub` = bech32 of the raw 32-byte
 * key (no amino prefix).
 */
import { BECH32_PREFIX, bytesFromBech32, formatBech32Address } from "./address.js";
import { bech32Encode } from "./bech32.js";
import { ED25519_PUBLIC_KEY_LENGTH, ed25519Address } from "./ed25519.js";
import { InvalidKeyError } from "./keyErrors.js";

/** `stsds1…` of an ed25519 P2P key. @throws InvalidKeyError unless 32 bytes. */
export function sdsAddressOfPubKey(pub32: Uint8Array): string {
  return formatBech32Address(ed25519Address(pub32), BECH32_PREFIX.sds);
}

/** `stvalcons1…` of an ed25519 consensus key. @throws InvalidKeyError unless 32 bytes. */
export function consAddressOfPubKey(pub32: Uint8Array): string {
  return formatBech32Address(ed25519Address(pub32), BECH32_PREFIX.consensus);
}

/** `stsdspub1…` of an ed25519 P2P key. @throws InvalidKeyError unless 32 bytes. */
export function sdsPubKeyToBech32(pub32: Uint8Array): string {
  if (pub32.length !== ED25519_PUBLIC_KEY_LENGTH) {
    throw new InvalidKeyError(`sdsPubKeyToBech32: public key must be 32 bytes, got ${pub32.length}`);
  }
  return bech32Encode(BECH32_PREFIX.sdsPub, pub32);
}

/**
 * The raw ed25519 key of a `stsdspub1…` string. Stricter than the reference's `SdsPubKeyFromBech32`,
 * which accepts any prefix and length (and so builds unusable keys): we require `stsdspub` and 32 bytes.
 * @throws AddressError (bad bech32 or prefix) or InvalidKeyError (not 32 bytes).
 */
export function sdsPubKeyFromBech32(text: string): Uint8Array {
  const bytes = bytesFromBech32(text, BECH32_PREFIX.sdsPub);
  if (bytes.length !== ED25519_PUBLIC_KEY_LENGTH) {
    throw new InvalidKeyError(`sdsPubKeyFromBech32: ${BECH32_PREFIX.sdsPub} key must be 32 bytes, got ${bytes.length}`);
  }
  return bytes;
}
