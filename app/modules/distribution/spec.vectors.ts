/**
 * spec-staking.md §14 data used by the distribution vectors, copied verbatim: the seven stratos-1
 * gentxs (TV0/TV2b: moniker, operator, ed25519 pubkey, self-bond, commission rate) and the TV2/TV3
 * fee amounts. The expected figures are written out in the tests, row by row.
 */
export interface Gentx {
  readonly moniker: string;
  readonly operator: string;
  readonly pubKeyBase64: string;
  readonly selfBond: bigint;
  readonly rate: string;
}

const STOS = 10n ** 18n;

export const MAINNET_GENTXS: readonly Gentx[] = [
  { moniker: "0xDevRawl", operator: "stvaloper1zy9qal508nvc9h0xqmyz500mkuxhteu7wn4sgp", pubKeyBase64: "NIh+ybQFoHDiNd133LcwUYjmGxR8ITta/2G1gpcq/AU=", selfBond: 90n * STOS, rate: "0.09" },
  { moniker: "NodeStake", operator: "stvaloper1g8fmnrz00sqh9pz3ghf8ram9q86te804f8pr28", pubKeyBase64: "OS06CQ+DAs44N8GqbLI0+5vpwPauIW5yIoyMdKQPX7w=", selfBond: 99n * STOS, rate: "0.05" },
  { moniker: "StakingCabin", operator: "stvaloper1990zcrfu2z24jaqn4w48tm9unvhwr9fn4r2cku", pubKeyBase64: "1yD0tlbMA9bNxmudmNbPOQwCci8aX/Fkpnx3wdqF4Qg=", selfBond: 10n * STOS, rate: "0.10" },
  { moniker: "WhisperNode🤐", operator: "stvaloper1qlp8jhykjxglutn4q493p7ltxkt7kw33uhxd44", pubKeyBase64: "v+PjwjheeKyNv4s2TmvTJrcFR5fG2OUQ4IpLQ8kYZ58=", selfBond: 99n * STOS, rate: "0.05" },
  { moniker: "[FPOOL]FrogePool", operator: "stvaloper19204mtgwql49vyex00ah7e5gg9znedf7ect6mr", pubKeyBase64: "MfKYfbEYN+mbhb81mbBtpt7TGaH6wgvmuz1Xkmsg7I4=", selfBond: 99n * STOS, rate: "0.05" },
  { moniker: "[NODERS]TEAM", operator: "stvaloper1ghkn8ra63422mcepdk0zzglzy6qax637g6fhzm", pubKeyBase64: "1SLhx96Wgk1gkr9Y1xd433tXb28JB56Fc2TtoIU/VwM=", selfBond: 99n * STOS, rate: "0.10" },
  { moniker: "stratos-validator-00", operator: "stvaloper1cxmws9w5ej8847q5ycfskhetrccnhrufrk2gyy", pubKeyBase64: "PrFvH4KYDtJYKQIK7mvnEfsMTifD8EhY3vwIpru5LP8=", selfBond: 99n * STOS, rate: "0.10" },
];

export const gentx = (moniker: string): Gentx => {
  const g = MAINNET_GENTXS.find((x) => x.moniker === moniker);
  if (g === undefined) throw new Error(`no gentx ${moniker}`);
  return g;
};

/** TV2: fee_collector at the end of block 100 = PoT epoch-1 validator slice (F2V + P2V) + two fees of 200 000 gas × 1 gwei. */
export const TV2_FEES = 16_000_000_000_000_000_000n + 244_999_989_281n + 2n * 200_000n * 1_000_000_000n;
/** TV3: fees allocated in BeginBlock 102 (three fees of 200 000 gas × 1 gwei + 123 456 789 wei). */
export const TV3_FEES = 3n * 200_000n * 1_000_000_000n + 123_456_789n;

/**
 * TV3's figures per moniker after one block of TV3_FEES over the seven genesis validators:
 * [outstanding rewards, accumulated commission], both DecCoins amounts of wei.
 */
export const TV3_EXPECTED_REWARD_AND_COMMISSION: Readonly<Record<string, readonly [string, string]>> = {
  "WhisperNode🤐": ["166386554621848739.000000000000000000", "8319327731092436.950000000000000000"],
  "[FPOOL]FrogePool": ["166386554621848739.000000000000000000", "8319327731092436.950000000000000000"],
  NodeStake: ["166386554621848739.000000000000000000", "8319327731092436.950000000000000000"],
  "[NODERS]TEAM": ["166386554621848739.000000000000000000", "16638655462184873.900000000000000000"],
  "stratos-validator-00": ["166386554621848739.000000000000000000", "16638655462184873.900000000000000000"],
  "0xDevRawl": ["151260504201680672.000000000000000000", "13613445378151260.480000000000000000"],
  StakingCabin: ["16806722689075630.000000000000000000", "1680672268907563.000000000000000000"],
};
