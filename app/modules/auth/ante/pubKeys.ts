import type { Any } from "cosmjs-types/google/protobuf/any";
import { PubKey as Secp256k1PubKeyProto } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { ethAddressFromPubKey, verifyEthSecp256k1Digest } from "../../../crypto/ethSecp256k1.js";
import { cosmosAddressFromPubKey, verifySecp256k1Digest } from "../../../crypto/secp256k1.js";
import { keccak256, sha256 } from "../../../crypto/hash.js";
import { KeyCache } from "../../../crypto/keyCache.js";
import { InvalidKeyError } from "../../../crypto/keyErrors.js";
import { ErrInvalidPubKey, ErrNotSupported, ErrTxDecode } from "../../../baseapp/errors.js";
import { rejectUnknownFields } from "../../../baseapp/tx/unknownFields.js";
import { PubKeySchema as SingleKeySchema } from "../../../codec/cosmos/crypto/secp256k1/keys_pb.js";

/**
 * Public-key types a tx signer may use (spec-chain.md §4). Every single-key type here is the same
 * protobuf shape `{ bytes key = 1 }`, so one decoder serves them all.
 */
export const PUBKEY_TYPE_URL = {
  /** Stratos accounts: Keccak address, Keccak-256 digest, 21,000 gas (the reference's key type). */
  ethSecp256k1: "/stratos.crypto.v1.ethsecp256k1.PubKey",
  /**
   * The same key type under the name CosmJS 0.39's `DirectEthSecp256k1HdWallet` announces. Accepted as
   * eth_secp256k1 so stock CosmJS wallets work (an extension over the reference; docs/deviations.md).
   */
  cosmosEvmEthSecp256k1: "/cosmos.evm.crypto.v1.ethsecp256k1.PubKey",
  secp256k1: "/cosmos.crypto.secp256k1.PubKey",
  ed25519: "/cosmos.crypto.ed25519.PubKey",
  multisig: "/cosmos.crypto.multisig.LegacyAminoPubKey",
  secp256r1: "/cosmos.crypto.secp256r1.PubKey",
} as const;

export type KeyKind = "eth_secp256k1" | "secp256k1" | "ed25519" | "multisig" | "secp256r1";

export interface SignerPubKey {
  readonly kind: KeyKind;
  /** The Any as the signer sent it (stored on the account unchanged, so clients read back their type). */
  readonly any: Any;
  /** Raw key bytes (33-byte compressed point for the secp256k1 kinds). */
  readonly key: Uint8Array;
}

const KIND_BY_URL: ReadonlyMap<string, KeyKind> = new Map<string, KeyKind>([
  [PUBKEY_TYPE_URL.ethSecp256k1, "eth_secp256k1"],
  [PUBKEY_TYPE_URL.cosmosEvmEthSecp256k1, "eth_secp256k1"],
  [PUBKEY_TYPE_URL.secp256k1, "secp256k1"],
  [PUBKEY_TYPE_URL.ed25519, "ed25519"],
  [PUBKEY_TYPE_URL.multisig, "multisig"],
  [PUBKEY_TYPE_URL.secp256r1, "secp256r1"],
]);

/** Decodes a pubkey Any. An unknown type URL cannot be unpacked: a tx decode error, as in the SDK. */
export function parsePubKey(any: Any): SignerPubKey {
  const kind = KIND_BY_URL.get(any.typeUrl);
  if (!kind) throw ErrTxDecode.wrap(`unable to resolve type URL ${any.typeUrl}`);
  if (kind === "multisig") return { kind, any, key: any.value };
  // The SDK's decoder checks AuthInfo strictly, key contents included: `{ bytes key = 1 }` and nothing else.
  // Every single-key type here is `{ bytes key = 1 }`, the layout of the secp256k1 key's descriptor.
  rejectUnknownFields(any.value, SingleKeySchema, "PubKey", { allowNonCritical: false });
  let key: Uint8Array;
  try {
    key = Secp256k1PubKeyProto.decode(any.value).key;
  } catch (e) {
    throw ErrTxDecode.wrap(`invalid ${any.typeUrl}: ${(e as Error).message}`);
  }
  if ((kind === "eth_secp256k1" || kind === "secp256k1") && key.length !== 33) {
    throw ErrInvalidPubKey.wrap(`length of pubkey is incorrect: expected 33, got ${key.length}`);
  }
  return { kind, any, key };
}

/** Addresses by (kind, key): every tx re-derives its signer's address (a Keccak or two hashes). */
const addressMemo = new KeyCache<Uint8Array>(16_384);

/** The account address a key controls (spec-chain.md §4): Keccak for eth_secp256k1, ripemd160∘sha256 for secp256k1. */
export function pubKeyAddress(pk: SignerPubKey): Uint8Array {
  if (pk.kind === "eth_secp256k1" || pk.kind === "secp256k1") {
    const tagged = new Uint8Array(pk.key.length + 1);
    tagged[0] = pk.kind === "eth_secp256k1" ? 1 : 2;
    tagged.set(pk.key, 1);
    const address = addressMemo.getOrParse(tagged, () => deriveAddress(pk));
    if (address) return address;
  }
  return deriveAddress(pk);
}

/**
 * The address of an eth_secp256k1 key; empty when the 33 bytes are not a curve point. The reference's
 * `PubKey.Address()` returns nil then, which matches no signer: the ante handler answers "pubKey does
 * not match signer address" (sdk 8) instead of failing on the key.
 */
export function ethAddressOrEmpty(key: Uint8Array): Uint8Array {
  try {
    return ethAddressFromPubKey(key);
  } catch (e) {
    if (e instanceof InvalidKeyError) return new Uint8Array(0);
    throw e;
  }
}

function deriveAddress(pk: SignerPubKey): Uint8Array {
  switch (pk.kind) {
    case "eth_secp256k1":
      return ethAddressOrEmpty(pk.key);
    case "secp256k1":
      return cosmosAddressFromPubKey(pk.key);
    case "ed25519":
      return sha256(pk.key).subarray(0, 20);
    default:
      // Multisig and secp256r1 keys work in the reference; stratos-ts refuses them as unsupported
      // (docs/deviations.md), with the same code wherever the key is first used.
      throw ErrNotSupported.wrap(`${pk.any.typeUrl} keys are not supported by stratos-ts`);
  }
}

/** The digest a SIGN_MODE_DIRECT signature covers for this key type. */
export function signDigest(kind: KeyKind, signBytes: Uint8Array): Uint8Array {
  return kind === "eth_secp256k1" ? keccak256(signBytes) : sha256(signBytes);
}

/**
 * Verifies a signature over a digest. eth_secp256k1 accepts 64 or 65 bytes (r‖s‖v, v dropped);
 * secp256k1 needs exactly 64. Both require low-S.
 */
export function verifyDigest(pk: SignerPubKey, digest: Uint8Array, signature: Uint8Array): boolean {
  switch (pk.kind) {
    case "eth_secp256k1":
      return verifyEthSecp256k1Digest(pk.key, digest, signature);
    case "secp256k1":
      return signature.length === 64 && verifySecp256k1Digest(pk.key, digest, signature);
    default:
      return false;
  }
}
