/**
 * @noble/curves v2 secp256k1: the reference implementation our tests cross-check the native backend
 * against, and the fallback for Keccak digests if the native addon is missing (~800 verifications/s).
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "./hash.js";
import { assertBytes, type Secp256k1Backend } from "./secp256k1Backend.js";
import { isCanonicalLowSSignature, isCompressedKeyShape } from "./secp256k1Shape.js";

function verifyDigest(pub33: Uint8Array, digest32: Uint8Array, sig64: Uint8Array): boolean {
  if (digest32.length !== 32 || !isCompressedKeyShape(pub33) || !isCanonicalLowSSignature(sig64)) return false;
  try {
    return secp256k1.verify(sig64, digest32, pub33, { prehash: false, lowS: true, format: "compact" });
  } catch {
    return false;
  }
}

export const nobleBackend: Secp256k1Backend = {
  name: "@noble/curves",
  verifyDigest,
  verifySha256: (pub33, msg, sig64) => verifyDigest(pub33, sha256(msg), sig64),
  uncompressedPublicKey(pub33) {
    if (!isCompressedKeyShape(pub33)) return undefined;
    try {
      return secp256k1.Point.fromBytes(pub33).toBytes(false);
    } catch {
      return undefined; // not a point on the curve
    }
  },
  signDigest(privateKey32, digest32) {
    assertBytes(privateKey32, 32, "signDigest: private key");
    assertBytes(digest32, 32, "signDigest: digest");
    // "recovered" = recovery byte ‖ r ‖ s; RFC 6979 without extra entropy, low-S (noble v2 defaults).
    const rec = secp256k1.sign(digest32, privateKey32, { prehash: false, lowS: true, format: "recovered" });
    return { signature: rec.slice(1), recovery: rec[0] };
  },
  publicKey(privateKey32) {
    assertBytes(privateKey32, 32, "publicKey: private key");
    return secp256k1.getPublicKey(privateKey32, true);
  },
};
