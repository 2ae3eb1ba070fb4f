import { describe, it, expect } from "vitest";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { blsVerify } from "../../../crypto/bls/index.js";
import { volumeReportSignBytes, volumeReportTxData, type VolumeReportSignInput } from "./volumeReportSignBytes.js";

// spec-pot §11.6 TV6, copied verbatim (the hex block joined line by line).
const TV6_REPORT: VolumeReportSignInput = {
  walletVolumes: [
    { walletAddress: "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp", volume: 50000n },
    { walletAddress: "st1qgpqyqszqgpqyqszqgpqyqszqgpqyqszl6nf8h", volume: 30000n },
  ],
  reporter: "stsds1qvpsxqcrqvpsxqcrqvpsxqcrqvpsxqcrngjpp0",
  epoch: 7n,
  reportReference: "ref-7",
  reporterOwner: "st1qszqgpqyqszqgpqyqszqgpqyqszqgpqy764d22",
};
const TV6_SIGN_BYTES =
  "0a320a29737431717971737a716770717971737a716770717971737a716770717971737a716770773734767670120535303030" +
  "300a320a29737431716770717971737a716770717971737a716770717971737a716770717971737a6c366e6638681205333030" +
  "3030122c73747364733171767073787163727176707378716372717670737871637271767073787163726e676a7070301a0137" +
  "22057265662d372a2973743171737a716770717971737a716770717971737a716770717971737a716770717937363464323232" +
  "00";
const TV6_TX_DATA = "f34622108e484f6e9a0fe25555a087b137250e63f574ade3b3925353602aa63e";
const TV6_PUBKEYS = [
  "08a903f8419e4474a117b47c410a80364b9bce0cbc5674c8562e361659e11c9000",
  "04e1b984f0869b2ca7a5c21bb22b7dba01ff88798d8bfbaf9259beadc678103c00",
  "bfe7b9430e94c011bdc0e0a5f0c9425e420520528524b086711ca0f087ffd58f01",
];
const TV6_AGGREGATE_SIGNATURE = "24efdab972f6a80d308419242f6140c77e6533be99cd2955f676f1775fc0d33f00";

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
