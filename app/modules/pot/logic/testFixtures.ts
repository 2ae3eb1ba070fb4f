// Shared inputs for the pot logic tests (not used by production code).
import { Dec } from "../../../math/dec.js";
import type { DistributionSnapshot, WalletParser } from "./distributionTypes.js";
import type { MiningValve } from "./valves.js";

const STOS = 10n ** 18n;

/** spec-pot §3 default valves, in STOS: [start, end, reward, chain bp, resource bp, meta bp]. */
const DEFAULT_VALVE_TABLE: readonly (readonly [string, string, string, bigint, bigint, bigint])[] = [
  ["0", "16819200", "80", 2000n, 6000n, 2000n],
  ["16819200", "25228800", "40", 2000n, 6200n, 1800n],
  ["25228800", "29433600", "20", 2000n, 6400n, 1600n],
  ["29433600", "31536000", "10", 2000n, 6600n, 1400n],
  ["31536000", "32587200", "5", 2000n, 6800n, 1200n],
  ["32587200", "40000000", "2.5", 2000n, 7000n, 1000n],
];

/** Whole or decimal STOS to wei, exactly. */
export function stos(s: string): bigint {
  return Dec.parse(s).mulInt(STOS).truncateInt();
}

export const DEFAULT_VALVES: readonly MiningValve[] = DEFAULT_VALVE_TABLE.map(([start, end, reward, chain, res, meta]) => ({
  totalMinedValveStart: stos(start),
  totalMinedValveEnd: stos(end),
  miningReward: stos(reward),
  blockChainPercentageInBp: chain,
  resourceNodePercentageInBp: res,
  metaNodePercentageInBp: meta,
}));

/** The spec's placeholder convention (§11): every name is a valid wallet unless it starts with INVALID. */
export const placeholderWallets: WalletParser = (w) => (w.startsWith("INVALID") ? undefined : w);

/** Meta nodes paying themselves (owner = payee, no beneficiary). */
export function metaNodes(payees: readonly string[]): DistributionSnapshot["bondedMetaNodes"] {
  return payees.map((ownerAddress) => ({ ownerAddress, beneficiaryAddress: "" }));
}

/** TV1 (§11.1) state after RES1's prepay: S 8 STOS, Pt 20 STOS, Lt 2 285 714 285 715, 3 meta nodes. */
export function tv1Snapshot(overrides: Partial<DistributionSnapshot> = {}): DistributionSnapshot {
  return {
    effectiveTotalDeposit: 8n * STOS,
    unissuedPrepay: 20n * STOS,
    remainingOzoneLimit: 2_285_714_285_715n,
    depositNozRate: Dec.fromInt(1_000_000n),
    totalMinedToken: 0n,
    miningValves: DEFAULT_VALVES,
    communityTax: Dec.parse("0.02"),
    matureEpoch: 2016n,
    bondedMetaNodes: metaNodes(["META1", "META2", "META3"]),
    bondedMetaNodeCount: 3n,
    bondDenom: "wei",
    rewardDenom: "wei",
    ...overrides,
  };
}
