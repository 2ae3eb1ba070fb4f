import type { VolumeReportSignInput } from "./volumeReportSignBytes.js";

// spec-pot §11.6 TV6, copied verbatim (the hex block joined line by line).
export const TV6_REPORT: VolumeReportSignInput = {
  walletVolumes: [
    { walletAddress: "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp", volume: 50000n },
    { walletAddress: "st1qgpqyqszqgpqyqszqgpqyqszqgpqyqszl6nf8h", volume: 30000n },
  ],
  reporter: "stsds1qvpsxqcrqvpsxqcrqvpsxqcrqvpsxqcrngjpp0",
  epoch: 7n,
  reportReference: "ref-7",
  reporterOwner: "st1qszqgpqyqszqgpqyqszqgpqyqszqgpqy764d22",
};
export const TV6_SIGN_BYTES =
  "0a320a29737431717971737a716770717971737a716770717971737a716770717971737a716770773734767670120535303030" +
  "300a320a29737431716770717971737a716770717971737a716770717971737a716770717971737a6c366e6638681205333030" +
  "3030122c73747364733171767073787163727176707378716372717670737871637271767073787163726e676a7070301a0137" +
  "22057265662d372a2973743171737a716770717971737a716770717971737a716770717971737a716770717937363464323232" +
  "00";
export const TV6_TX_DATA = "f34622108e484f6e9a0fe25555a087b137250e63f574ade3b3925353602aa63e";
export const TV6_PUBKEYS = [
  "08a903f8419e4474a117b47c410a80364b9bce0cbc5674c8562e361659e11c9000",
  "04e1b984f0869b2ca7a5c21bb22b7dba01ff88798d8bfbaf9259beadc678103c00",
  "bfe7b9430e94c011bdc0e0a5f0c9425e420520528524b086711ca0f087ffd58f01",
];
export const TV6_AGGREGATE_SIGNATURE = "24efdab972f6a80d308419242f6140c77e6533be99cd2955f676f1775fc0d33f00";
/** The aggregate of the first two TV6 keys' signatures over TV6_TX_DATA (spec-pot §11.6). */
export const TV6_AGGREGATE_SIGNATURE_12 = "6bbed0503f87517c56f53839a8a71dfdf96365bd96611c96e36fb0681e90be7700";
