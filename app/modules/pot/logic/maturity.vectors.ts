// Spec vectors for slashing debt and maturity, copied verbatim from spec-pot.md §11.4 (TV4) and
// §11.5 (TV5). Digit groups as in the spec; strip spaces before use.

/** §11.4 TV4 (mature_epoch = 1), starting from the TV1 state after the prepay. */
export const TV4 = {
  matureEpoch: "1",
  step1: {
    slashingNoz: "100 000",
    slashTokens: "1 224 999 946 405",
    debt: "1 224 999 946 405",
    event: { amount: "1224999946405", slashing_type: "storage", suspend: "false" },
  },
  step3: {
    processedEpoch: "2",
    walletsProcessed: 6,
    res1Amount: "24 000 000 360 149 984 243",
    res1Deducted: "1 224 999 946 405",
    res1Mature: "23 999 999 135 150 037 838",
    res1Immature: "24 000 000 360 149 952 730",
    meta2Mature: "5 333 333 413 366 663 164",
    communityPoolIncrease: "1 224 999 946 405",
    maturedEpoch: "2",
    totalRewardPool: "128 000 000 695 799 885 515",
  },
  step4: {
    withdraw: "23999999135150037838",
    totalRewardPool: "104 000 001 560 649 847 677",
  },
} as const;

/** §11.4 throttle example: 250 wallets with records at E = L. */
export const THROTTLE_EXAMPLE = {
  wallets: 250,
  perBlock: [100, 100, 50],
} as const;

/** §11.5 TV5: suspension through slashing, on the TV1 state after the prepay. */
export const TV5 = {
  S: "8e18",
  Pt: "20e18",
  Lt: "2 285 714 285 715",
  effectiveTokens: "1e18",
  rate: "1e6",
  slashTokens: "0",
  sAfter: "7 000 000 000 000 000 000",
  ltAfter: "1 285 714 285 715",
  nextReportY: "100 000",
  nextReportR: "2 099 999 836 665.512703884197746394",
  totalNozAfter: "7 000 000 000 000",
  comparison: {
    slashingNoz: "10^18",
    R: "27 999 936 000 146 285 359.919223041671415208",
    slashTokens: "27 999 936 000 146 285 359",
  },
} as const;
