/**
 * BLS signatures over PBC type A, bit-compatible with stratos-chain `crypto/bls` (spec-pot §4.1.2).
 * See README.md for why this is hand-written and how it is made fast.
 */
export {
  blsAggregatePublicKeys,
  blsAggregateSignatures,
  blsKeyFromSecret,
  blsPublicKey,
  blsSecretKeyFromBytes,
  blsSecretKeyToBytes,
  blsSign,
  blsVerify,
  type BlsSecretKey,
} from "./signature.js";
export { decodePoint, encodePoint } from "./encoding.js";
export { hashToPoint } from "./hashToPoint.js";
export { BlsError } from "./errors.js";
export { COFACTOR, FIELD_PRIME, GENERATOR, GROUP_ORDER, POINT_BYTES, type AffinePoint } from "./params.js";
