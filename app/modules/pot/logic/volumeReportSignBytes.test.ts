import { describe, it, expect } from "vitest";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { blsVerify } from "../../../crypto/bls/index.js";
import { volumeReportSignBytes, volumeReportTxData, type VolumeReportSignInput } from "./volumeReportSignBytes.js";

import { TV6_AGGREGATE_SIGNATURE, TV6_PUBKEYS, TV6_REPORT, TV6_SIGN_BYTES, TV6_TX_DATA } from "./volumeReport.vectors.js";

const hexOf = (text: string): string => bytesToHex(new TextEncoder().encode(text));

describe("volumeReportSignBytes (spec-pot §4.1.1)", () => {
  it("TV6: sign bytes", () => {
    const bytes = volumeReportSignBytes(TV6_REPORT);
    expect(bytes.length).toBe(205);
    expect(bytesToHex(bytes)).toBe(TV6_SIGN_BYTES);
  });
  it("TV6: txData = Keccak-256(sign bytes)", () => {
    expect(bytesToHex(volumeReportTxData(TV6_REPORT))).toBe(TV6_TX_DATA);
  });
  it("TV6: the aggregate signature verifies over the computed txData", () => {
    expect(blsVerify(volumeReportTxData(TV6_REPORT), hexToBytes(TV6_AGGREGATE_SIGNATURE), TV6_PUBKEYS.map(hexToBytes))).toBe(true);
  });

  // Expected bytes below are spelled out by hand from the gogoproto rules in the file header.
  const cases: ReadonlyArray<{ name: string; report: VolumeReportSignInput; want: string }> = [
    {
      name: "all strings empty, zero epoch and volume: only the always-written fields remain",
      report: { walletVolumes: [{ walletAddress: "", volume: 0n }], reporter: "", epoch: 0n, reportReference: "", reporterOwner: "" },
      want: "0a03" + "120130" + "1a0130" + "3200",
    },
    {
      name: "no wallet volumes at all",
      report: { walletVolumes: [], reporter: "r", epoch: 12n, reportReference: "x", reporterOwner: "o" },
      want: "120172" + "1a023132" + "220178" + "2a016f" + "3200",
    },
    {
      name: "negative volume marshals with a minus sign",
      report: { walletVolumes: [{ walletAddress: "w", volume: -5n }], reporter: "", epoch: 1n, reportReference: "", reporterOwner: "" },
      want: "0a07" + "0a0177" + "12022d35" + "1a0131" + "3200",
    },
    {
      name: "a 200-byte reference needs a two-byte length varint",
      report: { walletVolumes: [], reporter: "", epoch: 1n, reportReference: "a".repeat(200), reporterOwner: "" },
      want: "1a0131" + "22c801" + "61".repeat(200) + "3200",
    },
    {
      name: "large epoch and volume as decimal text; duplicate wallets kept in order",
      report: {
        walletVolumes: [
          { walletAddress: "w", volume: 10n ** 30n },
          { walletAddress: "w", volume: 1n },
        ],
        reporter: "",
        epoch: 18446744073709551616n,
        reportReference: "",
        reporterOwner: "",
      },
      want:
        "0a24" + "0a0177" + "121f" + hexOf("1" + "0".repeat(30)) +
        "0a06" + "0a0177" + "120131" +
        "1a14" + hexOf("18446744073709551616") + "3200",
    },
    {
      name: "multi-byte UTF-8 is counted in bytes",
      report: { walletVolumes: [], reporter: "", epoch: 2n, reportReference: "é", reporterOwner: "" },
      want: "1a0132" + "2202c3a9" + "3200",
    },
  ];
  it.each(cases)("$name", ({ report, want }) => {
    expect(bytesToHex(volumeReportSignBytes(report))).toBe(want);
  });
});
