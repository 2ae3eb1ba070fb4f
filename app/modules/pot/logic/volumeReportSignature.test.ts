// spec-pot §4.1 handler steps 5-7 (txData, BLS verify, threshold) on the §11.6 TV6 vectors.
import { describe, expect, it } from "vitest";
import { hexToBytes } from "@noble/hashes/utils.js";
import { blsAggregateSignatures, blsKeyFromSecret, blsSign } from "../../../crypto/bls/index.js";
import { BlsNotReachThresholdError, BlsTxDataInvalidError, BlsVerifyFailedError } from "./errors.js";
import { TV6_AGGREGATE_SIGNATURE, TV6_AGGREGATE_SIGNATURE_12, TV6_PUBKEYS, TV6_REPORT, TV6_TX_DATA } from "./volumeReport.vectors.js";
import { blsSignerThreshold, checkVolumeReportSignature } from "./volumeReportSignature.js";

const TX_DATA = hexToBytes(TV6_TX_DATA);
const [PK1, PK2, PK3] = TV6_PUBKEYS.map(hexToBytes) as [Uint8Array, Uint8Array, Uint8Array];
const AGG_123 = hexToBytes(TV6_AGGREGATE_SIGNATURE);
const AGG_12 = hexToBytes(TV6_AGGREGATE_SIGNATURE_12);

const check = (pubKeys: readonly Uint8Array[], signature: Uint8Array, n: bigint, txData: Uint8Array = TX_DATA, report = TV6_REPORT) =>
  () => checkVolumeReportSignature(report, { pubKeys, signature, txData }, n);

describe("blsSignerThreshold (§4.1 step 7: max(1, floor(2n/3)))", () => {
  it.each([
    [0n, 1n], [1n, 1n], [2n, 1n], [3n, 2n], [4n, 2n], [5n, 3n], [6n, 4n], [7n, 4n], [10n, 6n],
  ])("n = %s → %s", (n, want) => {
    expect(blsSignerThreshold(n)).toBe(want);
  });
});

describe("checkVolumeReportSignature (§4.1 steps 5-7, TV6)", () => {
  it("TV6: three keys, 3 bonded meta nodes (threshold 2) pass", () => {
    expect(check([PK1, PK2, PK3], AGG_123, 3n)).not.toThrow();
  });
  it("TV6: keys 1 + 2 reach the threshold of 3 bonded meta nodes, not that of 5 (pot 24)", () => {
    expect(check([PK1, PK2], AGG_12, 3n)).not.toThrow();
    expect(check([PK1, PK2], AGG_12, 5n)).toThrow(BlsNotReachThresholdError);
    expect(check([PK1, PK2], AGG_12, 5n)).toThrow(expect.objectContaining({ codespace: "pot", code: 24 }));
  });
  it("TV6: the aggregate of three with only [pk1, pk2] fails verification (pot 23)", () => {
    expect(check([PK1, PK2], AGG_123, 3n)).toThrow(BlsVerifyFailedError);
    expect(check([PK1, PK2], AGG_123, 3n)).toThrow(expect.objectContaining({ codespace: "pot", code: 23 }));
  });
  it("txData that is not Keccak-256 of the sign bytes → pot 21, checked before the signature", () => {
    const flipped = TX_DATA.slice();
    flipped[0] ^= 0xff;
    expect(check([PK1, PK2, PK3], AGG_123, 3n, flipped)).toThrow(BlsTxDataInvalidError);
    expect(check([PK1, PK2, PK3], AGG_123, 3n, flipped)).toThrow(expect.objectContaining({ codespace: "pot", code: 21 }));
    // A report changed after signing: txData no longer matches its bytes.
    expect(check([PK1, PK2, PK3], AGG_123, 3n, TX_DATA, { ...TV6_REPORT, epoch: 8n })).toThrow(BlsTxDataInvalidError);
    expect(check([PK1, PK2, PK3], AGG_123, 3n, TX_DATA.subarray(0, 31))).toThrow(BlsTxDataInvalidError);
  });
  it("verification comes before the threshold: an empty key list is pot 23, not 24", () => {
    expect(check([], AGG_123, 3n)).toThrow(BlsVerifyFailedError);
    expect(check([PK1], new Uint8Array(33), 30n)).toThrow(BlsVerifyFailedError);
  });
  it("duplicate-key trick (§4.1 QUIRK, kept): 2·σ1 with [pk1, pk1] passes a threshold of 2", () => {
    const sigma1 = blsSign(blsKeyFromSecret(new Uint8Array(32).fill(0x11)), TX_DATA);
    expect(check([PK1, PK1], blsAggregateSignatures([sigma1, sigma1]), 3n)).not.toThrow();
    expect(check([PK1, PK1], blsAggregateSignatures([sigma1, sigma1]), 6n)).toThrow(BlsNotReachThresholdError);
  });
});
