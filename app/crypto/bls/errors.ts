/**
 * Raised by the throwing BLS entry points (decodePoint, hashToPoint, key derivation, signing, aggregation)
 * on input they cannot turn into a valid result. `blsVerify` never throws it: any bad input is `false`.
 * The message names the function and the offending value.
 */
export class BlsError extends Error {
  override readonly name = "BlsError";
}
