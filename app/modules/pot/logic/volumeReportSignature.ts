// The BLS checks of MsgVolumeReport (spec-pot §4.1 handler steps 5-7), in the reference's order.
import { blsVerify } from "../../../crypto/bls/index.js";
import { equalBytes } from "../../../store/bytes.js";
import { BlsNotReachThresholdError, BlsTxDataInvalidError, BlsVerifyFailedError } from "./errors.js";
import { volumeReportTxData, type VolumeReportSignInput } from "./volumeReportSignBytes.js";

/** `BLSSignatureInfo` of the message (field 6): keys as listed, aggregate signature, claimed txData. */
export interface BlsSignatureInfo {
  readonly pubKeys: readonly Uint8Array[];
  readonly signature: Uint8Array;
  readonly txData: Uint8Array;
}

/**
 * §4.1 step 7: the number of listed public keys a report needs, `max(1, ⌊n × 2 / 3⌋)` with n the
 * bonded meta-node counter (register 0x08). Floor, not ceil: n = 0, 1, 2 → 1; 3, 4 → 2; 5 → 3; 6, 7 → 4;
 * 10 → 6. Keys are counted as listed, duplicates included (§4.1 QUIRK, kept).
 */
export function blsSignerThreshold(bondedMetaNodeCount: bigint): bigint {
  const t = (bondedMetaNodeCount * 2n) / 3n;
  return t < 1n ? 1n : t;
}

/**
 * Steps 5-7 of the MsgVolumeReport handler, first failure wins:
 * 5. `txData` must equal Keccak-256 of the report's sign bytes (§4.1.1), byte for byte → else pot 21;
 * 6. the aggregate signature must verify over `txData` with the sum of the listed keys (§4.1.2); an
 *    empty key list or an undecodable key/signature fails here too → pot 23;
 * 7. `pubKeys.length ≥ blsSignerThreshold(bondedMetaNodeCount)` → else pot 24.
 * Keys are not bound to meta nodes and may repeat (§4.1 QUIRK, reference behaviour kept).
 * @throws BlsTxDataInvalidError, BlsVerifyFailedError, BlsNotReachThresholdError
 */
export function checkVolumeReportSignature(
  report: VolumeReportSignInput,
  signature: BlsSignatureInfo,
  bondedMetaNodeCount: bigint,
): void {
  if (!equalBytes(volumeReportTxData(report), signature.txData)) throw new BlsTxDataInvalidError();
  if (!blsVerify(signature.txData, signature.signature, signature.pubKeys)) throw new BlsVerifyFailedError();
  const threshold = blsSignerThreshold(bondedMetaNodeCount);
  if (BigInt(signature.pubKeys.length) < threshold) {
    throw new BlsNotReachThresholdError(signature.pubKeys.length, threshold);
  }
}
