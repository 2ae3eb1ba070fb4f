/** Public surface of app/crypto (keys, addresses, signatures; BLS lives in ./bls). */
export { Address, AddressError, BECH32_PREFIX, MAX_ADDRESS_LENGTH, bytesFromBech32, formatBech32Address, parseBech32Address, verifyAddressFormat } from "./address.js";
export type { AddressErrorReason, Bech32Prefix } from "./address.js";
export { BECH32_MAX_LENGTH, Bech32DecodeError, bech32Decode, bech32Encode } from "./bech32.js";
export type { Bech32Decoded } from "./bech32.js";
export { ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, ed25519Address, ed25519PublicKey, signEd25519, verifyEd25519 } from "./ed25519.js";
export {
  ETH_SECP256K1_KEY_TYPE,
  ethAddressFromPubKey,
  ethPublicKeyFromPrivateKey,
  signEthSecp256k1,
  signEthSecp256k1Digest,
  verifyEthSecp256k1,
  verifyEthSecp256k1Digest,
} from "./ethSecp256k1.js";
export { keccak256, ripemd160, sha256 } from "./hash.js";
export {
  InvalidMnemonicError,
  STRATOS_COIN_TYPE,
  derivePrivateKey,
  deriveEthSecp256k1Account,
  generateMnemonic,
  isValidMnemonic,
  mnemonicToSeed,
  stratosHdPath,
} from "./hd.js";
export type { HdAccount } from "./hd.js";
export { InvalidKeyError } from "./keyErrors.js";
export { moduleAddress } from "./moduleAddress.js";
export { consAddressOfPubKey, sdsAddressOfPubKey, sdsPubKeyFromBech32, sdsPubKeyToBech32 } from "./sdsKeys.js";
export {
  SECP256K1_KEY_TYPE,
  cosmosAddressFromPubKey,
  secp256k1PublicKeyFromPrivateKey,
  signSecp256k1,
  verifySecp256k1,
  verifySecp256k1Digest,
} from "./secp256k1.js";
export { assertNativeSecp256k1, isNativeSecp256k1, secp256k1Backend } from "./secp256k1Default.js";
