// Spec vectors for the distribution, copied verbatim from spec-pot.md §11.1 (TV1) and Appendix A.
// Numbers keep the spec's digit grouping; `digits()` removes the spaces.

export const digits = (s: string): string => s.replaceAll(" ", "");

/** §11.1 TV1 setup (x/pot/app_test.go genesis) after RES1's prepay of 20 STOS. */
export const TV1_SETUP = {
  S: "8 000 000 000 000 000 000",
  Lt0: "8 000 000 000 000",
  purchased: "5 714 285 714 285",
  Lt: "2 285 714 285 715",
  Pt: "20 000 000 000 000 000 000",
  foundation: "40 000 000", // STOS
  rate: "1000000",
  communityTax: "0.02",
  metaCount: "3",
  epoch1: [
    ["RES1", "50 000"],
    ["RES2", "30 000"],
    ["RES3", "20 000"],
  ],
} as const;

/** §11.1 epoch 1. */
export const TV1_EPOCH1 = {
  R: "1 224 999 946 405.869532259956129398",
  P2V: "244 999 989 281",
  TR_res: "734 999 967 843",
  TR_meta: "244 999 989 281",
  F2V: "16 000 000 000 000 000 000",
  MR_res: "48 000 000 000 000 000 000",
  MR_meta: "16 000 000 000 000 000 000",
  rows: [
    { name: "RES1", share: "0.5", mining: "24 000 000 000 000 000 000", before: "367 499 983 921.5", tax: "7 349 999 678.43", after: "360 149 984 243" },
    { name: "RES2", share: "0.3", mining: "14 400 000 000 000 000 000", before: "220 499 990 352.9", tax: "4 409 999 807.058", after: "216 089 990 545" },
    { name: "RES3", share: "0.2", mining: "9 600 000 000 000 000 000", before: "146 999 993 568.6", tax: "2 939 999 871.372", after: "144 059 993 697" },
    { name: "META1", share: "1/3", mining: "5 333 333 333 333 333 333", before: "81 666 663 093.666666666666666667", tax: "1 633 333 261.873333333333333333", after: "80 033 329 831" },
    { name: "META2", share: "1/3", mining: "5 333 333 333 333 333 333", before: "81 666 663 093.666666666666666667", tax: "1 633 333 261.873333333333333333", after: "80 033 329 831" },
    { name: "META3", share: "1/3", mining: "5 333 333 333 333 333 333", before: "81 666 663 093.666666666666666667", tax: "1 633 333 261.873333333333333333", after: "80 033 329 831" },
  ],
  F2R: "63 999 999 999 999 999 999",
  P2R: "960 399 957 978",
  TAX: "19 599 999 142.479999999999999999",
  taxInt: "19 599 999 142",
  transfers: ["16 000 000 000 000 000 000", "244 999 989 281", "63 999 999 999 999 999 999", "960 399 957 978", "19 599 999 142"],
  totalRewardMining: "79 999 999 999 999 999 999",
  totalRewardTraffic: "1 224 999 946 401",
  after: {
    Pt: "19 999 998 775 000 053 599",
    Lt: "2 285 714 385 715",
    foundation: "39 999 920 000 000 000 000 000 001",
    mined: "79 999 999 999 999 999 999",
    lastDistributedEpoch: "1",
    totalRewardPool: "64 000 000 960 399 957 977",
  },
  immatureTotals: [
    ["RES1", "24 000 000 360 149 984 243"],
    ["RES2", "14 400 000 216 089 990 545"],
    ["RES3", "9 600 000 144 059 993 697"],
    ["META1", "5 333 333 413 366 663 164"],
    ["META2", "5 333 333 413 366 663 164"],
    ["META3", "5 333 333 413 366 663 164"],
  ],
} as const;

/** §11.1 epoch 2 (same volumes, continuing state). */
export const TV1_EPOCH2 = {
  R: "1 224 999 839 218.383600897929176556",
  P2V: "244 999 967 843",
  TR_res: "734 999 903 531",
  TR_meta: "244 999 967 843",
  trafficAfterTax: [
    ["RES1", "360 149 952 730"],
    ["RES2", "216 089 971 638"],
    ["RES3", "144 059 981 092"],
    ["META1", "80 033 322 828"],
    ["META2", "80 033 322 828"],
    ["META3", "80 033 322 828"],
  ],
  TAX: "19 599 997 427.479999999999999999",
  taxInt: "19 599 997 427",
  P2R: "960 399 873 944",
  totalRewardTraffic: "1 224 999 839 214",
  after: {
    Pt: "19 999 997 550 000 214 385",
    Lt: "2 285 714 485 715",
    mined: "159 999 999 999 999 999 998",
    totalRewardPool: "128 000 001 920 799 831 920",
  },
} as const;

/** Appendix A's `__main__` expected output (TV1 epoch 1): R, total_reward, rewards["RES1"], Pt after. */
export const APPENDIX_A_EXPECTED = {
  R: "1224999946405.869532259956129398",
  totalReward: ["79999999999999999999", "1224999946401"],
  res1: ["24000000000000000000", "360149984243"],
  Pt: "19999998775000053599",
} as const;
